"""Turn latency: Koers service -> Rasa -> action server, next to a bare Rasa REST baseline.

Everything below is measured in the same run on this machine:
- koers: the real stack (``assistant.runner.Stack``) on loopback, user turns posted to the
  service's chat API (redaction, transcript storage, Rasa, custom actions, SQL tracker store);
- stages of that same stack, per user turn, conversation by conversation interleaved with the
  koers turns (so machine load falls on every stage alike):
  (a) service: the Koers chat API (the koers sequential figures),
  (b) rasa_webhook: Rasa's REST webhook of the stack directly (NLU, policies, action-server
      calls, SQL tracker store), a fresh sender per conversation, same texts, no metadata,
  (c) nlu_parse: Rasa's ``POST /model/parse`` alone for the same texts,
  (d) actions: the custom-action calls Rasa made in (b), replayed to the action server's
      ``POST /webhook`` with the payload Rasa sends (next_action, the tracker as it was just
      before the action, the domain), summed per user turn;
- baseline: the ``rasa init`` template assistant (trained here, in-memory tracker store, no
  action server), user turns posted to Rasa's REST webhook;
- with ``--replicas 2``: the replica topology of tests/scale/replica_stack.py (PostgreSQL, Redis,
  HAProxy) once with ONE Rasa, action server and Koers service and once with TWO of each, same
  PostgreSQL and Redis servers (a fresh database each); throughput in user turns per second at
  20 and 50 conversations at once through HAProxy, and per phase where the CPU went
  (bench/cpu.py: the whole machine's busy fraction, CPU seconds per component).

Usage: python bench/turn_latency.py [--sequential N] [--concurrent M] [--turns-per-conv K]
                                    [--replicas {1,2}] [--replica-turns T] [--replica-load 20,50]
Prints a table and writes JSON to bench/results/turn_latency-<timestamp>.json. Not run in CI.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.database import upgrade  # noqa: E402
from assistant.nlu.training import model_path, rasa_executable  # noqa: E402
from assistant.runner import Stack, StackPorts, free_port  # noqa: E402
from bench import cpu  # noqa: E402

KOERS_TURNS = [
    "hallo",
    "ik werk in loondienst",
    "ik heb mbo 2",
    "ik ben 45",
    "ik werk in de zorg en wil verder groeien",
    "in utrecht",
    "weet ik niet",
    "ja",
]
BASELINE_TURNS = ["hello", "I am sad", "yes", "great", "bye", "hi", "good", "goodbye"]
TARGET_LATENCY_RATIO = 2.0  # issue #12: Koers p50 and p95 per turn <= 2x the bare rasa init bot
TARGET_REPLICA_RATIO = 1.7  # issue #12: two replicas >= 1.7x the turns/s of one
TIMEOUT = aiohttp.ClientTimeout(total=180)
# All bench conversations come from one address: its limits would measure the limiter.
NO_LIMITS = {"KOERS_IP_RATE_BURST": "100000", "KOERS_NEW_CHAT_BURST": "10000", "KOERS_CHAT_RATE_BURST": "10000"}

Send = Callable[[aiohttp.ClientSession, str, str], Awaitable[None]]


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(values: Sequence[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "p50_ms": round(percentile(values, 0.5) * 1000, 1),
        "p95_ms": round(percentile(values, 0.95) * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
        "mean_ms": round(statistics.fmean(values) * 1000, 1),
    }


async def run_conversation(send: Send, prefix: str, i: int, turns: Sequence[str]) -> list[float]:
    out: list[float] = []
    async with aiohttp.ClientSession(timeout=TIMEOUT) as http:
        for text in turns:
            t0 = time.perf_counter()
            await send(http, f"{prefix}-{i}", text)
            out.append(time.perf_counter() - t0)
    return out


async def measure(send: Send, prefix: str, sequential: int, concurrent: int, turns: Sequence[str]) -> dict[str, Any]:
    await run_conversation(send, f"{prefix}-warm", 0, turns[:2])  # first turns load lazily: not measured
    seq: list[float] = []
    for i in range(sequential):
        seq += await run_conversation(send, f"{prefix}-seq", i, turns)
    conc_lists = await asyncio.gather(
        *(run_conversation(send, f"{prefix}-conc", i, turns) for i in range(concurrent))
    )
    conc = [t for lst in conc_lists for t in lst]
    return {"sequential": summary(seq), "concurrent": summary(conc)}


def koers_sender(url: str) -> Send:
    # The bench's name of a conversation -> the service's id and the token that opens it (made
    # on the first message, as the widget does; the first turn's time includes that call).
    opened: dict[str, tuple[str, dict[str, str]]] = {}

    async def send(http: aiohttp.ClientSession, cid: str, text: str) -> None:
        if cid not in opened:
            opened[cid] = await open_chat(http, url)
        real_cid, auth = opened[cid]
        async with http.post(f"{url}/api/v1/chat/{real_cid}/messages", json={"text": text}, headers=auth) as resp:
            resp.raise_for_status()
            await resp.read()

    return send


async def open_chat(http: aiohttp.ClientSession, url: str) -> tuple[str, dict[str, str]]:
    async with http.post(f"{url}/api/v1/chat") as resp:
        resp.raise_for_status()
        body = await resp.json()
    return str(body["conversation_id"]), {"Authorization": f"Bearer {body['token']}"}


def rasa_sender(url: str) -> Send:
    async def send(http: aiohttp.ClientSession, cid: str, text: str) -> None:
        async with http.post(f"{url}/webhooks/rest/webhook", json={"sender": cid, "message": text}) as resp:
            resp.raise_for_status()
            await resp.read()

    return send


# -- per-stage breakdown on the running stack ----------------------------------------------------
@dataclass
class StageProbe:
    """Direct access to the Rasa server and the action server of one running Koers stack."""

    rasa_url: str
    token: str
    action_url: str
    rasa_version: str = ""
    domain: dict[str, Any] | None = None
    custom_actions: frozenset[str] = frozenset()
    non_200: int = 0

    def _params(self, **extra: str) -> dict[str, str]:
        return {"token": self.token, **extra}

    async def load(self, http: aiohttp.ClientSession) -> None:
        async with http.get(f"{self.rasa_url}/version") as resp:
            resp.raise_for_status()
            self.rasa_version = str((await resp.json())["version"])
        async with http.get(f"{self.rasa_url}/domain", params=self._params(),
                            headers={"Accept": "application/json"}) as resp:
            resp.raise_for_status()
            self.domain = await resp.json()
        async with http.get(f"{self.action_url}/actions") as resp:
            resp.raise_for_status()
            self.custom_actions = frozenset(str(a["name"]) for a in await resp.json())

    async def webhook_turn(self, http: aiohttp.ClientSession, sender: str, text: str) -> float:
        t0 = time.perf_counter()
        body = {"sender": sender, "message": text}
        async with http.post(f"{self.rasa_url}/webhooks/rest/webhook", json=body) as resp:
            resp.raise_for_status()
            await resp.read()
        return time.perf_counter() - t0

    async def parse(self, http: aiohttp.ClientSession, text: str) -> float:
        t0 = time.perf_counter()
        async with http.post(f"{self.rasa_url}/model/parse", params=self._params(), json={"text": text}) as resp:
            resp.raise_for_status()
            await resp.read()
        return time.perf_counter() - t0

    async def tracker(self, http: aiohttp.ClientSession, sender: str, until: float | None = None) -> dict[str, Any]:
        params = self._params(include_events="ALL")
        if until is not None:
            params["until"] = repr(until)
        async with http.get(f"{self.rasa_url}/conversations/{sender}/tracker", params=params) as resp:
            resp.raise_for_status()
            data: dict[str, Any] = await resp.json()
        return data

    async def replay_actions(self, http: aiohttp.ClientSession, sender: str) -> list[dict[str, float]]:
        """Per user turn of ``sender``: the custom-action calls Rasa made, sent again to the action
        server with the payload Rasa sends (tracker as it was just before the action, domain).
        Not timed: reading the trackers. Timed: each ``POST /webhook``, summed per turn."""
        events = (await self.tracker(http, sender))["events"]
        turns: list[dict[str, float]] = []
        for event in events:
            if event.get("event") == "user":
                turns.append({"seconds": 0.0, "calls": 0, "payload_bytes": 0})
            elif event.get("event") == "action" and event.get("name") in self.custom_actions and turns:
                before = await self.tracker(http, sender, until=float(event["timestamp"]) - 1e-6)
                body = json.dumps({"next_action": event["name"], "sender_id": sender, "tracker": before,
                                   "domain": self.domain, "version": self.rasa_version}).encode("utf-8")
                t0 = time.perf_counter()
                async with http.post(f"{self.action_url}/webhook", data=body,
                                     headers={"Content-Type": "application/json"}) as resp:
                    await resp.read()
                    if resp.status != 200:  # e.g. a rejected action: still a call Rasa made, counted apart
                        self.non_200 += 1
                turns[-1]["seconds"] += time.perf_counter() - t0
                turns[-1]["calls"] += 1
                turns[-1]["payload_bytes"] += len(body)
        return turns


async def measure_stages(url: str, probe: StageProbe, sequential: int, concurrent: int,
                         turns: Sequence[str]) -> dict[str, Any]:
    """Sequential conversations, each stage in turn per conversation; then the concurrent koers run."""
    send = koers_sender(url)
    stages: dict[str, list[float]] = {"service": [], "rasa_webhook": [], "nlu_parse": [], "actions": []}
    calls: list[float] = []
    payload: list[float] = []
    async with aiohttp.ClientSession(timeout=TIMEOUT) as http:
        await probe.load(http)
        # Warm-up (not measured): first turns load lazily in every process.
        await run_conversation(send, "k-warm", 0, turns[:2])
        for text in turns[:2]:
            await probe.webhook_turn(http, f"bench-warm-{uuid.uuid4().hex[:8]}", text)
        for i in range(sequential):
            stages["service"] += await run_conversation(send, "k-seq", i, turns)
            sender = f"bench-b-{uuid.uuid4().hex[:12]}"
            for text in turns:
                stages["rasa_webhook"].append(await probe.webhook_turn(http, sender, text))
            for text in turns:
                stages["nlu_parse"].append(await probe.parse(http, text))
            replayed = await probe.replay_actions(http, sender)
            stages["actions"] += [t["seconds"] for t in replayed]
            calls += [t["calls"] for t in replayed]
            payload += [t["payload_bytes"] / t["calls"] for t in replayed if t["calls"]]
    conc_lists = await asyncio.gather(*(run_conversation(send, "k-conc", i, turns) for i in range(concurrent)))
    conc = [t for lst in conc_lists for t in lst]
    out = {name: summary(values) for name, values in stages.items()}

    def diff(a: str, b: str, *minus: str) -> dict[str, float]:
        return {k: round(out[a][k] - out[b][k] - sum(out[m][k] for m in minus), 1)
                for k in ("p50_ms", "p95_ms", "mean_ms")}

    derived = {
        "service_overhead_a_minus_b": diff("service", "rasa_webhook"),
        "dialogue_and_actions_b_minus_c": diff("rasa_webhook", "nlu_parse"),
        "dialogue_without_actions_b_minus_c_minus_d": diff("rasa_webhook", "nlu_parse", "actions"),
    }
    action_calls = {
        "per_turn_mean": round(statistics.fmean(calls), 2) if calls else 0.0,
        "per_turn_max": max(calls) if calls else 0,
        "payload_bytes_mean": round(statistics.fmean(payload)) if payload else 0,
        "payload_bytes_max": round(max(payload)) if payload else 0,
        "replayed_non_200": probe.non_200,
    }
    return {"sequential": out["service"], "concurrent": summary(conc),
            "stages": {**out, "derived": derived, "action_calls": action_calls}}


STAGES_NOTE = (
    "Stages measured per user turn on the same running stack, conversation by conversation in turn "
    "(a koers conversation, then the same texts to Rasa's REST webhook with a fresh sender, then each "
    "text to /model/parse, then the action replay). service = (a) the Koers chat API; rasa_webhook = (b) "
    "/webhooks/rest/webhook of the stack's Rasa (NLU, policies, action calls, SQL tracker store; no "
    "metadata, no greet trigger); nlu_parse = (c) POST /model/parse; actions = (d) every custom-action call "
    "Rasa made in (b), replayed afterwards to the action server's POST /webhook with the payload Rasa sends "
    "(next_action, the tracker read back via GET /conversations/<id>/tracker?until=<just before the action>, "
    "the domain from GET /domain), timed per call and summed per user turn (0 for turns without a custom "
    "action). Derived values subtract percentiles (p50 of a minus p50 of b): only the means add up exactly; "
    "the percentile differences are indications."
)


# -- two replicas against one ------------------------------------------------------------------
def sized_replica_stack(names: Sequence[str], **kwargs: Any) -> Any:
    """tests/scale/replica_stack.py's ReplicaStack with one replica of each component per name."""
    import shutil

    from tests.scale.replica_stack import ReplicaStack

    # Said here: the stack itself skips the test without it (pytest), which means nothing here.
    if shutil.which("haproxy") is None:
        raise RuntimeError("haproxy niet gevonden (Debian: apt-get install -y haproxy)")
    stack = ReplicaStack(**kwargs, names=tuple(names))
    stack.stack.extra_env.update(NO_LIMITS)
    return stack


