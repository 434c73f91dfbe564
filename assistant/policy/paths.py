"""Ontwikkelpaden (004:L56-110) as data, and the next realistic step for a profile.

The step depends on where someone stands: doorstroom inside their current sector, overstap from
work in another sector, instroom otherwise. The target level follows the diploma: without a
startkwalificatie the realistic start is NLQF 2 (e.g. Helpende Zorg en Welzijn, bbl), with mbo 2
the next level up, with mbo 3/4 the same level in the new sector.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from assistant.policy.schemes import load_yaml
from assistant.vocabulary import vocabulary

PATHS_FILE = Path(__file__).parent / "data" / "ontwikkelpaden.yaml"

STEP_TYPES = ("instroom", "doorstroom", "overstap")
# certificaat / praktijkverklaring: the short first steps of a path (groepshulp in the kinderopvang);
# the same values as assistant/catalogue/records.py FORMS, which this layer does not import.
FORMS = ("bol", "bbl", "deeltijd", "cursus", "certificaat", "praktijkverklaring")
PATH_STATUSES = ("pad", "verwacht")

# NLQF level of the highest diploma; None when the Dutch level is not known.
EDUCATION_NLQF: dict[str, int] = {
    "geen": 0,
    "vmbo": 1,
    "mbo1": 1,
    "mbo2": 2,
    "mbo3": 3,
    "mbo4": 4,
    "havo": 4,
    "vwo": 4,
    "hbo_ad": 5,
    "hbo_bachelor": 6,
    "hbo_master": 7,
    "wo_bachelor": 6,
    "wo_master": 7,
}
WORKING = frozenset({"werknemer_vast", "werknemer_flex", "zzp"})
MAX_PER_SECTOR = 2

_TEXT = {"type": "string", "minLength": 1}
_ID = {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}
PATHS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["sources", "courses", "sectors"],
    "properties": {
        "sources": {"type": "array", "items": _TEXT, "minItems": 1},
        "courses": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "name", "kind", "level", "nlqf", "forms", "duration"],
                "properties": {
                    "id": _ID,
                    "name": _TEXT,
                    "kind": _TEXT,
                    "level": {
                        "enum": [
                            "mbo1",
                            "mbo2",
                            "mbo3",
                            "mbo4",
                            "hbo_ad",
                            "hbo_bachelor",
                            "hbo_master",
                            "cursus",
                        ]
                    },
                    "nlqf": {"type": "integer", "minimum": 1, "maximum": 8},
                    "forms": {
                        "type": "array",
                        "items": {"enum": list(FORMS)},
                        "minItems": 1,
                        "uniqueItems": True,
                    },
                    "duration": _TEXT,
                    # The public page where the qualification name (and level) was found.
                    "source": _TEXT,
                },
            },
        },
        "sectors": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["sector", "label", "status", "domains", "sources", "functions", "steps"],
                "properties": {
                    "sector": _TEXT,
                    "label": _TEXT,
                    "status": {"enum": list(PATH_STATUSES)},
                    "domains": {"type": "array", "items": _TEXT},
                    "sources": {"type": "array", "items": _TEXT, "minItems": 1},
                    "functions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["id", "name", "nlqf", "courses"],
                            "properties": {
                                "id": _ID,
                                "name": _TEXT,
                                "nlqf": {"type": "integer", "minimum": 1, "maximum": 8},
                                "courses": {"type": "array", "items": _ID, "minItems": 1},
                            },
                        },
                    },
                    "steps": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["step", "to"],
                            "properties": {"step": {"enum": list(STEP_TYPES)}, "from": _ID, "to": _ID},
                        },
                    },
                },
            },
        },
    },
}


class PathDataError(ValueError):
    """Invalid Ontwikkelpaden data; the message names file, record and field."""


@dataclass(frozen=True)
class Course:
    id: str
    name: str
    kind: str
    level: str
    nlqf: int
    forms: tuple[str, ...]
    duration: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "level": self.level,
            "nlqf": self.nlqf,
            "form": list(self.forms),
            "duration": self.duration,
        }


@dataclass(frozen=True)
class Function:
    id: str
    name: str
    nlqf: int
    courses: tuple[Course, ...]


@dataclass(frozen=True)
class Step:
    step: str
    from_id: str | None
    to_id: str


@dataclass(frozen=True)
class SectorPath:
    sector: str
    label: str
    status: str
    domains: tuple[str, ...]
    sources: tuple[str, ...]
    functions: tuple[Function, ...]
    steps: tuple[Step, ...]

    def function(self, function_id: str) -> Function:
        return next(f for f in self.functions if f.id == function_id)


@dataclass(frozen=True)
class Ontwikkelpaden:
    sources: tuple[str, ...]
    courses: tuple[Course, ...]
    sectors: tuple[SectorPath, ...]

    def sector(self, sector: str) -> SectorPath | None:
        return next((s for s in self.sectors if s.sector == sector), None)


@dataclass(frozen=True)
class PathSuggestion:
    sector: str
    sector_label: str
    from_function: str
    to_function: str
    step: str
    courses: tuple[Course, ...]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Exactly the ``paths`` item of api.md."""
        return {
            "sector": self.sector,
            "from_function": self.from_function,
            "to_function": self.to_function,
            "step": self.step,
            "courses": [c.to_dict() for c in self.courses],
        }


