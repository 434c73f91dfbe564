"""Load the project's own courses into the database, idempotently.

The records come from assistant.catalogue.projectdata (the data files are the source of truth);
the tables are a derived copy that operators' feeds extend with the regional offer.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assistant.catalogue.models import Course, CourseFunction
from assistant.catalogue.projectdata import project_courses
from assistant.catalogue.records import CourseRecord
from assistant.policy.paths import load_paths
from assistant.storage.db import make_engine, make_session_factory

ORIGIN = "koers"
WHERE_TO_FIND = "Zoek aanbieders op Leeroverzicht.nl of vraag het Werkcentrum (voorheen Leerwerkloket) in je regio."


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
        course.where_to_find = WHERE_TO_FIND
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