async def throughput(url: str, conversations: int, turns: Sequence[str],
                     roots: Mapping[int, str] | None = None) -> dict[str, Any]:
    """``conversations`` people at once, each saying ``turns``: opened first (not timed), then
    all turns; turns per second = turns the bot answered / wall time of that part. With ``roots``
    (pid -> component), also where the CPU went during that timed part (bench/cpu.py)."""
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=TIMEOUT, connector=connector) as http:
        opened = await asyncio.gather(*(open_chat(http, url) for _ in range(conversations)))
        latencies: list[float] = []
        failed = {"errors": 0, "kept": 0, "no_answer": 0}

        async def person(cid: str, auth: dict[str, str]) -> None:
            for text in turns:
                t0 = time.perf_counter()
                why, body = "", None
                try:
                    async with http.post(f"{url}/api/v1/chat/{cid}/messages", json={"text": text},
                                         headers=auth) as resp:
                        body = await resp.json(content_type=None) if resp.status == 200 else None
                        why = "" if resp.status == 200 else "errors"
                except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                    why = "errors"
                if not why and isinstance(body, dict):
                    messages = body.get("messages") or []
                    # A message kept for later ("even geduld": Rasa did not answer in time) is no turn served.
                    if any(m.get("kind") == "kept" for m in messages):
                        why = "kept"
                    elif not messages:
                        why = "no_answer"
                if why:
                    failed[why] += 1
                else:
                    latencies.append(time.perf_counter() - t0)

        before = cpu.snapshot() if roots is not None else None
        t0 = time.perf_counter()
        await asyncio.gather(*(person(cid, auth) for cid, auth in opened))
        wall = time.perf_counter() - t0
        used = cpu.usage(before, cpu.snapshot(), roots) if before is not None and roots is not None else {}
    out = {"conversations": conversations, "turns_ok": len(latencies), **failed,
           "wall_s": round(wall, 2), "turns_per_s": round(len(latencies) / wall, 2),
           "latency": summary(latencies), **used}
    if used and latencies:
        stack_s = sum(v for k, v in used["cpu_seconds_by_component"].items() if k not in ("bench", "other"))
        out["cpu_seconds_per_turn"] = {"machine": round(used["cpu_seconds_busy"] / len(latencies), 4),
                                       "stack": round(stack_s / len(latencies), 4)}
    return out


