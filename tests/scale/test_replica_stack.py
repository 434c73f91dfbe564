"""Replicas tested for real (issue #12, item 2): two of everything behind HAProxy, on loopback.

A throwaway PostgreSQL 15 and Redis, 2 Rasa servers, 2 action servers and 2 Koers services
behind a real HAProxy (tests/scale/replica_stack.py). Then:

- an adviser on replica A takes over a conversation whose person talks on replica B directly;
  both see the other's messages within 2 s (the issue's bar);
- 200 scripted conversations at once through HAProxy's public frontend, while one Rasa server
  and one Koers service are killed with SIGKILL part-way. Every conversation must finish
  through the other replicas, with 0 lost, 0 duplicated and 0 out-of-order messages, checked
  against the database and against what each client received.

A client whose request fails at the connection level (HAProxy's 502/503 when the replica died
under it, or a dropped connection) does what the widget can: the web API has no idempotency key,
so it first reads the conversation's messages and sends again only when its message was not
stored. A message that was stored is answered by the service (kept messages are retried), and
the client reads that answer from the history, as the widget does after "even geduld".
"""

from __future__ import annotations

import asyncio
import random
import secrets
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import create_engine, text

from tests.scale.figures import report
from tests.scale.replica_stack import ReplicaStack
from tests.scale.servers import Postgres, Redis

pytestmark = [pytest.mark.e2e, pytest.mark.replica]

ROOT = Path(__file__).resolve().parents[2]
CONVERSATIONS = 200
START_TIMEOUT_S = 420.0
TAKEOVER_BAR_S = 2.0  # the bar: both sides see the other's message within 2 s
TIMEOUT = aiohttp.ClientTimeout(total=180)
# How long a client waits for the answer to a stored message (a kept message is retried by the
# service: after its replica died, once the turn lock and the retry loop's lead expire).
ANSWER_WAIT_S = 240.0
# Part of all turns done when the kills happen: mid-way, so turns run before, during and after.
KILL_RASA_AT, KILL_KOERS_AT = 0.3, 0.5

# Ordinary intake answers; each conversation starts with a greeting and gives three of them.
GREETINGS = ("hallo", "hoi", "goedemiddag")
ANSWERS = (
    ("ik ben 45 jaar", "ik werk in loondienst in de zorg", "ik heb een mbo 2 diploma"),
    ("32", "ik zoek werk", "havo"),
    ("ik ben 51", "ik werk in de bouw", "vmbo"),
    ("28 jaar", "ik werk als schoonmaker", "geen diploma"),
    ("ik ben 39 jaar oud", "ik heb een vaste baan in de logistiek", "mbo 3"),
)


# -- the stack --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def replicas(postgres: Postgres, redis: Redis, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReplicaStack]:
    from assistant.database import upgrade

    url = postgres.create_database(f"koers_replica_{uuid.uuid4().hex[:8]}")
    upgrade(url)  # once, for all replicas
    stack = ReplicaStack(home=ROOT, run_dir=tmp_path_factory.mktemp("replicas"), database_url=url,
                         redis_url=redis.url)
    stack.start()
    try:
        took = stack.wait_ready(START_TIMEOUT_S)
        report(f"\n[replicas] 2 Rasa, 2 action servers, 2 Koers services and HAProxy ready in {took:.0f} s "
              f"(logs: {stack.run_dir / 'logs'})")
        yield stack
    except Exception:
        for name in stack.stack.procs:
            print(f"--- {name} ---\n{stack.log_tail(name)}")
        raise
    finally:
        stack.stop()


# -- (b) takeover across replicas ---------------------------------------------------------------
def affirm_payload(messages: list[dict[str, Any]]) -> str:
    """The offer's "yes" button as the widget would send it; plain "ja" when there are no buttons."""
    for m in messages:
        for b in m.get("buttons") or []:
            if b["payload"] == "/affirm" or b["title"].lower().startswith("ja"):
                return str(b["payload"])
    return "ja"


