"""bench/cpu.py: reading /proc/stat and /proc/<pid>/stat, and who used the CPU in a phase."""

from __future__ import annotations

import os

import pytest

from bench.cpu import TICK_S, CpuTicks, ProcTicks, Snapshot, parse_pid_stat, parse_proc_stat, snapshot, usage

PROC_STAT = """cpu  100 5 50 800 20 3 2 10 7 0
cpu0 60 5 30 350 10 2 1 6 7 0
cpu1 40 0 20 450 10 1 1 4 0 0
intr 12345 0 0
ctxt 999
btime 1700000000
"""


def test_proc_stat_counts_idle_and_iowait_as_idle_and_leaves_guest_out() -> None:
    cpus = parse_proc_stat(PROC_STAT)
    assert set(cpus) == {"cpu", "cpu0", "cpu1"}
    # user..steal = 100+5+50+800+20+3+2+10; idle + iowait = 820; guest (7) is inside user already.
    assert cpus["cpu"] == CpuTicks(busy=170, total=990, steal=10)
    assert cpus["cpu1"] == CpuTicks(busy=66, total=526, steal=4)


def test_pid_stat_with_spaces_and_parentheses_in_the_name() -> None:
    # state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
    fields = ["S", "45", "123", "123"] + ["9"] * 7 + ["700", "300", "20", "10"] + ["9"] * 4 + ["5555", "9"]
    p = parse_pid_stat(f"123 (we (i) rd) x) {' '.join(fields)}\n")
    assert p == ProcTicks(pid=123, comm="we (i) rd) x", ppid=45, ticks=1030, start=5555)


def _proc(pid: int, ppid: int, ticks: int, start: int = 1, comm: str = "p") -> ProcTicks:
    return ProcTicks(pid=pid, comm=comm, ppid=ppid, ticks=ticks, start=start)


def _snap(cpu: CpuTicks, *procs: ProcTicks) -> Snapshot:
    return Snapshot(cpus={"cpu": cpu, "cpu0": cpu}, procs={(p.pid, p.start): p for p in procs})


def test_usage_counts_each_process_and_reaped_child_for_its_nearest_named_ancestor() -> None:
    before = _snap(CpuTicks(busy=100, total=400, steal=0),
                   _proc(10, 1, 50), _proc(11, 10, 5), _proc(20, 1, 7), _proc(22, 20, 5),
                   _proc(30, 1, 100, comm="train"), _proc(40, 1, 900, start=1), _proc(1, 0, 0, comm="init"))
    after = _snap(CpuTicks(busy=280, total=600, steal=20),
                  _proc(10, 1, 80), _proc(11, 10, 15),  # rasa-a and its child: 30 + 10
                  # postmaster: 2 of its own + backend 22 reaped (5 before + 3 since); backend 21 is new
                  _proc(20, 1, 7 + 2 + 8), _proc(21, 20, 4),
                  _proc(30, 1, 160, comm="train"),  # someone else's work
                  _proc(40, 1, 3, start=2, comm="new"),  # pid 40 reused: a new process, counted from 0
                  _proc(1, 0, 900, comm="init"))  # the old pid 40 (900 ticks, none since) reaped by init
    used = usage(before, after, {10: "rasa-a", 20: "postgresql"})
    assert used["cpu_busy"] == 0.9  # 180 of 200 ticks
    assert used["cpu_steal"] == 0.1
    assert used["cpu_busy_per_core"] == {"cpu0": 0.9}
    assert used["cpu_seconds_busy"] == round(180 * TICK_S, 2)
    assert used["cpu_seconds_by_component"] == {
        "other": round(63 * TICK_S, 2), "postgresql": round(9 * TICK_S, 2), "rasa-a": round(40 * TICK_S, 2)}
    assert used["cpu_seconds_unattributed"] == round(68 * TICK_S, 2)  # 180 busy - 112 seen
    assert used["cpu_seconds_other_top"] == {
        "init": round(900 * TICK_S, 2), "train": round(60 * TICK_S, 2), "new": round(3 * TICK_S, 2)}


def test_snapshot_of_this_machine() -> None:
    if not os.path.exists("/proc/stat"):
        pytest.skip("no /proc (not Linux)")
    snap = snapshot()
    assert "cpu" in snap.cpus and any(k.startswith("cpu") and k != "cpu" for k in snap.cpus)
    mine = [p for (pid, _), p in snap.procs.items() if pid == os.getpid()]
    assert len(mine) == 1 and mine[0].ppid == os.getppid()