def stack_roots(stack: Any, pg_port: int, redis_port: int) -> dict[int, str]:
    """pid -> component for bench/cpu.py: each process the replica stack started (its children
    count with it), the PostgreSQL postmaster (its backends), Redis, and this process (the load
    generator). PostgreSQL and Redis are found by their port on the command line."""
    roots = {proc.pid: name for name, proc in stack.stack.procs.items()}
    for name, pid in (("postgresql", cpu.find_pid("postgres", f"-p {pg_port} ")),
                      ("redis", cpu.find_pid("redis-server", f"127.0.0.1:{redis_port}"))):
        if pid is None:
            raise RuntimeError(f"{name} on its port not found in /proc")
        roots[pid] = name
    roots[os.getpid()] = "bench"
    return roots


def measure_replicas(names: Sequence[str], pg: Any, redis: Any, run_dir: Path, loads: Sequence[int],
                     turns: Sequence[str], start_timeout_s: float) -> dict[str, Any]:
    url = pg.create_database(f"koers_bench_{len(names)}_{uuid.uuid4().hex[:8]}")
    upgrade(url)
    run_dir.mkdir(parents=True, exist_ok=True)
    stack = sized_replica_stack(names, home=ROOT, run_dir=run_dir, database_url=url, redis_url=redis.url)
    stack.start()
    try:
        took = stack.wait_ready(start_timeout_s)
        print(f"replicas x{len(names)}: ready in {took:.0f} s; measuring ...", flush=True)
        # Warm-up (not measured): every process behind HAProxy serves a first turn.
        asyncio.run(throughput(stack.url, 2 * len(names), turns[:2]))
        roots = stack_roots(stack, pg.port, redis.port)
        out: dict[str, Any] = {"replicas": len(names)}
        for load in loads:
            r = out[f"at_{load}"] = asyncio.run(throughput(stack.url, load, turns, roots))
            print(f"  {load} at once: {r['turns_per_s']} turns/s, CPU busy {r['cpu_busy']}", flush=True)
        return out
    except Exception:
        for name in stack.stack.procs:
            print(f"--- {name} ---\n{stack.log_tail(name)}", file=sys.stderr)
        raise
    finally:
        stack.stop()


