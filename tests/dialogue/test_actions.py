"""The rasa_sdk actions with a real Tracker and CollectingDispatcher (no servers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.advice import ActionGiveAdvice, asked_ended_schemes
from actions.conversation import ActionExplainQuestion, ActionFallback, ActionStartOver
from actions.handoff import ActionDeclineHandoff, ActionDeleteMyData, ActionHandoff, ActionOfferHandoff
from actions.intake import ActionFixSummary, ActionShowSummary, ValidateIntakeForm

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> dict[str, Any]:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain")).as_dict()


def tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str = "inform",
    entities: list[dict[str, Any]] | None = None,
    after: tuple[str, ...] = (),
    active_loop: str | None = "intake_form",
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    """A tracker as Rasa sends it: ... user message, [actions in ``after``], form execution."""
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or []}
    if events is None:
        events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
        events += [{"event": "action", "name": name} for name in after]
        events += [{"event": "slot", "name": "requested_slot", "value": (slots or {}).get("requested_slot")},
                   {"event": "action", "name": "intake_form"}]
    return Tracker("test", dict(slots or {}), message, events, False, None,
                   {"name": active_loop} if active_loop else {}, "intake_form")


def as_slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def run_form(domain: dict[str, Any], t: Tracker) -> tuple[dict[str, Any], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = await ValidateIntakeForm().run(dispatcher, t, domain)
    return as_slots(events), dispatcher


async def test_multi_fact_message_fills_several_slots_and_skips_their_questions(domain: dict[str, Any]) -> None:
    entities = [
        {"entity": "age", "value": "52"},
        {"entity": "work_status", "value": "werknemer_vast"},
        {"entity": "education_level", "value": "mbo3"},
        {"entity": "sector", "value": "zorg_welzijn"},
    ]
    t = tracker(
        {"requested_slot": "work_status"}, "ik ben 52, werk vast in de thuiszorg en heb mbo 3", entities=entities
    )
    slots, _ = await run_form(domain, t)
    assert slots["age"] == 52 and slots["education_level"] == "mbo3"
    assert slots["work_status"] == "werknemer_vast" and slots["current_sector"] == "zorg_welzijn"
    # Next question: the first one not answered yet (employer size for an employee).
    assert slots["requested_slot"] == "employer_size"


async def test_bare_number_to_age_question(domain: dict[str, Any]) -> None:
    slots, _ = await run_form(
        domain,
        tracker(
            {"requested_slot": "age", "work_status": "werkzoekend_ww", "education_level": "mbo2"},
            "44",
            intent="nlu_fallback",
        ),
    )
    assert slots["age"] == 44 and slots["requested_slot"] == "goal"


async def test_impossible_numbers_are_asked_again_with_a_clear_message(domain: dict[str, Any]) -> None:
    slots, dispatcher = await run_form(
        domain, tracker({"requested_slot": "age"}, "ik ben 7", entities=[{"entity": "age", "value": "7"}])
    )
    assert slots["age"] is None and slots["requested_slot"] == "work_status"
    assert "leeftijd" in dispatcher.messages[0]["text"]
    slots, dispatcher = await run_form(
        domain, tracker({"requested_slot": "hours_per_week", "work_status": "werknemer_flex"}, "120")
    )
    assert slots["hours_per_week"] is None and "tussen 0 en 80" in dispatcher.messages[0]["text"]


async def test_dont_know_skips_and_moves_on(domain: dict[str, Any]) -> None:
    t = tracker({"requested_slot": "employer_size", "work_status": "werknemer_flex"}, "geen idee", intent="dont_know")
    slots, dispatcher = await run_form(domain, t)
    assert slots["skipped_slots"] == ["employer_size"]
    assert slots["requested_slot"] == "hours_per_week"
    assert dispatcher.messages[0]["response"] == "utter_dont_know_ok"


async def test_digression_fills_nothing_so_the_form_rejects(domain: dict[str, Any]) -> None:
    slots, _ = await run_form(domain, tracker({"requested_slot": "age"}, "wat is stap?", intent="faq"))
    assert set(slots) <= {"requested_slot"}


async def test_resuming_after_a_digression_does_not_reuse_the_old_message(domain: dict[str, Any]) -> None:
    t = tracker(
        {"requested_slot": "at_risk_of_job_loss", "work_status": "werknemer_vast"},
        "nee",
        intent="deny",
        after=("action_decline_handoff",),
    )
    slots, _ = await run_form(domain, t)
    assert "at_risk_of_job_loss" not in slots


async def test_change_to_non_employee_drops_employer_answers(domain: dict[str, Any]) -> None:
    t = tracker(
        {"requested_slot": "age", "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": True},
        "ik ben nu zzp'er",
        entities=[{"entity": "work_status", "value": "zzp"}],
    )
    slots, _ = await run_form(domain, t)
    assert slots["work_status"] == "zzp" and slots["employer_size"] is None and slots["at_risk_of_job_loss"] is None


async def test_facts_for_questions_not_asked_are_kept(domain: dict[str, Any]) -> None:
    t = tracker(
        {"requested_slot": "education_level", "work_status": "werkzoekend_ww"},
        "mbo 2, ik werkte 32 uur",
        entities=[{"entity": "education_level", "value": "mbo2"}, {"entity": "hours", "value": "32"}],
    )
    slots, _ = await run_form(domain, t)
    assert slots["education_level"] == "mbo2" and slots["hours_per_week"] == 32


COMPLETE = {
    "work_status": "werknemer_vast",
    "employer_size": "mkb",
    "hours_per_week": 32,
    "at_risk_of_job_loss": False,
    "current_sector": "zorg_welzijn",
    "education_level": "mbo3",
    "age": 52,
    "goal": "bijscholen",
    "sector_interests": ["zorg_welzijn"],
    "max_hours_study_per_week": 6,
    "preferred_form": "werkend_leren",
    "municipality": "Zwolle",
}


async def test_complete_intake_ends_the_form(domain: dict[str, Any]) -> None:
    slots, _ = await run_form(
        domain, tracker({**COMPLETE, "municipality": None, "requested_slot": "municipality"}, "zwolle")
    )
    assert slots["municipality"] == "Zwolle" and slots["requested_slot"] is None


async def test_summary_and_fix(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    await ActionShowSummary().run(dispatcher, tracker(COMPLETE, active_loop=None), domain)
    assert dispatcher.messages[0]["text"].endswith("Klopt dit?") and "mbo 3" in dispatcher.messages[0]["text"]

    dispatcher = CollectingDispatcher()
    fixed = await ActionFixSummary().run(
        dispatcher,
        tracker(
            COMPLETE,
            "nee, ik bedoel mbo 4",
            intent="deny",
            entities=[{"entity": "education_level", "value": "mbo4"}],
            active_loop=None,
        ),
        domain,
    )
    assert as_slots(fixed)["education_level"] == "mbo4"
    assert "mbo 4" in dispatcher.messages[-1]["text"] and dispatcher.messages[-1]["text"].endswith("Klopt dit?")

    dispatcher = CollectingDispatcher()
    asked = await ActionFixSummary().run(dispatcher, tracker(COMPLETE, "nee", intent="deny", active_loop=None), domain)
    assert asked == [] and dispatcher.messages[0]["response"] == "utter_ask_correction"


async def test_advice_messages_and_uncertain_offer(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionGiveAdvice().run(dispatcher, tracker(COMPLETE, active_loop=None), domain)
    texts = [m.get("text") or "" for m in dispatcher.messages]
    assert texts[0].startswith("Dit is mijn advies in het kort")
    assert any("22 november 2024" in t for t in texts)
    assert as_slots(events)["advice_given"] is True

    zzp = {"work_status": "zzp", "age": 40, "education_level": "hbo_bachelor", "current_sector": "ict"}
    dispatcher = CollectingDispatcher()
    events = await ActionGiveAdvice().run(dispatcher, tracker(zzp, active_loop=None), domain)
    assert dispatcher.messages[-1]["response"] == "utter_offer_handoff_uncertain"
    assert as_slots(events)["handoff_offered"] is True and as_slots(events)["handoff_reason"] == "uncertain_advice"


def test_stap_question_is_remembered_for_the_advice() -> None:
    events = [
        {"event": "user", "text": "bestaat STAP nog?", "parse_data": {}},
        {"event": "user", "text": "hoi", "parse_data": {}},
    ]
    assert asked_ended_schemes(events) == ["stap_budget"]
    assert asked_ended_schemes([{"event": "user", "text": "ik wil stappen zetten"}]) == []


async def test_fallback_ladder_clarify_rephrase_offer(domain: dict[str, Any]) -> None:
    level = None
    seen = []
    for _ in range(3):
        dispatcher = CollectingDispatcher()
        events = await ActionFallback().run(
            dispatcher, tracker({"fallback_level": level, "requested_slot": "age"}, "blub", "nlu_fallback"), domain
        )
        level = as_slots(events)["fallback_level"]
        seen.append((level, dispatcher.messages[0]["response"], as_slots(events).get("handoff_offered")))
    assert seen == [
        ("clarify", "utter_fallback_clarify", None),
        ("rephrase", "utter_fallback_rephrase", None),
        ("offer", "utter_offer_handoff_fallback", True),
    ]


async def test_explain_question_rephrases_the_pending_question(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionExplainQuestion().run(dispatcher, tracker({"requested_slot": "goal"}), domain)
    assert as_slots(events) == {"fallback_level": "rephrase"}


async def test_handoff_sends_one_message_with_payload_and_summary(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    await ActionOfferHandoff().run(dispatcher, tracker(COMPLETE), domain)
    assert dispatcher.messages[0]["response"] == "utter_offer_handoff"

    for reason, expected in (
        ("fallback", "fallback"),
        (None, "user_request"),
        ("uncertain_advice", "uncertain_advice"),
    ):
        dispatcher = CollectingDispatcher()
        events = await ActionHandoff().run(dispatcher, tracker({**COMPLETE, "handoff_reason": reason}), domain)
        [message] = dispatcher.messages
        assert message["text"] == "Ik geef je door aan een adviseur."
        custom = message["custom"]
        assert custom["handoff"] == "requested" and custom["reason"] == expected
        assert custom["summary"]["education_level"] == "mbo3" and custom["summary"]["age"] == 52
        assert as_slots(events)["handoff_offered"] is False

    dispatcher = CollectingDispatcher()
    events = await ActionDeclineHandoff().run(dispatcher, tracker({"handoff_offered": True}), domain)
    assert as_slots(events)["handoff_offered"] is False


async def test_delete_my_data_signals_the_service_and_forgets(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionDeleteMyData().run(dispatcher, tracker(COMPLETE), domain)
    [message] = dispatcher.messages
    assert message["custom"] == {"privacy": "delete_requested"} and message["text"]
    assert {"event": "reset_slots", "timestamp": None} in events
    assert any(e.get("event") == "active_loop" and e.get("name") is None for e in events)


async def test_start_over_resets_everything(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionStartOver().run(dispatcher, tracker(COMPLETE), domain)
    assert [e["event"] for e in events] == ["reset_slots", "active_loop"]
    assert dispatcher.messages[0]["response"] == "utter_restart"


def test_stap_as_an_everyday_word_is_no_question_about_the_budget() -> None:
    for text in ("wat is de volgende stap?", "stap voor stap", "ik wil een stap verder", "Stap 1 is klaar"):
        assert asked_ended_schemes([{"event": "user", "text": text, "parse_data": {}}]) == [], text
    for text in ("bestaat STAP nog?", "kan ik stap-budget krijgen", "wat is het stapbudget"):
        assert asked_ended_schemes([{"event": "user", "text": text, "parse_data": {}}]) == ["stap_budget"], text


async def test_any_answer_but_yes_closes_an_open_adviser_offer(domain: dict[str, Any]) -> None:
    # "nee, ga maar verder" read as an answer: the offer must not stay open for a later "ja".
    slots, _ = await run_form(domain, tracker({"requested_slot": "age", "handoff_offered": True,
                                               "handoff_reason": "fallback"}, "nee, ga maar verder"))
    assert slots["handoff_offered"] is False and slots["handoff_reason"] is None


async def test_the_summary_closes_a_stale_offer_so_its_yes_confirms(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionShowSummary().run(dispatcher, tracker({"handoff_offered": True}, active_loop=None), domain)
    assert as_slots(events)["handoff_offered"] is False
    events = await ActionShowSummary().run(dispatcher, tracker({}, active_loop=None), domain)
    assert "handoff_offered" not in as_slots(events)
