"""The intake profile as an adviser reads it: Dutch labels from the vocabulary, and marks.

Labels come from ``assistant/vocabulary.yaml`` (the one source); the marks come from the
machine state, which keeps how each answer was learnt: asked, volunteered (said while another
question was open), corrected, derived (never asked), and the questions skipped as unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.intake.machine import load_state
from assistant.vocabulary import vocabulary

# Marks: what the adviser should know before treating a value as a fact.
MARKS = {
    "corrected": ("gecorrigeerd", "De persoon heeft dit later in het gesprek verbeterd."),
    "volunteered": ("niet gevraagd", "Koers haalde dit uit een ander antwoord. Check het even."),
    "derived": ("afgeleid", "Koers leidde dit af uit een ander antwoord; de persoon zei het niet zelf."),
    "own_words": ("eigen woorden", "Koers kon dit niet in een vaste keuze vatten. Lees wat de persoon zei."),
    "unknown": ("onbekend", "De persoon wist het niet of de vraag is overgeslagen."),
}
UNCERTAIN = frozenset({"volunteered", "derived", "own_words", "unknown"})
UNKNOWN_VALUE = "onbekend"


@dataclass(frozen=True)
class ProfileRow:
    field: str
    label: str
    value: str
    mark: str | None = None  # a key of MARKS
    said: str | None = None  # the person's own words, when Koers could not map them

    @property
    def mark_label(self) -> str:
        return MARKS[self.mark][0] if self.mark else ""

    @property
    def mark_help(self) -> str:
        return MARKS[self.mark][1] if self.mark else ""

    @property
    def uncertain(self) -> bool:
        return self.mark in UNCERTAIN


def field_labels() -> dict[str, str]:
    """Field id -> Dutch label, in the vocabulary's order."""
    return {name: spec.label for name, spec in vocabulary().fields.items()}


def value_label(name: str, value: Any) -> str:
    """A profile value in the vocabulary's Dutch words ("mbo2" -> "mbo 2")."""
    if value is None or value == [] or value == "":
        return UNKNOWN_VALUE
    fields = vocabulary().fields
    spec = fields.get(name)
    if isinstance(value, list):
        return ", ".join(value_label(name, v) for v in value)
    if spec is None:
        return "ja" if value is True else "nee" if value is False else str(value).replace("_", " ")
    if spec.values:
        return spec.label_of(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def notes_from_state(raw_state: Any) -> dict[str, Any]:
    """The intake notes (sources, unknown, own words) of a ``koers_state`` slot value."""
    state = load_state(raw_state)
    return {"sources": dict(state.get("sources") or {}), "unknown": list(state.get("unknown") or []),
            "own_words": dict(state.get("own_words") or {})}


def profile_rows(profile: Mapping[str, Any] | None, notes: Mapping[str, Any] | None = None) -> list[ProfileRow]:
    """One row per known or skipped field, in the vocabulary's order, each with its mark."""
    profile = profile or {}
    notes = notes or {}
    sources: Mapping[str, Any] = notes.get("sources") or {}
    own_words: Mapping[str, Any] = notes.get("own_words") or {}
    unknown = set(notes.get("unknown") or [])
    rows: list[ProfileRow] = []
    labels = field_labels()
    for name in [*labels, *(k for k in profile if k not in labels)]:
        value = profile.get(name)
        label = labels.get(name, name.replace("_", " "))
        if value in (None, [], ""):
            if name in unknown:
                rows.append(ProfileRow(name, label, UNKNOWN_VALUE, "unknown"))
            continue
        said = own_words.get(name)
        source = sources.get(name)
        mark = ("own_words" if said else
                source if source in ("corrected", "volunteered", "derived") else None)
        rows.append(ProfileRow(name, label, value_label(name, value), mark, str(said) if said else None))
    return rows
