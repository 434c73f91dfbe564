"""Course catalogue tables: qualifications and courses, and the Ontwikkelpad functions they lead to."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint

from assistant.storage.db import Base


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Course(Base):
    __tablename__ = "catalogue_courses"

    id = Column(String(96), primary_key=True)  # stable slug, e.g. "helpende_zorg_welzijn"
    name = Column(String(200), nullable=False)
    kind = Column(String(64), nullable=False)  # mbo-kwalificatie | hbo-opleiding | cursus | ...
    level = Column(String(32), nullable=False)  # mbo1..mbo4, hbo_*, cursus
    nlqf = Column(Integer, nullable=True)  # null when not (yet) ingeschaald
    forms = Column(JSON, nullable=False)  # ["bbl", "bol", "deeltijd", "cursus"]
    duration = Column(String(200), nullable=False)
    # Only from an operator's feed; the project's own data never invents providers or prices.
    provider = Column(String(200), nullable=True)
    cost = Column(String(200), nullable=True)
    url = Column(String(500), nullable=True)
    region_code = Column(String(4), nullable=True)  # AMnn when the offer is regional
    where_to_find = Column(
        Text,
        nullable=False,
        default="Zoek aanbieders op Leeroverzicht.nl of vraag het Werkcentrum (voorheen Leerwerkloket) in je regio.",
    )
    origin = Column(String(200), nullable=False)  # "koers" or "feed:<file name>"
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)


class CourseFunction(Base):
    """Link between a course and the function (beroep) in a sector's Ontwikkelpad it leads to."""

    __tablename__ = "catalogue_course_functions"
    __table_args__ = (
        UniqueConstraint("course_id", "sector", "function_id", name="uq_catalogue_course_functions_link"),
    )

    id = Column(Integer, primary_key=True, autoincrement=True)
    course_id = Column(
        String(96), ForeignKey("catalogue_courses.id", ondelete="CASCADE"), nullable=False, index=True
    )
    sector = Column(String(40), nullable=False, index=True)
    function_id = Column(String(96), nullable=True)  # null for a course without an Ontwikkelpad function
    function_name = Column(String(200), nullable=True)
