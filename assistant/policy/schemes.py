"""Scheme records: load ``data/schemes.yaml`` and validate every record before use.

A broken record must never reach the engine silently, so the loader validates against a JSON
schema plus checks a schema cannot express (known facts, date order, unique ids) and names the
file, the record and the field in its error.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import yaml

DATA_DIR = Path(__file__).parent / "data"
SCHEMES_FILE = DATA_DIR / "schemes.yaml"

STATUSES = ("eligible", "not_eligible", "uncertain", "ended", "not_yet_open")
RULE_STATUSES = ("eligible", "not_eligible", "uncertain")
ROUTES = (
    "self",
    "employer",
    "regio",
    "uwv",
    "gemeente",
    "duo",
    "belastingdienst",
    "loopbaanadviseur",
    "opleider",
    "leerwerkloket",
)

# The ids of schemes.md; stable across CLI, API, stored advice and tests.
SPEC_SCHEME_IDS = (
    "leerwerkloket",
    "stap_budget",
    "stap_ontwikkeladvies",
    "nl_leert_door_ontwikkeladvies",
    "nl_leert_door_scholing",
    "levenlanglerenkrediet",
    "ontwikkelpaden_scholingssubsidie",
    "slim",
    "praktijkleren",
    "uwv_scholing_ww",
    "gemeente_reintegratie",
    "zzp_scholingskosten_aftrek",
    "werkgever_scholingsvergoeding",
    "basisvaardigheden",
    "tel_mee_met_taal_werkgevers",
    "omscholing_ict_techniek",
    "praktijkleren_derde_leerweg",
)

# Facts a rule may test: the profile's fields plus the derived facts of engine.derive_facts.
SCALAR_FACTS = frozenset(
    {
        "age",
        "education_level",
        "work_status",
        "at_risk_of_job_loss",
        "hours_per_week",
        "employer_size",
        "current_sector",
        "goal",
        "literacy_need",
        "receives_studiefinanciering",
        "municipality",
        "region_code",
        "connected_to_dutch_labour_market",
        "max_hours_study_per_week",
        "preferred_form",
        "edu_max_mbo2",
        "edu_max_mbo4",
        "edu_startkwalificatie",
        "werknemer",
        "literacy",
        # Per scheme with an age_limit: younger than the limit on the start of the study.
        "age_under_limit",
    }
)
LIST_FACTS = frozenset({"sector_interests", "sectors"})

CITATION_RE = re.compile(r"^(\d{3}):L(\d+)(?:-(\d+))?$")
DATE_RE = r"^\d{4}-\d{2}-\d{2}$"

_SCALAR = {"type": ["string", "integer", "boolean", "null"]}
_MATCHER = {
    "oneOf": [
        _SCALAR,
        {"type": "array", "items": _SCALAR, "minItems": 1},
        {
            "type": "object",
            "additionalProperties": False,
            "minProperties": 1,
            "properties": {
                "min": {"type": "integer"},
                "max": {"type": "integer"},
                "any_of": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "empty": {"type": "boolean"},
            },
        },
    ]
}
_WHEN = {"type": "object", "additionalProperties": _MATCHER, "minProperties": 1}
_TEXT = {"type": "string", "minLength": 1}
_SOURCES = {"type": "array", "items": _TEXT, "minItems": 1}

RECORD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "id",
        "name",
        "description",
        "target_group",
        "window",
        "route",
        "amount",
        "how_to_apply",
        "sources",
        "notes",
        "rules",
        "otherwise",
        "verified_on",
    ],
    "properties": {
        # The date the record's facts were last checked against its sources (koers schemes stale).
        "verified_on": {"type": "string", "pattern": DATE_RE},
        # Application rounds, apart from the validity window (schemes.md ruling 7).
        "tijdvakken": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["from", "until", "source"],
                "properties": {
                    "from": {"type": "string", "pattern": DATE_RE},
                    "until": {"type": "string", "pattern": DATE_RE},
                    "source": _TEXT,
                },
            },
        },
        # An age limit that changes per studiejaar and counts on the start of the study.
        "age_limit": {
            "type": "object",
            "additionalProperties": False,
            "required": ["counted_on", "younger_than"],
            "properties": {
                "counted_on": {"enum": ["start_of_study"]},
                "younger_than": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["from", "age", "source"],
                        "properties": {
                            "from": {"type": "string", "pattern": DATE_RE},
                            "age": {"type": "integer", "minimum": 16, "maximum": 100},
                            "source": _TEXT,
                        },
                    },
                },
            },
        },
        # The official page where a person checks the newest facts (FAQ answers link it).
        "url": {"type": "string", "pattern": "^https://\\S+$"},
        # A next round that is announced but not (yet) in an official text; null = none known.
        "next_expected": {"type": ["string", "null"], "minLength": 1},
        "id": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
        "name": _TEXT,
        "description": _TEXT,
        "target_group": _TEXT,
        "window": {
            "type": "object",
            "additionalProperties": False,
            "required": ["open_from", "open_until", "sources"],
            "properties": {
                "open_from": {"type": ["string", "null"], "pattern": DATE_RE},
                "open_until": {"type": ["string", "null"], "pattern": DATE_RE},
                "sources": _SOURCES,
                # The last day an official text confirms the scheme runs, when only third-party
                # pages say it runs longer: after it an eligible result is uncertain (ruling 1).
                "confirmed_until": {"type": "string", "pattern": DATE_RE},
                "unconfirmed_reason": _TEXT,
            },
            "dependentRequired": {"confirmed_until": ["unconfirmed_reason"],
                                  "unconfirmed_reason": ["confirmed_until"]},
        },
        "route": {"enum": list(ROUTES)},
        "route_rules": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["when", "route"],
                "properties": {"when": _WHEN, "route": {"enum": list(ROUTES)}},
            },
        },
        "amount": {"type": ["string", "null"], "minLength": 1},
        "how_to_apply": _TEXT,
        "sources": _SOURCES,
        "notes": {"type": "array", "items": _TEXT},
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["when", "status", "reason"],
                "properties": {"when": _WHEN, "status": {"enum": list(RULE_STATUSES)}, "reason": _TEXT},
            },
        },
        "otherwise": {
            "type": "object",
            "additionalProperties": False,
            "required": ["status", "reason"],
            "properties": {"status": {"enum": list(RULE_STATUSES)}, "reason": _TEXT},
        },
    },
}


class SchemeDataError(ValueError):
    """An invalid scheme file or record; the message names file, record and field."""


@dataclass(frozen=True)
class Rule:
    when: dict[str, Any]
    status: str
    reason: str


@dataclass(frozen=True)
class RouteRule:
    when: dict[str, Any]
    route: str


@dataclass(frozen=True)
class Tijdvak:
    start: date
    end: date
    source: str


@dataclass(frozen=True)
class AgeLimit:
    start: date  # first day of the studiejaar from which the limit applies
    younger_than: int
    source: str


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    description: str
    target_group: str
    open_from: date | None
    open_until: date | None
    window_sources: tuple[str, ...]
    route: str
    route_rules: tuple[RouteRule, ...]
    amount: str | None
    how_to_apply: str
    sources: tuple[str, ...]
    notes: tuple[str, ...]
    rules: tuple[Rule, ...]
    otherwise: Rule
    verified_on: date = date(1970, 1, 1)
    tijdvakken: tuple[Tijdvak, ...] = ()
    next_expected: str | None = None
    age_limits: tuple[AgeLimit, ...] = ()
    url: str | None = None
    confirmed_until: date | None = None
    unconfirmed_reason: str | None = None

    def age_limit_on(self, day: date) -> int | None:
        """The age limit that applies to a study starting on ``day`` (None: no limit or none yet)."""
        current = [a for a in self.age_limits if a.start <= day]
        return current[-1].younger_than if current else None


def _field_path(error: jsonschema.ValidationError) -> str:
    return ".".join(str(p) for p in error.absolute_path) or "(record)"


def _check_when(when: dict[str, Any], where: str) -> None:
    for fact, matcher in when.items():
        if fact not in SCALAR_FACTS and fact not in LIST_FACTS:
            raise SchemeDataError(f"{where}.{fact}: unknown fact {fact!r}")
        is_list_matcher = isinstance(matcher, dict) and ("any_of" in matcher or "empty" in matcher)
        if (fact in LIST_FACTS) != is_list_matcher:
            raise SchemeDataError(
                f"{where}.{fact}: list facts need any_of/empty, scalar facts may not use them"
            )


def _parse_record(raw: Any, index: int, file: Path) -> Scheme:
    record_id = raw.get("id") if isinstance(raw, dict) else None
    label = f"{file.name}: record {index} ({record_id or 'no id'})"
    validator = jsonschema.Draft202012Validator(RECORD_SCHEMA)
    errors = sorted(validator.iter_errors(raw), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        raise SchemeDataError(f"{label}: field {_field_path(first)}: {first.message}")
    for n, rule in enumerate(raw["rules"]):
        _check_when(rule["when"], f"{label}: field rules.{n}.when")
    for n, rr in enumerate(raw.get("route_rules", [])):
        _check_when(rr["when"], f"{label}: field route_rules.{n}.when")
    for field, sources in (("sources", raw["sources"]), ("window.sources", raw["window"]["sources"])):
        for n, src in enumerate(sources):
            match = CITATION_RE.match(src)
            if match and match.group(3) and int(match.group(3)) < int(match.group(2)):
                raise SchemeDataError(f"{label}: field {field}.{n}: reversed line range {src!r}")
    window = raw["window"]
    try:
        open_from = date.fromisoformat(window["open_from"]) if window["open_from"] else None
        open_until = date.fromisoformat(window["open_until"]) if window["open_until"] else None
        confirmed_until = date.fromisoformat(window["confirmed_until"]) if window.get("confirmed_until") else None
    except ValueError as exc:
        raise SchemeDataError(f"{label}: field window: {exc}") from exc
    if open_from and open_until and open_from > open_until:
        raise SchemeDataError(f"{label}: field window: open_from is after open_until")
    tijdvakken = []
    for n, tv in enumerate(raw.get("tijdvakken", [])):
        try:
            start, end = date.fromisoformat(tv["from"]), date.fromisoformat(tv["until"])
        except ValueError as exc:
            raise SchemeDataError(f"{label}: field tijdvakken.{n}: {exc}") from exc
        if start > end:
            raise SchemeDataError(f"{label}: field tijdvakken.{n}: from is after until")
        tijdvakken.append(Tijdvak(start, end, tv["source"]))
    age_limits = []
    for n, al in enumerate(raw.get("age_limit", {}).get("younger_than", [])):
        try:
            age_limits.append(AgeLimit(date.fromisoformat(al["from"]), al["age"], al["source"]))
        except ValueError as exc:
            raise SchemeDataError(f"{label}: field age_limit.younger_than.{n}: {exc}") from exc
    uses_age_fact = any("age_under_limit" in r["when"] for r in raw["rules"])
    if uses_age_fact and not age_limits:
        raise SchemeDataError(f"{label}: field rules: age_under_limit needs an age_limit")
    if "{age_limit}" in str(raw["rules"]) + str(raw["otherwise"]) and not age_limits:
        raise SchemeDataError(f"{label}: field rules: {{age_limit}} in a reason needs an age_limit")
    try:
        verified_on = date.fromisoformat(raw["verified_on"])
    except ValueError as exc:
        raise SchemeDataError(f"{label}: field verified_on: {exc}") from exc
    return Scheme(
        id=raw["id"],
        name=raw["name"],
        description=raw["description"],
        target_group=raw["target_group"],
        open_from=open_from,
        open_until=open_until,
        window_sources=tuple(window["sources"]),
        route=raw["route"],
        route_rules=tuple(RouteRule(r["when"], r["route"]) for r in raw.get("route_rules", [])),
        amount=raw["amount"],
        how_to_apply=raw["how_to_apply"],
        sources=tuple(raw["sources"]),
        notes=tuple(raw["notes"]),
        rules=tuple(Rule(r["when"], r["status"], r["reason"]) for r in raw["rules"]),
        otherwise=Rule({}, raw["otherwise"]["status"], raw["otherwise"]["reason"]),
        verified_on=verified_on,
        tijdvakken=tuple(sorted(tijdvakken, key=lambda t: t.start)),
        next_expected=raw.get("next_expected"),
        age_limits=tuple(sorted(age_limits, key=lambda a: a.start)),
        url=raw.get("url"),
        confirmed_until=confirmed_until,
        unconfirmed_reason=window.get("unconfirmed_reason"),
    )


def parse_schemes(document: Any, file: Path) -> tuple[Scheme, ...]:
    if not isinstance(document, dict) or not isinstance(document.get("schemes"), list):
        raise SchemeDataError(f"{file.name}: field schemes: expected a list of scheme records")
    schemes = tuple(_parse_record(raw, i, file) for i, raw in enumerate(document["schemes"]))
    seen: set[str] = set()
    for i, scheme in enumerate(schemes):
        if scheme.id in seen:
            raise SchemeDataError(f"{file.name}: record {i} ({scheme.id}): field id: duplicate id")
        seen.add(scheme.id)
    return schemes


def load_schemes_file(path: Path) -> tuple[Scheme, ...]:
    try:
        document = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SchemeDataError(f"{path.name}: invalid YAML: {exc}") from exc
    return parse_schemes(document, path)


@functools.lru_cache(maxsize=1)
def load_schemes() -> tuple[Scheme, ...]:
    """The packaged schemes, validated once per process."""
    schemes = load_schemes_file(SCHEMES_FILE)
    missing = set(SPEC_SCHEME_IDS) - {s.id for s in schemes}
    if missing:
        raise SchemeDataError(f"{SCHEMES_FILE.name}: missing scheme ids of schemes.md: {sorted(missing)}")
    return schemes


def stale_schemes(today: date, months: int) -> list[Scheme]:
    """Records whose facts were not checked in the last ``months`` months."""
    year, month = today.year, today.month - months
    while month < 1:
        month += 12
        year -= 1
    day = min(today.day, 28)
    cutoff = date(year, month, day)
    return [s for s in load_schemes() if s.verified_on < cutoff]


def cli_stale(args: Any) -> int:
    """``koers schemes stale --months N``: list records not checked since N months."""
    months = int(args.months)
    stale = stale_schemes(date.today(), months)
    for s in stale:
        print(f"{s.id}\t{s.verified_on.isoformat()}\t{s.name}")
    if not stale:
        print(f"Alle regelingen zijn in de laatste {months} maanden nagekeken.")
    return 0


# libyaml's C loader when present: the pure-Python one dominates a `koers advise` call.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Safe YAML load, with the C loader where available (same results, several times faster)."""
    return yaml.load(text, Loader=_LOADER)
