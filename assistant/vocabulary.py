"""The intake vocabulary (assistant/vocabulary.yaml) as typed, read-only objects.

A leaf module: it imports nothing from Koers, so the policy engine, the intake, the console and
the channels can all derive their labels, buttons and questions from this one source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PATH = Path(__file__).with_name("vocabulary.yaml")
KINDS = frozenset({"enum", "int", "bool", "list", "text"})


class VocabularyError(ValueError):
    pass


@dataclass(frozen=True)
class Value:
    value: Any  # str for enum/list values, bool for bool fields
    label: str
    button: str


@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    label: str
    ask: str = ""
    rephrase: str = ""
    example: str = ""
    values: tuple[Value, ...] = ()
    buttons: tuple[Any, ...] = ()
    range: tuple[int, int] | None = None
    invalid: str = ""
    ask_if: dict[str, Any] = field(default_factory=dict)
    always: bool = False
    other: str | None = None
    cues: tuple[tuple[Any, tuple[str, ...]], ...] = ()
    overrides: tuple[tuple[Any, tuple[str, ...]], ...] = ()
    blocks: tuple[str, ...] = ()
    narrow_cues: tuple[str, ...] = ()
    narrow_ask: str = ""
    narrow_buttons: tuple[Any, ...] = ()
    # (field, {value of that field: buttons}): the buttons follow another known answer.
    buttons_by: tuple[str, dict[Any, tuple[Any, ...]]] | None = None
    # The answer "weet ik niet" gives (None: the question is skipped as unknown).
    dont_know: Any = None

    def value(self, value: Any) -> Value | None:
        return next((v for v in self.values if v.value == value), None)

    def label_of(self, value: Any) -> str:
        found = self.value(value)
        return found.label if found else str(value)

    @property
    def allowed(self) -> tuple[Any, ...]:
        return tuple(v.value for v in self.values)

    def button_keys(self, answers: Mapping[str, Any] | None = None) -> tuple[Any, ...]:
        """The values offered as buttons; with ``buttons_by``, those for the other known answer."""
        if self.buttons_by is not None:
            other, table = self.buttons_by
            known = (answers or {}).get(other)
            return table.get(known, ())
        return self.buttons or (self.allowed if self.kind == "bool" else ())

    def button_titles(self, answers: Mapping[str, Any] | None = None) -> list[str]:
        """The titles of the buttons shown with this question (bool: yes/no)."""
        keys = self.button_keys(answers)
        return [self.value(k).button for k in keys if self.value(k) is not None]  # type: ignore[union-attr]

    @property
    def askable(self) -> bool:
        return bool(self.ask)


@dataclass(frozen=True)
class Vocabulary:
    order: tuple[str, ...]
    fields: dict[str, Field]
    texts: dict[str, str]

    def __getitem__(self, name: str) -> Field:
        return self.fields[name]

    def enum_values(self, name: str) -> frozenset[Any]:
        return frozenset(self.fields[name].allowed)

    def label(self, name: str, value: Any) -> str:
        return self.fields[name].label_of(value) if name in self.fields else str(value)


def _field(name: str, raw: dict[str, Any]) -> Field:
    kind = raw.get("kind")
    if kind not in KINDS:
        raise VocabularyError(f"{name}: kind must be one of {sorted(KINDS)}")
    values = tuple(
        Value(value=key, label=str(v.get("label", key)), button=str(v.get("button", v.get("label", key))))
        for key, v in (raw.get("values") or {}).items()
    )
    rng = raw.get("range")
    narrow = raw.get("narrow") or {}
    by = raw.get("buttons_by")
    buttons_by = (str(by["field"]), {k: tuple(v) for k, v in (by.get("buttons") or {}).items()}) if by else None
    built = Field(
        id=name, kind=kind, label=str(raw.get("label", name)), ask=str(raw.get("ask", "")),
        rephrase=str(raw.get("rephrase", raw.get("ask", ""))), example=str(raw.get("example", "")),
        values=values, buttons=tuple(raw.get("buttons") or ()),
        range=(int(rng[0]), int(rng[1])) if rng else None, invalid=str(raw.get("invalid", "")),
        ask_if=dict(raw.get("ask_if") or {}), always=bool(raw.get("always", False)), other=raw.get("other"),
        cues=tuple((key, tuple(str(c).lower() for c in cue_list)) for key, cue_list in (raw.get("cues") or {}).items()),
        overrides=tuple((key, tuple(str(c).lower() for c in cue_list))
                        for key, cue_list in (raw.get("overrides") or {}).items()),
        blocks=tuple(str(b) for b in raw.get("blocks") or ()),
        narrow_cues=tuple(str(c).lower() for c in narrow.get("cues") or ()), narrow_ask=str(narrow.get("ask", "")),
        narrow_buttons=tuple(narrow.get("buttons") or ()), buttons_by=buttons_by, dont_know=raw.get("dont_know"),
    )
    by_keys = [k for keys in (buttons_by[1].values() if buttons_by else ()) for k in keys]
    shrug = [built.dont_know] if built.dont_know is not None else []
    keys = [*shrug, *built.buttons, *(k for k, _ in built.cues), *(k for k, _ in built.overrides),
            *built.narrow_buttons, *by_keys]
    unknown = [k for k in keys if built.value(k) is None]
    if unknown:
        raise VocabularyError(f"{name}: buttons or cues without a value: {unknown}")
    if kind == "int" and built.range is None:
        raise VocabularyError(f"{name}: an int field needs a range")
    return built


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    raw = yaml.safe_load(PATH.read_text(encoding="utf-8"))
    fields = {name: _field(name, spec) for name, spec in (raw.get("fields") or {}).items()}
    order = tuple(raw.get("order") or ())
    missing = [f for f in order if f not in fields or not fields[f].askable]
    if missing:
        raise VocabularyError(f"order names fields without a question: {missing}")
    for f in fields.values():
        for other in f.ask_if:
            if other not in fields:
                raise VocabularyError(f"{f.id}: ask_if on unknown field {other}")
        if f.buttons_by is not None:
            other, table = f.buttons_by
            if other not in fields or any(fields[other].value(k) is None for k in table):
                raise VocabularyError(f"{f.id}: buttons_by on unknown field or value {other}")
    return Vocabulary(order=order, fields=fields, texts={k: str(v) for k, v in (raw.get("texts") or {}).items()})
