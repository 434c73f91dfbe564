"""The retry loop after a crash: kept messages of different conversations are answered side by
side (bounded), a conversation whose turn runs is passed over, and a round stops early while
Rasa is still down. Each kept message is answered once.

Found by the replica e2e test (tests/scale/test_replica_stack.py): after a kill -9 the loop
answered the kept messages one after another, so the last person waited for everyone before.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from assistant.gateway.conversation import RETRY_CONCURRENCY, ConversationService
from assistant.gateway.rasa_client import BotMessage, RasaUnavailable
from assistant.storage.db import make_engine, make_session_factory
from tests.conftest import FakeRasa

PEOPLE = 3 * RETRY_CONCURRENCY


class GatedRasa(FakeRasa):
    """Each send waits at a gate until the test opens it; counts how many wait at once."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()
        self.inside = 0
        self.peak = 0
        self.changed = asyncio.Condition()
        self.calls = 0  # requests to Rasa (tracker reads and sends)

    async def send(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[BotMessage]:
        self.calls += 1
        if not self.up:
            raise RasaUnavailable("fake rasa is down")
        async with self.changed:
            self.inside += 1
            self.peak = max(self.peak, self.inside)
            self.changed.notify_all()
        try:
            await self.gate.wait()
            return await super().send(sender, text, metadata)
        finally:
            self.inside -= 1

    async def tracker(self, sender: str) -> dict[str, Any] | None:
        self.calls += 1
        if not self.up:
            raise RasaUnavailable("fake rasa is down")
        return None  # Rasa never heard these messages


@pytest.fixture
async def kept(db_url: str) -> tuple[ConversationService, GatedRasa, list[str]]:
    """PEOPLE conversations, each with one message kept while Rasa was down."""
    rasa = GatedRasa()
    service = ConversationService(make_session_factory(make_engine(db_url)), rasa)  # type: ignore[arg-type]
    rasa.up = False
    cids = [f"web-retry-loop-{i:02d}" for i in range(PEOPLE)]
    for cid in cids:
        [reply] = await service.handle_user_message(cid, f"bericht van {cid}")
        assert reply.custom == {"kind": "kept"}
    rasa.up = True
    return service, rasa, cids


async def test_kept_messages_of_different_conversations_are_answered_side_by_side(kept) -> None:
    service, rasa, cids = kept
    retry = asyncio.create_task(service.retry_pending())
    async with rasa.changed:  # as many at once as the loop allows, not one after another
        await asyncio.wait_for(rasa.changed.wait_for(lambda: rasa.inside == RETRY_CONCURRENCY), 10)
    rasa.gate.set()
    assert await asyncio.wait_for(retry, 30) == PEOPLE
    assert rasa.peak == RETRY_CONCURRENCY  # bounded: the live turns need Rasa too
    for cid in cids:
        assert [(m["sender"], m["text"]) for m in service.history(cid)] == [
            ("user", f"bericht van {cid}"), ("bot", f"Je zei: bericht van {cid}")]
    assert sorted(sender for sender, _ in rasa.sent) == sorted(cids)  # each heard once
    assert await service.retry_pending() == 0


async def test_a_conversation_whose_turn_runs_is_passed_over(kept) -> None:
    service, rasa, cids = kept
    rasa.gate.set()
    busy = cids[0]
    async with service.locks.hold(busy):  # a turn of this conversation runs
        assert await asyncio.wait_for(service.retry_pending(), 30) == PEOPLE - 1
    assert busy not in {sender for sender, _ in rasa.sent}
    assert await service.retry_pending() == 1  # the next round answers it
    assert [m["sender"] for m in service.history(busy)] == ["user", "bot"]


async def test_a_round_stops_early_while_rasa_is_still_down(kept) -> None:
    service, rasa, cids = kept
    rasa.gate.set()
    rasa.up = False
    rasa.calls = 0
    assert await service.retry_pending() == 0
    # Only the conversations already started when Rasa turned out down were tried.
    assert 1 <= rasa.calls <= RETRY_CONCURRENCY
    for cid in cids:
        assert [(m["sender"], m.get("kept")) for m in service.history(cid)] == [("user", True)]