def phase_cpu(phase: Mapping[str, Any], cpus: int) -> dict[str, float]:
    """Who had the cores in one throughput phase: the stack (its components and the load
    generator), other work on the machine, and busy time no process accounts for."""
    by = phase["cpu_seconds_by_component"]
    busy, wall = float(phase["cpu_seconds_busy"]), float(phase["wall_s"])
    ours = sum(v for k, v in by.items() if k != "other")
    unattributed = phase.get("cpu_seconds_unattributed", busy - sum(by.values()))
    return {"busy": phase["cpu_busy"], "stack_cores": round(ours / wall, 2) if wall else 0.0,
            "stack_share_of_cores": round(ours / wall / cpus, 3) if wall else 0.0,
            "other_share_of_busy": round(by.get("other", 0.0) / busy, 3) if busy else 0.0,
            "unattributed_share_of_busy": round(unattributed / busy, 3) if busy else 0.0}


def cpu_saturation(one: Mapping[str, Any], two: Mapping[str, Any], cpus: int) -> dict[str, Any]:
    """Whether the host (and the stack itself) had its cores busy in each replica phase."""
    phases = {f"{name}_{key}": phase_cpu(side[key], cpus)
              for name, side in (("one", one), ("two", two)) for key in side if key.startswith("at_")}
    one_keys = [k for k in one if k.startswith("at_")]
    return {
        "threshold_busy": cpu.SATURATED,
        "one_replica_host_saturated": {k: phases[f"one_{k}"]["busy"] >= cpu.SATURATED for k in one_keys},
        "one_replica_stack_saturated": {k: phases[f"one_{k}"]["stack_share_of_cores"] >= cpu.SATURATED
                                        for k in one_keys},
        "phases": phases,
        "note": (
            f"The {TARGET_REPLICA_RATIO}x target presumes the second replica gets CPU of its own (another host "
            "or free cores). busy = non-idle share of all cores (/proc/stat, steal counted as busy) during the "
            "timed part of a phase; cpu_seconds_by_component (per phase) = utime + stime (/proc/<pid>/stat) of "
            "each process and its children: rasa-*, actions-*, koers-*, haproxy, postgresql, redis, bench = "
            "the load generator (this process), other = other work on this shared machine; children that "
            "ended count for their parent (cutime + cstime), e.g. PostgreSQL backends. stack_cores = CPU "
            "seconds of the stack and the load generator / wall time; unattributed = busy time no process "
            "accounts for. host saturated = busy >= "
            "threshold; stack saturated = the stack alone used >= threshold of all cores. Only when the stack "
            "alone fills the cores with one replica can a second replica on the same host add nothing."),
    }


