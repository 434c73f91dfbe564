"""The intake form: extraction from free text and entities, validation, and the summary.

Everything that decides something lives in assistant.intake (pure, unit-tested); these classes
only move data between the tracker and those functions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from assistant.intake.render import NOTED, render_summary
from assistant.intake.slots import (
    EMPLOYEE,
    Extraction,
    coerce,
    extract,
    missing_slots,
    profile_from_slots,
    required_slots,
)

FORM = "intake_form"


# Actions that may run between a user message and the form without consuming that message.
TRANSPARENT_ACTIONS = frozenset({FORM, "action_listen", "action_extract_slots", "validate_intake_form"})


def answers_fresh_message(tracker: Tracker) -> bool:
    """True when the form runs right after the person's message (not after a digression's answer).

    Rasa hands the validation action a tracker ending in ActionExecuted(intake_form), so the
    latest action name cannot tell; the events since the last user message can.
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in TRANSPARENT_ACTIONS:
            return False
    return False


def latest_extraction(tracker: Tracker, requested_slot: str | None) -> Extraction:
    """What the latest user message says, given the question that was asked."""
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    return extract(
        text=str(message.get("text") or ""),
        intent=intent,
        entities=message.get("entities") or [],
        requested_slot=requested_slot,
        slots=tracker.slots,
        today=date.today(),
    )


def extraction_events(extraction: Extraction, tracker: Tracker) -> list[EventType]:
    events: list[EventType] = [SlotSet(slot, value) for slot, value in extraction.updates.items()]
    if extraction.skipped:
        skipped = list(tracker.get_slot("skipped_slots") or [])
        if extraction.skipped not in skipped:
            skipped.append(extraction.skipped)
        events.append(SlotSet("skipped_slots", skipped))
    if extraction.updates:
        # A correction of a skipped question counts as answered again.
        skipped_now = [s for s in (tracker.get_slot("skipped_slots") or []) if s not in extraction.updates]
        if skipped_now != list(tracker.get_slot("skipped_slots") or []):
            events.append(SlotSet("skipped_slots", skipped_now))
    if not extraction.empty:
        events.append(SlotSet("fallback_level", None))
    return events


class ValidateIntakeForm(FormValidationAction):
    def name(self) -> str:
        return "validate_intake_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        return [s for s in required_slots(tracker.slots) if s in domain_slots]

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # Only a fresh user message is an answer: when the form resumes after a digression
        # (FAQ, handoff) the latest message was the digression and must not fill slots.
        if not answers_fresh_message(tracker):
            return []
        extraction = self.extract_facts(tracker)
        if extraction.skipped:
            dispatcher.utter_message(response="utter_dont_know_ok")
        elif extraction.updates and tracker.get_slot("requested_slot") not in extraction.updates:
            # Facts for later questions were kept; say so, so the repeated question is no surprise.
            dispatcher.utter_message(text=NOTED)
        events = extraction_events(extraction, tracker)
        for event in events:
            tracker.slots[event["name"]] = event["value"]
        # Any fresh message that was not a yes to an open offer declines it: a later "ja" to
        # another question must never start a handoff the person did not accept.
        return events + close_offer(tracker)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # rasa_sdk keeps only slots of the current required list; a multi-fact message also
        # fills facts asked later or never (hours of a zzp'er, region): keep those too.
        recent = tracker.slots_to_validate()
        validated = await super().get_validation_events(dispatcher, tracker, domain)
        names = {e["name"] for e in validated}
        return validated + [SlotSet(k, v) for k, v in recent.items() if k not in names]

    def extract_facts(self, tracker: Tracker) -> Extraction:
        """All slots one message fills, so multi-fact answers skip the questions they answer."""
        return latest_extraction(tracker, tracker.get_slot("requested_slot"))

    # -- validate_<slot>: range checks with a clear Dutch message; None re-asks the question --
    def _number(self, slot: str, value: Any, dispatcher: CollectingDispatcher, message: str) -> dict[str, Any]:
        number = coerce(slot, value)
        if number is None and value is not None:
            dispatcher.utter_message(text=message)
        return {slot: number}

    def validate_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> dict[str, Any]:
        return self._number("age", value, dispatcher,
                            "Dat lijkt me geen goede leeftijd. Typ je leeftijd als getal, bijvoorbeeld 45.")

    def validate_hours_per_week(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        return self._number("hours_per_week", value, dispatcher,
                            "Dat aantal uren klopt niet helemaal. Typ een getal tussen 0 en 80.")

    def validate_max_hours_study_per_week(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                          domain: DomainDict) -> dict[str, Any]:
        return self._number("max_hours_study_per_week", value, dispatcher,
                            "Dat aantal uren klopt niet helemaal. Typ een getal tussen 0 en 60.")

    def validate_work_status(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        status = coerce("work_status", value)
        result: dict[str, Any] = {"work_status": status}
        if status is not None and status not in EMPLOYEE:
            # Employer questions belong to employees; a changed situation drops those answers.
            result.update({"employer_size": None, "at_risk_of_job_loss": None})
        return result

    def validate_education_level(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        return {"education_level": coerce("education_level", value)}

    def validate_sector_interests(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        return {"sector_interests": coerce("sector_interests", value)}

    def validate_municipality(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        return {"municipality": coerce("municipality", value)}


def close_offer(tracker: Tracker) -> list[EventType]:
    if not tracker.get_slot("handoff_offered"):
        return []
    return [SlotSet("handoff_offered", False), SlotSet("handoff_reason", None)]


class ActionShowSummary(Action):
    """ "Dit heb ik begrepen: ... Klopt dit?" before the advice."""

    def name(self) -> str:
        return "action_show_summary"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        for message in render_summary(profile_from_slots(tracker.slots)):
            dispatcher.utter_message(text=message["text"], buttons=message.get("buttons", []))
        # "Klopt dit?" is a new question: an adviser offer still open is closed, so its "ja" confirms.
        return [SlotSet("fallback_level", None), *close_offer(tracker)]


class ActionFixSummary(Action):
    """The person said the summary is wrong: apply a correction in the same message, else ask."""

    def name(self) -> str:
        return "action_fix_summary"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        extraction = latest_extraction(tracker, None)
        if not extraction.updates:
            dispatcher.utter_message(response="utter_ask_correction")
            return []
        events = extraction_events(extraction, tracker)
        slots = dict(tracker.slots)
        slots.update(extraction.updates)
        if missing_slots(slots):
            # A correction took an answer back ("toch niet in de WW"): the form asks it again.
            return [*events, FollowupAction(FORM)]
        dispatcher.utter_message(text="Ik heb het aangepast.")
        for message in render_summary(profile_from_slots(slots)):
            dispatcher.utter_message(text=message["text"], buttons=message.get("buttons", []))
        return events
