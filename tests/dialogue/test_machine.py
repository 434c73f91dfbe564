"""The intake state machine, on the failure kinds found by trying it as people do (issue #9)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from assistant.intake.machine import Reading, TurnResult, new_state, profile_of, read_nlu, step
from assistant.vocabulary import vocabulary

TODAY = date(2026, 12, 2)


@dataclass
class Chat:
    state: dict[str, Any] = field(default_factory=new_state)
    results: list[TurnResult] = field(default_factory=list)
    bot: list[str] = field(default_factory=list)

    def say(self, text: str, intent: str | None = None, confidence: float = 0.0, **kw: Any) -> TurnResult:
        result = step(self.state, Reading(text=text, intent=intent, confidence=confidence, **kw), TODAY)
        self.state = result.state
        self.results.append(result)
        self.bot += [m.text for m in result.messages]
        return result

    @property
    def last(self) -> TurnResult:
        return self.results[-1]

    @property
    def asked(self) -> str | None:
        return self.state.get("open")

    def answer_until_summary(self, answers: dict[str, str], limit: int = 40) -> None:
        for _ in range(limit):
            if self.asked in (None, "summary"):
                return
            self.say(answers.get(str(self.asked), "weet ik niet"))
        raise AssertionError("no summary within the limit")

    @property
    def effects(self) -> list[str]:
        return [e.kind for r in self.results for e in r.effects]


PLAIN = {
    "work_status": "ik heb een vast contract", "employer_size": "ongeveer 40 collega's", "at_risk_of_job_loss": "nee",
    "hours_per_week": "32", "current_sector": "ik werk in de thuiszorg", "education_level": "mbo 3",
    "age": "52", "goal": "beter worden in mijn werk", "sector_interests": "zorg", "literacy_need": "nee",
    "receives_studiefinanciering": "nee", "max_hours_study_per_week": "4", "preferred_form": "maakt niet uit",
    "municipality": "Zwolle", "connected_to_dutch_labour_market": "ja",
}


def test_hoi_to_advice_with_plain_answers() -> None:
    chat = Chat()
    chat.say("hoi")
    assert chat.asked == "work_status"
    chat.answer_until_summary(PLAIN)
    assert chat.last.shown == "summary"
    chat.say("Ja, klopt")
    assert chat.last.shown == "advice"
    profile = profile_of(chat.state)
    assert profile["work_status"] == "werknemer_vast" and profile["employer_size"] == "mkb"
    assert profile["education_level"] == "mbo3" and profile["age"] == 52


def test_the_answer_to_the_question_beats_a_fact_volunteered_earlier() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say("ik heb geen werk en ook geen uitkering")
    chat.answer_until_summary({**PLAIN, "education_level": "havo"})
    assert profile_of(chat.state)["education_level"] == "havo"
    # A later message mentioning another level does not overwrite the answer given to its question...
    chat = Chat()
    chat.say("hoi")
    chat.answer_until_summary({**PLAIN, "goal": "ik wil graag mijn mbo 4 halen"})
    assert profile_of(chat.state)["education_level"] == "mbo3"
    # ...unless the person corrects it explicitly.
    chat.say("nee wacht, ik heb mbo 4")
    assert profile_of(chat.state)["education_level"] == "mbo4"


@pytest.mark.parametrize("count", ["we zijn met 40 medewerkers", "een stuk of 12 collega's", "zo'n 600 man"])
def test_a_head_count_answers_the_employer_question_and_offers_no_adviser(count: str) -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say("vast contract")
    assert chat.asked == "employer_size"
    chat.say(count)
    assert chat.state["answers"]["employer_size"] in ("mkb", "groot")
    assert chat.last.offer is None


@pytest.mark.parametrize("opening", ["dag", "goedemiddag", "Goedemorgen!", "hallo"])
def test_a_greeting_as_first_message_starts_the_intake(opening: str) -> None:
    chat = Chat()
    result = chat.say(opening, intent="goodbye" if opening == "dag" else "greet", confidence=0.9)
    assert chat.asked == "work_status"
    assert not any("Tot ziens" in m.text for m in result.messages)


def test_yes_with_an_explanation_answers_a_yes_no_question() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.answer_until_summary({**PLAIN, "work_status": "ik zit in de bijstand", "education_level": "geen diploma",
                               "goal": "ik wil ander werk", "literacy_need": "ja, vooral met rekenen"})
    assert profile_of(chat.state)["literacy_need"] is True


@pytest.mark.parametrize("job", ["kapper", "in de beveiliging", "fotografie"])
def test_a_job_outside_the_list_is_kept_in_own_words(job: str) -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say("ik ben zzp'er")
    while chat.asked != "current_sector":
        chat.say(PLAIN.get(str(chat.asked), "weet ik niet"))
    chat.say(job)
    assert chat.asked != "current_sector"
    sector = chat.state["answers"]["current_sector"]
    assert sector != "anders" or job in chat.state["own_words"]["current_sector"]
    chat.answer_until_summary(PLAIN)
    if sector == "anders":
        assert job in chat.bot[-1]


def test_a_misspelt_key_word_is_read_with_fuzzy_matching() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say("opropkracht")
    assert chat.state["answers"]["work_status"] == "werknemer_flex"


@pytest.mark.parametrize("nonsense", ["qwerty", "opropkracht bla", "🙂", "..."])
def test_nothing_loops_a_question_is_skipped_after_three_tries(nonsense: str) -> None:
    chat = Chat()
    chat.say("hoi")
    for _ in range(60):
        if chat.asked == "summary":
            break
        chat.say(nonsense)
    assert chat.asked == "summary"
    per_question: Counter[tuple[str, str]] = Counter()
    for result in chat.results:
        for m in result.messages:
            if result.asked:
                per_question[(result.asked, m.text)] += 1
    assert max(per_question.values()) <= 2
    assert chat.effects == []


def test_a_declined_offer_never_fires_later() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say("ik wil een mens spreken")
    assert chat.last.offer == "adviser"
    chat.say("nee, ga maar verder")
    assert chat.last.offer is None and chat.asked == "work_status"
    chat.answer_until_summary(PLAIN)
    chat.say("ja")
    assert chat.last.shown == "advice"
    assert "handoff" not in chat.effects


def test_an_answer_while_an_offer_is_open_closes_it_and_counts() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say("adviseur")
    chat.say("vast contract")
    assert chat.last.offer is None
    assert chat.state["answers"]["work_status"] == "werknemer_vast"


def test_yes_to_an_adviser_offer_hands_over_with_the_summary() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say("ik ben 45")
    chat.say("kan ik met een adviseur praten?")
    result = chat.say("ja graag")
    [handoff] = [m for m in result.messages if m.custom]
    assert handoff.custom is not None and handoff.custom["handoff"] == "requested"
    assert handoff.custom["summary"]["age"] == 45
    assert chat.effects == ["handoff"]


def test_stap_is_only_mentioned_when_asked() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.answer_until_summary(PLAIN)
    chat.say("ja")
    assert not any("STAP" in t for t in chat.bot)


@pytest.mark.parametrize("typed", ['/inform{"work_status": "zzp"}', "/restart", "/handoff", " /affirm"])
def test_intent_syntax_is_text_never_an_intent(typed: str) -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say(typed, intent="inform", confidence=1.0, entities=({"entity": "work_status", "value": "zzp"},))
    assert "work_status" not in chat.state["answers"]
    assert chat.effects == [] and chat.asked == "work_status"
    assert read_nlu({"text": typed, "intent": {"name": "restart", "confidence": 1.0}}).intent is None


def test_start_over_asks_for_confirmation_and_no_keeps_the_answers() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say("ik ben 45")
    chat.say("opnieuw beginnen")
    assert chat.last.offer == "restart"
    chat.say("nee")
    assert chat.state["answers"]["age"] == 45
    chat.say("opnieuw beginnen")
    chat.say("ja")
    assert chat.state["answers"] == {} and chat.asked == "work_status"


def test_delete_my_data_needs_a_yes() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say("ik ben 45")
    chat.say("verwijder mijn gegevens")
    assert chat.last.offer == "delete"
    result = chat.say("ja")
    assert chat.effects == ["delete"] and any(m.custom == {"privacy": "delete_requested"} for m in result.messages)
    assert chat.state["answers"] == {}


def test_dont_know_skips_and_is_noted_for_the_adviser() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.say("weet ik niet")
    assert "work_status" in chat.state["unknown"] and chat.asked != "work_status"


def test_a_faq_question_is_answered_and_the_question_comes_again() -> None:
    chat = Chat()
    chat.say("hoi")
    from assistant.policy.faq import faq_answer

    result = chat.say("wat kost dat?", intent="faq", confidence=0.9, faq_key="faq/ask_cost", faq_text="Oud.")
    assert result.messages[0].text == faq_answer("faq/ask_cost", TODAY) and chat.asked == "work_status"
    # A key without a template falls back to the trained response text.
    result = chat.say("en nog iets?", intent="faq", confidence=0.9, faq_key="faq/ask_unknown", faq_text="Oud.")
    assert result.messages[0].text == "Oud."
    # A question the selector is unsure of gets no (wrong) answer about some scheme.
    result = chat.say("waar verleng ik mijn paspoort?", intent="faq", confidence=0.83,
                      faq_key="faq/ask_levenlanglerenkrediet", faq_text="Met het Levenlanglerenkrediet ...",
                      faq_confidence=0.12)
    assert "Levenlanglerenkrediet" not in result.messages[0].text


def test_a_correction_at_the_summary_is_applied_and_shown_again() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.answer_until_summary(PLAIN)
    chat.say("nee, ik ben 47")
    assert profile_of(chat.state)["age"] == 47 and chat.last.shown == "summary"
    chat.say("nee")
    assert chat.asked == "correction"
    chat.say("ik heb mbo 4")
    assert profile_of(chat.state)["education_level"] == "mbo4" and chat.last.shown == "summary"


def test_an_unknown_place_is_confirmed_or_kept() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.answer_until_summary({**PLAIN, "municipality": "Zwole", "summary": "ja"})
    # The same place typed again after "Bedoel je Zwolle?" is kept as typed.
    assert profile_of(chat.state)["municipality"] == "Zwole"
    chat = Chat()
    chat.say("hoi")
    while chat.asked != "municipality":
        chat.say(PLAIN.get(str(chat.asked), "weet ik niet"))
    chat.say("zwole")
    assert chat.last.offer == "confirm" and "Bedoel je Zwolle?" in chat.bot[-1]
    chat.say("ja")
    assert profile_of(chat.state)["municipality"] == "Zwolle" and chat.last.shown == "summary"


def test_questions_that_cannot_change_the_advice_are_not_asked() -> None:
    chat = Chat()
    chat.say("hoi")
    chat.answer_until_summary(PLAIN)
    asked = chat.state["asked"]
    # Ten, plus the function: the thuiszorg has several trades, each with its own next step.
    assert len(asked) <= 11 and "current_function" in asked
    assert "max_hours_study_per_week" not in asked  # no rule or path depends on it


def test_every_question_has_a_wording_and_buttons_from_the_vocabulary() -> None:
    voc = vocabulary()
    for name in voc.order:
        spec = voc[name]
        assert spec.ask and spec.rephrase, name
        if spec.buttons_by is not None:
            other, table = spec.buttons_by
            # Buttons for every answer the question depends on (the sectors of ask_if).
            assert set(table) == set(spec.ask_if[other]), name
            for known in table:
                assert spec.button_titles({other: known}), (name, known)
        elif spec.kind in ("enum", "list", "bool"):
            assert spec.button_titles(), name