def parse_paths(document: Any, file: Path) -> Ontwikkelpaden:
    errors = sorted(
        jsonschema.Draft202012Validator(PATHS_SCHEMA).iter_errors(document),
        key=lambda e: list(map(str, e.absolute_path)),
    )
    if errors:
        err = errors[0]
        where = ".".join(str(p) for p in err.absolute_path) or "(document)"
        raise PathDataError(f"{file.name}: field {where}: {err.message}")
    courses = {
        c["id"]: Course(
            c["id"], c["name"], c["kind"], c["level"], c["nlqf"], tuple(c["forms"]), c["duration"]
        )
        for c in document["courses"]
    }
    if len(courses) != len(document["courses"]):
        raise PathDataError(f"{file.name}: field courses: duplicate course id")
    sectors = []
    for i, raw in enumerate(document["sectors"]):
        label = f"{file.name}: record sectors.{i} ({raw['sector']})"
        functions = []
        for j, f in enumerate(raw["functions"]):
            missing = [c for c in f["courses"] if c not in courses]
            if missing:
                raise PathDataError(f"{label}: field functions.{j}.courses: unknown course {missing[0]!r}")
            functions.append(Function(f["id"], f["name"], f["nlqf"], tuple(courses[c] for c in f["courses"])))
        ids = {f.id for f in functions}
        steps = []
        for j, s in enumerate(raw["steps"]):
            for key in ("from", "to"):
                if s.get(key) is not None and s[key] not in ids:
                    raise PathDataError(f"{label}: field steps.{j}.{key}: unknown function {s[key]!r}")
            if (s["step"] == "doorstroom") != ("from" in s):
                raise PathDataError(f"{label}: field steps.{j}.from: only doorstroom starts at a function")
            steps.append(Step(s["step"], s.get("from"), s["to"]))
        sectors.append(
            SectorPath(
                raw["sector"],
                raw["label"],
                raw["status"],
                tuple(raw["domains"]),
                tuple(raw["sources"]),
                tuple(functions),
                tuple(steps),
            )
        )
    return Ontwikkelpaden(tuple(document["sources"]), tuple(courses.values()), tuple(sectors))


@functools.lru_cache(maxsize=1)
def load_paths() -> Ontwikkelpaden:
    return parse_paths(load_yaml(PATHS_FILE.read_text(encoding="utf-8")), PATHS_FILE)


def _entry_target(nlqf: int | None, available: list[int]) -> int:
    """The entry level to aim for: see the module docstring."""
    if nlqf is None or nlqf <= 1:
        target = 2
    elif nlqf == 2:
        target = 3
    else:
        target = nlqf
    lower = [n for n in available if n <= target]
    return max(lower) if lower else min(available)


def _sector_order(profile: Mapping[str, Any]) -> list[str]:
    order = [s for s in (profile.get("sector_interests") or []) if isinstance(s, str)]
    current = profile.get("current_sector")
    if isinstance(current, str) and current not in order:
        order.append(current)
    return order


