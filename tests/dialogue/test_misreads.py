"""Answers that were read as something else (issue #9: "answers read as something else"), found
by the conversation simulator on seeds it was not tuned on; one test per root cause."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.intake import typos
from assistant.intake.machine import Reading, new_state, profile_of, step

TODAY = date(2026, 12, 2)


def _at(field: str, answers: dict[str, Any] | None = None) -> dict[str, Any]:
    state = new_state()
    state["phase"] = "intake"
    for name, value in (answers or {}).items():
        state["answers"][name] = value
        state["sources"][name] = "asked"
    state["open"] = field
    return state


@pytest.mark.parametrize("text", ["ik werk 28 uur per wwek",
                                  "ik heb een contract voor onbepaalde tijd, 28 uur per wwek"])
def test_a_short_cue_at_the_start_of_a_typo_is_no_cue(text: str) -> None:
    """"wwek" (week) starts with "ww" but is no WW."""
    r = step(_at("work_status"), Reading(text=text), TODAY)
    assert r.state["answers"].get("work_status") != "werkzoekend_ww"


@pytest.mark.parametrize(("text", "value"), [
    ("ik heb een ww-uitkering", "werkzoekend_ww"), ("ik heb een wwuitkering", "werkzoekend_ww"),
    ("ik zit in de ww", "werkzoekend_ww"), ("ik ben zzper", "zzp"), ("ik ben zzp'er", "zzp"),
])
def test_a_short_cue_glued_to_a_word_still_counts(text: str, value: str) -> None:
    r = step(_at("work_status"), Reading(text=text), TODAY)
    assert r.state["answers"].get("work_status") == value


@pytest.mark.parametrize("text", ["ik zoe werk zonder uitkering", "ik krijg een uitkering",
                                  "vas in dienst bij een bedrijf"])
def test_words_spelt_right_are_no_typo_of_another_phrase(text: str) -> None:
    """"uitkering" is no "ww-uitkering"; "dienst ... bedrijf" no "eigen bedrijf"."""
    r = step(_at("work_status"), Reading(text=text), TODAY)
    assert r.state["answers"].get("work_status") not in ("werkzoekend_ww", "zzp")


def test_a_split_compound_is_still_read() -> None:
    r = step(_at("work_status"), Reading(text="oproep kracht"), TODAY)
    assert r.state["answers"].get("work_status") == "werknemer_flex"


def test_work_without_benefit_is_read() -> None:
    r = step(_at("work_status"), Reading(text="ik zoek werk zonder uitkering"), TODAY)
    assert profile_of(r.state)["work_status"] == "werkzoekend_zonder_uitkering"


@pytest.mark.parametrize(("typed", "meant"), [
    ("een uitkering van de gemeene", "een uitkering van de gemeente"), ("een vast contrat", "een vast contract"),
])
def test_a_rare_word_next_to_its_phrase_is_the_common_word_meant(typed: str, meant: str) -> None:
    assert typos.repair_text(typed)[0] == meant


def test_a_municipal_benefit_with_a_typo_is_bijstand() -> None:
    r = step(_at("work_status"), Reading(text="ik krijg een uitkering van de gemeene"), TODAY)
    assert profile_of(r.state)["work_status"] == "werkzoekend_bijstand"


def test_a_short_phrase_word_with_a_typo_is_repaired_by_its_neighbour() -> None:
    """"hulp" is too short to be a repair target on its own, but "hull op de groep" is "hulp op de groep"."""
    r = step(_at("current_function", {"work_status": "werknemer_flex", "current_sector": "kinderopvang"}),
             Reading(text="ik werk als hull op de groep"), TODAY)
    assert profile_of(r.state)["current_function"] == "groepshulp"


def test_a_correction_at_the_summary_can_answer_a_question_left_unknown() -> None:
    """"met een docent erbij" answers the skipped way of learning; it is no sector (onderwijs)."""
    state = _at("preferred_form", {
        "work_status": "student", "education_level": "vmbo", "age": 27, "goal": "orienteren",
        "sector_interests": ["logistiek"], "literacy_need": True, "receives_studiefinanciering": True,
        "municipality": "Sittard-Geleen"})
    r = step(state, Reading(text="geen idee"), TODAY)
    assert r.state["phase"] == "summary"
    r = step(r.state, Reading(text="wacht even, ik leer het liefst met een docent erbij"), TODAY)
    assert profile_of(r.state)["preferred_form"] == "klassikaal"
    assert profile_of(r.state)["sector_interests"] == ["logistiek"]


def test_a_correction_of_the_way_of_learning_names_no_sector() -> None:
    """"met een docent erbij" corrects the way of learning; "docent" fills no sector left unknown."""
    state = _at("municipality", {
        "work_status": "anders", "education_level": "mbo3", "age": 19, "goal": "orienteren",
        "receives_studiefinanciering": False, "preferred_form": "online"})
    state["unknown"].append("sector_interests")
    r = step(state, Reading(text="oh nee, foutje. ik leer het liefst met een docent erbij"), TODAY)
    assert profile_of(r.state)["preferred_form"] == "klassikaal"
    assert profile_of(r.state)["sector_interests"] == []


@pytest.mark.parametrize(("typed", "meant"), [("schoonmaabkranche", "schoonmaakbranche"),
                                            ("zorgbranhce", "zorgbranche")])
def test_a_sector_compound_with_branche_is_repaired(typed: str, meant: str) -> None:
    assert typos.repair(typed) == meant


def test_a_sector_compound_with_a_typo_at_its_seam_is_the_sector() -> None:
    r = step(_at("current_sector", {"work_status": "werknemer_flex", "employer_size": "groot"}),
             Reading(text="schoonmaabkranche"), TODAY)
    if r.offer == "confirm":
        r = step(r.state, Reading(text="ja"), TODAY)
    assert profile_of(r.state)["current_sector"] == "schoonmaak_facilitair"


def test_a_three_letter_typo_of_a_sector_is_guessed_and_confirmed() -> None:
    """"ban" is a Dutch word, but no answer to "In welk werk wil je verder?": "Bedoel je bank?"."""
    r = step(_at("sector_interests", {"work_status": "werknemer_flex", "goal": "orienteren"}),
             Reading(text="ban"), TODAY)
    assert r.offer == "confirm" and "bank" in r.messages[-1].text
    r = step(r.state, Reading(text="ja"), TODAY)
    assert profile_of(r.state)["sector_interests"] == ["zakelijke_dienstverlening"]


@pytest.mark.parametrize("text", ["professioneel master", "een professionele master", "master op het hbo"])
def test_a_professional_master_is_the_hbo_master(text: str) -> None:
    """"professioneel" (uninflected) is a word, so no typo repair turns it into "professionele"."""
    r = step(_at("education_level", {"work_status": "zzp"}), Reading(text=text), TODAY)
    assert profile_of(r.state)["education_level"] == "hbo_master"


def test_a_typo_over_the_seam_with_any_dutch_word_after_it_is_repaired() -> None:
    """"groeo|nnderhoud": "groen" then the Dutch word "onderhoud", two letters swapped over the join."""
    assert typos.repair("groeonnderhoud") == "groenonderhoud"
    r = step(_at("current_sector", {"work_status": "werknemer_flex"}), Reading(text="groeonnderhoud"), TODAY)
    if r.offer == "confirm":
        r = step(r.state, Reading(text="ja"), TODAY)
    assert profile_of(r.state)["current_sector"] == "groen"


def test_of_two_sectors_equally_close_the_slip_of_a_neighbouring_key_is_guessed() -> None:
    """"babk" is a letter from "bank" and from "baby"; b sits next to n on the keyboard, not to y."""
    assert typos.near_sector("babk") == "bank"
    r = step(_at("sector_interests", {"work_status": "werkzoekend_zonder_uitkering", "goal": "ondernemen"}),
             Reading(text="babk"), TODAY)
    assert r.offer == "confirm" and "bank" in r.messages[-1].text


@pytest.mark.parametrize("text", ["later weer werk vinden", "ik ga omscholen", "later zelf een boerderij",
                                  "ik ga een opleiding zoeken", "dag en nacht werken wil ik niet meer"])
def test_an_answer_that_starts_like_a_goodbye_is_no_goodbye(text: str) -> None:
    from assistant.intake.machine import _BYE, _norm

    assert not _BYE.match(_norm(text))


@pytest.mark.parametrize("text", ["doei", "Tot later!", "ik moet gaan, doei", "fijne dag nog", "tot ziens en bedankt",
                                  "ik ga ervandoor"])
def test_a_goodbye_is_still_a_goodbye(text: str) -> None:
    from assistant.intake.machine import _BYE, _norm

    assert _BYE.match(_norm(text))


# The goal question ("Waarom wil je leren? ... iets nieuws doen of een diploma halen?"): ordinary
# answers were not understood three times and the question was skipped (fresh people, issue #9).
@pytest.mark.parametrize(("text", "goal"), [
    ("een hbo diploma", "diploma_halen"), ("een mbo diploma", "diploma_halen"),
    ("hbo sociaal werk doen", "diploma_halen"), ("hbo verpleegkunde doen", "diploma_halen"),
    ("mbo 4 ict halen", "diploma_halen"), ("mbo 3 zorg halen", "diploma_halen"), ("niveau 2 halen", "diploma_halen"),
    ("ik wil de ict in, programmeren", "omscholen"), ("ik wil de beveiliging in", "omscholen"),
    ("ik wil de techniek in", "omscholen"), ("in de bouw gaan werken", "omscholen"),
    ("ik wil in de kinderopvang gaan werken", "omscholen"),
    ("ik wil weer aan de slag in iets lichters", "omscholen"), ("weer aan het werk", "omscholen"),
    ("later weer werk vinden", "omscholen"), ("ik wil een baan vinden", "omscholen"),
    ("ik wil meer leren over bomen verzorgen", "bijscholen"), ("meer leren over boekhouden", "bijscholen"),
    ("ik wil meer weten over zonnepanelen", "bijscholen"), ("beter worden in plannen", "bijscholen"),
    ("later zelf een boerderij", "ondernemen"), ("ik wil zelf een bedrijf", "ondernemen"),
    ("later zelf een winkeltje", "ondernemen"), ("zelf een kapsalon beginnen", "ondernemen"),
])
def test_an_ordinary_answer_to_the_goal_question_is_read(text: str, goal: str) -> None:
    r = step(_at("goal"), Reading(text=text), TODAY)
    assert r.state["answers"].get("goal") == goal


@pytest.mark.parametrize("text", ["een hbo diploma", "hbo sociaal werk doen", "mbo 4 ict halen"])
def test_a_diploma_wanted_is_no_diploma_held(text: str) -> None:
    r = step(_at("goal"), Reading(text=text), TODAY)
    assert r.state["answers"].get("goal") == "diploma_halen" and "education_level" not in r.state["answers"]


@pytest.mark.parametrize("text", ["nee sorry, ik heb een mbo 3 diploma", "ik heb mijn havo gehaald"])
def test_a_diploma_held_is_still_no_goal(text: str) -> None:
    r = step(_at("goal"), Reading(text=text), TODAY)
    assert "goal" not in r.state["answers"] and r.state["answers"].get("education_level") is not None


@pytest.mark.parametrize(("text", "sector", "goal"), [
    ("ik wil verzorgende ig worden", "zorg_welzijn", "bijscholen"),
    ("ik wil verpleegkundige worden", "zorg_welzijn", "bijscholen"),
    ("eerste monteur worden", "techniek_bouw_energie", "bijscholen"),
    ("ik wil verpleegkundige worden", "horeca", "omscholen"),
    ("ik wil verzorgende ig worden", "logistiek", "omscholen"),
])
def test_becoming_a_job_in_the_own_sector_is_a_step_up(text: str, sector: str, goal: str) -> None:
    r = step(_at("goal", {"work_status": "werknemer_vast", "current_sector": sector}), Reading(text=text), TODAY)
    assert r.state["answers"].get("goal") == goal
