"""Honest handoff: the loket's opening and staffing are checked before anything is promised.

These run the real dialogue (``action_turn`` and the intake machine) behind the service, with a
stand-in for Rasa that passes the message metadata on as Rasa does, so the words the person sees
are the ones the real bot would send.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

# The real action runs here: Rasa's environment only (the service's has no rasa_sdk).
pytest.importorskip("rasa_sdk")

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.turn import STATE_SLOT, run_turn
from assistant.gateway.app import SERVICE, SESSIONS, create_app
from assistant.gateway.handoff import callback
from assistant.gateway.handoff.auth import create_adviser
from assistant.gateway.handoff.web import HANDOFF
from assistant.gateway.rasa_client import BotMessage, Button
from assistant.intake.handoff import Staffing, first_words
from assistant.intake.machine import Reading, step
from assistant.vocabulary import vocabulary
from tests.conftest import chat_auth

from .conftest import CLOSED_TIME, OPEN_TIME, PASSWORD, login

TODAY = date(2025, 3, 2)
PROMISES = ("geef je door", "verbind je", "ik zoek een adviseur")


def texts_of(key: str) -> str:
    return vocabulary().texts[key]


class DialogueRasa:
    """Rasa as far as the service sees it: every message runs action_turn with its metadata."""

    def __init__(self) -> None:
        self.slots: dict[str, dict[str, Any]] = {}
        self.events: list[tuple[str, list[dict[str, Any]]]] = []
        self.metadata: list[dict[str, Any] | None] = []

    def _run(self, sender: str, message: dict[str, Any], metadata: dict[str, Any] | None) -> list[BotMessage]:
        slots = self.slots.setdefault(sender, {})
        events = [{"event": "user", "text": message.get("text"), "metadata": metadata or {}}]
        tracker = Tracker(sender, dict(slots), message, events, False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        for event in run_turn(dispatcher, tracker, TODAY):
            if event.get("event") == "slot":
                slots[event["name"]] = event["value"]
        out: list[BotMessage] = []
        for m in dispatcher.messages:  # Rasa's REST channel sends text and custom payload apart
            if m.get("text"):
                out.append(BotMessage(text=m["text"], buttons=tuple(Button(b["title"], b["payload"])
                                                                   for b in m.get("buttons") or [])))
            if m.get("custom"):
                out.append(BotMessage(custom=m["custom"]))
        return out

    async def send(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[BotMessage]:
        self.metadata.append(metadata)
        return self._run(sender, {"text": text, "intent": {}, "entities": []}, metadata)

    async def trigger_intent(self, sender: str, intent: str,
                             entities: dict[str, Any] | None = None) -> list[BotMessage]:
        listed = [{"entity": k, "value": v} for k, v in (entities or {}).items()]
        return self._run(sender, {"intent": {"name": intent}, "entities": listed}, None)

    async def append_events(self, sender: str, events: list[dict[str, Any]]) -> None:
        self.events.append((sender, events))

    async def tracker(self, sender: str) -> dict[str, Any] | None:
        return None

    async def is_up(self, url: str | None = None) -> bool:
        return True

    async def close(self) -> None:
        return None


@pytest.fixture
def dialogue_app(settings):
    application = create_app(settings, rasa=DialogueRasa())  # type: ignore[arg-type]
    application[HANDOFF].now = lambda: OPEN_TIME
    return application


async def say(client, cid: str, text: str, loket: str | None = None) -> list[str]:
    body = {"text": text, **({"loket_id": loket} if loket else {})}
    resp = await client.post(f"/api/v1/chat/{cid}/messages", json=body, headers=chat_auth(client, cid))
    assert resp.status == 200, await resp.text()
    return [m.get("text") for m in (await resp.json())["messages"] if m.get("text")]


async def ask_for_adviser(client, cid: str, loket: str | None = None) -> list[str]:
    await say(client, cid, "hoi", loket)
    offered = await say(client, cid, "ik wil een adviseur spreken", loket)
    assert offered[-1] == texts_of("offer_adviser")
    return await say(client, cid, "ja graag", loket)


async def test_closed_loket_first_words_name_the_opening_time_and_promise_nothing(aiohttp_client, dialogue_app):
    dialogue_app[HANDOFF].now = lambda: CLOSED_TIME  # a Sunday
    client = await aiohttp_client(dialogue_app)
    texts = await ask_for_adviser(client, "web-dicht-gesprek-01")
    assert texts[0] == "Het Werkcentrum is nu dicht. We zijn er weer morgen vanaf 9.00 uur."
    assert texts[1] == texts_of("handoff_now")  # what can be done now: a callback, or go on
    assert texts[-1] == callback.CONSENT_QUESTION
    assert not any(p in t.lower() for t in texts for p in PROMISES)
    assert texts.count(texts[0]) == 1  # the service does not say it a second time


async def test_open_loket_with_its_adviser_online_says_they_will_be_connected(aiohttp_client, dialogue_app):
    create_adviser(dialogue_app[SESSIONS], "anna", PASSWORD)
    adviser = await aiohttp_client(dialogue_app)
    await login(adviser, "anna")
    client = await aiohttp_client(dialogue_app)
    texts = await ask_for_adviser(client, "web-open-gesprek-001")
    assert texts[0] == texts_of("handoff_connect")
    assert callback.CONSENT_QUESTION not in texts
    assert texts.count(texts_of("handoff_connect")) == 1


async def test_open_loket_with_only_another_lokets_adviser_online_is_unstaffed(aiohttp_client, dialogue_app,
                                                                               two_lokets):
    create_adviser(dialogue_app[SESSIONS], "zoe", PASSWORD, lokets=["zuid"])
    adviser = await aiohttp_client(dialogue_app)
    await login(adviser, "zoe")
    client = await aiohttp_client(dialogue_app)
    dialogue_app[SERVICE].ensure_conversation("web-noord-gesprek-01", "web", "noord")
    texts = await ask_for_adviser(client, "web-noord-gesprek-01", "noord")
    assert texts[0] == texts_of("handoff_unstaffed")
    assert texts[-1] == callback.CONSENT_QUESTION
    assert not any(p in t.lower() for t in texts for p in PROMISES)


async def test_after_a_callback_request_the_bot_asks_whether_to_go_on(aiohttp_client, dialogue_app):
    dialogue_app[HANDOFF].now = lambda: CLOSED_TIME
    client = await aiohttp_client(dialogue_app)
    cid = "web-terugbel-gesprek1"
    await ask_for_adviser(client, cid)
    for text in ("ja, bel of mail me", "Sanne", "0612345678"):
        await say(client, cid, text)
    resp = await client.post(f"/api/v1/chat/{cid}/messages", json={"text": "dinsdagochtend"},
                             headers=chat_auth(client, cid))
    messages = (await resp.json())["messages"]
    texts = [m.get("text") for m in messages]
    assert texts[0] == callback.DONE_CALLBACK
    assert texts[-1] == texts_of("go_on_after_ticket")
    assert [b["title"] for b in messages[-1]["buttons"]] == [texts_of("yes_button"), texts_of("no_button")]
    first_question = vocabulary()[vocabulary().order[0]].ask
    assert first_question not in texts  # not straight back to the intake questions
    assert (await say(client, cid, "Nee")) == [texts_of("go_on_later")]


async def test_yes_after_a_callback_request_goes_on_with_the_questions(aiohttp_client, dialogue_app):
    dialogue_app[HANDOFF].now = lambda: CLOSED_TIME
    client = await aiohttp_client(dialogue_app)
    cid = "web-terugbel-gesprek2"
    await ask_for_adviser(client, cid)
    for text in ("ja, bel of mail me", "Sanne", "0612345678", "dinsdagochtend"):
        await say(client, cid, text)
    state = dialogue_app[SERVICE].rasa.slots[cid][STATE_SLOT]
    texts = await say(client, cid, "Ja")
    assert vocabulary()[state["open"]].ask in texts


def test_the_machine_tells_the_truth_with_the_staffing_it_is_given():
    state = step(None, Reading("hoi"), TODAY).state
    state = step(state, Reading("ik wil een adviseur spreken"), TODAY).state
    closed = Staffing("closed", reopens="maandag vanaf 9.00 uur")
    result = step(state, Reading("ja"), TODAY, closed)
    texts = [m.text for m in result.messages]
    assert texts == ["Het Werkcentrum is nu dicht. We zijn er weer maandag vanaf 9.00 uur.", texts_of("handoff_now")]
    assert result.messages[-1].custom and result.messages[-1].custom["told"] == "closed"
    holiday = step(state, Reading("ja"), TODAY, Staffing("closed", "maandag vanaf 9.00 uur", "Tweede Paasdag"))
    assert "Tweede Paasdag" in holiday.messages[0].text
    available = step(state, Reading("ja"), TODAY, Staffing("available"))
    assert [m.text for m in available.messages] == first_words(Staffing("available"))
    unknown = step(state, Reading("ja"), TODAY)
    assert not any(p in (m.text or "").lower() for m in unknown.messages for p in PROMISES)
