"""Typos in answers: repaired only when the word is no Dutch word, and a repaired sector is
confirmed before it is kept (issue #9: answers with typos reach correct advice)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.intake import typos
from assistant.intake.machine import Reading, new_state, profile_of, step

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize("word", ["contact", "politiek", "werken", "ouders", "ziek", "groenonderhoud", "Aalten",
                                  "kapper", "betalen", "weekend"])
def test_real_words_are_never_repaired(word: str) -> None:
    assert typos.repair(word) == typos.fold(word)


@pytest.mark.parametrize(("typed", "meant"), [
    ("landsbouw", "landbouw"), ("musdum", "museum"), ("metdal", "metaal"), ("cadé", "cafe"),
    ("bschelordiploma", "bachelordiploma"), ("professionle", "professionele"), ("stdeer", "studeer"),
    ("kantoorschoolnmaak", "kantoorschoonmaak"), ("bedrifj", "bedrijf"), ("betr", "beter"),
    ("drgisterij", "drogisterij"), ("drogitserij", "drogisterij"), ("pakketbzorging", "pakketbezorging"),
    ("tuiaanleg", "tuinaanleg"),
])
def test_typos_are_repaired_to_the_word_meant(typed: str, meant: str) -> None:
    assert typos.repair(typed) == meant


def _at(field: str, answers: dict[str, Any]) -> dict[str, Any]:
    state = new_state()
    state["phase"] = "intake"
    for name, value in answers.items():
        state["answers"][name] = value
        state["sources"][name] = "asked"
    state["open"] = field
    return state


BASE = {"work_status": "werkzoekend_zonder_uitkering", "education_level": "havo", "age": 40, "goal": "omscholen"}


def test_a_sector_read_from_a_typo_is_confirmed_then_kept() -> None:
    r = step(_at("sector_interests", BASE), Reading(text="iets in een musdum"), TODAY)
    assert r.offer == "confirm" and "museum" in r.messages[-1].text
    assert "sector_interests" not in r.state["answers"]
    r = step(r.state, Reading(text="ja"), TODAY)
    assert profile_of(r.state)["sector_interests"] == ["cultuur"]


def test_a_declined_guess_keeps_the_persons_own_words() -> None:
    r = step(_at("sector_interests", BASE), Reading(text="landsbouw"), TODAY)
    assert r.offer == "confirm"
    r = step(r.state, Reading(text="nee"), TODAY)
    assert r.state["answers"]["sector_interests"] == ["anders"]
    assert r.state["own_words"]["sector_interests"] == "landsbouw"
    assert r.state["open"] != "sector_interests"


def test_another_answer_to_the_guess_is_read_as_the_answer() -> None:
    r = step(_at("sector_interests", BASE), Reading(text="metdal"), TODAY)
    r = step(r.state, Reading(text="ik wil in de zorg werken"), TODAY)
    assert profile_of(r.state)["sector_interests"] == ["zorg_welzijn"]


def test_a_typo_in_a_degree_is_read_as_meant() -> None:
    r = step(_at("education_level", BASE), Reading(text="ik heb een bschelordiploma van de universiteit"), TODAY)
    assert r.state["answers"]["education_level"] == "wo_bachelor"
    r = step(_at("education_level", BASE), Reading(text="professionle master"), TODAY)
    assert r.state["answers"]["education_level"] == "hbo_master"


def test_the_article_een_is_no_age() -> None:
    answers = {**BASE, "education_level": "havo"}
    answers.pop("age")
    r = step(_at("age", answers), Reading(text="correctie: ik heb een entreediploma"), TODAY)
    assert r.state["answers"]["education_level"] == "mbo1"
    assert "age" not in r.state["answers"] and r.state["open"] == "age"


def test_the_no_of_a_correction_is_no_answer_to_a_yes_no_question() -> None:
    answers = {**BASE, "education_level": "mbo1"}
    fix = Reading(text="oh nee, foutje. ik heb een mbo 4 diploma")
    r = step(_at("receives_studiefinanciering", answers), fix, TODAY)
    assert r.state["answers"]["education_level"] == "mbo4"
    assert "receives_studiefinanciering" not in r.state["answers"]
    assert r.state["open"] == "receives_studiefinanciering"


def test_a_primary_school_is_a_diploma_only_when_finished() -> None:
    no_age = {k: v for k, v in BASE.items() if k != "age"}
    r = step(_at("age", no_age), Reading(text="oh nee, foutje. ik heb de basisschool"), TODAY)
    assert r.state["answers"]["education_level"] == "geen"
    working = {"work_status": "werknemer_vast", "education_level": "hbo_master", "employer_size": "mkb",
               "at_risk_of_job_loss": False}
    r = step(_at("current_sector", working), Reading(text="ik werk op een basisschool"), TODAY)
    assert r.state["answers"]["education_level"] == "hbo_master"


@pytest.mark.parametrize("decline", ["nu even niet", "misschien later", "niet nu", "eerst de vragen",
                                     "ik doe het liever zelf"])
def test_declining_the_adviser_in_other_words_closes_the_offer_and_is_no_answer(decline: str) -> None:
    answers = {"work_status": "student", "education_level": "havo", "age": 18, "goal": "diploma_halen"}
    r = step(_at("sector_interests", answers), Reading(text="ik wil met iemand praten", intent="request_human",
                                                       confidence=1.0), TODAY)
    assert r.offer == "adviser"
    r = step(r.state, Reading(text=decline), TODAY)
    assert r.offer is None and not r.effects
    assert "sector_interests" not in r.state["answers"] and r.state["open"] == "sector_interests"


def test_a_diploma_held_is_no_goal() -> None:
    answers = {"work_status": "werkzoekend_bijstand", "education_level": "buitenlands", "age": 50}
    r = step(_at("goal", answers), Reading(text="nee sorry, ik heb een mbo 3 diploma"), TODAY)
    assert r.state["answers"]["education_level"] == "mbo3"
    assert "goal" not in r.state["answers"] and r.state["open"] == "goal"
    r = step(_at("goal", answers), Reading(text="ik heb mbo 2 maar wil mbo 4"), TODAY)
    assert r.state["answers"]["goal"] == "diploma_halen"


def test_a_word_read_the_same_with_or_without_repair_is_not_confirmed() -> None:
    working = {"work_status": "werknemer_vast"}
    r = step(_at("current_sector", working), Reading(text="glazenwassen"), TODAY)
    assert r.offer is None and r.state["answers"]["current_sector"] == "schoonmaak_facilitair"


def test_re_answering_the_open_question_corrects_nothing_else() -> None:
    answers = {**BASE, "sector_interests": ["ict"]}
    r = step(_at("preferred_form", answers), Reading(text="sorry, ik bedoel: ik leer het liefst met een docent erbij"),
             TODAY)
    assert r.state["answers"]["preferred_form"] == "klassikaal"
    assert r.state["answers"]["sector_interests"] == ["ict"]


def test_a_correction_at_another_question_is_no_answer_to_it() -> None:
    answers = {**BASE, "education_level": "mbo2"}
    r = step(_at("sector_interests", answers), Reading(text="nee sorry, ik heb de hogeschool gedaan"), TODAY)
    assert r.state["answers"]["education_level"] == "hbo_bachelor"
    assert "sector_interests" not in r.state["answers"] and r.state["open"] == "sector_interests"


@pytest.mark.parametrize(("typed", "shown", "sector"), [
    ("htel", "hotel", "horeca"), ("caf", "cafe", "horeca"), ("zog", "zorg", "zorg_welzijn"),
    ("iets in de muzeum", "museum", "cultuur"),
])
def test_a_one_word_sector_typo_is_guessed_and_confirmed(typed: str, shown: str, sector: str) -> None:
    r = step(_at("sector_interests", BASE), Reading(text=typed), TODAY)
    if r.offer == "confirm":  # a near miss of a sector name is read at once ("htel"), a guess confirmed
        assert shown in r.messages[-1].text
        r = step(r.state, Reading(text="ja"), TODAY)
    assert profile_of(r.state)["sector_interests"] == [sector]
    assert r.state["open"] != "sector_interests"


@pytest.mark.parametrize("typed", ["kaas", "kapper", "niks"])
def test_words_that_are_words_get_no_sector_guess(typed: str) -> None:
    r = step(_at("sector_interests", BASE), Reading(text=typed), TODAY)
    assert r.offer != "confirm"


def test_a_dropped_letter_in_a_short_word_is_repaired() -> None:
    state = _at("goal", {k: v for k, v in BASE.items() if k != "goal"})
    r = step(state, Reading(text="ik wil betr worden in mijn werk"), TODAY)
    assert profile_of(r.state)["goal"] == "bijscholen"


@pytest.mark.parametrize("text", ["ik ben nooit klaar gekomen met school", "ik heb mijn school niet afgemaakt"])
def test_school_never_finished_is_no_diploma(text: str) -> None:
    r = step(_at("education_level", {"work_status": "werkzoekend_zonder_uitkering"}), Reading(text=text), TODAY)
    assert profile_of(r.state)["education_level"] == "geen"


def test_a_correction_at_the_goal_question_that_names_a_goal_is_the_goal() -> None:
    """ "wacht even, ik wil voor mezelf beginnen": a wish to start a business, not being a zzp'er."""
    r = step(_at("goal", {"work_status": "werknemer_vast"}), Reading(text="wacht even, ik wil voor mezelf beginnen"),
             TODAY)
    assert profile_of(r.state)["goal"] == "ondernemen"
    assert profile_of(r.state)["work_status"] == "werknemer_vast"


