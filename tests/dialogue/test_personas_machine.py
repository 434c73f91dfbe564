"""Every e2e persona through the intake state machine alone: parser only, no trained model.

The same people and the same answering logic (``Script``) as tests/e2e/test_personas.py; each
message is read by the machine's own parser (``Reading(text=...)``, no NLU intent), except FAQ
questions, which get the reading the NLU would give them (the answer text from domain/faq.yml).
The checks are those of the e2e test: the expected profile and scheme statuses (from the policy
engine on the machine's profile), a handoff only when the person asked for one and said yes,
no bot text more than twice while one question is open, and the texts that must (not) appear.

A persona the machine gets wrong because it misreads ordinary Dutch is marked xfail (strict)
with the finding, so it flips to a failure to unmark once the machine is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import pytest
import yaml

from assistant.intake.machine import Reading, TurnResult, new_state, profile_of, step
from assistant.policy.engine import evaluate
from tests.e2e.test_personas import MAX_TURNS, PEILDATUM, PERSONAS, ROOT, Digression, Persona, Script, matches

TODAY = date.fromisoformat(PEILDATUM)

# Personas the machine does not yet get right: name -> the finding (see the report on issue #9).
FINDINGS: dict[str, str] = {
}


@lru_cache(maxsize=1)
def faq_answers() -> dict[str, str]:
    """faq/<topic> -> the answer text, as Rasa's response selector would return it."""
    data = yaml.safe_load((ROOT / "domain" / "faq.yml").read_text(encoding="utf-8"))
    return {
        key.removeprefix("utter_"): str(variants[0]["text"])
        for key, variants in data["responses"].items()
        if key.startswith("utter_faq/")
    }


def reading(text: str, digression: Digression | None) -> Reading:
    if digression is not None and digression.kind == "faq":
        assert digression.faq_key in faq_answers(), f"unknown FAQ {digression.faq_key}"
        key = str(digression.faq_key)
        return Reading(text=text, intent="faq", confidence=0.9, faq_key=key, faq_text=faq_answers()[key])
    return Reading(text=text)


@dataclass
class MachineRun:
    script: Script
    state: dict[str, Any] = field(default_factory=new_state)
    results: list[TurnResult] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)

    @property
    def bot_texts(self) -> list[str]:
        return [m.text for r in self.results for m in r.messages]

    @property
    def effects(self) -> list[str]:
        return [e.kind for r in self.results for e in r.effects]

    @property
    def advice(self) -> bool:
        return any(m.custom and m.custom.get("kind") == "advice" for r in self.results for m in r.messages)

    @property
    def handoff(self) -> bool:
        return any(m.custom and m.custom.get("handoff") == "requested" for r in self.results for m in r.messages)

    @property
    def log(self) -> str:
        return "\n".join(self.transcript)

    def say(self, text: str, digression: Digression | None) -> TurnResult:
        self.transcript.append(f"> {text}")
        result = step(self.state, reading(text, digression), TODAY)
        self.state = result.state
        self.results.append(result)
        self.transcript += [f"< {m.text}" for m in result.messages]
        return result


def run_machine(persona: Persona) -> MachineRun:
    run = MachineRun(Script(persona))
    result = run.say(persona.opening, None)
    for _ in range(MAX_TURNS):
        if run.advice or run.handoff:
            return run
        answer = run.script.next([m.text for m in result.messages])
        assert answer is not None, "no question recognised:\n" + run.log
        result = run.say(answer, run.script.last)
    raise AssertionError("no advice within the turn limit:\n" + run.log)


def _params() -> list[Any]:
    return [
        pytest.param(p, id=p.name, marks=[pytest.mark.xfail(strict=True, reason=FINDINGS[p.name])])
        if p.name in FINDINGS
        else pytest.param(p, id=p.name)
        for p in PERSONAS
    ]


def run_and_check_outcome(persona: Persona) -> MachineRun:
    """The persona's conversation, checked for everything but the profile (also used by
    test_unseen_people.py): advice, or the handoff asked for and accepted; no other effect
    (restart, delete); no text repeated, offered unasked, or about STAP unasked."""
    run = run_machine(persona)
    log = run.log
    assert run.handoff == persona.expect_handoff, f"handoff: {run.handoff}, expected {persona.expect_handoff}\n{log}"
    assert run.effects == (["handoff"] if persona.expect_handoff else []), log
    assert run.advice != persona.expect_handoff, log
    problems = run.script.text_problems(run.bot_texts)
    assert not problems, "\n".join(problems) + "\n" + log
    return run


@pytest.mark.parametrize("persona", _params())
def test_persona_reaches_correct_advice_through_the_machine(persona: Persona) -> None:
    run = run_and_check_outcome(persona)
    log = run.log

    profile = profile_of(run.state)
    for key, value in persona.profile.items():
        if key not in run.script.asked and profile.get(key) is None:
            continue  # not asked: it cannot change this person's advice (the statuses below prove it)
        assert matches(value, profile.get(key)), f"profile[{key}] = {profile.get(key)!r}, expected {value!r}\n{log}"
    statuses = {r.scheme_id: r.status for r in evaluate(profile, TODAY)}
    for scheme_id, status in persona.statuses.items():
        assert statuses[scheme_id] == status, f"{scheme_id}: {statuses[scheme_id]} != {status}\n{log}"


def test_the_persona_set_covers_issue_9() -> None:
    assert len(PERSONAS) >= 40
    assert len({p.name for p in PERSONAS}) == len(PERSONAS)
    openings = {p.opening.lower().strip("!") for p in PERSONAS}
    assert {"dag", "goedemiddag"} <= openings
    said = [
        text.lower()
        for p in PERSONAS
        for text in [*p.answers.values(), *(d.text for d in p.digressions.values()), p.summary_fix or ""]
    ]
    for words in (
        "medewerkers",
        "collega's",
        "opropkracht",
        "kapper",
        "beveiliging",
        "fotografie",
        "/restart",
        "/inform{",
        "nee wacht",
        "weet ik niet",
        "ja, vooral met rekenen",
        "gewoon weer leren",
        "compleet iets nieuws",
    ):
        assert any(words in s for s in said), words
    assert any(d.kind == "faq" for p in PERSONAS for d in p.digressions.values())
    assert any(d.reply and d.reply.startswith("nee") for p in PERSONAS for d in p.digressions.values())
    assert any(p.expect_handoff for p in PERSONAS) and any(p.asks_about_stap for p in PERSONAS)


def test_the_script_flags_a_prompt_sent_three_times_and_an_offer_nobody_asked_for() -> None:
    # The checks above must be able to fail: a bot that repeats a question or offers an adviser
    # after a plain answer is caught by the same Script the personas use.
    script = Script(PERSONAS[0])
    question = next(iter(script.questions))
    for _ in range(3):
        assert script.next(["Sorry.", question]) is not None
    assert script.repeated_texts() == ["Sorry.", question]
    assert script.next([next(iter(script.offers))]) == PERSONAS[0].offer_reply
    assert script.unasked_offers and "offers nobody asked for" in " ".join(script.text_problems([]))
