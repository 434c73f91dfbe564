"""One simulated conversation: a generated person talks to the intake state machine.

The person answers what is asked with a phrase from the bank, and at moments chosen from its
seed digresses (FAQ, out of scope, asks for a person, types intent syntax), says "weet ik niet",
slips and corrects itself, taps buttons, and declines every offer it did not ask for. The
transcript keeps what the person said as facts (``given``) so the invariants can judge the
machine's final profile against it.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import yaml

from assistant.simulate import bank
from assistant.simulate.people import Person
from assistant.simulate.typos import maybe_typo

ROOT = Path(__file__).resolve().parents[2]
MAX_TURNS = 80
MAX_NUDGES = 2
UNKNOWN = "<unknown>"  # the person said "weet ik niet"
STATEMENTS = frozenset({"answer", "tap", "volunteer", "correction", "dont_know"})


class Machine(Protocol):
    """The interface of assistant.intake.machine that the simulator uses."""

    Reading: Any

    def new_state(self) -> dict[str, Any]: ...
    def step(self, state: dict[str, Any], reading: Any, today: date) -> Any: ...
    def profile_of(self, state: dict[str, Any]) -> dict[str, Any]: ...


# A reader turns what the person typed (and, in parser-only mode, the intent the simulator meant
# for its own digressions) into a machine Reading.
Reader = Callable[[str, dict[str, Any] | None], Any]


@dataclass
class Turn:
    user: str
    move: str                      # answer, volunteer, correction, dont_know, faq, out_of_scope, human, yes,
    #                                decline, injection, greeting, nudge, tap
    about: str | None              # the field the move is about ("summary" for the yes to it), if any
    bot: list[str] = field(default_factory=list)
    buttons: list[list[str]] = field(default_factory=list)
    effects: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    asked: str | None = None
    offer: str | None = None
    shown: str | None = None
    intent: str | None = None      # what the reader made of the message
    facts: dict[str, Any] = field(default_factory=dict)  # the machine's profile after this turn
    typo: bool = False             # the simulator put a typo in this message


@dataclass
class Transcript:
    person: Person
    turns: list[Turn] = field(default_factory=list)
    given: dict[str, tuple[Any, str]] = field(default_factory=dict)   # field -> (value, source)
    given_at: dict[str, int] = field(default_factory=dict)            # field -> turn of that statement
    asked_schemes: set[str] = field(default_factory=set)
    profile: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    today: date = field(default_factory=date.today)

    def questions(self) -> int:
        """Distinct intake questions asked (the summary is no question)."""
        return len({t.asked for t in self.turns if t.asked and t.asked != "summary"})


@functools.lru_cache(maxsize=1)
def faq_texts() -> dict[str, str]:
    """Response texts per FAQ key from the domain, as a response selector would give them."""
    path = ROOT / "domain" / "faq.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    out = {}
    for name, variants in (data.get("responses") or {}).items():
        if str(name).startswith("utter_faq/") and variants:
            out["faq/" + str(name).split("/", 1)[1]] = str(variants[0].get("text", ""))
    return out


def _quick_replies() -> dict[str, dict[str, tuple[str, Any]]]:
    try:
        from assistant.intake.slots import QUICK_REPLIES
    except ImportError:  # pragma: no cover
        return {}
    return QUICK_REPLIES


@functools.lru_cache(maxsize=64)
def _vocabulary_buttons(field_name: str) -> dict[str, Any]:
    """Button title -> value from the intake vocabulary, when there is one (a person reads the button)."""
    try:
        from assistant.vocabulary import vocabulary
        spec = vocabulary().fields.get(field_name)
    except Exception:  # no vocabulary module (yet): the quick replies of slots.py still tell
        return {}
    if spec is None:
        return {}
    return {" ".join(v.button.lower().split()): ([v.value] if spec.kind == "list" else v.value) for v in spec.values}


def button_meaning(field_name: str, title: str) -> Any:
    """What tapping a button title answers for a field, or None when the simulator cannot tell."""
    key = " ".join(title.lower().split())
    if key in ("weet ik niet", "sla over", "overslaan"):
        return UNKNOWN
    found = _vocabulary_buttons(field_name).get(key)
    if found is not None:
        return found
    quick = _quick_replies().get(field_name, {}).get(key)
    if quick is not None and quick[0] == field_name:
        return quick[1]
    if field_name in bank.BOOLS:
        if key in ("ja", "ja, graag", "ja graag"):
            return True
        if key in ("nee", "nee, dank je", "nee dank je"):
            return False
    return None


class Speaker:
    """The person's side of the conversation: picks the next message from the machine's last turn."""

    def __init__(self, person: Person, transcript: Transcript) -> None:
        self.p = person
        self.t = transcript
        self.rng = random.Random(f"speak:{person.seed}:{person.pid}")
        self.attempts: dict[str, int] = {}
        self.pending: list[tuple[str, str, str | None]] = []   # (text, move, field) to send next
        self.corrected = False
        self.last_correction: str | None = None
        self.human_state: str | None = None   # None, "requested", "accepted", "declined"
        self.nudges = 0
        self.question_index = -1
        self.last_asked: str | None = None
        self.digressed_on: set[str] = set()
        self.typoed = False  # whether the message just chosen has a typo
        self.protect = frozenset(str(person.truth.get("municipality", "")).lower().replace("-", " ").split())
        ev = person.events
        kinds = [k for k, on in (("faq", ev.faq), ("out_of_scope", ev.out_of_scope),
                                 ("human", ev.human is not None), ("injection", ev.injection)) if on]
        self.schedule: dict[int, str] = {}
        for kind in kinds:
            q = self.rng.randint(0, 5)
            while q in self.schedule:  # at most one digression per question
                q += 1
            self.schedule[q] = kind

    # -- facts ---------------------------------------------------------------------------------
    def _give(self, field_name: str, value: Any, source: str) -> None:
        self.t.given[field_name] = (value, source)
        self.t.given_at[field_name] = len(self.t.turns)  # the turn about to be sent

    def _true(self, field_name: str) -> Any:
        return self.p.truth.get(field_name)

    def _phrase(self, field_name: str, value: Any, statement: bool = False) -> str:
        if field_name == "current_sector" and value == "anders":
            return self.p.own_words or self.rng.choice(bank.OWN_WORDS_SECTORS)
        if field_name == "sector_interests":
            value = value[0]
        if isinstance(value, bool):
            return self.rng.choice(bank.bool_ways(field_name, value))
        if isinstance(value, int):
            return self.rng.choice(bank.number_ways(field_name, value, statements=statement))
        if field_name == "municipality":
            return self.rng.choice(bank.municipality_ways(str(value), statements=statement))
        ways = bank.enum_ways(field_name, str(value), statements=statement)
        return self.rng.choice(ways or bank.enum_ways(field_name, str(value)))

    # -- moves ---------------------------------------------------------------------------------
    def first(self) -> tuple[str, str, str | None]:
        ev = self.p.events
        if ev.opener_facts:
            parts = []
            for f in ev.opener_facts:
                parts.append(self._phrase(f, self._true(f), statement=True))
                self._give(f, self._true(f), "volunteer")
            text = parts[0]
            for part in parts[1:]:
                text += self.rng.choice(bank.FACT_JOINERS) + part
            typo = maybe_typo(text, self.rng, ev.typo_rate, self.protect)
            self.typoed = typo != text
            return typo, "volunteer", None
        if ev.greeting:
            return ev.greeting, "greeting", None
        return self.rng.choice(("hoi", "hallo", "ik wil advies over een opleiding", "ik wil iets leren")), \
            "greeting", None

    def digression(self, kind: str, asked: str) -> tuple[str, str, str | None]:
        self.digressed_on.add(asked)
        if kind == "faq":
            key = self.p.events.faq or "faq/ask_cost"
            self.t.asked_schemes |= bank.FAQ[key][1]
            return self.rng.choice(bank.FAQ[key][0]), "faq", key
        if kind == "out_of_scope":
            return self.rng.choice(bank.OUT_OF_SCOPE), "out_of_scope", None
        if kind == "human":
            self.human_state = "requested"
            return self.rng.choice(bank.HUMAN_REQUESTS), "human", None
        return self.p.events.injection or "/restart", "injection", None

    def answer(self, asked: str, buttons: list[str]) -> tuple[str, str, str | None]:
        n = self.attempts.get(asked, 0)
        self.attempts[asked] = n + 1
        ev = self.p.events
        if asked not in self.p.truth:
            # Asked something that does not apply to this person (no employer, no job).
            self._give(asked, UNKNOWN, "answer")
            return self.rng.choice(bank.DONT_KNOW), "dont_know", asked
        if asked == ev.dont_know:
            tap = next((b for b in buttons if button_meaning(asked, b) == UNKNOWN), None)
            self._give(asked, UNKNOWN, "answer")
            if tap and (n > 0 or ev.tap_buttons):
                return tap, "tap", asked
            return self.rng.choice(bank.DONT_KNOW), "dont_know", asked
        if asked == ev.correct and not self.corrected and n == 0:
            wrong = self.p.wrong[asked]
            self._give(asked, wrong, "answer")
            self.corrected = True
            true = self._true(asked)
            fix = self.rng.choice(bank.CORRECTION_LEADS) + self._phrase(asked, true, statement=True)
            self.pending.append((fix, "correction", asked))
            return self._phrase(asked, wrong), "answer", asked
        value = self._true(asked)
        if self.t.given.get(asked, (None, ""))[1] != "correction":
            self._give(asked, value, "answer")
        # A retry or a person who likes buttons taps the button that fits, when there is one.
        if buttons and (n > 0 or ev.tap_buttons):
            want = value[0] if asked == "sector_interests" else value
            tap = next((b for b in buttons if button_meaning(asked, b) in (want, [want])), None)
            if tap is not None:
                return tap, "tap", asked
        text = self._phrase(asked, value)
        if n == 0 and asked not in self.digressed_on:
            # Only a first try has typos: asked again, people type more carefully.
            typo = maybe_typo(text, self.rng, ev.typo_rate, self.protect)
            self.typoed, text = typo != text, typo
        return text, "answer", asked

    def next(self, result: Any) -> tuple[str, str, str | None] | None:
        """The person's next message, or None when the conversation is over for them."""
        self.typoed = False
        if result.shown == "advice" or any(e.kind == "handoff" for e in result.effects):
            return None
        if self.pending:
            text, move, about = self.pending.pop(0)
            if move == "correction" and about:
                self._give(about, self._true(about), "correction")
                self.last_correction = about
            return text, move, about
        if result.offer == "adviser":
            if self.human_state == "requested" and self.p.events.human:
                self.human_state = "accepted"
                return self.rng.choice(bank.YES), "yes", None
            if self.human_state == "requested":
                self.human_state = "declined"
            return self.rng.choice(bank.DECLINES), "decline", None
        if result.offer in ("delete", "restart"):
            return self.rng.choice(bank.DECLINES), "decline", None
        asked = result.asked
        if asked == "summary":
            return self.rng.choice(bank.YES), "yes", "summary"
        if asked == "correction":
            # "Wat klopt er niet?": the person says again what they meant, in other words.
            self.nudges += 1
            if self.last_correction and self.nudges <= MAX_NUDGES:
                f = self.last_correction
                self._give(f, self._true(f), "correction")
                return self._phrase(f, self._true(f), statement=True), "answer", f
            return self.rng.choice(("het klopt wel", "laat maar, het is goed", "alles klopt")), "nudge", None
        if asked:
            self.nudges = 0
            if asked != self.last_asked:
                self.question_index += 1
                self.last_asked = asked
                kind = self.schedule.pop(self.question_index, None)
                if kind is not None:
                    return self.digression(kind, asked)
            buttons = [b for m in result.messages for b in (m.buttons or [])]
            return self.answer(asked, buttons)
        if self.nudges < MAX_NUDGES:
            # Nothing asked and nothing shown: a person says something to move on.
            self.nudges += 1
            return self.rng.choice(("oké", "en nu?", "oké, ga verder")), "nudge", None
        return None


