"""Handoff to a human adviser and the privacy request, as signals to the Koers service.

The service reacts to the custom payloads: {"handoff": "requested", ...} pauses the bot and queues
the case; {"privacy": "delete_requested"} deletes the conversation data.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from assistant.intake.slots import profile_from_slots

REASONS = ("user_request", "fallback", "uncertain_advice")
HANDOFF_TEXT = "Ik geef je door aan een adviseur."
DELETE_TEXT = "Je gegevens van dit gesprek worden gewist. Typ 'hoi' als je opnieuw wilt beginnen."


class ActionOfferHandoff(Action):
    def name(self) -> str:
        return "action_offer_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_offer_handoff")
        return [SlotSet("handoff_offered", True), SlotSet("handoff_reason", "user_request")]


class ActionHandoff(Action):
    """Exactly one message: the text plus the handoff payload with the intake summary."""

    def name(self) -> str:
        return "action_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        reason = tracker.get_slot("handoff_reason")
        if reason not in REASONS:
            reason = "user_request"
        dispatcher.utter_message(
            text=HANDOFF_TEXT,
            json_message={"handoff": "requested", "reason": reason, "summary": profile_from_slots(tracker.slots)},
        )
        return [SlotSet("handoff_offered", False), SlotSet("fallback_level", None)]


class ActionDeclineHandoff(Action):
    def name(self) -> str:
        return "action_decline_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        in_form = bool(tracker.active_loop_name)
        dispatcher.utter_message(response="utter_handoff_declined" if in_form else "utter_handoff_declined_free")
        return [SlotSet("handoff_offered", False), SlotSet("handoff_reason", None), SlotSet("fallback_level", None)]


class ActionDeleteMyData(Action):
    def name(self) -> str:
        return "action_delete_my_data"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(text=DELETE_TEXT, json_message={"privacy": "delete_requested"})
        events: list[EventType] = [AllSlotsReset()]
        if tracker.active_loop_name:
            events.append(ActiveLoop(None))
        return events
