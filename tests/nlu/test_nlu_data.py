"""Quality checks on the Dutch NLU training data and the held-out test set (issue 4)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
NLU_DIR = ROOT / "data" / "nlu"
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
SCHEMA = json.loads((ROOT / "assistant" / "intake" / "profile.schema.json").read_text(encoding="utf-8"))

CONTRACT_INTENTS = {
    "greet", "goodbye", "thank", "affirm", "deny", "stop", "start_over", "dont_know", "inform",
    "ask_advice", "request_human", "delete_my_data", "explain_question", "bot_challenge", "out_of_scope", "faq",
}
FAQ_TOPICS = {
    "ask_startkwalificatie", "ask_stap", "ask_cost", "ask_ontwikkelpaden", "ask_leerwerkloket", "ask_evc",
    "ask_nlqf", "ask_bbl_bol", "ask_privacy", "ask_slim", "ask_levenlanglerenkrediet", "ask_ww_scholing",
    "ask_basisvaardigheden", "ask_what_is_koers", "ask_ontwikkeladvies", "ask_praktijkleren",
}
ENUM_ENTITIES = {
    "education_level": "education_level", "work_status": "work_status", "goal": "goal",
    "preferred_form": "preferred_form", "employer_size": "employer_size", "sector": None,
}
CONTRACT_ENTITIES = set(ENUM_ENTITIES) | {"age", "hours", "municipality"}
ANNOTATION = re.compile(r"\[([^\]]+)\](\(([^)]+)\)|\{([^}]+)\})")


def canonical_values(entity: str) -> set[str]:
    if entity == "sector":
        values = SCHEMA["$defs"]["sector_value"]["enum"]
    else:
        values = SCHEMA["properties"][ENUM_ENTITIES[entity]]["enum"]
    return {v for v in values if v is not None}


def _items(path: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []))


def _examples(item: dict[str, Any]) -> list[str]:
    return [line[2:].strip() for line in item["examples"].splitlines() if line.strip().startswith("- ")]


def training_files() -> list[Path]:
    return sorted(NLU_DIR.rglob("*.yml"))


def intent_examples(paths: list[Path]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in paths:
        for item in _items(path):
            if "intent" in item:
                out.setdefault(item["intent"], []).extend(_examples(item))
    return out


def plain(text: str) -> str:
    """The user's text without annotations, normalised so trivial variants count as the same."""
    text = ANNOTATION.sub(lambda m: m.group(1), text).lower()
    return " ".join(re.sub(r"[^\w\s']", " ", text).split())


def annotations(text: str) -> list[tuple[str, str, str]]:
    """(surface text, entity, value) for every annotation in an example."""
    found = []
    for m in ANNOTATION.finditer(text):
        surface = m.group(1)
        if m.group(3):
            found.append((surface, m.group(3), surface))
        else:
            spec = json.loads("{" + m.group(4) + "}")
            found.append((surface, spec["entity"], spec.get("value", surface)))
    return found


def synonyms() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in training_files():
        for item in _items(path):
            if "synonym" in item:
                out.setdefault(str(item["synonym"]), []).extend(_examples(item))
    return out


TRAIN = intent_examples(training_files())
HELD = intent_examples([HELDOUT])


def _base(intent: str) -> str:
    return intent.split("/")[0]


def test_every_contract_intent_has_at_least_25_training_examples() -> None:
    per_intent = Counter[str]()
    for intent, examples in TRAIN.items():
        per_intent[_base(intent)] += len(examples)
    assert set(per_intent) == CONTRACT_INTENTS
    too_few = {i: n for i, n in per_intent.items() if n < 25}
    assert not too_few, f"intents with fewer than 25 examples: {too_few}"


def test_every_faq_topic_has_enough_examples_for_the_response_selector() -> None:
    topics = {i.split("/", 1)[1]: len(e) for i, e in TRAIN.items() if i.startswith("faq/")}
    assert set(topics) == FAQ_TOPICS
    assert min(topics.values()) >= 10, topics


def test_training_examples_are_not_duplicated() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for intent, examples in TRAIN.items():
        for ex in examples:
            key = plain(ex)
            if key in seen:
                clashes.append((ex, seen[key], intent))
            seen[key] = intent
    assert not clashes, clashes[:10]


