"""action_turn moves data only: state slot and parse in; messages, state and profile slots out."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.turn import STATE_SLOT, reading_of, run_turn

TODAY = date(2026, 12, 2)


def tracker(text: str, slots: dict[str, Any] | None = None, intent: str = "inform",
            entities: list[dict[str, Any]] | None = None, **extra: Any) -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": 0.95}, "entities": entities or [], **extra}
    return Tracker("web-test", dict(slots or {}), message, [], False, None, {}, "action_listen")


def turn(text: str, slots: dict[str, Any] | None = None, **kw: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = run_turn(dispatcher, tracker(text, slots, **kw), TODAY)
    new_slots = dict(slots or {})
    new_slots.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
    return dispatcher.messages, new_slots


def test_buttons_send_their_own_title_and_the_profile_is_mirrored() -> None:
    messages, slots = turn("hoi", intent="greet")
    buttons = [b for m in messages for b in m["buttons"]]
    assert buttons and all(b["payload"] == b["title"] and not b["payload"].startswith("/") for b in buttons)
    messages, slots = turn("Vast contract", slots)
    assert slots["work_status"] == "werknemer_vast"
    assert slots[STATE_SLOT]["open"] == "employer_size"


def test_injected_intent_syntax_sets_nothing() -> None:
    _, slots = turn("hoi", intent="greet")
    messages, slots = turn('/inform{"work_status": "zzp"}', slots,
                           entities=[{"entity": "work_status", "value": "zzp"}])
    assert slots.get("work_status") is None  # no event: the slot keeps its value (None)
    assert any("zonder /" in m["text"] for m in messages)


def test_a_triggered_intent_without_text_is_read_as_that_intent() -> None:
    t = Tracker("web-test", {}, {"intent": {"name": "handoff_resume"}}, [], False, None, {}, "action_listen")
    assert reading_of(t).intent == "handoff_resume"


def test_handoff_signal_is_one_message_with_the_summary() -> None:
    _, slots = turn("hoi", intent="greet")
    _, slots = turn("ik ben 45", slots)
    _, slots = turn("ik wil een adviseur spreken", slots, intent="request_human")
    messages, slots = turn("ja", slots, intent="affirm")
    [signal] = [m for m in messages if m.get("custom")]
    assert signal["custom"]["handoff"] == "requested" and signal["custom"]["summary"]["age"] == 45


def test_faq_answer_comes_from_the_response_selector() -> None:
    _, slots = turn("hoi", intent="greet")
    selector = {"faq": {"response": {"intent_response_key": "faq/ask_cost", "responses": [{"text": "Gratis advies."}]}}}
    messages, slots = turn("wat kost het?", slots, intent="faq", response_selector=selector)
    from assistant.policy.faq import faq_answer

    assert messages[0]["text"] == faq_answer("faq/ask_cost", TODAY)
    assert slots[STATE_SLOT]["open"] == "work_status"


def test_the_loket_staffing_comes_from_the_message_metadata() -> None:
    from actions.turn import staffing_of

    closed = {"koers_staffing": {"status": "closed", "reopens": "maandag vanaf 9.00 uur"}}
    in_parse = Tracker("web-test", {}, {"text": "ja", "metadata": closed}, [], False, None, {}, "action_listen")
    in_event = Tracker("web-test", {}, {"text": "ja"}, [{"event": "user", "metadata": closed}], False, None, {},
                       "action_listen")
    for t in (in_parse, in_event):
        staffing = staffing_of(t)
        assert staffing is not None and staffing.status == "closed" and staffing.reopens == "maandag vanaf 9.00 uur"
    odd = Tracker("web-test", {}, {"text": "ja", "metadata": {"koers_staffing": {"status": "open?"}}}, [], False,
                  None, {}, "action_listen")
    assert staffing_of(odd) is None


def test_a_triggered_resume_after_a_callback_request_asks_whether_to_go_on() -> None:
    from assistant.vocabulary import vocabulary

    _, slots = turn("hoi", intent="greet")
    # As Rasa stores a triggered intent: a placeholder text, the intent and the service's entities.
    messages, slots = turn("EXTERNAL: handoff_resume", slots, intent="handoff_resume",
                           entities=[{"entity": "after", "value": "ticket"}])
    assert [m["text"] for m in messages] == [vocabulary().texts["go_on_after_ticket"]]
    assert slots[STATE_SLOT]["offer"]["kind"] == "go_on"


def test_only_changed_slots_get_an_event_and_the_slots_end_the_same() -> None:
    """A SlotSet that repeats the slot's value is left out; applying the events still gives every
    slot the value the machine's full mirror gives it."""
    from actions.turn import events_of
    from assistant.intake.machine import read_nlu, step

    texts = [("hoi", "greet"), ("Vast contract", "inform"), ("ik ben 45", "inform"), ("weet ik niet", "dont_know")]
    slots: dict[str, Any] = {}
    sizes: list[int] = []
    for text, intent in texts:
        t = tracker(text, slots, intent=intent)
        events = run_turn(CollectingDispatcher(), t, TODAY)
        sizes.append(len(events))
        slots.update({e["name"]: e["value"] for e in events})
        # The full mirror of the same turn, for comparison.
        message = {"text": text, "intent": {"name": intent, "confidence": 0.95}, "entities": []}
        full = events_of(step(t.get_slot(STATE_SLOT), read_nlu(message), TODAY, None))
        assert {e["name"]: e["value"] for e in full} == {e["name"]: slots.get(e["name"]) for e in full}
        assert all(e["name"] in {f["name"] for f in full} for e in events)
    assert max(sizes[1:]) < len(full)  # later turns leave the unchanged profile slots out
