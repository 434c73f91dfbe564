"""A small stand-in with the intake machine's interface, to test the simulator's plumbing.

It reads answers with assistant.intake.slots.extract and asks required_slots in order. Flags
switch on faults the invariants must catch. It is no model of the real machine's quality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.intake.slots import extract, profile_from_slots

QUESTIONS = {
    "work_status": "Wat doe je nu?", "education_level": "Wat is je hoogste diploma?", "age": "Hoe oud ben je?",
    "goal": "Wat wil je bereiken?", "sector_interests": "In welk werk wil je verder?",
    "max_hours_study_per_week": "Hoeveel uur per week kun je leren?", "preferred_form": "Hoe leer je het liefst?",
    "municipality": "In welke gemeente woon je?", "hours_per_week": "Hoeveel uur werk je?",
    "employer_size": "Werken er minder dan 250 mensen bij je werkgever?", "current_sector": "In welke sector werk je?",
    "at_risk_of_job_loss": "Is je baan in gevaar?", "literacy_need": "Wil je hulp bij taal of rekenen?",
    "receives_studiefinanciering": "Krijg je studiefinanciering?",
}
EMPLOYEE = ("werknemer_vast", "werknemer_flex")


def missing_slots(slots: dict) -> list[str]:
    """The stand-in's own fixed question order (the real machine keeps its order in data)."""
    status = slots.get("work_status")
    order = ["work_status"]
    if status in EMPLOYEE:
        order += ["employer_size", "hours_per_week", "at_risk_of_job_loss"]
    if status in (*EMPLOYEE, "zzp"):
        order.append("current_sector")
    order += ["education_level", "age", "goal", "sector_interests", "max_hours_study_per_week", "preferred_form",
              "municipality"]
    skipped = set(slots.get("skipped_slots") or [])
    return [f for f in order if f not in skipped and slots.get(f) in (None, [])]


YES = re.compile(r"^\s*(ja|jazeker|klopt|zeker|jep)\b", re.I)


@dataclass(frozen=True)
class Reading:
    text: str
    intent: str | None = None
    confidence: float = 0.0
    entities: tuple[dict, ...] = ()
    faq_key: str | None = None
    faq_text: str | None = None


@dataclass
class Message:
    text: str
    buttons: list[str] = field(default_factory=list)
    custom: dict | None = None


@dataclass
class Effect:
    kind: str
    data: dict


@dataclass
class TurnResult:
    state: dict
    messages: list[Message]
    effects: list[Effect]
    asked: str | None
    offer: str | None
    shown: str | None


class FakeMachine:
    Reading = Reading

    def __init__(self, handoff_on_any_answer: bool = False, mention_stap: bool = False,
                 repeat_prompt: bool = False, ignore_answers_for: str | None = None) -> None:
        self.handoff_on_any_answer = handoff_on_any_answer
        self.mention_stap = mention_stap
        self.repeat_prompt = repeat_prompt
        self.ignore_answers_for = ignore_answers_for

    def new_state(self) -> dict:
        return {"slots": {}, "asked": None, "offer": None, "attempts": {}, "skipped": []}

    def profile_of(self, state: dict) -> dict:
        return profile_from_slots(state["slots"])

    def _ask(self, state: dict, messages: list[Message], effects: list[Effect] | None = None) -> TurnResult:
        slots = dict(state["slots"], skipped_slots=state["skipped"])
        todo = missing_slots(slots)
        if not todo:
            state["asked"] = "summary"
            messages.append(Message("Klopt dit?", ["Ja", "Nee"]))
            return TurnResult(state, messages, effects or [], "summary", None, "summary")
        state["asked"] = todo[0]
        text = QUESTIONS.get(todo[0], todo[0])
        if self.mention_stap:
            text += " Je vroeg naar het STAP-budget."
        messages.append(Message(text, []))
        return TurnResult(state, messages, effects or [], todo[0], None, None)

    def step(self, state: dict, reading: Reading, today: date) -> TurnResult:
        state = {**state, "slots": dict(state["slots"]), "attempts": dict(state["attempts"]),
                 "skipped": list(state["skipped"])}
        text = reading.text
        if state["offer"] == "adviser":
            state["offer"] = None
            if YES.match(text):
                return TurnResult(state, [Message("Ik zoek een adviseur.")], [Effect("handoff", {})], None, None, None)
            return self._ask(state, [Message("Goed, we gaan verder.")])
        if reading.intent == "request_human":
            state["offer"] = "adviser"
            return TurnResult(state, [Message("Wil je met een adviseur praten?", ["Ja", "Nee"])], [], None,
                              "adviser", None)
        if reading.intent == "faq":
            return self._ask(state, [Message(reading.faq_text or "Goede vraag.")])
        if reading.intent in ("out_of_scope", "greet"):
            return self._ask(state, [Message("Daar kan ik je niet mee helpen.")])
        asked = state["asked"]
        if asked == "summary":
            if YES.match(text):
                return TurnResult(state, [Message("Dit is mijn advies.")], [], None, None, "advice")
            return self._ask(state, [])
        if text.startswith("/"):
            return self._ask(state, [])
        result = extract(text, None, [], asked, state["slots"], today)
        if asked == self.ignore_answers_for:
            result.updates.pop(asked, None)
        state["slots"].update(result.updates)
        if result.skipped or re.search(r"weet|idee", text):
            state["skipped"].append(asked)
        elif asked and asked not in result.updates and not self.repeat_prompt:
            state["attempts"][asked] = state["attempts"].get(asked, 0) + 1
            if state["attempts"][asked] >= 2:
                state["skipped"].append(asked)
        effects = [Effect("handoff", {})] if self.handoff_on_any_answer and state["slots"] else []
        return self._ask(state, [], effects)
