"""Root causes found by the unseen people of test_unseen_people.py, one test per cause, each with
other wordings of the same thing than the person used (the fix must generalise, not fit one line)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.intake.machine import Reading, step
from tests.dialogue.test_misreads import _at

TODAY = date(2026, 12, 7)


def _answer(field: str, text: str, answers: dict[str, Any] | None = None) -> Any:
    return step(_at(field, answers), Reading(text=text), TODAY).state["answers"].get(field)


@pytest.mark.parametrize(("text", "sectors"), [
    ("iets met mensen, misschien de zorg", ["zorg_welzijn"]),
    ("met mensen werken, het liefst in de kinderopvang", ["kinderopvang"]),
    ("groen, buiten werken", ["groen"]),
    ("iets met mijn handen, techniek", ["techniek_bouw_energie"]),
])
def test_a_broad_interest_next_to_the_sector_it_includes_is_that_sector(text: str, sectors: list[str]) -> None:
    assert _answer("sector_interests", text) == sectors


def test_a_broad_interest_alone_still_names_all_its_sectors() -> None:
    from assistant.catalogue.interests import sectors_for_text

    assert len(sectors_for_text("iets met mensen")) > 1
    assert sectors_for_text("met mensen of met kinderen") == ["kinderopvang", "onderwijs"]


@pytest.mark.parametrize("text", ["ik zit op het mbo", "ik zit nu op de hogeschool", "zit op het roc"])
def test_going_to_a_school_is_being_a_student(text: str) -> None:
    assert _answer("work_status", text) == "student"


@pytest.mark.parametrize(("text", "level"), [
    ("ik heb de mavo niet afgemaakt", "geen"), ("vmbo nooit afgerond", "geen"),
    ("de entree opleiding niet gehaald", "geen"), ("mavo afgebroken", "geen"),
])
def test_the_lowest_diploma_not_finished_leaves_no_diploma(text: str, level: str) -> None:
    assert _answer("education_level", text) == level


@pytest.mark.parametrize("text", ["de havo niet afgemaakt", "mbo 3 niet afgemaakt",
                                  "vmbo wel gehaald, mbo 1 niet afgemaakt"])
def test_a_higher_school_not_finished_is_not_read_as_no_diploma(text: str) -> None:
    # Below the havo or an mbo 3 there may be a vmbo diploma: not known, so not "geen".
    assert _answer("education_level", text) != "geen"


@pytest.mark.parametrize("text", ["heftruckcertificaat halen", "mijn vca-certificaat", "een vakdiploma halen"])
def test_a_compound_certificate_or_diploma_is_the_goal_diploma(text: str) -> None:
    assert _answer("goal", text) == "diploma_halen"


@pytest.mark.parametrize("text", ["bijblijven met nieuwe technieken", "ik wil bij blijven in de nieuwe regels",
                                  "de nieuwe software bij te houden"])
def test_keeping_up_with_something_new_is_bijscholen(text: str) -> None:
    assert _answer("goal", text) == "bijscholen"


@pytest.mark.parametrize("text", ["beer worden in wat ik nu doe", "ik wil voorman worden in mijn vak",
                                  "teamleider worden in mijn werk"])
def test_becoming_something_in_the_work_one_does_is_bijscholen(text: str) -> None:
    assert _answer("goal", text) == "bijscholen"


@pytest.mark.parametrize("text", ["ik wil verpleegkundige worden", "kapper worden"])
def test_becoming_something_else_is_still_omscholen(text: str) -> None:
    assert _answer("goal", text) == "omscholen"


@pytest.mark.parametrize(("text", "value"), [("neej", False), ("neeej hoor", False), ("nee", False)])
def test_a_drawn_out_no_is_no(text: str, value: bool) -> None:
    assert _answer("at_risk_of_job_loss", text, {"work_status": "werknemer_vast"}) is value


@pytest.mark.parametrize("text", ["ik wil graag met iemand van jullie praten", "kan ik een adviseur bij jullie spreken",
                                  "ik wil iemand van koers spreken"])
def test_asking_for_someone_of_yours_is_asking_for_a_person(text: str) -> None:
    r = step(_at("work_status"), Reading(text=text), TODAY)
    assert (r.state["offer"] or {}).get("kind") == "adviser", [m.text for m in r.messages]