def _doorstroom(path: SectorPath, nlqf: int | None, function_id: str | None = None) -> list[PathSuggestion]:
    known = {f.id for f in path.functions}
    if function_id in known:
        # The person named their function: the next step follows it, whatever the diploma.
        here = [path.function(str(function_id))]
    else:
        here = [f for f in path.functions if nlqf is not None and f.nlqf <= nlqf]
    if not here:
        # Working in the sector below the first diploma level: the entry function is the next step.
        entries = [path.function(s.to_id) for s in path.steps if s.step == "instroom"]
        if not entries:
            return []
        lowest = min(f.nlqf for f in entries)
        return [
            PathSuggestion(
                path.sector,
                path.label,
                f"je huidige werk in {path.label}",
                f.name,
                "doorstroom",
                f.courses,
                f"Met een diploma {f.courses[0].name} groei je door in {path.label}.",
            )
            for f in entries
            if f.nlqf == lowest
        ][:MAX_PER_SECTOR]
    # Without a named function, every function at the person's level may be theirs; a level
    # without any onward step (e.g. begeleider at mbo 4) must not hide the others (first-match bug).
    out: list[PathSuggestion] = []
    for level in sorted({f.nlqf for f in here}, reverse=True):
        for current in (f for f in here if f.nlqf == level):
            for step in path.steps:
                if step.step == "doorstroom" and step.from_id == current.id:
                    to = path.function(step.to_id)
                    out.append(
                        PathSuggestion(
                            path.sector,
                            path.label,
                            current.name,
                            to.name,
                            "doorstroom",
                            to.courses,
                            f"Van {current.name} kun je doorgroeien naar {to.name}.",
                        )
                    )
        if out:
            break
    return out[:MAX_PER_SECTOR]


def _entry(path: SectorPath, nlqf: int | None, step_type: str, from_label: str) -> list[PathSuggestion]:
    own = [path.function(s.to_id) for s in path.steps if s.step == step_type]
    instroom = [path.function(s.to_id) for s in path.steps if s.step == "instroom"]
    everything = list(dict.fromkeys(own + instroom))
    if not everything:
        return []
    target = _entry_target(nlqf, [f.nlqf for f in everything])
    # Without an overstap entry at the realistic level, entering works the same way as instroom.
    pool = own if any(f.nlqf == target for f in own) else everything
    chosen = list(dict.fromkeys(f for f in pool if f.nlqf == target))
    return [
        PathSuggestion(
            path.sector,
            path.label,
            from_label,
            f.name,
            step_type,
            f.courses,
            f"Je kunt in {path.label} beginnen als {f.name}, met de opleiding {f.courses[0].name}.",
        )
        for f in chosen
    ][:MAX_PER_SECTOR]


def paths_for(profile: Mapping[str, Any]) -> list[PathSuggestion]:
    """Next realistic steps for the person, per sector of interest (then the current sector)."""
    data = load_paths()
    edu = profile.get("education_level")
    nlqf = EDUCATION_NLQF.get(edu) if isinstance(edu, str) else None
    current = profile.get("current_sector")
    working = profile.get("work_status") in WORKING
    suggestions: list[PathSuggestion] = []
    for sector in _sector_order(profile):
        path = data.sector(sector)
        if path is None or path.status != "pad":
            continue
        if sector == current:
            function_id = profile.get("current_function")
            suggestions.extend(_doorstroom(path, nlqf, function_id if isinstance(function_id, str) else None))
        elif working:
            origin = (
                f"werk in een andere sector ({sector_label(current)})"
                if isinstance(current, str)
                else "werk in een andere sector"
            )
            suggestions.extend(_entry(path, nlqf, "overstap", origin))
        else:
            suggestions.extend(_entry(path, nlqf, "instroom", "nog geen werk in deze sector"))
    return suggestions


def function_choices(sector: str) -> list[tuple[str, str]]:
    """The functions (id, Dutch label) of a sector with several, to ask for ``current_function``.

    Empty when the sector has no path or only one function: then there is nothing to choose.
    """
    path = load_paths().sector(sector)
    if path is None or len(path.functions) < 2:
        return []
    return [(f.id, f.name) for f in path.functions]


def expected_sectors() -> list[str]:
    """Sectors whose Ontwikkelpad is expected (2025) but not there yet: onderwijs, ICT (004:L106)."""
    return [s.sector for s in load_paths().sectors if s.status == "verwacht"]


def sector_label(sector: str) -> str:
    """The Dutch label of a sector, from the intake vocabulary (the one source for labels)."""
    return vocabulary().label("current_sector", sector)