async def _says(http: aiohttp.ClientSession, url: str, cid: str, auth: dict[str, str],
                said: str) -> list[dict[str, Any]]:
    async with http.post(f"{url}/api/v1/chat/{cid}/messages", json={"text": said}, headers=auth) as resp:
        assert resp.status == 200, await resp.text()
        return list((await resp.json())["messages"])


async def _history(http: aiohttp.ClientSession, url: str, cid: str, auth: dict[str, str],
                   after_seq: int = 0) -> list[dict[str, Any]]:
    async with http.get(f"{url}/api/v1/chat/{cid}/messages", params={"after_seq": str(after_seq)},
                        headers=auth) as resp:
        assert resp.status == 200, await resp.text()
        return list((await resp.json())["messages"])


async def test_adviser_on_a_and_person_on_b_see_each_other_within_2_s(replicas: ReplicaStack) -> None:
    username, password = "replica-adviser", secrets.token_urlsafe(18)
    await asyncio.to_thread(replicas.add_adviser, username, password)
    a, b = replicas.koers_url("a"), replicas.koers_url("b")
    async with aiohttp.ClientSession(timeout=TIMEOUT) as person, \
            aiohttp.ClientSession(timeout=TIMEOUT, cookie_jar=aiohttp.CookieJar(unsafe=True)) as adviser:
        async with adviser.post(f"{a}/api/v1/auth/login", json={"username": username, "password": password}) as resp:
            assert resp.status == 200, await resp.text()
            headers = {"X-CSRF-Token": (await resp.json())["csrf_token"]}
        async with person.post(f"{b}/api/v1/chat") as resp:
            assert resp.status == 200
            body = await resp.json()
        cid, auth = body["conversation_id"], {"Authorization": f"Bearer {body['token']}"}
        await _says(person, b, cid, auth, "hoi")
        offer = await _says(person, b, cid, auth, "ik wil een mens spreken")
        await _says(person, b, cid, auth, affirm_payload(offer))

        async with adviser.get(f"{a}/console/api/queue") as resp:
            queue = await resp.json()
        case = next(c for c in queue["cases"] if c["conversation_id"] == cid)
        async with adviser.post(f"{a}/console/api/cases/{case['id']}/takeover", headers=headers) as resp:
            assert resp.status == 200, await resp.text()

        to_person: list[float] = []
        to_adviser: list[float] = []
        for i in range(3):
            # Adviser on A writes; the person's side on B polls as the widget does (by seq).
            mark = (await _history(person, b, cid, auth))[-1]["seq"]
            said = f"Hoi, ik ben adviseur Sam ({i}). Waar kan ik je mee helpen?"
            started = time.monotonic()
            async with adviser.post(f"{a}/console/api/cases/{case['id']}/reply", headers=headers,
                                    json={"text": said}) as resp:
                assert resp.status == 200, await resp.text()
            while time.monotonic() - started < 10:
                if any(m["sender"] == "adviser" and m["text"] == said
                       for m in await _history(person, b, cid, auth, mark)):
                    to_person.append(time.monotonic() - started)
                    break
                await asyncio.sleep(0.05)
            else:
                pytest.fail(f"the person on B did not see the adviser's message {i} within 10 s")

            # The person on B writes; the console on A long-polls (woken through Redis).
            async with adviser.get(f"{a}/console/api/cases/{case['id']}") as resp:
                after = (await resp.json())["messages"][-1]["id"]
            person_text = f"Kan ik scholing krijgen als ik 45 ben? ({i})"

            async def console_sees(after: int = after, person_text: str = person_text) -> float:
                while True:
                    async with adviser.get(f"{a}/console/api/cases/{case['id']}",
                                           params={"after": str(after), "wait": "20"}) as resp:
                        seen = (await resp.json())["messages"]
                    if any(m["text"] == person_text for m in seen):
                        return time.monotonic()
                    after = seen[-1]["id"] if seen else after

            waiting = asyncio.create_task(console_sees())
            await asyncio.sleep(0.5)  # the long-poll is waiting on A
            started = time.monotonic()
            assert await _says(person, b, cid, auth, person_text) == []  # the bot is silent
            to_adviser.append(await asyncio.wait_for(waiting, 10) - started)

    report(f"\n[takeover] adviser on A -> person on B: {', '.join(f'{s:.2f}' for s in to_person)} s; "
          f"person on B -> adviser on A: {', '.join(f'{s:.2f}' for s in to_adviser)} s")
    assert max(to_person) < TAKEOVER_BAR_S
    assert max(to_adviser) < TAKEOVER_BAR_S


