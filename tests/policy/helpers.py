"""Shared helpers for the policy tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from assistant.intake.profile import profile_schema
from assistant.policy import evaluate


def result(scheme_id: str, profile: dict[str, Any], day: date):
    matches = [r for r in evaluate(profile, day) if r.scheme_id == scheme_id]
    assert len(matches) == 1, scheme_id
    return matches[0]


def status(scheme_id: str, profile: dict[str, Any], day: date) -> str:
    return result(scheme_id, profile, day).status


def _field_strategy(name: str, spec: dict[str, Any]) -> st.SearchStrategy[Any]:
    schema = profile_schema()
    sectors = schema["$defs"]["sector_value"]["enum"]
    if name == "sector_interests":
        return st.lists(st.sampled_from(sectors), unique=True, max_size=4)
    if name == "current_sector":
        return st.one_of(st.none(), st.sampled_from(sectors))
    if "enum" in spec:
        return st.sampled_from(spec["enum"])
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    if "integer" in types:
        return st.one_of(st.none(), st.integers(spec["minimum"], spec["maximum"]))
    if "boolean" in types:
        return st.sampled_from([None, True, False])
    if name == "region_code":
        return st.one_of(st.none(), st.from_regex(r"^AM[0-9]{2}$", fullmatch=True))
    return st.one_of(st.none(), st.text(max_size=20))


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    """Any schema-valid profile, with fields present, null or absent."""
    props = profile_schema()["properties"]
    out: dict[str, Any] = {}
    for name, spec in props.items():
        if draw(st.booleans()):
            out[name] = draw(_field_strategy(name, spec))
    return out


dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
