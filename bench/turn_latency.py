"""Turn latency: Koers service -> Rasa -> action server, next to a bare Rasa REST baseline.

Both are measured in the same run on this machine:
- koers: the real stack (``assistant.runner.Stack``) on loopback, user turns posted to the
  service's chat API (redaction, transcript storage, Rasa, custom actions, SQL tracker store);
- baseline: the ``rasa init`` template assistant (trained here, in-memory tracker store, no
  action server), user turns posted to Rasa's REST webhook.

Usage: python bench/turn_latency.py [--sequential N] [--concurrent M] [--turns-per-conv K]
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
import urllib.request
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.database import upgrade  # noqa: E402
from assistant.nlu.training import model_path, rasa_executable  # noqa: E402
from assistant.runner import Stack, StackPorts, free_port  # noqa: E402

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

Send = Callable[[aiohttp.ClientSession, str, str], Awaitable[None]]


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50_ms": round(percentile(values, 0.5) * 1000, 1),
        "p95_ms": round(percentile(values, 0.95) * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
        "mean_ms": round(statistics.fmean(values) * 1000, 1),
    }


async def run_conversation(send: Send, prefix: str, i: int, turns: Sequence[str]) -> list[float]:
    out: list[float] = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as http:
        for text in turns:
            t0 = time.perf_counter()
            await send(http, f"{prefix}-{i}", text)
            out.append(time.perf_counter() - t0)
    return out


async def measure(send: Send, prefix: str, sequential: int, concurrent: int, turns: Sequence[str]) -> dict:
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
            async with http.post(f"{url}/api/v1/chat") as resp:
                resp.raise_for_status()
                body = await resp.json()
            opened[cid] = body["conversation_id"], {"Authorization": f"Bearer {body['token']}"}
        real_cid, auth = opened[cid]
        async with http.post(f"{url}/api/v1/chat/{real_cid}/messages", json={"text": text}, headers=auth) as resp:
            resp.raise_for_status()
            await resp.read()

    return send


def rasa_sender(url: str) -> Send:
    async def send(http: aiohttp.ClientSession, cid: str, text: str) -> None:
        async with http.post(f"{url}/webhooks/rest/webhook", json={"sender": cid, "message": text}) as resp:
            resp.raise_for_status()
            await resp.read()

    return send


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sequential", type=int, default=5, help="conversations one after another")
    parser.add_argument("--concurrent", type=int, default=8, help="conversations at the same time")
    parser.add_argument("--turns-per-conv", type=int, default=len(KOERS_TURNS))
    args = parser.parse_args()
    if not model_path(ROOT).exists():
        print("No trained Koers model: run `koers train` (or `make bench`).", file=sys.stderr)
        return 1
    k_turns = KOERS_TURNS[: args.turns_per_conv]
    b_turns = BASELINE_TURNS[: args.turns_per_conv]
    results: dict = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "params": {"sequential": args.sequential, "concurrent": args.concurrent, "turns_per_conv": len(k_turns)},
    }
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        db = f"sqlite:///{tmp / 'bench.db'}"
        upgrade(db)
        stack = Stack(home=ROOT, ports=StackPorts(free_port(), free_port(), free_port()),
                      database_url=db, log_dir=tmp / "logs",
                      # All bench conversations come from one address: its limits would measure the limiter.
                      extra_env={"KOERS_IP_RATE_BURST": "100000", "KOERS_NEW_CHAT_BURST": "10000"})
        try:
            stack.start()
            stack.wait_healthy(timeout_s=300)
            print("koers: measuring ...", flush=True)
            results["koers"] = asyncio.run(measure(koers_sender(stack.url), "k", args.sequential,
                                                   args.concurrent, k_turns))
        finally:
            stack.stop()

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
            results["baseline"] = asyncio.run(measure(rasa_sender(f"http://127.0.0.1:{port}"), "b",
                                                      args.sequential, args.concurrent, b_turns))
        finally:
            proc.terminate()
            proc.wait(timeout=30)

    results["ratio"] = {
        mode: {k: round(results["koers"][mode][k] / results["baseline"][mode][k], 2)
               for k in ("p50_ms", "p95_ms", "max_ms")}
        for mode in ("sequential", "concurrent")
    }
    print()
    print(f"{'mode':<11} {'system':<9} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for mode in ("sequential", "concurrent"):
        for system in ("koers", "baseline"):
            r = results[system][mode]
            print(f"{mode:<11} {system:<9} {r['n']:>4} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['max_ms']:>8}")
        ratio = results["ratio"][mode]
        print(f"{mode:<11} {'ratio':<9} {'':>4} {ratio['p50_ms']:>8} {ratio['p95_ms']:>8} {ratio['max_ms']:>8}")
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"turn_latency-{datetime.now().strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"\nJSON: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
