"""The vocabulary is the one source: the schema, the domain, the synonyms and the labels agree with it."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.intake.profile import profile_schema
from assistant.intake.slots import PROFILE_SLOTS, QUICK_REPLIES
from assistant.policy.paths import sector_label
from assistant.vocabulary import vocabulary

ROOT = Path(__file__).resolve().parents[2]


def _schema_enum(name: str) -> set[str]:
    schema = profile_schema()
    spec = schema["properties"][name]
    if "$ref" in spec or name == "current_sector":
        return set(schema["$defs"]["sector_value"]["enum"])
    if spec.get("type") == "array":
        return set(schema["$defs"]["sector_value"]["enum"])
    return {v for v in spec["enum"] if v is not None}


def test_enum_values_are_the_schema_values() -> None:
    voc = vocabulary()
    for name, spec in voc.fields.items():
        if spec.kind in ("enum", "list"):
            assert set(spec.allowed) == _schema_enum(name), name


def test_every_schema_field_and_profile_slot_is_in_the_vocabulary() -> None:
    voc = vocabulary()
    assert set(profile_schema()["properties"]) == set(voc.fields)
    assert set(PROFILE_SLOTS) <= set(voc.fields)


def test_the_domain_has_a_slot_for_every_profile_field() -> None:
    slots: set[str] = set()
    for path in (ROOT / "domain").glob("*.yml"):
        slots |= set((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("slots") or {})
    assert set(PROFILE_SLOTS) <= slots
    assert {"koers_state", "intake_notes"} <= slots


def test_synonyms_map_only_to_vocabulary_values() -> None:
    voc = vocabulary()
    known = {str(v) for spec in voc.fields.values() for v in spec.allowed}
    data = yaml.safe_load((ROOT / "data" / "nlu" / "synonyms.yml").read_text(encoding="utf-8"))
    canonical = {str(item["synonym"]) for item in data["nlu"] if "synonym" in item}
    # Numbers and employer sizes are canonicalised by the parser; everything else must exist.
    unknown = {c for c in canonical - known if not c.isdigit()}
    assert not unknown, sorted(unknown)


def test_quick_replies_and_labels_are_derived_not_written_out() -> None:
    voc = vocabulary()
    for name, table in QUICK_REPLIES.items():
        titles = {v.button.lower() for v in voc[name].values}
        assert set(table) == titles, name
    for value in voc["current_sector"].allowed:
        assert sector_label(value) == voc.label("current_sector", value)


def test_no_question_wording_or_button_is_written_in_the_domain() -> None:
    for path in (ROOT / "domain").glob("*.yml"):
        responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}
        assert not [r for r in responses if r.startswith("utter_ask_")], path.name