def replica_comparison(loads: Sequence[int], turns: Sequence[str], start_timeout_s: float) -> dict[str, Any]:
    from tests.scale.servers import postgres_server, redis_server

    with postgres_server() as pg, redis_server() as redis, tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        one = measure_replicas(("a",), pg, redis, tmp / "one", loads, turns, start_timeout_s)
        two = measure_replicas(("a", "b"), pg, redis, tmp / "two", loads, turns, start_timeout_s)
    saturation = cpu_saturation(one, two, os.cpu_count() or 1)
    return {"one": one, "two": two, "turns_per_conv": len(turns), "cpu_saturation": saturation, "note": (
        "Same topology as tests/scale/replica_stack.py (PostgreSQL 15, Redis, HAProxy from deploy/haproxy.cfg "
        "on loopback), once with 1 Rasa + 1 action server + 1 Koers service and once with 2 of each, on the "
        "same PostgreSQL and Redis servers (a fresh database each), one after the other in this run. "
        "Conversations are opened first (not timed); turns_per_s = turns answered (200 with a bot message, "
        "not kept for later) / wall time. "
        "All processes share this machine's CPUs (see cpus): two replicas on 2 cores cannot add CPU, so the "
        "ratio shows what the topology costs and gains here, not what it does on separate hosts.")}


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or not b:
        return None
    return round(a / b, 2)


