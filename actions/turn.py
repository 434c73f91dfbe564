"""The one dialogue action: every user message goes through the intake state machine.

Rasa's rules send each intent here; this action only moves data: the state slot and the latest
parse in, the machine's messages, effects and the profile slots out. All decisions are in
assistant.intake.machine (pure, tested, also driven by the conversation simulator).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from assistant.intake.handoff import STAFFING_KEY, Staffing, staffing_from
from assistant.intake.machine import Reading, TurnResult, profile_of, read_nlu, step
from assistant.intake.slots import PROFILE_SLOTS

STATE_SLOT = "koers_state"
NOTES_SLOT = "intake_notes"


def reading_of(tracker: Tracker) -> Reading:
    message = dict(tracker.latest_message or {})
    if not message.get("text"):
        # A triggered intent (handoff_resume, greet from the widget) has no text of its own.
        intent = (message.get("intent") or {}).get("name")
        # Only the service triggers intents (it never passes a person's text as one): its entities
        # say e.g. that a callback request was just left.
        return Reading(text="", intent=intent, confidence=1.0, entities=tuple(message.get("entities") or ()))
    return read_nlu(message)


def staffing_of(tracker: Tracker) -> Staffing | None:
    """The service's word on the loket, from the metadata of the latest user message (Rasa keeps it
    in the message's parse data and in its event)."""
    metadata = (tracker.latest_message or {}).get("metadata")
    if not isinstance(metadata, dict):
        user = next((e for e in reversed(tracker.events or []) if e.get("event") == "user"), None)
        metadata = (user or {}).get("metadata")
    return staffing_from((metadata or {}).get(STAFFING_KEY)) if isinstance(metadata, dict) else None


def _same(old: Any, new: Any) -> bool:
    """Equal as Rasa stores them (JSON): 1, 1.0 and True stay different values."""
    try:
        return json.dumps(old, sort_keys=True) == json.dumps(new, sort_keys=True)
    except (TypeError, ValueError):
        return False


def events_of(result: TurnResult, tracker: Tracker | None = None) -> list[EventType]:
    """The state, and the profile mirrored into the profile slots (the advice API reads them).

    With the tracker, only the slots whose value changes get an event: every event stays in the
    tracker, and Rasa reads, replays and sends all of them (to the action server too) on every
    later turn, so a SlotSet that repeats the current value only makes each turn slower.
    """
    profile = profile_of(result.state)
    wanted: list[tuple[str, Any]] = [(STATE_SLOT, result.state)]
    for name in PROFILE_SLOTS:
        value = profile.get(name)
        wanted.append((name, value if value != [] else None))
    notes = {"unknown": result.state.get("unknown") or [], "own_words": result.state.get("own_words") or {}}
    wanted.append((NOTES_SLOT, notes))
    return [SlotSet(name, value) for name, value in wanted
            if tracker is None or not _same(tracker.get_slot(name), value)]


def run_turn(dispatcher: CollectingDispatcher, tracker: Tracker, today: date | None = None) -> list[EventType]:
    result = step(tracker.get_slot(STATE_SLOT), reading_of(tracker), today or date.today(), staffing_of(tracker))
    for message in result.messages:
        buttons: list[dict[str, Any]] = [{"title": b, "payload": b} for b in message.buttons]
        if message.custom is not None:
            dispatcher.utter_message(text=message.text, buttons=buttons, json_message=message.custom)
        else:
            dispatcher.utter_message(text=message.text, buttons=buttons)
    return events_of(result, tracker)


class ActionTurn(Action):
    def name(self) -> str:
        return "action_turn"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        return run_turn(dispatcher, tracker)


class ActionRestartAsText(Action):
    """Overrides Rasa's default action_restart: a typed "/restart" is text, never a command.

    Starting over is the machine's own offer ("opnieuw beginnen", confirmed with a yes).
    """

    def name(self) -> str:
        return "action_restart"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        return run_turn(dispatcher, tracker)


class ActionBackAsText(Action):
    """Overrides Rasa's default action_back ("/back" typed by a person is text too)."""

    def name(self) -> str:
        return "action_back"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        return run_turn(dispatcher, tracker)
