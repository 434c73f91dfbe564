"""Levenlanglerenkrediet: the age limit of the studiejaar, counted on the start of the study."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.advice import build_advice
from assistant.policy import evaluate
from assistant.policy.engine import whole_years
from assistant.policy.schemes import SCHEMES_FILE, SchemeDataError, load_schemes, parse_schemes


def llk(profile: dict[str, Any], day: date, start: date | None = None) -> tuple[str, str]:
    r = next(r for r in evaluate(profile, day, start) if r.scheme_id == "levenlanglerenkrediet")
    return r.status, r.reasons[0]


@pytest.mark.parametrize(
    ("age", "day", "expected"),
    [
        (54, date(2019, 6, 1), "eligible"),  # studiejaar 2018-19: younger than 55
        (55, date(2019, 6, 1), "not_eligible"),
        (55, date(2020, 10, 1), "eligible"),  # from 2020-21: younger than 56
        (56, date(2023, 10, 1), "not_eligible"),  # 2023-24: still 56 (duo.nl)
        (56, date(2024, 8, 31), "not_eligible"),  # last day of studiejaar 2023-24
        (56, date(2024, 9, 1), "eligible"),  # from 2024-25: younger than 57
        (57, date(2026, 12, 2), "not_eligible"),
    ],
)
def test_limit_follows_the_studiejaar_of_the_peildatum(age: int, day: date, expected: str) -> None:
    status, _ = llk({"age": age, "receives_studiefinanciering": False}, day)
    assert status == expected


def test_reason_names_the_limit_of_that_studiejaar() -> None:
    assert "56 jaar of ouder" in llk({"age": 56}, date(2023, 10, 1))[1]
    assert "jonger dan 57" in llk({"age": 40}, date(2025, 10, 1))[1]
    assert "jonger dan 56" in llk({}, date(2022, 1, 1))[1]
    later = llk({"age": 56, "receives_studiefinanciering": False}, date(2024, 1, 1), date(2024, 9, 1))
    assert "{age_limit}" not in later[1]


def test_a_later_start_uses_that_studiejaar_and_the_age_then() -> None:
    p = {"age": 56, "receives_studiefinanciering": False}
    asked = date(2024, 6, 1)  # studiejaar 2023-24: 56 is too old today
    assert llk(p, asked)[0] == "not_eligible"
    # The study starts in 2024-25 (limit 57); a birthday before the start may make them 57.
    status, reason = llk(p, asked, date(2024, 9, 1))
    assert status == "uncertain" and "57" in reason
    assert llk({**p, "age": 55}, asked, date(2024, 9, 1))[0] == "eligible"


def test_a_start_years_away_counts_the_birthdays_until_then() -> None:
    p = {"age": 50, "receives_studiefinanciering": False}
    day = date(2025, 10, 1)
    assert llk(p, day, date(2031, 10, 1))[0] == "eligible"  # exactly 56 then
    assert llk(p, day, date(2032, 9, 1))[0] == "uncertain"  # 56 or 57
    assert llk(p, day, date(2032, 10, 1))[0] == "not_eligible"  # exactly 57


def test_a_start_before_the_peildatum_counts_as_the_peildatum() -> None:
    p = {"age": 56, "receives_studiefinanciering": False}
    assert llk(p, date(2025, 10, 1), date(2020, 1, 1)) == llk(p, date(2025, 10, 1))


def test_build_advice_passes_the_study_start() -> None:
    p = {"age": 56, "receives_studiefinanciering": False}
    by_start = build_advice(p, date(2024, 6, 1), study_start=date(2024, 9, 1))
    llk_result = next(s for s in by_start["schemes"] if s["scheme_id"] == "levenlanglerenkrediet")
    assert llk_result["status"] == "uncertain"


def test_whole_years() -> None:
    assert whole_years(date(2024, 3, 1), date(2025, 2, 28)) == 0
    assert whole_years(date(2024, 3, 1), date(2025, 3, 1)) == 1


def test_every_limit_cites_a_source_and_they_rise() -> None:
    scheme = next(s for s in load_schemes() if s.id == "levenlanglerenkrediet")
    ages = [a.younger_than for a in scheme.age_limits]
    assert ages == sorted(ages) and all(a.source for a in scheme.age_limits)


def test_loader_refuses_the_age_fact_without_limits() -> None:
    doc = yaml.safe_load(SCHEMES_FILE.read_text(encoding="utf-8"))
    record = next(r for r in doc["schemes"] if r["id"] == "levenlanglerenkrediet")
    broken = copy.deepcopy(doc)
    next(r for r in broken["schemes"] if r["id"] == "levenlanglerenkrediet").pop("age_limit")
    assert record.get("age_limit")
    with pytest.raises(SchemeDataError, match="age_limit"):
        parse_schemes(broken, Path("schemes.yaml"))


def test_facts_without_a_date_use_the_newest_limit() -> None:
    # Callers that compare answers (the intake's relevance check) apply the rules to these facts.
    from assistant.policy.engine import derive_facts

    assert derive_facts({"age": 56})["age_under_limit"] is True
    assert derive_facts({"age": 57})["age_under_limit"] is False
    assert derive_facts({"age": 56}, date(2023, 10, 1))["age_under_limit"] is False
    assert derive_facts({})["age_under_limit"] is None