def baseline_project(workdir: Path) -> Path:
    print("baseline: rasa init (template assistant) + training ...", flush=True)
    t0 = time.perf_counter()
    subprocess.run([rasa_executable(), "init", "--no-prompt", "--init-dir", str(workdir)], check=True,
                   cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"baseline trained in {time.perf_counter() - t0:.0f} s", flush=True)
    models = sorted((workdir / "models").glob("*.tar.gz"))
    if not models:
        raise RuntimeError("rasa init produced no model")
    return models[-1]


def wait_for(url: str, timeout_s: float = 300) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=3) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise RuntimeError(f"{url} not up after {timeout_s}s")


def measure_koers(args: argparse.Namespace, turns: Sequence[str], tmp: Path) -> dict[str, Any]:
    db = f"sqlite:///{tmp / 'bench.db'}"
    upgrade(db)
    stack = Stack(home=ROOT, ports=StackPorts(free_port(), free_port(), free_port()),
                  database_url=db, log_dir=tmp / "logs", extra_env=dict(NO_LIMITS))
    try:
        stack.start()
        stack.wait_healthy(timeout_s=300)
        print("koers: measuring (stages interleaved, then concurrent) ...", flush=True)
        probe = StageProbe(rasa_url=stack.rasa_url, token=stack.rasa_token,
                           action_url=f"http://127.0.0.1:{stack.ports.actions}")
        return asyncio.run(measure_stages(stack.url, probe, args.sequential, args.concurrent, turns))
    finally:
        stack.stop()


