"""Import a region's course offer from a CSV, JSON or JSON Lines feed (docs/catalogue-feed.md).

Every row is validated first. One bad row rejects the whole file: an operator fixes the listed
lines and runs it again, so the catalogue never holds half a feed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from assistant.catalogue.models import Course
from assistant.catalogue.records import CourseRecord, validate_row
from assistant.catalogue.seed import ORIGIN, upsert_courses
from assistant.storage.db import make_engine, make_session_factory


@dataclass
class ImportReport:
    file: str
    loaded: int = 0
    rejected: list[tuple[int, list[str]]] = field(default_factory=list)  # (line, problems)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        if self.ok:
            return f"{self.file}: {self.loaded} opleidingen geladen."
        lines = [f"{self.file}: niets geladen, {len(self.rejected)} regel(s) afgekeurd:"]
        lines += [f"  regel {line}: {'; '.join(problems)}" for line, problems in self.rejected]
        return "\n".join(lines)


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, row) pairs; a JSON array reports each item's position as its line."""
    text = path.read_text(encoding="utf-8-sig")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        rows = []
        for row in reader:
            extra = row.pop(None, None)  # type: ignore[call-overload, unused-ignore]
            if extra:
                row["__extra__"] = extra
            rows.append((reader.line_num, dict(row)))
        return rows
    if suffix == ".jsonl":
        return [(n, json.loads(line)) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if suffix == ".json":
        document = json.loads(text)
        items = document.get("courses") if isinstance(document, dict) else document
        if not isinstance(items, list):
            raise ValueError('verwacht een lijst met opleidingen, of {"courses": [...]}')
        return [(n, item) for n, item in enumerate(items, start=1)]
    raise ValueError(f"onbekend bestandstype '{suffix}': gebruik .csv, .json of .jsonl")


def validate_feed(path: Path) -> tuple[list[CourseRecord], ImportReport]:
    report = ImportReport(file=path.name)
    try:
        rows = read_rows(path)
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
        line = getattr(exc, "lineno", 0)
        report.rejected.append((line, [f"bestand kan niet gelezen worden: {exc}"]))
        return [], report
    if not rows:
        report.rejected.append((0, ["het bestand bevat geen opleidingen"]))
    records: list[CourseRecord] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        if not isinstance(row, dict):
            report.rejected.append((line, ["een regel moet een object met velden zijn"]))
            continue
        if "__extra__" in row:
            report.rejected.append((line, ["te veel kolommen"]))
            continue
        record, problems = validate_row(row)
        if record is not None and record.id in seen:
            problems = [f"id: '{record.id}' staat ook op regel {seen[record.id]}"]
        if problems or record is None:
            report.rejected.append((line, problems))
            continue
        seen[record.id] = line
        records.append(record)
    return records, report


def import_feed(path: Path, database_url: str, dry_run: bool = False) -> ImportReport:
    records, report = validate_feed(path)
    if not report.ok or dry_run:
        return report
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session, session.begin():
            ids = [r.id for r in records]
            own = (
                session.execute(select(Course.id).where(Course.id.in_(ids), Course.origin == ORIGIN))
                .scalars()
                .all()
            )
            if own:
                line_of = {r.id: n for n, r in enumerate(records, start=1)}
                for course_id in sorted(own):
                    report.rejected.append(
                        (
                            line_of[course_id],
                            [f"id: '{course_id}' is een opleiding van Koers zelf; kies een ander id"],
                        )
                    )
                session.rollback()
                return report
            report.loaded = upsert_courses(session, records, f"feed:{path.name}")
    finally:
        engine.dispose()
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m assistant.catalogue.importer",
        description="Opleidingsaanbod van een regio laden (CSV, JSON of JSON Lines).",
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--database-url", default=None, help="Standaard: DATABASE_URL uit de instellingen.")
    parser.add_argument("--dry-run", action="store_true", help="Alleen controleren, niets laden.")
    args = parser.parse_args(argv)
    url = args.database_url
    if url is None:
        from assistant.settings import database_url_from_env

        url = database_url_from_env()
    report = import_feed(args.file, url, dry_run=args.dry_run)
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 2


if __name__ == "__main__":
    sys.exit(main())
