"""Course records: one validation for the project's own data and for operators' feeds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

LEVELS = (
    "mbo1",
    "mbo2",
    "mbo3",
    "mbo4",
    "hbo_ad",
    "hbo_bachelor",
    "hbo_master",
    "wo_bachelor",
    "wo_master",
    "cursus",
    "traject",
)
# certificaat / praktijkverklaring / EVC: the short routes of issue 14 (not a whole diploma).
FORMS = ("bol", "bbl", "deeltijd", "cursus", "certificaat", "praktijkverklaring", "EVC")
SECTORS = (
    "zorg_welzijn",
    "kinderopvang",
    "techniek_bouw_energie",
    "groen",
    "onderwijs",
    "ict",
    "logistiek",
    "horeca",
    "retail",
    "zakelijke_dienstverlening",
    "overheid_veiligheid",
    "cultuur",
    "landbouw_voedsel",
    "schoonmaak_facilitair",
    "anders",
)
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_\-]{1,95}$")
REGION_RE = re.compile(r"^AM[0-9]{2}$")
URL_RE = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class CourseRecord:
    id: str
    name: str
    kind: str
    level: str
    nlqf: int | None
    forms: tuple[str, ...]
    duration: str
    sectors: tuple[str, ...]
    function_id: str | None = None
    function_name: str | None = None
    provider: str | None = None
    cost: str | None = None
    url: str | None = None
    region_code: str | None = None


def _split(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).replace(",", ";").split(";") if v.strip()]


def _text(row: dict[str, Any], key: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def validate_row(row: dict[str, Any]) -> tuple[CourseRecord | None, list[str]]:
    """The record, or the Dutch problems with this row (each naming the field)."""
    problems: list[str] = []
    course_id = _text(row, "id") or ""
    if not ID_RE.match(course_id):
        problems.append("id: verplicht; kleine letters, cijfers, - of _ (max. 96 tekens)")
    name = _text(row, "name")
    if not name:
        problems.append("name: verplicht")
    kind = _text(row, "kind") or "opleiding"
    level = _text(row, "level") or ""
    if level not in LEVELS:
        problems.append(f"level: '{level}' is onbekend; kies uit {', '.join(LEVELS)}")
    nlqf: int | None = None
    raw_nlqf = _text(row, "nlqf")
    if raw_nlqf is not None:
        try:
            nlqf = int(raw_nlqf)
        except ValueError:
            problems.append(f"nlqf: '{raw_nlqf}' is geen getal van 1 tot 8")
        else:
            if not 1 <= nlqf <= 8:
                problems.append(f"nlqf: {nlqf} ligt niet tussen 1 en 8")
    forms = _split(row.get("forms"))
    bad_forms = [f for f in forms if f not in FORMS]
    if not forms or bad_forms:
        problems.append(f"forms: verplicht, een of meer van {', '.join(FORMS)} (gescheiden door ;)")
    duration = _text(row, "duration")
    if not duration:
        problems.append("duration: verplicht (bijvoorbeeld 'ongeveer 2 jaar')")
    sectors = _split(row.get("sectors", row.get("sector")))
    bad_sectors = [s for s in sectors if s not in SECTORS]
    if not sectors or bad_sectors:
        problems.append(f"sectors: verplicht, een of meer sectoren uit het profiel (onbekend: {bad_sectors})")
    region = _text(row, "region_code")
    if region is not None and not REGION_RE.match(region):
        problems.append(f"region_code: '{region}' heeft niet de vorm AMnn")
    url = _text(row, "url")
    if url is not None and not URL_RE.match(url):
        problems.append("url: moet beginnen met http:// of https://")
    if problems:
        return None, problems
    return CourseRecord(
        id=course_id,
        name=str(name),
        kind=kind,
        level=level,
        nlqf=nlqf,
        forms=tuple(forms),
        duration=str(duration),
        sectors=tuple(sectors),
        function_id=_text(row, "function_id"),
        function_name=_text(row, "function_name"),
        provider=_text(row, "provider"),
        cost=_text(row, "cost"),
        url=url,
        region_code=region,
    ), []
