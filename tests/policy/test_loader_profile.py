"""Scheme loader rejects invalid records; validate_profile canonicalises or names the field."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.intake.profile import ProfileError, profile_fields, validate_profile
from assistant.policy.paths import PATHS_FILE, PathDataError, parse_paths
from assistant.policy.schemes import (
    SCHEMES_FILE,
    SPEC_SCHEME_IDS,
    SchemeDataError,
    load_schemes,
    parse_schemes,
)


def _doc() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(SCHEMES_FILE.read_text(encoding="utf-8"))
    return doc


def test_spec_ids_present_exactly_once() -> None:
    ids = [s.id for s in load_schemes()]
    assert ids[: len(SPEC_SCHEME_IDS)] == list(SPEC_SCHEME_IDS)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda r: r.pop("route"), "(record)"),
        (lambda r: r.__setitem__("route", "bank"), "route"),
        (lambda r: r["window"].__setitem__("open_from", "2022-13-01"), "window"),
        (lambda r: r["window"].__setitem__("open_from", "1 jan"), "window.open_from"),
        (lambda r: r["window"].__setitem__("open_until", "2021-01-01"), "window"),
        (
            lambda r: r["rules"].append({"when": {"shoe_size": 3}, "status": "eligible", "reason": "x"}),
            "rules.4.when.shoe_size",
        ),
        (
            lambda r: r["rules"].append({"when": {"age": 3}, "status": "maybe", "reason": "x"}),
            "rules.4.status",
        ),
        (lambda r: r["window"].__setitem__("confirmed_until", "2026-03-31"), "window"),
        (lambda r: r["window"].__setitem__("unconfirmed_reason", "x"), "window"),
        (lambda r: r.__setitem__("sources", []), "sources"),
        (lambda r: r.__setitem__("sources", ["002:L20-10"]), "sources.0"),
    ],
)
def test_invalid_record_names_file_record_field(mutate: Any, field: str) -> None:
    doc = _doc()
    record = doc["schemes"][1]  # stap_budget
    mutate(record)
    with pytest.raises(SchemeDataError) as exc:
        parse_schemes(doc, Path("schemes.yaml"))
    msg = str(exc.value)
    assert "schemes.yaml" in msg and "stap_budget" in msg and field in msg, msg


def test_duplicate_id_rejected() -> None:
    doc = _doc()
    doc["schemes"].append(copy.deepcopy(doc["schemes"][0]))
    with pytest.raises(SchemeDataError, match="duplicate id"):
        parse_schemes(doc, Path("schemes.yaml"))


def test_paths_data_rejects_unknown_course() -> None:
    doc = yaml.safe_load(PATHS_FILE.read_text(encoding="utf-8"))
    doc["sectors"][0]["functions"][0]["courses"] = ["nope"]
    with pytest.raises(PathDataError, match=r"zorg_welzijn.*functions\.0\.courses"):
        parse_paths(doc, Path("ontwikkelpaden.yaml"))


def test_canonical_profile_has_every_field() -> None:
    out = validate_profile({"age": 30})
    assert list(out) == list(profile_fields())
    assert out["age"] == 30 and out["sector_interests"] == [] and out["goal"] is None
    assert validate_profile(out) == out


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"age": 14}, "age"),
        ({"age": 101}, "age"),
        ({"age": "dertig"}, "age"),
        ({"age": True}, "age"),
        ({"work_status": "boer"}, "work_status"),
        ({"education_level": "mbo5"}, "education_level"),
        ({"shoe": 1}, "shoe"),
        ({"age": 30, "zzz": 1}, "zzz"),
        ({"sector_interests": ["x"]}, "sector_interests"),
        ({"sector_interests": ["ict", "ict"]}, "sector_interests"),
        ({"sector_interests": None}, "sector_interests"),
        ({"current_sector": "x"}, "current_sector"),
        ({"region_code": "AM1"}, "region_code"),
        ({"hours_per_week": 81}, "hours_per_week"),
        ({"literacy_need": "ja"}, "literacy_need"),
        ([], "(profiel)"),
        ("x", "(profiel)"),
        (None, "(profiel)"),
        (3, "(profiel)"),
    ],
)
def test_invalid_profile_names_field(data: object, field: str) -> None:
    with pytest.raises(ProfileError) as exc:
        validate_profile(data)
    assert exc.value.field == field
    assert field in exc.value.message or field == "(profiel)"