def test_heldout_set_is_large_and_covers_every_intent_and_faq_topic() -> None:
    assert sum(len(e) for e in HELD.values()) >= 300
    assert {_base(i) for i in HELD} == CONTRACT_INTENTS
    assert {i.split("/", 1)[1] for i in HELD if i.startswith("faq/")} == FAQ_TOPICS
    assert sum(len(annotations(e)) for ex in HELD.values() for e in ex) >= 150


def test_no_heldout_utterance_appears_in_the_training_data() -> None:
    train = {plain(e) for examples in TRAIN.values() for e in examples}
    overlap = sorted({plain(e) for examples in HELD.values() for e in examples} & train)
    assert not overlap, f"held-out utterances found in data/nlu: {overlap}"


def test_every_synonym_value_is_canonical() -> None:
    entity_of_value: dict[str, str] = {}
    for entity in ENUM_ENTITIES:
        for value in canonical_values(entity):
            entity_of_value[value] = entity
    gemeenten = municipality_names()
    bad = [v for v in synonyms() if v not in entity_of_value and v not in gemeenten]
    assert not bad, f"synonym values that are neither schema enum values nor gemeenten: {bad}"


def test_no_surface_form_maps_to_two_values() -> None:
    # Rasa's synonym mapper is global and case-insensitive: one text can have one value only.
    owner: dict[str, str] = {}
    conflicts = []
    for value, examples in synonyms().items():
        for ex in examples:
            if owner.setdefault(ex.lower(), value) != value:
                conflicts.append((ex, owner[ex.lower()], value))
    assert not conflicts, conflicts


@pytest.mark.parametrize("source", ["training", "heldout"])
def test_annotations_use_contract_entities_and_canonical_values(source: str) -> None:
    data = TRAIN if source == "training" else HELD
    gemeenten = municipality_names()
    problems = []
    for examples in data.values():
        for ex in examples:
            for surface, entity, value in annotations(ex):
                if entity not in CONTRACT_ENTITIES:
                    problems.append((ex, f"unknown entity {entity}"))
                elif entity in ENUM_ENTITIES and value not in canonical_values(entity):
                    problems.append((ex, f"{value} is not a canonical {entity}"))
                elif entity in ("age", "hours") and not surface.isdigit():
                    problems.append((ex, "age/hours must annotate the number only"))
                elif entity == "municipality" and value not in gemeenten:
                    problems.append((ex, f"{value} is not an official gemeente name"))
    assert not problems, problems[:10]


def test_annotated_surface_forms_map_to_the_annotated_value_via_synonyms() -> None:
    # An annotation only teaches DIET the span; the value the user gets comes from synonyms.yml.
    owner = {ex.lower(): value for value, exs in synonyms().items() for ex in exs}
    owner.update({v.lower(): v for v in synonyms()})
    missing = []
    for examples in TRAIN.values():
        for ex in examples:
            for surface, entity, value in annotations(ex):
                if entity in ("age", "hours"):
                    continue
                if owner.get(surface.lower(), surface) != value:
                    missing.append((surface, value))
    assert not missing, missing[:10]


def municipality_names() -> set[str]:
    items = _items(NLU_DIR / "lookups" / "municipality.yml")
    lookup = next(i for i in items if i.get("lookup") == "municipality")
    names = {str(i["synonym"]) for i in items if "synonym" in i}
    return names | {e for e in _examples(lookup) if e[:1].isupper() or e.startswith("'s-")}


def test_lookup_holds_all_342_gemeenten_of_2024() -> None:
    names = municipality_names()
    assert len(names) == 342
    for name in ("Amsterdam", "'s-Gravenhage", "'s-Hertogenbosch", "Súdwest-Fryslân", "Land van Cuijk",
                 "Voorne aan Zee", "Dijk en Waard", "Maashorst", "Eemsdelta", "Nuenen, Gerwen en Nederwetten"):
        assert name in names
    for gone in ("Weesp", "Boxmeer", "Heerhugowaard", "Brielle", "Uden"):
        assert gone not in names


def test_lookup_tables_exist_for_the_main_entities() -> None:
    lookups = {i["lookup"] for p in training_files() for i in _items(p) if "lookup" in i}
    assert {"education_level", "work_status", "sector", "municipality"} <= lookups
