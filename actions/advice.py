"""The advice: build_advice on the conversation's profile, rendered in a few B1 messages."""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from assistant.advice import build_advice
from assistant.intake.render import render_advice, uncertain_matters
from assistant.intake.slots import profile_from_slots

log = logging.getLogger(__name__)

# Ended schemes people still ask for; when they did, the advice explains they ended. "stap" is also an
# everyday word ("de volgende stap"), so only the capitalised name or "stap-budget" counts as asking.
ASKED_ENDED = {"stap_budget": re.compile(r"\bSTAP\b|\b[Ss][Tt][Aa][Pp][- ]?(?:budget|subsidie|regeling)")}


def asked_ended_schemes(events: list[dict[str, Any]]) -> list[str]:
    asked: list[str] = []
    for event in events:
        if event.get("event") != "user":
            continue
        text = str(event.get("text") or "")
        selector = ((event.get("parse_data") or {}).get("response_selector") or {}).get("faq") or {}
        key = str((selector.get("response") or {}).get("intent_response_key") or "")
        for scheme_id, pattern in ASKED_ENDED.items():
            if scheme_id not in asked and (pattern.search(text) or key == "faq/ask_stap"):
                asked.append(scheme_id)
    return asked


class ActionGiveAdvice(Action):
    def name(self) -> str:
        return "action_give_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        profile = profile_from_slots(tracker.slots)
        try:
            advice = build_advice(profile, date.today())
        except Exception:  # never leave the person without an answer
            log.exception("build_advice failed", extra={"conversation_id": tracker.sender_id})
            dispatcher.utter_message(
                text="Sorry, het lukt me nu niet om een advies te maken. Een adviseur van het Leerwerkloket "
                     "kan je helpen. Typ 'adviseur' als je met iemand wilt praten.")
            return []
        for message in render_advice(advice, asked_ended_schemes(tracker.events)):
            dispatcher.utter_message(text=message["text"], buttons=message.get("buttons", []))
        events: list[EventType] = [SlotSet("advice_given", True)]
        if uncertain_matters(advice):
            dispatcher.utter_message(response="utter_offer_handoff_uncertain")
            events += [SlotSet("handoff_offered", True), SlotSet("handoff_reason", "uncertain_advice")]
        else:
            dispatcher.utter_message(response="utter_anything_else")
        return events