# -- (a) + (c) 200 conversations, with kills ----------------------------------------------------
class Broken(Exception):
    """The API answered something no retry can fix (a bug, not a failover)."""


@dataclass
class Person:
    """One scripted person and everything its client sent and received."""

    script: list[str]
    cid: str = ""
    auth: dict[str, str] = field(default_factory=dict)
    seen_seq: int = 0
    # What the client knows, in order: ("user", text) it sent, ("bot", text) it received.
    transcript: list[tuple[str, str]] = field(default_factory=list)
    turn_s: list[float] = field(default_factory=list)
    # Per turn, when it started and ended (time.monotonic()): which turns a kill hit.
    turn_span: list[tuple[float, float]] = field(default_factory=list)
    direct: list[bool] = field(default_factory=list)  # per turn: answered in the POST's reply
    resent: int = 0  # sent again after a connection-level failure (the message was not stored)
    from_history: int = 0  # answers read from the history (kept, or the replica died mid-turn)
    error: str = ""


@dataclass
class Run:
    url: str
    turns_total: int
    turns_done: int = 0
    progress: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def turn_finished(self) -> None:
        async with self.progress:
            self.turns_done += 1
            self.progress.notify_all()

    async def reached(self, share: float) -> None:
        async with self.progress:
            await self.progress.wait_for(lambda: self.turns_done >= share * self.turns_total)


async def _request(http: aiohttp.ClientSession, method: str, url: str, **kwargs: Any) -> tuple[int, Any]:
    """(status, JSON body); status 0 when the connection failed or dropped."""
    try:
        async with http.request(method, url, **kwargs) as resp:
            body = await resp.json(content_type=None) if resp.status == 200 else await resp.text()
            return resp.status, body
    except (aiohttp.ClientConnectionError, asyncio.TimeoutError) as exc:
        return 0, str(exc)


CONNECTION_LEVEL = {0, 502, 503, 504}


async def _read_history(http: aiohttp.ClientSession, run: Run, p: Person, after_seq: int) -> list[dict[str, Any]]:
    """All messages after ``after_seq``, paged by seq; connection failures are retried (reads are safe)."""
    out: list[dict[str, Any]] = []
    for _ in range(120):
        status, body = await _request(http, "GET", f"{run.url}/api/v1/chat/{p.cid}/messages",
                                      params={"after_seq": str(after_seq)}, headers=p.auth)
        if status in CONNECTION_LEVEL:
            await asyncio.sleep(0.5)
            continue
        if status != 200:
            raise Broken(f"GET messages: {status} {body}")
        page = body["messages"]
        out.extend(page)
        if not page or page[-1]["seq"] >= body["last_seq"]:
            return out
        after_seq = page[-1]["seq"]
    raise Broken("GET messages kept failing at the connection level")


async def _answer_from_history(http: aiohttp.ClientSession, run: Run, p: Person) -> list[str]:
    """The answer to the client's last message, read as the widget reads it after "even geduld":
    the message is no longer kept, the bot answered, and nothing changed for a moment."""
    deadline = time.monotonic() + ANSWER_WAIT_S
    last: list[dict[str, Any]] | None = None
    while time.monotonic() < deadline:
        after = await _read_history(http, run, p, p.seen_seq)
        users = [m for m in after if m["sender"] == "user"]
        answered = (len(users) == 1 and not users[0].get("kept")
                    and any(m["sender"] != "user" for m in after[after.index(users[0]) + 1:]))
        if answered and after == last:
            p.seen_seq = after[-1]["seq"]
            return [m["text"] for m in after[after.index(users[0]) + 1:] if m["text"]]
        last = after if answered else None
        await asyncio.sleep(1.0)
    raise Broken(f"no answer within {ANSWER_WAIT_S} s to a stored message")


