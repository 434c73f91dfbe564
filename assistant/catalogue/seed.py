"""Load the project's own courses (Ontwikkelpaden + catalogue data) into the database, idempotently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assistant.catalogue.models import Course, CourseFunction
from assistant.catalogue.records import CourseRecord, validate_row
from assistant.policy.paths import load_paths
from assistant.storage.db import make_engine, make_session_factory

COURSES_FILE = Path(__file__).parent / "data" / "courses.yaml"
ORIGIN = "koers"


def project_courses() -> list[CourseRecord]:
    """Courses of the Ontwikkelpaden, linked to their functions, then the extra catalogue courses."""
    data = load_paths()
    links: dict[str, list[tuple[str, str, str]]] = {}
    for sector in data.sectors:
        for function in sector.functions:
            for course in function.courses:
                links.setdefault(course.id, []).append((sector.sector, function.id, function.name))
    records: list[CourseRecord] = []
    for course in data.courses:
        sectors = tuple(dict.fromkeys(s for s, _, _ in links.get(course.id, [])))
        records.append(
            CourseRecord(
                course.id,
                course.name,
                course.kind,
                course.level,
                course.nlqf,
                course.forms,
                course.duration,
                sectors,
            )
        )
    extra: dict[str, Any] = yaml.safe_load(COURSES_FILE.read_text(encoding="utf-8"))
    for n, row in enumerate(extra["courses"]):
        record, problems = validate_row(row)
        if record is None:
            raise ValueError(f"{COURSES_FILE.name}: record {n} ({row.get('id')}): {'; '.join(problems)}")
        records.append(record)
    return records


def _links_for(record: CourseRecord) -> list[tuple[str, str | None, str | None]]:
    data = load_paths()
    out: list[tuple[str, str | None, str | None]] = []
    for sector in data.sectors:
        for function in sector.functions:
            if any(c.id == record.id for c in function.courses):
                out.append((sector.sector, function.id, function.name))
    covered = {s for s, _, _ in out}
    out += [(s, record.function_id, record.function_name) for s in record.sectors if s not in covered]
    return out


def upsert_courses(session: Session, records: list[CourseRecord], origin: str) -> int:
    """Insert or update courses and replace their function links; returns the number written."""
    for record in records:
        course = session.execute(select(Course).where(Course.id == record.id)).scalar_one_or_none()
        if course is None:
            course = Course(id=record.id)
            session.add(course)
        course.name = record.name
        course.kind = record.kind
        course.level = record.level
        course.nlqf = record.nlqf
        course.forms = list(record.forms)
        course.duration = record.duration
        course.provider = record.provider
        course.cost = record.cost
        course.url = record.url
        course.region_code = record.region_code
        course.where_to_find = "Zoek aanbieders op Leeroverzicht.nl of vraag het Leerwerkloket in je regio."
        course.origin = origin
        session.flush()
        session.execute(delete(CourseFunction).where(CourseFunction.course_id == record.id))
        for sector, function_id, function_name in _links_for(record):
            session.add(
                CourseFunction(
                    course_id=record.id, sector=sector, function_id=function_id, function_name=function_name
                )
            )
    return len(records)


def seed_catalogue(database_url: str) -> None:
    """Idempotent: running it again updates the same rows, never duplicates them."""
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session, session.begin():
            upsert_courses(session, project_courses(), ORIGIN)
    finally:
        engine.dispose()
