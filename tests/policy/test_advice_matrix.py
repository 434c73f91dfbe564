"""Generated matrix: every sector of interest x education level x work situation gets a concrete
next step naming a qualification or course, and no step contradicts a scheme's conditions."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from itertools import product
from pathlib import Path

import pytest

from assistant.advice import build_advice

SCHEMA = json.loads((Path(__file__).parents[2] / "assistant/intake/profile.schema.json").read_text())
SECTORS = [s for s in SCHEMA["$defs"]["sector_value"]["enum"]]
EDUCATION = [e for e in SCHEMA["properties"]["education_level"]["enum"] if e is not None] + [None]
WORK = [w for w in SCHEMA["properties"]["work_status"]["enum"] if w is not None] + [None]
PEILDATUM = date(2026, 12, 2)
PAID_JOB = {"werknemer_vast", "werknemer_flex"}


@pytest.mark.parametrize("sector", SECTORS)
def test_every_combination_has_a_concrete_step(sector: str) -> None:
    for edu, work in product(EDUCATION, WORK):
        profile = {"sector_interests": [sector], "education_level": edu, "work_status": work, "age": 40}
        advice = build_advice(profile, PEILDATUM)
        where = f"{sector}/{edu}/{work}"
        assert advice["courses"], where
        named = [c for c in advice["courses"] if c["kind"] in ("ontwikkelpad", "route", "evc", "entree", "nt2",
                                                               "idw", "ondernemen", "basis")]
        assert named, where
        for c in named:
            assert c["name"] and c["level"] and c["form"] and c["duration"], where
        # The first concrete course is among the steps the person sees (render shows the first 3).
        assert any(named[0]["name"] in s for s in advice["next_steps"][:3]), where
        assert any("Leeroverzicht.nl" in s for s in advice["next_steps"]), where
        said = " ".join(advice["next_steps"] + [f["text"] for f in advice["funding"]])
        # No SLIM-scholingssubsidie as funding without a paid job (Stcrt 2025-7276).
        if work not in PAID_JOB:
            assert all(f["scheme_id"] != "ontwikkelpaden_scholingssubsidie" for f in advice["funding"]), where
            assert "gratis voor jou" not in said, where
        # Never the old, replaced cofinancing rule.
        assert "10 %" not in said and "50 %" not in said, where
        # The Entreeopleiding only for who cannot enter mbo 2 (s-bb.nl, Entreeopleiding: toelatingseisen).
        if edu != "geen":
            assert all(c["kind"] != "entree" for c in advice["courses"]), where


FUNCTIONS = [f for f in SCHEMA["properties"]["current_function"]["enum"] if f is not None]


@pytest.mark.parametrize("function", FUNCTIONS)
def test_every_current_function_has_a_concrete_step(function: str) -> None:
    """Working in a sector with an Ontwikkelpad, whatever function (or "anders") and diploma."""
    from assistant.policy.paths import load_paths

    sectors = [s.sector for s in load_paths().sectors if any(f.id == function for f in s.functions)]
    for sector, edu, work in product(sectors or ["zorg_welzijn"], EDUCATION, ("werknemer_vast", "zzp")):
        profile = {"current_sector": sector, "current_function": function, "sector_interests": [sector],
                   "education_level": edu, "work_status": work, "age": 40}
        advice = build_advice(profile, PEILDATUM)
        where = f"{sector}/{function}/{edu}/{work}"
        named = [c for c in advice["courses"] if c["kind"] in ("ontwikkelpad", "route", "evc", "entree", "nt2",
                                                               "idw", "ondernemen", "basis")]
        assert named and all(c["name"] and c["level"] and c["form"] and c["duration"] for c in named), where
        assert any(named[0]["name"] in s for s in advice["next_steps"][:3]), where
        # A doorstroom step starts at the function the person named, never at another one.
        for path in advice["paths"]:
            if path["step"] == "doorstroom" and function != "anders" and sectors:
                name = next(f.name for s in load_paths().sectors for f in s.functions if f.id == function)
                assert path["from_function"] == name, where
        if work == "zzp":
            assert all(f["scheme_id"] != "ontwikkelpaden_scholingssubsidie" for f in advice["funding"]), where


@pytest.mark.parametrize("work", WORK)
def test_llk_never_first_for_bbl(work: str | None) -> None:
    profile = {"age": 35, "receives_studiefinanciering": False, "preferred_form": "werkend_leren",
               "work_status": work, "sector_interests": ["zorg_welzijn"], "literacy_need": True}
    funding = [f["scheme_id"] for f in build_advice(profile, PEILDATUM)["funding"]]
    if "levenlanglerenkrediet" in funding and len(funding) > 1:
        assert funding[0] != "levenlanglerenkrediet"
    assert not any(s.startswith("Levenlanglerenkrediet") for s in build_advice(profile, PEILDATUM)["next_steps"])


def test_under_30_with_unknown_studiefinanciering_is_not_eligible_for_llk() -> None:
    advice = build_advice({"age": 24}, PEILDATUM)
    status = {s["scheme_id"]: s["status"] for s in advice["schemes"]}
    assert status["levenlanglerenkrediet"] == "uncertain"


def test_foreign_diploma_gets_idw_and_nt2() -> None:
    steps = build_advice({"education_level": "buitenlands", "work_status": "werkzoekend_bijstand"}, PEILDATUM)
    names = [c["name"] for c in steps["courses"]]
    assert any("IDW" in n for n in names) and any("NT2" in n for n in names)


def test_glossary_terms_explained_once() -> None:
    advice = build_advice({"sector_interests": ["zorg_welzijn"], "education_level": "mbo2",
                           "work_status": "werknemer_vast", "employer_size": "mkb"}, PEILDATUM)
    said = " ".join([advice["headline"], *advice["next_steps"], *(f["text"] for f in advice["funding"]),
                     *(p["text"] for p in advice["open_points"])])
    assert said.count("Bbl betekent:") == 1


@pytest.mark.parametrize(("edu", "entree"), [("geen", True), ("vmbo", False), ("mbo1", False)])
def test_entree_only_without_a_diploma_that_opens_mbo_2(edu: str, entree: bool) -> None:
    # s-bb.nl 'Entreeopleiding': only for who does not meet the entry requirements of mbo 2, 3 or 4; a
    # vmbo diploma does (earlier Koers sent vmbo holders to Entree too).
    advice = build_advice({"education_level": edu, "work_status": "werkzoekend_ww", "age": 30,
                           "sector_interests": ["logistiek"]}, PEILDATUM)
    assert any(c["kind"] == "entree" for c in advice["courses"]) is entree
    assert any("Entreeopleiding" in s for s in advice["next_steps"]) is entree


def test_groepshulp_starts_with_a_praktijkverklaring_not_a_helpende_diploma() -> None:
    # kinderopvang-werkt.nl, Ontwikkelpad kinderopvang FAQ: groepshulp learns with a praktijkverklaring and
    # mbo-certificaten; the mbo 2 diploma Helpende Zorg en Welzijn does not qualify for the kinderopvang.
    advice = build_advice({"education_level": "vmbo", "work_status": "werkzoekend_bijstand", "age": 30,
                           "sector_interests": ["kinderopvang"]}, PEILDATUM)
    groepshulp = [p for p in advice["paths"] if p["to_function"] == "Groepshulp kinderopvang"]
    assert groepshulp
    assert all("Helpende" not in c["name"] for p in groepshulp for c in p["courses"])
    assert any("praktijkverklaring" in c["form"] for p in groepshulp for c in p["courses"])


@pytest.mark.parametrize(("day", "said"), [(date(2021, 6, 1), False), (PEILDATUM, True), (date(2028, 3, 1), False)])
def test_expected_ict_path_only_while_the_ontwikkelpaden_money_runs(day: date, said: bool) -> None:
    # The paths were announced in the letter of 22-11-2024 (004:L106); the SLIM-scholingssubsidie runs
    # from 10-03-2025 to 31-12-2027. Before and after, "there would be a path" promises nothing real.
    steps = build_advice({"sector_interests": ["ict"], "education_level": "mbo4", "work_status": "werkzoekend_ww",
                          "age": 39}, day)["next_steps"]
    assert any("zou er een Ontwikkelpad komen" in s for s in steps) is said


def test_zorg_mbo4_gets_hbo_v_step() -> None:
    advice = build_advice({"education_level": "mbo4", "work_status": "werknemer_vast",
                           "current_sector": "zorg_welzijn"}, PEILDATUM)
    assert any("HBO-Verpleegkunde" in s for s in advice["next_steps"])


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True,
                          text=True, check=False, cwd=Path(__file__).parents[2])


@pytest.mark.parametrize(
    ("age", "day", "expected"),
    [(56, "2025-06-01", "eligible"), (57, "2025-06-01", "not_eligible"), (56, "2028-01-01", "eligible"),
     (40, "2017-08-31", "not_yet_open"), (40, "2020-01-01", "eligible")],
)
def test_cli_llk_boundaries(age: int, day: str, expected: str) -> None:
    proc = run_cli("advise", "--profile", "-", "--date", day,
                   stdin=json.dumps({"age": age, "receives_studiefinanciering": False}))
    assert proc.returncode == 0, proc.stderr
    status = {s["scheme_id"]: s["status"] for s in json.loads(proc.stdout)["schemes"]}
    assert status["levenlanglerenkrediet"] == expected


def test_stale_schemes_lists_records_checked_before_the_cutoff(monkeypatch: pytest.MonkeyPatch) -> None:
    # Fixed verification dates instead of the live data: the data's dates move every time a
    # record is checked again (the three records stale on 2026-12-02 were checked on 2026-12-07).
    import dataclasses

    from assistant.policy import schemes as schemes_module

    real = schemes_module.load_schemes()
    old, fresh = dataclasses.replace(real[0], verified_on=date(2024, 11, 22)), dataclasses.replace(
        real[1], verified_on=date(2026, 12, 2))
    monkeypatch.setattr(schemes_module, "load_schemes", lambda: [old, fresh])
    assert [s.id for s in schemes_module.stale_schemes(date(2026, 12, 7), 6)] == [old.id]
    assert [s.id for s in schemes_module.stale_schemes(date(2027, 6, 7), 6)] == [old.id, fresh.id]
    assert schemes_module.stale_schemes(date(2025, 5, 1), 6) == []


def test_cli_schemes_stale_prints_what_stale_schemes_finds() -> None:
    from assistant.policy.schemes import stale_schemes

    proc = run_cli("schemes", "stale", "--months", "0")
    assert proc.returncode == 0, proc.stderr
    ids = [line.split("\t")[0] for line in proc.stdout.splitlines() if "\t" in line]
    expected = [s.id for s in stale_schemes(date.today(), 0)]
    assert ids == expected
    if not expected:
        assert "Alle regelingen" in proc.stdout
