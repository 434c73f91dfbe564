"""Koers' own courses as records, read from data files: the one source of every course named.

Pure (no database, no SQLAlchemy): the advice uses it directly, and ``seed.py`` copies the same
records into the catalogue tables on ``koers db upgrade``, so the database is derived from it.
Two files feed it: the Ontwikkelpad courses (policy data, linked to functions) and
``data/courses.yaml`` (every other course, each with whether its name was checked and where).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.catalogue.records import CourseRecord, validate_row
from assistant.policy.paths import PATHS_FILE, load_paths
from assistant.policy.schemes import load_yaml

COURSES_FILE = Path(__file__).parent / "data" / "courses.yaml"


class CatalogueDataError(ValueError):
    """An invalid record in Koers' own catalogue data; names the file, record and problem."""


@dataclass(frozen=True)
class Checked:
    checked: bool
    source: str | None


@functools.lru_cache(maxsize=1)
def _load() -> tuple[tuple[CourseRecord, ...], dict[str, Checked]]:
    data = load_paths()
    links: dict[str, list[str]] = {}
    for sector in data.sectors:
        for function in sector.functions:
            for course in function.courses:
                links.setdefault(course.id, []).append(sector.sector)
    records = [
        CourseRecord(c.id, c.name, c.kind, c.level, c.nlqf, c.forms, c.duration,
                     tuple(dict.fromkeys(links.get(c.id, []))))
        for c in data.courses
    ]
    # An Ontwikkelpad qualification counts as checked when its record names the public page.
    sources = {c["id"]: c.get("source") for c in load_yaml(PATHS_FILE.read_text(encoding="utf-8"))["courses"]}
    checks = {c.id: Checked(True, sources[c.id]) if sources.get(c.id)
              else Checked(False, "assistant/policy/data/ontwikkelpaden.yaml (004:L56-110)") for c in data.courses}
    extra: dict[str, Any] = load_yaml(COURSES_FILE.read_text(encoding="utf-8"))
    for n, row in enumerate(extra["courses"]):
        label = f"{COURSES_FILE.name}: record {n} ({row.get('id')})"
        record, problems = validate_row(row)
        if record is None:
            raise CatalogueDataError(f"{label}: {'; '.join(problems)}")
        if record.id in checks:
            raise CatalogueDataError(f"{label}: id: duplicate course id")
        if not isinstance(row.get("checked"), bool):
            raise CatalogueDataError(f"{label}: checked: true or false")
        if row["checked"] and not row.get("source"):
            raise CatalogueDataError(f"{label}: source: a checked name needs its public source")
        records.append(record)
        checks[record.id] = Checked(row["checked"], row.get("source"))
    return tuple(records), checks


def project_courses() -> list[CourseRecord]:
    """The Ontwikkelpad courses, linked to their sectors, then the rest of Koers' own courses."""
    return list(_load()[0])


def project_course(course_id: str) -> CourseRecord:
    """One of Koers' own courses by id; KeyError names an id that is not in the catalogue data."""
    found = next((r for r in _load()[0] if r.id == course_id), None)
    if found is None:
        raise KeyError(f"course {course_id!r} is not in Koers' catalogue data")
    return found


def verification(course_id: str) -> Checked:
    """Whether the course's name was checked against a public source, and which."""
    return _load()[1][course_id]
