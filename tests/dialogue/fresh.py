"""The driver shared by the fresh-people sets (tests/dialogue/test_fresh_people*.py).

Each set holds its people (``PEOPLE``) and the strict-xfail findings of those the intake misreads
(``XFAIL``); this module builds a person and the two tests a set runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pytest

from tests.dialogue.test_unseen_people import check_person
from tests.e2e.test_personas import Persona


def person(name: str, opening: str, answers: dict[str, str], profile: dict[str, Any], **kw: Any) -> Persona:
    """A fresh person: no scheme statuses to check, the profile and the conversation only."""
    return Persona(name, opening, answers, profile, {}, **kw)


def checks(people: Sequence[Persona], xfail: Mapping[str, str]) -> tuple[Callable[..., None], Callable[[], None]]:
    """The set's tests: every person reaches the advice they should get (a finding is a strict
    xfail, so a fixed reading turns red until its finding goes), and the set's size."""
    params = [
        pytest.param(p, id=p.name, marks=pytest.mark.xfail(strict=True, reason=xfail[p.name]))
        if p.name in xfail else pytest.param(p, id=p.name)
        for p in people
    ]

    @pytest.mark.parametrize("person", params)
    def test_a_fresh_person_reaches_the_advice_they_should_get(person: Persona) -> None:
        check_person(person)

    def test_at_least_forty_different_people() -> None:
        assert len(people) >= 40 and len({p.name for p in people}) == len(people)
        assert set(xfail) <= {p.name for p in people}  # every finding names a person of this set

    return test_a_fresh_person_reaches_the_advice_they_should_get, test_at_least_forty_different_people
