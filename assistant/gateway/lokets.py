"""Leerwerkloket configuration: name, colours, greeting and opening hours per loket."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DEFAULT_FILE = Path(__file__).parent / "data" / "lokets.yml"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class LoketConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Loket:
    id: str
    name: str
    greeting: str
    colors: dict[str, str]
    opening_hours: dict[str, tuple[str, ...]]
    region_code: str | None = None
    website: str | None = None
    open_on_holidays: tuple[str, ...] = field(default_factory=tuple)


def _parse(raw: dict[str, Any], source: Path) -> Loket:
    try:
        hours = raw.get("opening_hours") or {}
        unknown = set(hours) - set(WEEKDAYS)
        if unknown:
            raise LoketConfigError(f"{source}: loket {raw.get('id')}: onbekende dag(en) {sorted(unknown)}")
        return Loket(
            id=str(raw["id"]),
            name=str(raw["name"]),
            greeting=str(raw.get("greeting", "")),
            colors={str(k): str(v) for k, v in (raw.get("colors") or {}).items()},
            opening_hours={d: tuple(str(s) for s in hours.get(d) or ()) for d in WEEKDAYS},
            region_code=raw.get("region_code"),
            website=raw.get("website"),
            open_on_holidays=tuple(str(d) for d in raw.get("open_on_holidays") or ()),
        )
    except KeyError as exc:
        raise LoketConfigError(f"{source}: loket mist het veld {exc.args[0]!r}") from exc


@lru_cache(maxsize=4)
def load_lokets(path: str | None = None) -> tuple[dict[str, Loket], str]:
    """All lokets by id, and the default loket id."""
    source = Path(path or os.environ.get("KOERS_LOKETS_FILE") or DEFAULT_FILE)
    data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    lokets = {lk.id: lk for lk in (_parse(r, source) for r in data.get("lokets") or [])}
    default = str(data.get("default") or next(iter(lokets), ""))
    if default not in lokets:
        raise LoketConfigError(f"{source}: standaardloket {default!r} bestaat niet")
    return lokets, default


def get_loket(loket_id: str | None = None) -> Loket:
    lokets, default = load_lokets()
    return lokets.get(loket_id or default) or lokets[default]
