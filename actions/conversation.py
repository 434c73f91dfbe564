"""Start over, the fallback ladder (clarify -> rephrase -> offer an adviser) and "wat bedoel je?"."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

LADDER = {None: "clarify", "clarify": "rephrase", "rephrase": "offer", "offer": "offer"}


class ActionStartOver(Action):
    """Forget everything and ask the first question again (rule: then intake_form)."""

    def name(self) -> str:
        return "action_start_over"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_restart")
        events: list[EventType] = [AllSlotsReset()]
        if tracker.active_loop_name:
            events.append(ActiveLoop(None))
        return events


class ActionFallback(Action):
    """One step up the ladder per misunderstanding; a filled answer resets it (validate_intake_form)."""

    def name(self) -> str:
        return "action_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        current = tracker.get_slot("fallback_level")
        level = LADDER.get(current, "clarify")
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        if level == "clarify":
            # Off-topic ("wat voor weer wordt het?") gets the polite redirect; the question follows.
            dispatcher.utter_message(response="utter_out_of_scope" if intent == "out_of_scope"
                                     else "utter_fallback_clarify")
        elif level == "rephrase":
            # In the form the question itself comes next, in other words (utter_ask_* variation).
            in_form = bool(tracker.active_loop_name) and bool(tracker.get_slot("requested_slot"))
            dispatcher.utter_message(response="utter_fallback_rephrase" if in_form else "utter_fallback_rephrase_free")
        else:
            dispatcher.utter_message(response="utter_offer_handoff_fallback")
            return [SlotSet("fallback_level", level), SlotSet("handoff_offered", True),
                    SlotSet("handoff_reason", "fallback")]
        return [SlotSet("fallback_level", level)]


class ActionExplainQuestion(Action):
    """ "Wat bedoel je?": the form asks the same question in other words."""

    def name(self) -> str:
        return "action_explain_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if tracker.active_loop_name and tracker.get_slot("requested_slot"):
            dispatcher.utter_message(response="utter_explain_question")
            return [SlotSet("fallback_level", "rephrase")]
        dispatcher.utter_message(response="utter_fallback_rephrase_free")
        return []