@pytest.mark.parametrize(("typed", "meant"), [
    ("egen baas worden", "eigen baas worden"), ("ik heb egen diploma", "ik heb geen diploma"),
    ("even kijken", "even kijken"),
])
def test_a_typo_close_to_several_words_is_the_one_that_makes_a_phrase(typed: str, meant: str) -> None:
    assert typos.repair_text(typed)[0] == meant


@pytest.mark.parametrize("text", ["lezen en schrijven", "rekenen", "digitale vaardigheden"])
def test_basic_skills_to_the_goal_question_are_the_goal(text: str) -> None:
    """The need for help the parser also reads in it blocks no goal (only a diploma held does)."""
    r = step(_at("goal", {"work_status": "werkzoekend_zonder_uitkering", "education_level": "vmbo", "age": 30}),
             Reading(text=text), TODAY)
    assert profile_of(r.state)["goal"] == "basisvaardigheden"
    assert r.state["open"] != "goal"


def test_studiefinanciering_to_the_work_question_is_a_student() -> None:
    r = step(_at("work_status", {}), Reading(text="ik krijg stufi"), TODAY)
    assert profile_of(r.state)["work_status"] == "student"


@pytest.mark.parametrize(("typed", "meant"), [
    ("digitael vaardigheden", "digitale vaardigheden"), ("vast contrcat", "vast contract"),
])
def test_the_neighbour_decides_between_words_equally_close(typed: str, meant: str) -> None:
    assert typos.repair_text(typed)[0] == meant


def test_digital_skills_with_a_typo_at_the_goal_question_are_no_way_of_learning() -> None:
    """"digitael" is "digitale" (vaardigheden), not "digitaal" (a wish to learn online)."""
    r = step(_at("goal", {"work_status": "werknemer_vast", "education_level": "mbo2", "age": 17}),
             Reading(text="digitael vaardigheden"), TODAY)
    assert profile_of(r.state)["goal"] == "basisvaardigheden"
    assert profile_of(r.state)["preferred_form"] is None


@pytest.mark.parametrize(("typed", "meant"), [("softwarbeedrijf", "softwarebedrijf"), ("bouwbderijf", "bouwbedrijf")])
def test_a_typo_across_the_seam_of_a_compound_is_repaired(typed: str, meant: str) -> None:
    assert typos.repair(typed) == meant


def test_a_compound_with_a_typo_at_its_seam_names_the_sector() -> None:
    r = step(_at("sector_interests", BASE), Reading(text="softwarbeedrijf"), TODAY)
    if r.offer == "confirm":  # a guess may be confirmed first
        r = step(r.state, Reading(text="ja"), TODAY)
    assert profile_of(r.state)["sector_interests"] == ["ict"]