async def _turn(http: aiohttp.ClientSession, run: Run, p: Person, said: str) -> None:
    started = time.monotonic()
    recovered = p.from_history
    for _attempt in range(10):
        status, body = await _request(http, "POST", f"{run.url}/api/v1/chat/{p.cid}/messages",
                                      json={"text": said}, headers=p.auth)
        if status == 200:
            replies = body["messages"]
            if any(m.get("kind") == "kept" for m in replies):
                # Rasa was down for this turn: the message is kept and answered later.
                p.transcript.append(("user", said))
                p.from_history += 1
                p.transcript += [("bot", t) for t in await _answer_from_history(http, run, p)]
            else:
                p.transcript.append(("user", said))
                p.transcript += [("bot", m["text"]) for m in replies if m.get("text")]
                p.seen_seq = int(body["last_seq"])
            break
        if status not in CONNECTION_LEVEL:
            raise Broken(f"POST message: {status} {body}")
        # Failed at the connection level: was the message stored before the replica died?
        stored = [m for m in await _read_history(http, run, p, p.seen_seq) if m["sender"] == "user"]
        if stored:
            p.transcript.append(("user", said))
            p.from_history += 1
            p.transcript += [("bot", t) for t in await _answer_from_history(http, run, p)]
            break
        p.resent += 1
        await asyncio.sleep(0.5)
    else:
        raise Broken("POST message kept failing at the connection level")
    ended = time.monotonic()
    p.turn_s.append(ended - started)
    p.turn_span.append((started, ended))
    p.direct.append(p.from_history == recovered)
    await run.turn_finished()


async def _converse(http: aiohttp.ClientSession, run: Run, p: Person) -> None:
    try:
        for _ in range(20):
            status, body = await _request(http, "POST", f"{run.url}/api/v1/chat")
            if status == 200:
                break
            if status not in CONNECTION_LEVEL:
                raise Broken(f"POST chat: {status} {body}")
            await asyncio.sleep(0.5)
        else:
            raise Broken("POST chat kept failing at the connection level")
        p.cid, p.auth = body["conversation_id"], {"Authorization": f"Bearer {body['token']}"}
        for said in p.script:
            await _turn(http, run, p, said)
            await asyncio.sleep(random.uniform(0.2, 1.0))  # a person reads and types
    except Broken as exc:
        p.error = str(exc)


Stored = dict[str, list[tuple[int, int, str, str | None]]]


