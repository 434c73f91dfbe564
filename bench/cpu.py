"""Where the CPU went during a bench phase, read from /proc (Linux, no psutil).

``snapshot()`` before and after a phase; ``usage(before, after, roots)`` then gives the whole
machine's busy fraction (all cores and per core, from /proc/stat) and the CPU seconds (utime +
stime from /proc/<pid>/stat, plus cutime + cstime: children that ended and were reaped, such as
PostgreSQL backends of short-lived connections) per component: a process counts for the first of
itself and its ancestors that ``roots`` names (pid -> name), else for "other" (other work on a
shared machine).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROC = Path("/proc")
TICK_S = 1.0 / os.sysconf("SC_CLK_TCK")
SATURATED = 0.9  # busy fraction of all cores from which the host counts as saturated


@dataclass(frozen=True)
class CpuTicks:
    busy: int  # user + nice + system + irq + softirq + steal
    total: int  # busy + idle + iowait
    steal: int  # the hypervisor ran something else while this CPU had work


def parse_proc_stat(text: str) -> dict[str, CpuTicks]:
    """The ``cpu`` (all cores) and ``cpuN`` lines of /proc/stat. Guest time is already counted in
    user and nice, so only the first eight fields (user .. steal) add up to the total."""
    out: dict[str, CpuTicks] = {}
    for line in text.splitlines():
        parts = line.split()
        if not parts or not parts[0].startswith("cpu"):
            continue
        ticks = [int(f) for f in parts[1:9]]
        ticks += [0] * (8 - len(ticks))  # old kernels have fewer fields
        idle = ticks[3] + ticks[4]
        out[parts[0]] = CpuTicks(busy=sum(ticks) - idle, total=sum(ticks), steal=ticks[7])
    return out


@dataclass(frozen=True)
class ProcTicks:
    pid: int
    comm: str
    ppid: int
    ticks: int  # utime + stime + cutime + cstime: its threads (living and ended) and reaped children
    start: int  # starttime: with pid, tells a process from a later one with a reused pid


def parse_pid_stat(text: str) -> ProcTicks:
    """One /proc/<pid>/stat line. comm may hold spaces and ')', so split at the last ')'."""
    head, _, rest = text.rpartition(")")
    pid, _, comm = head.partition(" (")
    fields = rest.split()  # fields[0] is field 3 (state) of proc(5)
    ticks = sum(int(f) for f in fields[11:15])  # fields 14-17: utime, stime, cutime, cstime
    return ProcTicks(pid=int(pid), comm=comm, ppid=int(fields[1]), ticks=ticks, start=int(fields[19]))


@dataclass(frozen=True)
class Snapshot:
    cpus: dict[str, CpuTicks]
    procs: dict[tuple[int, int], ProcTicks]  # by (pid, start)


def snapshot() -> Snapshot:
    procs: dict[tuple[int, int], ProcTicks] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                p = parse_pid_stat((entry / "stat").read_text())
            except (OSError, ValueError, IndexError):  # ended meanwhile
                continue
            procs[(p.pid, p.start)] = p
    return Snapshot(cpus=parse_proc_stat((PROC / "stat").read_text()), procs=procs)


def find_pid(comm: str, needle: str) -> int | None:
    """The first process named ``comm`` whose command line (spaces between args) holds ``needle``."""
    for entry in PROC.iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() == comm:
                args = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                if needle in args:
                    return int(entry.name)
        except OSError:
            continue
    return None


def _owner(pid: int, parent: Mapping[int, int], roots: Mapping[int, str]) -> str:
    for _ in range(64):  # bounded: a process tree is never this deep here
        if pid in roots:
            return roots[pid]
        if pid <= 1 or pid not in parent:
            break
        pid = parent[pid]
    return "other"


def _fraction(before: CpuTicks, after: CpuTicks, field: str) -> float | None:
    total = after.total - before.total
    return round((getattr(after, field) - getattr(before, field)) / total, 3) if total > 0 else None


def usage(before: Snapshot, after: Snapshot, roots: Mapping[int, str]) -> dict[str, Any]:
    """Busy fractions between the snapshots and CPU seconds per component. A process that started
    in between counts from zero. One that ended in between counts through its parent's cutime +
    cstime once reaped (its whole life), minus what it had used at ``before``. Busy time left over
    (kernel work charged to no process, children not reaped by the end) is "unattributed"."""
    parent = {p.pid: p.ppid for snap in (before, after) for p in snap.procs.values()}
    seconds: Counter[str] = Counter()  # ticks per component
    # Indicative: ticks of "other" per command name, reaped children under their reaper's name.
    other: Counter[str] = Counter()
    deltas = [(p, p.ticks - (before.procs[k].ticks if k in before.procs else 0)) for k, p in after.procs.items()]
    deltas += [(p, -p.ticks) for k, p in before.procs.items() if k not in after.procs]
    for p, ticks in deltas:
        owner = _owner(p.pid, parent, roots)
        seconds[owner] += ticks
        if owner == "other" and ticks > 0:
            other[p.comm] += ticks
    cores = sorted((k for k in after.cpus if k != "cpu" and k in before.cpus), key=lambda k: int(k[3:]))
    busy_s = (after.cpus["cpu"].busy - before.cpus["cpu"].busy) * TICK_S
    return {
        "cpu_busy": _fraction(before.cpus["cpu"], after.cpus["cpu"], "busy"),
        "cpu_busy_per_core": {c: _fraction(before.cpus[c], after.cpus[c], "busy") for c in cores},
        "cpu_steal": _fraction(before.cpus["cpu"], after.cpus["cpu"], "steal"),
        "cpu_seconds_busy": round(busy_s, 2),
        "cpu_seconds_unattributed": round(busy_s - sum(seconds.values()) * TICK_S, 2),
        "cpu_seconds_by_component": {k: round(v * TICK_S, 2) for k, v in sorted(seconds.items())},
        "cpu_seconds_other_top": {k: round(v * TICK_S, 2) for k, v in other.most_common(3)},
    }