def measure_baseline(args: argparse.Namespace, turns: Sequence[str], tmp: Path) -> dict[str, Any]:
    base_dir = tmp / "baseline"
    base_dir.mkdir()
    model = baseline_project(base_dir)
    port = free_port()
    proc = subprocess.Popen(
        [rasa_executable(), "run", "--model", str(model), "--port", str(port), "--interface", "127.0.0.1",
         "--credentials", str(base_dir / "credentials.yml")],
        cwd=base_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        print("baseline: measuring ...", flush=True)
        return asyncio.run(measure(rasa_sender(f"http://127.0.0.1:{port}"), "b",
                                   args.sequential, args.concurrent, turns))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def print_table(results: dict[str, Any]) -> None:
    print()
    print(f"{'mode':<11} {'system':<9} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for mode in ("sequential", "concurrent"):
        for system in ("koers", "baseline"):
            r = results[system][mode]
            print(f"{mode:<11} {system:<9} {r['n']:>4} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['max_ms']:>8}")
        rr = results["ratio"][mode]
        print(f"{mode:<11} {'ratio':<9} {'':>4} {rr['p50_ms']:>8} {rr['p95_ms']:>8} {rr['max_ms']:>8}")
    print(f"\n{'stage':<44} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}")
    stages = results["koers"]["stages"]
    for name in ("service", "rasa_webhook", "nlu_parse", "actions"):
        r = stages[name]
        print(f"{name:<44} {r['n']:>4} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['mean_ms']:>8}")
    for name, r in stages["derived"].items():
        print(f"{name:<44} {'':>4} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['mean_ms']:>8}")
    if "replicas" in results:
        print()
        for key in results["replicas"]["one"]:
            if key.startswith("at_"):
                one, two = results["replicas"]["one"][key], results["replicas"]["two"][key]
                print(f"{key[3:]:>3} at once: one {one['turns_per_s']} turns/s (CPU busy {one.get('cpu_busy')}), "
                      f"two {two['turns_per_s']} turns/s (CPU busy {two.get('cpu_busy')})")
        sat = results["replicas"]["cpu_saturation"]
        print("one replica: host saturated", json.dumps(sat["one_replica_host_saturated"]),
              "stack alone saturated", json.dumps(sat["one_replica_stack_saturated"]))
        for name, ph in sat["phases"].items():
            print(f"  {name}: busy {ph['busy']}, stack {ph['stack_cores']} cores, "
                  f"other work {ph['other_share_of_busy']} and unattributed {ph['unattributed_share_of_busy']} of busy")
    print("\nratios:", json.dumps(results["ratios"]), "\ntargets_met:", json.dumps(results["targets_met"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sequential", type=int, default=5, help="conversations one after another")
    parser.add_argument("--concurrent", type=int, default=8, help="conversations at the same time")
    parser.add_argument("--turns-per-conv", type=int, default=len(KOERS_TURNS))
    parser.add_argument("--replicas", type=int, choices=(1, 2), default=1,
                        help="2: also compare two replicas with one behind HAProxy (PostgreSQL, Redis)")
    parser.add_argument("--replica-turns", type=int, default=4, help="turns per conversation in the replica runs")
    parser.add_argument("--replica-load", default="20,50", help="conversations at once, comma-separated")
    parser.add_argument("--replica-start-timeout", type=float, default=600.0)
    args = parser.parse_args()
    if not model_path(ROOT).exists():
        print("No trained Koers model: run `koers train` (or `make bench`).", file=sys.stderr)
        return 1
    k_turns = KOERS_TURNS[: args.turns_per_conv]
    b_turns = BASELINE_TURNS[: args.turns_per_conv]
    loads = [int(x) for x in args.replica_load.split(",") if x.strip()]
    cpus = os.cpu_count()
    model = model_path(ROOT)
    results: dict[str, Any] = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "cpus": cpus,
        "machine": {"cpus": cpus, "python": platform.python_version(), "platform": platform.platform()},
        "model": {"path": str(model.relative_to(ROOT)), "resolved": str(model.resolve()),
                  "mtime": datetime.fromtimestamp(model.stat().st_mtime, timezone.utc).isoformat(timespec="seconds")},
        "params": {"sequential": args.sequential, "concurrent": args.concurrent, "turns_per_conv": len(k_turns),
                   "replicas": args.replicas, "replica_turns": args.replica_turns, "replica_load": loads},
    }
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        results["koers"] = measure_koers(args, k_turns, tmp)
        results["koers"]["stages"]["note"] = STAGES_NOTE
        results["baseline"] = measure_baseline(args, b_turns, tmp)
    if args.replicas == 2:
        try:
            results["replicas"] = replica_comparison(loads, KOERS_TURNS[: args.replica_turns],
                                                     args.replica_start_timeout)
        except Exception as exc:  # keep what was measured; say why the replica part is missing
            traceback.print_exc()
            print(f"replica mode failed: {exc!r}", file=sys.stderr)
            results["replica_error"] = repr(exc)

    results["ratio"] = {
        mode: {k: ratio(results["koers"][mode][k], results["baseline"][mode][k])
               for k in ("p50_ms", "p95_ms", "max_ms")}
        for mode in ("sequential", "concurrent")
    }
    ratios: dict[str, float | None] = {
        "p50_koers_over_baseline": results["ratio"]["sequential"]["p50_ms"],
        "p95_koers_over_baseline": results["ratio"]["sequential"]["p95_ms"],
    }
    targets: dict[str, bool | None] = {
        "p50_koers_within_2x_baseline": _within(ratios["p50_koers_over_baseline"], TARGET_LATENCY_RATIO),
        "p95_koers_within_2x_baseline": _within(ratios["p95_koers_over_baseline"], TARGET_LATENCY_RATIO),
    }
    for load in loads:
        two_over_one = None
        if "replicas" in results and f"at_{load}" in results["replicas"]["two"]:
            two_over_one = ratio(results["replicas"]["two"][f"at_{load}"]["turns_per_s"],
                                 results["replicas"]["one"][f"at_{load}"]["turns_per_s"])
        ratios[f"throughput_two_over_one_at_{load}"] = two_over_one
        targets[f"two_replicas_at_least_1.7x_at_{load}"] = (
            None if two_over_one is None else two_over_one >= TARGET_REPLICA_RATIO)
    results["ratios"] = ratios
    results["targets_met"] = targets
    results["note"] = (
        f"Measured on a shared machine with {cpus} CPUs, other work running (numbers taken under load). "
        "Latency ratios are sequential turns, Koers service vs the bare rasa init REST bot, same run. "
        "null = not measured in this run (replica mode needs --replicas 2). With 2 cores every replica's "
        "processes compete for the same CPUs, so the replica ratio cannot show scaling across hosts; "
        "replicas.cpu_saturation says how busy the host was in each replica phase.")
    print_table(results)
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"turn_latency-{datetime.now().strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"\nJSON: {out.relative_to(ROOT)}")
    return 0


def _within(value: float | None, bound: float) -> bool | None:
    return None if value is None else value <= bound


if __name__ == "__main__":
    raise SystemExit(main())
