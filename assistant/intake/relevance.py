"""Which intake questions can still change the advice (derived from the policy engine).

A question is worth asking only when some answer to it gives another scheme status or other
paths than the others (or than not knowing). Statuses come from the scheme rules themselves, so
a new rule in schemes.yaml makes its facts worth asking without touching the intake.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from assistant.policy.engine import derive_facts, when_holds
from assistant.policy.paths import paths_for
from assistant.policy.schemes import Scheme, load_schemes
from assistant.vocabulary import Field, vocabulary

Frozen = tuple[tuple[str, Any], ...]


def freeze(profile: Mapping[str, Any]) -> Frozen:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in profile.items() if v is not None))


def _thaw(frozen: Frozen) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in frozen}


@lru_cache(maxsize=8)
def _open_schemes(today: date) -> tuple[Scheme, ...]:
    """Schemes whose status depends on the person (not ended or not yet open on that day)."""
    return tuple(
        s for s in load_schemes()
        if not (s.open_from and today < s.open_from) and not (s.open_until and today > s.open_until)
    )


@lru_cache(maxsize=8)
def _number_points(field: str) -> tuple[int, ...]:
    """Ages / hours on both sides of every bound a scheme rule puts on this number."""
    spec = vocabulary()[field]
    low, high = spec.range or (0, 0)
    points = {low, high}
    for scheme in load_schemes():
        whens = [r.when for r in scheme.rules] + [r.when for r in scheme.route_rules]
        for when in whens:
            matcher = when.get(field)
            if isinstance(matcher, dict):
                for bound in (matcher.get("min"), matcher.get("max")):
                    if isinstance(bound, int):
                        points.update({bound - 1, bound, bound + 1})
    return tuple(sorted(p for p in points if low <= p <= high))


def candidates(spec: Field, profile: Mapping[str, Any] | None = None) -> list[Any]:
    """The answers worth trying; a question whose buttons follow another answer (the function in
    the person's sector) tries only those, so another sector's trades never make it relevant."""
    if spec.kind == "int":
        return list(_number_points(spec.id))
    if spec.kind == "list":
        return [[v] for v in spec.allowed]
    if spec.buttons_by is not None:
        return list(spec.button_keys(profile))
    return list(spec.allowed)


@lru_cache(maxsize=200_000)
def _signature(frozen: Frozen, today: date) -> tuple[Any, ...]:
    profile = _thaw(frozen)
    facts = derive_facts(profile)
    statuses = []
    for scheme in _open_schemes(today):
        rule = next((r for r in scheme.rules if when_holds(r.when, facts)), scheme.otherwise)
        statuses.append(rule.status)
    paths = tuple((p.sector, p.step, tuple(c.id for c in p.courses)) for p in paths_for(profile))
    return (tuple(statuses), paths)


def signature(profile: Mapping[str, Any], today: date) -> tuple[Any, ...]:
    """What the advice decides for this profile: every open scheme's status and the paths."""
    return _signature(freeze(profile), today)


@lru_cache(maxsize=200_000)
def _relevant(field: str, frozen: Frozen, today: date) -> bool:
    base = {k: v for k, v in _thaw(frozen).items() if k != field}
    seen = {_signature(freeze(base), today)}
    for value in candidates(vocabulary()[field], base):
        seen.add(_signature(freeze({**base, field: value}), today))
        if len(seen) > 1:
            return True
    return False


def relevant(field: str, profile: Mapping[str, Any], today: date) -> bool:
    """True when an answer to this question can change a scheme status or the paths shown."""
    return _relevant(field, freeze(profile), today)
