"""Intents and entities in plain Dutch for advisers (the form under a bubble, the dashboard).

Entities that are intake fields take the vocabulary's label; an FAQ topic is named by the first
question of its training examples (``data/nlu/faq.yml``), so a new topic needs no label here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from assistant.vocabulary import vocabulary

# What a person does with each of Koers' own intents, as an adviser would say it.
INTENT_LABELS = {
    "affirm": "ja zeggen", "deny": "nee zeggen", "inform": "een antwoord op de vraag geven",
    "ask_advice": "om advies vragen", "bot_challenge": "vragen of Koers een mens is",
    "delete_my_data": "gegevens laten verwijderen", "dont_know": "zeggen: weet ik niet",
    "explain_question": "uitleg over de vraag willen", "goodbye": "gedag zeggen", "greet": "groeten",
    "handoff_resume": "verder na de adviseur", "out_of_scope": "iets buiten Koers vragen",
    "request_human": "een adviseur willen spreken", "start_over": "opnieuw willen beginnen", "stop": "willen stoppen",
    "thank": "bedanken", "nlu_fallback": "niet begrepen",
}
# Entities that are not an intake field under the same name.
ENTITY_LABELS = {"sector": "Sector", "hours": "Uren per week"}


@lru_cache(maxsize=4)
def faq_questions(home: str) -> dict[str, str]:
    """``faq/<topic>`` -> the topic's first example question."""
    out: dict[str, str] = {}
    path = Path(home, "data", "nlu", "faq.yml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return out
    for block in data.get("nlu") or []:
        name = str(block.get("intent") or "")
        examples = [line.strip()[2:].strip() for line in str(block.get("examples") or "").splitlines()
                    if line.strip().startswith("- ")]
        if name.startswith("faq/") and examples:
            first = examples[0]
            out[name] = first[:1].upper() + first[1:]
    return out


def intent_label(name: str, home: str | Path) -> str:
    if name.startswith("faq/"):
        question = faq_questions(str(home)).get(name)
        return f"vraag: {question}" if question else "vraag over " + name[4:].removeprefix("ask_").replace("_", " ")
    return INTENT_LABELS.get(name, name.replace("_", " "))


def entity_label(name: str) -> str:
    fields = vocabulary().fields
    if name in fields:
        return fields[name].label
    return ENTITY_LABELS.get(name, name.replace("_", " "))
