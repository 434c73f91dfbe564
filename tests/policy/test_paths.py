"""Ontwikkelpaden data and paths_for: the next realistic step."""

from __future__ import annotations

import pytest

from assistant.policy.paths import expected_sectors, load_paths, paths_for


def test_sectors_with_paths_and_expected() -> None:
    data = load_paths()
    with_path = {s.sector for s in data.sectors if s.status == "pad"}
    assert with_path == {"zorg_welzijn", "kinderopvang", "techniek_bouw_energie", "groen"}
    assert set(expected_sectors()) == {"onderwijs", "ict"}
    names = {c.name for c in data.courses}
    for required in (
        "Helpende Zorg en Welzijn",
        "Verzorgende-IG",
        "Pedagogisch medewerker kinderopvang",
        "Eerste monteur elektrotechnische installaties",
        "Medewerker hovenier",
    ):
        assert required in names
    for course in data.courses:
        if course.level.startswith("mbo"):
            assert course.nlqf == int(course.level[-1])


@pytest.mark.parametrize("edu", ["geen", "vmbo", "mbo1", None])
def test_no_startkwalificatie_zorg_instroom_helpende(edu: str | None) -> None:
    [p] = paths_for({"education_level": edu, "sector_interests": ["zorg_welzijn"]})
    assert (p.step, p.to_function) == ("instroom", "Helpende zorg en welzijn")
    course = p.courses[0]
    assert (course.name, course.nlqf, "bbl" in course.forms) == ("Helpende Zorg en Welzijn", 2, True)
    assert p.cofinancing_percent == 10


def test_mbo2_overstap_to_level_3_with_50_percent() -> None:
    out = paths_for(
        {
            "education_level": "mbo2",
            "work_status": "werknemer_vast",
            "current_sector": "retail",
            "sector_interests": ["kinderopvang"],
        }
    )
    assert [(p.step, p.to_function) for p in out] == [("overstap", "Pedagogisch medewerker kinderopvang")]
    assert out[0].from_function.endswith("(detailhandel)") and out[0].cofinancing_percent == 50


def test_doorstroom_in_current_sector() -> None:
    out = paths_for({"education_level": "mbo2", "work_status": "werknemer_vast", "current_sector": "groen"})
    assert [(p.step, p.from_function, p.to_function) for p in out] == [
        ("doorstroom", "Medewerker hovenier", "Vakbekwaam hovenier")
    ]


def test_techniek_instroom_and_expected_sectors_have_no_path() -> None:
    out = paths_for(
        {"education_level": "vmbo", "sector_interests": ["ict", "techniek_bouw_energie", "horeca"]}
    )
    assert {p.sector for p in out} == {"techniek_bouw_energie"}
    assert all(p.courses[0].nlqf == 2 for p in out)
