"""Property tests: evaluate never raises, covers every scheme once, and is deterministic."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings

from assistant.intake.profile import validate_profile
from assistant.policy import evaluate
from assistant.policy.paths import paths_for
from assistant.policy.schemes import SPEC_SCHEME_IDS, STATUSES, load_schemes
from tests.policy.helpers import dates, profiles

ALL_IDS = [s.id for s in load_schemes()]


@settings(max_examples=400, deadline=None)
@given(profile=profiles(), day=dates)
def test_evaluate_total_and_deterministic(profile: dict[str, Any], day: date) -> None:
    validate_profile(profile)  # the strategy only yields schema-valid profiles
    first = evaluate(profile, day)
    ids = [r.scheme_id for r in first]
    assert ids == ALL_IDS and len(set(ids)) == len(ids)
    assert set(SPEC_SCHEME_IDS) <= set(ids)
    assert all(r.status in STATUSES and r.reasons and r.sources for r in first)
    assert evaluate(profile, day) == first
    assert evaluate(validate_profile(profile), day) == first


@settings(max_examples=200, deadline=None)
@given(profile=profiles())
def test_paths_never_raise(profile: dict[str, Any]) -> None:
    for p in paths_for(profile):
        assert p.step in ("instroom", "doorstroom", "overstap") and p.courses