def _stored(database_url: str, cids: list[str]) -> tuple[Stored, Counter[str]]:
    """The messages table per conversation: (id, seq, sender, text), by id; and per
    conversation how many user messages Rasa's tracker store holds (same database)."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT conversation_id, id, seq, sender, text FROM messages "
                                     "WHERE conversation_id = ANY(:cids) ORDER BY id"), {"cids": cids}).all()
            heard = conn.execute(text("SELECT sender_id, count(*) FROM events WHERE type_name = 'user' "
                                      "AND sender_id = ANY(:cids) GROUP BY sender_id"), {"cids": cids}).all()
    finally:
        engine.dispose()
    out: Stored = {c: [] for c in cids}
    for cid, mid, seq, sender, said in rows:
        out[cid].append((int(mid), int(seq), str(sender), said))
    return out, Counter({str(cid): int(n) for cid, n in heard})


def _heard_events(database_url: str, cid: str) -> list[tuple[Any, ...]]:
    """What Rasa's tracker holds of a conversation's user messages: (id, text, metadata, at)."""
    import json

    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT id, data FROM events WHERE type_name = 'user' AND sender_id = :c "
                                     "ORDER BY id"), {"c": cid}).all()
    finally:
        engine.dispose()
    return [(i, (d := json.loads(data)).get("text"), d.get("metadata"), d.get("timestamp")) for i, data in rows]


@dataclass
class Tally:
    lost: int = 0
    duplicated: int = 0
    out_of_order: int = 0
    unanswered: int = 0
    problems: list[str] = field(default_factory=list)

    def compare(self, where: str, cid: str, expected: list[tuple[str, str]], actual: list[tuple[str, str]]) -> None:
        """``actual`` must be ``expected``: the same items, each once, in the same order."""
        want, got = Counter(expected), Counter(actual)
        lost = sum((want - got).values())
        extra = got - want
        dup = sum(n for item, n in extra.items() if item in want)
        unknown = sum(n for item, n in extra.items() if item not in want)
        self.lost += lost + unknown  # unknown: stored, but the client never got it
        self.duplicated += dup
        if not lost and not extra and actual != expected:
            self.out_of_order += 1
        if actual != expected:
            self.problems.append(f"{where} {cid}: expected {expected} got {actual}")


def _check(p: Person, stored: list[tuple[int, int, str, str | None]], read: list[dict[str, Any]],
           tally: Tally) -> None:
    seqs = [seq for _mid, seq, _s, _t in stored]
    tally.duplicated += len(seqs) - len(set(seqs))
    tally.lost += len(set(range(1, len(seqs) + 1)) - set(seqs))  # gaps
    if seqs != sorted(seqs):
        tally.out_of_order += 1
        tally.problems.append(f"database {p.cid}: seq order differs from storage order {seqs}")
    # Every user message is followed by an answer before the next user message.
    senders = [s for _mid, _seq, s, _t in stored]
    for i, s in enumerate(senders):
        if s == "user" and (i + 1 == len(senders) or senders[i + 1] == "user"):
            tally.unanswered += 1
            tally.problems.append(f"database {p.cid}: user message at seq {stored[i][1]} has no answer")
    visible = [("user" if s == "user" else "bot", t) for _mid, _seq, s, t in stored if t is not None and t]
    tally.compare("database vs client", p.cid, p.transcript, visible)
    # What the person's side reads back (a reload) is what the database holds, by seq.
    tally.compare("history vs database", p.cid, visible,
                  [("user" if m["sender"] == "user" else "bot", m["text"]) for m in read if m["text"]])
    if [m["seq"] for m in read] != sorted(seqs):
        tally.out_of_order += 1
        tally.problems.append(f"history {p.cid}: seqs {[m['seq'] for m in read]} vs database {sorted(seqs)}")


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def report_recovery(people: list[Person], killed_at: dict[str, float]) -> None:
    """How long the kills were felt: from each kill to the last conversation finishing, and the
    answer wait of the turns a kill hit (running when it came, or answered later)."""
    if not killed_at:
        return
    spans = [(span, direct) for p in people for span, direct in zip(p.turn_span, p.direct, strict=True)]
    last_end = max((end for (_start, end), _direct in spans), default=0.0)
    first_kill = min(killed_at.values())
    report("[recovery] last conversation finished "
           + ", ".join(f"{last_end - at:.1f} s after the kill of {name}" for name, at in sorted(killed_at.items())))
    hit = [end - start for (start, end), direct in spans
           if not direct or any(start <= at <= end for at in killed_at.values())]
    after = [end - start for (start, end), direct in spans if start > first_kill and direct]
    for what, values in (("turns hit by a kill (running then, or answered later)", hit),
                         ("turns after the first kill, answered in the reply", after)):
        if values:
            report(f"[recovery] answer wait, {what} ({len(values)}): p50 {_pct(values, 50):.2f} s, "
                   f"p95 {_pct(values, 95):.2f} s, max {max(values):.2f} s")


async def test_200_conversations_across_replicas_survive_kill_9(replicas: ReplicaStack) -> None:
    rng = random.Random(12)
    people = [Person(script=[rng.choice(GREETINGS), *rng.choice(ANSWERS)]) for _ in range(CONVERSATIONS)]
    run = Run(url=replicas.url, turns_total=sum(len(p.script) for p in people))
    killed: dict[str, int] = {}
    killed_at: dict[str, float] = {}

    async def kill(name: str, share: float) -> None:
        await run.reached(share)
        killed[name] = run.turns_done
        killed_at[name] = time.monotonic()
        await asyncio.to_thread(replicas.kill, name)

    started = time.monotonic()
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=TIMEOUT, connector=connector) as http:
        killers = [asyncio.create_task(kill("rasa-b", KILL_RASA_AT)),
                   asyncio.create_task(kill("koers-b", KILL_KOERS_AT))]
        await asyncio.gather(*(_converse(http, run, p) for p in people))
        elapsed = time.monotonic() - started
        for k in killers:
            if not k.done():
                k.cancel()
        finished = [p for p in people if not p.error]
        reads = await asyncio.gather(*(_read_history(http, run, p, 0) for p in finished))
    stored, heard = await asyncio.to_thread(_stored, replicas.database_url, [p.cid for p in finished])

    tally = Tally()
    for p, read in zip(finished, reads, strict=True):
        _check(p, stored[p.cid], read, tally)
    # Rasa must hear each message once too: a message it heard twice counts twice in the intake.
    rasa_twice = sum(max(0, heard[p.cid] - len(p.script)) for p in finished)
    rasa_missed = sum(max(0, len(p.script) - heard[p.cid]) for p in finished)
    for p in finished:
        if heard[p.cid] != len(p.script):
            tally.problems.append(f"rasa {p.cid}: heard {heard[p.cid]} messages, sent {len(p.script)}: "
                                  f"{await asyncio.to_thread(_heard_events, replicas.database_url, p.cid)}")
    served = replicas.served()
    times = [s for p in people for s in p.turn_s]
    report(f"\n[replicas] {CONVERSATIONS} conversations, {len(finished)} finished, {len(times)} turns "
          f"of {run.turns_total} in {elapsed:.0f} s ({len(times) / elapsed:.1f} turns/s)")
    report(f"[replicas] lost {tally.lost}, duplicated {tally.duplicated}, out of order {tally.out_of_order}, "
          f"unanswered {tally.unanswered}; Rasa heard a message twice {rasa_twice}, never {rasa_missed}")
    direct = [s for p in people for s, d in zip(p.turn_s, p.direct, strict=True) if d]
    later = [s for p in people for s, d in zip(p.turn_s, p.direct, strict=True) if not d]
    for what, values in (("all turns", times), ("answered in the reply", direct),
                         ("answered later (kept, or the replica died)", later)):
        if values:
            report(f"[replicas] turn time, {what} ({len(values)}): p50 {_pct(values, 50):.2f} s, "
                  f"p95 {_pct(values, 95):.2f} s, max {max(values):.2f} s")
    report(f"[replicas] killed (kill -9) after this many turns: {killed}; "
          f"sent again (not stored): {sum(p.resent for p in people)}; "
          f"answers read from the history: {sum(p.from_history for p in people)}")
    report(f"[replicas] chat messages per Koers service: {dict(served['koers'])}; "
          f"turns per Rasa server: {dict(served['rasa'])}")
    report_recovery(people, killed_at)
    for problem in tally.problems[:10]:
        report(f"[replicas] {problem}")
    errors = Counter(p.error for p in people if p.error)
    assert not errors, errors
    assert set(killed) == {"rasa-b", "koers-b"}, killed
    assert (tally.lost, tally.duplicated, tally.out_of_order, tally.unanswered) == (0, 0, 0, 0), tally.problems[:10]
    assert (rasa_twice, rasa_missed) == (0, 0)
    # Both replicas of each served turns (before the kill for the B ones).
    assert set(served["koers"]) == {"koers-a", "koers-b"}, served
    assert set(served["rasa"]) == {"rasa-a", "rasa-b"}, served
