"""Leerwerkloket configuration: name, colours, greeting and opening hours per loket."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from sqlalchemy import or_
from sqlalchemy.sql.elements import ColumnElement

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
    # Websites that may embed the widget (CORS); without ``origins`` the website's origin.
    origins: tuple[str, ...] = field(default_factory=tuple)


def origin_of(url: str) -> str | None:
    """``https://www.example.nl/pad`` → ``https://www.example.nl``; None for anything else
    (no wildcard: "*" or a bare host is never an origin)."""
    try:
        parts = urlsplit(str(url).strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("https", "http") or not parts.hostname or "*" in parts.netloc:
        return None
    host = parts.hostname.lower()
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


def _parse(raw: dict[str, Any], source: Path) -> Loket:
    try:
        hours = raw.get("opening_hours") or {}
        unknown = set(hours) - set(WEEKDAYS)
        if unknown:
            raise LoketConfigError(f"{source}: loket {raw.get('id')}: onbekende dag(en) {sorted(unknown)}")
        listed = raw.get("origins")
        if listed is None:
            listed = [raw["website"]] if raw.get("website") else []
        if not isinstance(listed, list):
            raise LoketConfigError(f"{source}: loket {raw.get('id')}: 'origins' moet een lijst zijn")
        origins = []
        for entry in listed:
            origin = origin_of(str(entry))
            if origin is None:
                raise LoketConfigError(
                    f"{source}: loket {raw.get('id')}: {entry!r} is geen origin zoals https://www.voorbeeld.nl")
            origins.append(origin)
        return Loket(
            id=str(raw["id"]),
            name=str(raw["name"]),
            greeting=str(raw.get("greeting", "")),
            colors={str(k): str(v) for k, v in (raw.get("colors") or {}).items()},
            opening_hours={d: tuple(str(s) for s in hours.get(d) or ()) for d in WEEKDAYS},
            region_code=raw.get("region_code"),
            website=raw.get("website"),
            open_on_holidays=tuple(str(d) for d in raw.get("open_on_holidays") or ()),
            origins=tuple(origins),
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


def widget_origins() -> frozenset[str]:
    """Every configured loket's origins: the only websites the chat API answers cross-origin."""
    return frozenset(o for loket in load_lokets()[0].values() for o in loket.origins)


def get_loket(loket_id: str | None = None) -> Loket:
    lokets, default = load_lokets()
    return lokets.get(loket_id or default) or lokets[default]


def of_lokets(column: Any, loket_ids: Iterable[str]) -> ColumnElement[bool]:
    """SQL: rows whose loket column is one of ``loket_ids``. A row without a (known) loket belongs
    to the default loket, as in ``get_loket``."""
    lokets, default = load_lokets()
    wanted = tuple(loket_ids)
    if default not in wanted:
        return column.in_(wanted)
    return or_(column.in_(wanted), column.is_(None), column.not_in(tuple(lokets)))