def parser_reader(machine: Machine) -> Reader:
    """Parser-only reading: text only, except the simulator's own digressions, passed as meant."""
    def read(text: str, meant: dict[str, Any] | None) -> Any:
        return machine.Reading(text=text, **meant) if meant else machine.Reading(text=text)
    return read


def _meant(move: str, key: str | None) -> dict[str, Any] | None:
    if move == "faq" and key:
        return {"intent": "faq", "confidence": 1.0, "faq_key": key, "faq_text": faq_texts().get(key)}
    if move == "human":
        return {"intent": "request_human", "confidence": 1.0}
    if move == "out_of_scope":
        return {"intent": "out_of_scope", "confidence": 1.0}
    if move == "greeting":
        return {"intent": "greet", "confidence": 1.0}
    return None


def simulate(person: Person, machine: Machine, reader: Reader, today: date) -> Transcript:
    """Run one conversation to its end (advice, handoff, silence or MAX_TURNS)."""
    transcript = Transcript(person=person, today=today)
    speaker = Speaker(person, transcript)
    state = machine.new_state()
    move: tuple[str, str, str | None] | None = speaker.first()
    try:
        while move is not None and len(transcript.turns) < MAX_TURNS:
            text, kind, about = move
            meant = _meant(kind, about)
            reading = reader(text, meant)
            result = machine.step(state, reading, today)
            state = result.state
            transcript.turns.append(Turn(
                user=text, move=kind, about=None if kind == "faq" else about,
                bot=[m.text for m in result.messages], buttons=[list(m.buttons or []) for m in result.messages],
                effects=[(e.kind, dict(e.data)) for e in result.effects],
                asked=result.asked, offer=result.offer, shown=result.shown,
                intent=getattr(reading, "intent", None),
                # The profile right after a statement tells a misread apart from a later overwrite.
                facts=dict(machine.profile_of(state)) if kind in STATEMENTS else {}, typo=speaker.typoed,
            ))
            move = speaker.next(result)
        transcript.profile = dict(machine.profile_of(state))
    except Exception as exc:  # a crash is a finding, not the end of the run
        transcript.error = f"{type(exc).__name__}: {exc}"
    return transcript
