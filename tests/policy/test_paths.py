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


def test_mbo2_overstap_to_level_3() -> None:
    out = paths_for(
        {
            "education_level": "mbo2",
            "work_status": "werknemer_vast",
            "current_sector": "retail",
            "sector_interests": ["kinderopvang"],
        }
    )
    assert [(p.step, p.to_function) for p in out] == [("overstap", "Pedagogisch medewerker kinderopvang")]
    assert out[0].from_function.endswith("(winkel of detailhandel)")


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


def test_mbo4_zorg_doorstroom_to_hbo_v() -> None:
    # The first-match bug: begeleider (mbo 4, no onward step) hid Verpleegkundige -> hbo-v.
    out = paths_for({"education_level": "mbo4", "work_status": "werknemer_vast", "current_sector": "zorg_welzijn"})
    assert ("Verpleegkundige (mbo)", "Verpleegkundige (hbo)") in [(p.from_function, p.to_function) for p in out]


def test_current_function_decides_doorstroom() -> None:
    base = {"education_level": "mbo3", "work_status": "werknemer_vast", "current_sector": "techniek_bouw_energie"}
    auto = paths_for({**base, "current_function": "autotechnicus"})
    assert [(p.from_function, p.to_function) for p in auto] == [("Autotechnicus", "Eerste autotechnicus")]
    timmer = paths_for({**base, "current_function": "allround_timmerman"})
    assert [p.to_function for p in timmer] == ["Middenkaderfunctionaris bouw (werkvoorbereider, uitvoerder)"]
    # Without a function, mbo 3 techniek is not all electrical.
    anyone = paths_for(base)
    assert {p.from_function for p in anyone} != {"Eerste monteur elektrotechnische installaties"}


def test_function_choices() -> None:
    from assistant.policy.paths import function_choices

    tech = dict(function_choices("techniek_bouw_energie"))
    assert tech["timmerman"] == "Timmerman" and "autotechnicus" in tech
    assert function_choices("horeca") == []


def test_every_named_function_leads_to_its_own_next_step() -> None:
    # Whatever the diploma says, the doorstroom starts at the function the person named.
    for path in load_paths().sectors:
        for function in path.functions:
            onward = {path.function(s.to_id).name for s in path.steps
                      if s.step == "doorstroom" and s.from_id == function.id}
            for edu in (None, "vmbo", "mbo2", "mbo4", "hbo_bachelor"):
                profile = {"education_level": edu, "work_status": "werknemer_flex", "current_sector": path.sector,
                           "current_function": function.id}
                out = [p for p in paths_for(profile) if p.sector == path.sector]
                assert {p.to_function for p in out} == onward, (function.id, edu)  # none at the top
                assert all(p.from_function == function.name and p.step == "doorstroom" for p in out), function.id


def test_a_function_of_another_sector_or_anders_falls_back_to_the_diploma() -> None:
    base = {"education_level": "mbo3", "work_status": "werknemer_vast", "current_sector": "zorg_welzijn"}
    by_level = paths_for(base)
    assert by_level
    assert paths_for({**base, "current_function": "anders"}) == by_level
    assert paths_for({**base, "current_function": "timmerman"}) == by_level
