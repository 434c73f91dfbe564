"""Two Koers services on one PostgreSQL database and one Redis behave as one service.

In process (aiohttp test servers, a fake Rasa per replica), so it runs in seconds; what it
checks: turns of one conversation never overlap across replicas, one rate-limit bucket for
both, the console on replica B wakes when the person writes on replica A, and kept messages
are answered once, by one replica.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import pytest

from assistant.gateway import app as gateway_app
from assistant.gateway.app import SERVICE, SHARED, create_app
from assistant.gateway.handoff.web import HANDOFF
from assistant.gateway.rasa_client import BotMessage
from assistant.settings import Settings
from tests.conftest import FakeRasa, chat_auth, new_chat


class SlowRasa(FakeRasa):
    """Takes a moment per turn and records how many turns of one sender overlap."""

    def __init__(self, in_flight: dict[str, int], peak: dict[str, int]) -> None:
        super().__init__()
        self.in_flight, self.peak = in_flight, peak

    async def send(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[BotMessage]:
        self.in_flight[sender] = self.in_flight.get(sender, 0) + 1
        self.peak[sender] = max(self.peak.get(sender, 0), self.in_flight[sender])
        try:
            await asyncio.sleep(0.03)
            return await super().send(sender, text, metadata)
        finally:
            self.in_flight[sender] -= 1


@pytest.fixture
def db_url(pg_url: str) -> str:
    from assistant.database import upgrade

    upgrade(pg_url)
    return pg_url


@pytest.fixture
def replica_settings(settings: Settings, redis, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("REDIS_URL", redis.url)
    fresh = Settings.from_env()
    assert fresh.mode == "production" and fresh.redis_url == redis.url
    return dataclasses.replace(fresh, extra={"KOERS_CHAT_RATE_BURST": "5", "KOERS_CHAT_RATE_PER_SECOND": "0.0001",
                                             "KOERS_NEW_CHAT_BURST": "3", "KOERS_NEW_CHAT_PER_SECOND": "0.0001"})


@pytest.fixture
async def replicas(aiohttp_client, replica_settings: Settings, redis, monkeypatch):
    # Fast retry rounds, so both replicas' loops race for kept messages within the test.
    monkeypatch.setattr(gateway_app, "RETRY_PENDING_EVERY_S", 0.05)
    in_flight: dict[str, int] = {}
    peak: dict[str, int] = {}
    rasas = [SlowRasa(in_flight, peak), SlowRasa(in_flight, peak)]
    apps = [create_app(replica_settings, rasa=r) for r in rasas]
    clients = [await aiohttp_client(a) for a in apps]
    await apps[0][SHARED].client.flushdb()  # type: ignore[attr-defined]
    for a in apps:
        await asyncio.wait_for(a[SHARED].updates.subscribed.wait(), 10)  # type: ignore[attr-defined]
    return apps, clients, rasas, peak


async def test_turns_of_one_conversation_never_overlap_across_replicas(replicas) -> None:
    apps, _clients, _rasas, peak = replicas
    cid = "web-replicated-turns-1"
    texts = [f"bericht {i}" for i in range(8)]
    await asyncio.gather(*(apps[i % 2][SERVICE].handle_user_message(cid, t, channel="web")
                           for i, t in enumerate(texts)))
    assert peak[cid] == 1
    history = apps[1][SERVICE].history(cid)
    # Each user message is directly followed by the bot's answer to it: no interleaving.
    assert [m["sender"] for m in history] == ["user", "bot"] * len(texts)
    for user, bot in zip(history[::2], history[1::2], strict=True):
        assert bot["text"] == f"Je zei: {user['text']}"
    assert sorted(m["text"] for m in history[::2]) == sorted(texts)


async def test_one_rate_limit_for_both_replicas(replicas) -> None:
    _apps, clients, _rasas, _peak = replicas
    cid = "web-replicated-rate-1"
    auth = chat_auth(clients[0], cid)  # both replicas share the database
    statuses = []
    for i in range(7):
        resp = await clients[i % 2].post(f"/api/v1/chat/{cid}/messages", json={"text": f"hoi {i}"}, headers=auth)
        statuses.append(resp.status)
    assert statuses == [200] * 5 + [429] * 2


async def test_new_conversations_per_address_counted_across_replicas(replicas) -> None:
    _apps, clients, _rasas, _peak = replicas
    # A conversation made on replica A is reachable, with its token, on replica B.
    cid, auth = await new_chat(clients[0])
    assert (await clients[1].post(f"/api/v1/chat/{cid}/messages", json={"text": "hoi"}, headers=auth)).status == 200
    assert (await clients[1].get(f"/api/v1/chat/{cid}/messages")).status == 404
    statuses = [(await clients[i % 2].post("/api/v1/chat")).status for i in range(4)]
    assert statuses == [200] * 2 + [429] * 2  # one bucket for the address, on both replicas


async def test_console_on_replica_b_wakes_when_the_person_writes_on_replica_a(replicas) -> None:
    apps, _clients, _rasas, _peak = replicas
    cid = "web-replicated-live-1"
    await apps[0][SERVICE].handle_user_message(cid, "hallo", channel="web")
    waiting = asyncio.create_task(apps[1][HANDOFF].wait_for_change(cid, timeout_s=20))
    await asyncio.sleep(0.1)
    assert not waiting.done()
    await apps[0][SERVICE].handle_user_message(cid, "ik wil een adviseur", channel="web")
    await asyncio.wait_for(waiting, timeout=5)  # woken by the message, long before its 20 s


async def test_kept_messages_are_answered_once_by_one_replica(replicas) -> None:
    apps, _clients, rasas, _peak = replicas
    cid = "web-replicated-kept-1"
    for r in rasas:
        r.up = False
    await apps[0][SERVICE].handle_user_message(cid, "ben je er", channel="web")
    for r in rasas:
        r.up = True
    # Both replicas' retry loops run (started with the apps); wait for the answer.
    for _ in range(200):
        if [m["sender"] for m in apps[0][SERVICE].history(cid)] == ["user", "bot"]:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)  # several more rounds of both loops: still one answer
    assert [m["sender"] for m in apps[0][SERVICE].history(cid)] == ["user", "bot"]
    assert sum(sender == cid for r in rasas for sender, _ in r.sent) == 1
