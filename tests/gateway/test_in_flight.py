"""A web message whose turn stops mid-way (its replica killed) is answered once, by another turn.

Found by the replica e2e test (tests/scale/test_replica_stack.py): a Koers service killed while
it waited for Rasa left the person's message stored without an answer, for good. Now the
message is "in flight" until its answer is stored; a later turn or the retry loop answers it,
and when Rasa had already heard it, from Rasa's tracker, so Rasa never hears it twice.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from assistant.gateway import conversation as conversation_module
from assistant.gateway.conversation import MESSAGE_ID_KEY, ConversationService, answer_in_tracker
from assistant.gateway.rasa_client import BotMessage
from assistant.storage.db import make_engine, make_session_factory
from tests.conftest import FakeRasa

CID = "web-in-flight-1"


class DyingTurnRasa(FakeRasa):
    """The first message never returns (its Koers replica dies while it waits); when ``heard``,
    Rasa had processed it and its tracker holds the answer, as Rasa's tracker store would."""

    def __init__(self, heard: bool) -> None:
        super().__init__()
        self.heard = heard
        self.entered = asyncio.Event()
        self.calls: list[tuple[str, dict[str, Any] | None]] = []
        self.events: list[dict[str, Any]] = []  # type: ignore[assignment]

    async def send(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[BotMessage]:
        self.calls.append((text, metadata))
        if len(self.calls) == 1:
            if self.heard:
                self.events += [{"event": "user", "text": text, "metadata": metadata},
                                {"event": "action", "name": "action_listen"},
                                {"event": "bot", "text": f"Gehoord: {text}",
                                 "data": {"buttons": [{"title": "Ja", "payload": "/affirm"}]}}]
            self.entered.set()
            await asyncio.Event().wait()  # the caller dies here
        return await super().send(sender, text, metadata)

    async def tracker(self, sender: str) -> dict[str, Any] | None:
        return {"sender_id": sender, "events": list(self.events)}


def _service(db_url: str, rasa: Any) -> ConversationService:  # a fake RasaClient
    return ConversationService(make_session_factory(make_engine(db_url)), rasa)


async def _die_mid_turn(service: ConversationService, rasa: DyingTurnRasa, text: str) -> None:
    turn = asyncio.create_task(service.handle_user_message(CID, text))
    await asyncio.wait_for(rasa.entered.wait(), 5)
    turn.cancel()  # in process, the nearest thing to kill -9 of the replica
    with pytest.raises(asyncio.CancelledError):
        await turn


@pytest.mark.parametrize("heard", [False, True], ids=["rasa-never-heard-it", "rasa-heard-it"])
async def test_the_retry_loop_answers_a_message_whose_turn_died(db_url: str, heard: bool,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    rasa = DyingTurnRasa(heard)
    service = _service(db_url, rasa)
    await _die_mid_turn(service, rasa, "ik ben 45 jaar")
    [stored] = service.history(CID)
    assert stored["sender"] == "user" and "kept" not in stored  # in flight: no "even geduld"
    assert await service.retry_pending() == 0  # younger than ORPHAN_AFTER_S: its turn may still run
    monkeypatch.setattr(conversation_module, "ORPHAN_AFTER_S", 0.0)
    assert await service.retry_pending() == 1
    history = service.history(CID)
    assert [m["sender"] for m in history] == ["user", "bot"]
    if heard:  # from the tracker: Rasa was not asked again
        assert [text for text, _ in rasa.calls] == ["ik ben 45 jaar"]
        assert history[1]["text"] == "Gehoord: ik ben 45 jaar"
        assert history[1]["buttons"] == [{"title": "Ja", "payload": "/affirm"}]
    else:
        assert [text for text, _ in rasa.calls] == ["ik ben 45 jaar"] * 2
        assert history[1]["text"] == "Je zei: ik ben 45 jaar"
    # Each call named the message, so a later retry can look it up in Rasa's tracker.
    assert {(md or {}).get(MESSAGE_ID_KEY) for _, md in rasa.calls} == {history[0]["id"]}
    assert await service.retry_pending() == 0  # answered once


async def test_the_next_message_answers_the_orphan_first(db_url: str) -> None:
    rasa = DyingTurnRasa(heard=False)
    service = _service(db_url, rasa)
    await _die_mid_turn(service, rasa, "eerste")
    replies = await service.handle_user_message(CID, "tweede")
    assert [m.text for m in replies] == ["Je zei: eerste", "Je zei: tweede"]
    assert [(m["sender"], m["text"]) for m in service.history(CID)] == [
        ("user", "eerste"), ("user", "tweede"), ("bot", "Je zei: eerste"), ("bot", "Je zei: tweede")]


def test_answer_in_tracker_splits_as_the_rest_channel_does() -> None:
    events = [
        {"event": "user", "text": "a", "metadata": {MESSAGE_ID_KEY: 7}},
        {"event": "bot", "text": "Tekst", "data": {"custom": {"handoff": "requested"}}},
        {"event": "bot", "text": "Advies", "data": {"custom": {"kind": "advice"}}},
        {"event": "user", "text": "b", "metadata": {MESSAGE_ID_KEY: 8}},
        {"event": "bot", "text": "later"},
    ]
    got = answer_in_tracker({"events": events}, 7)
    assert got == [BotMessage(text="Tekst"), BotMessage(custom={"handoff": "requested"}),
                   BotMessage(text="Advies", custom={"kind": "advice"})]
    assert answer_in_tracker({"events": events}, 9) is None
    assert answer_in_tracker(None, 7) is None


async def test_a_kept_message_waits_while_rasa_still_works_on_its_conversation(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The dead turn's message may still be in Rasa's hands (its lock store says so): sending it
    again then would make Rasa hear it twice once the first one is done."""
    rasa = DyingTurnRasa(heard=False)
    service = _service(db_url, rasa)
    await _die_mid_turn(service, rasa, "eerste")
    monkeypatch.setattr(conversation_module, "ORPHAN_AFTER_S", 0.0)
    busy = {CID: True}

    async def bot_busy(cid: str) -> bool:
        return busy.get(cid, False)

    service.bot_busy = bot_busy
    assert await service.retry_pending() == 0
    replies = await service.handle_user_message(CID, "tweede")  # kept too: it must wait its turn
    assert [m.custom for m in replies] == [{"kind": "kept"}]
    assert [text for text, _ in rasa.calls] == ["eerste"]
    busy[CID] = False
    assert await service.retry_pending() == 2
    assert [text for text, _ in rasa.calls] == ["eerste", "eerste", "tweede"]
    assert [(m["sender"], m["text"]) for m in service.history(CID)] == [
        ("user", "eerste"), ("user", "tweede"), ("bot", "Je zei: eerste"), ("bot", "Je zei: tweede")]
