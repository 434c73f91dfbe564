"""Words a person may not know, each with a few B1 words of explanation (data/glossary.yaml).

One glossary for everything Koers says: the advice, the FAQ answers and the adviser console.
``explain(term)`` gives one meaning; ``explain_once(texts)`` adds "X betekent: ..." after the
first sentence group that uses a term, once over a whole answer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from assistant.policy.schemes import load_yaml

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary.yaml"


@functools.lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    """Term -> short B1 explanation, in the file's order."""
    data = load_yaml(GLOSSARY_FILE.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data["terms"].items()}


def explain(term: str) -> str | None:
    """The B1 meaning of a term ("bbl" -> "je werkt en leert tegelijk"), or None.

    Exact match first (the glossary is case-sensitive: "EVC" is not "evc"), then one that
    ignores case, so a console or dialogue can look up what a person typed.
    """
    terms = glossary()
    if term in terms:
        return terms[term]
    folded = term.strip().casefold()
    return next((meaning for key, meaning in terms.items() if key.casefold() == folded), None)


def sentence(term: str) -> str | None:
    """The explanation as its own short sentence: "Bbl betekent: je werkt en leert tegelijk." """
    meaning = explain(term)
    return None if meaning is None else f"{term[0].upper()}{term[1:]} betekent: {meaning}."


def _first_use(term: str, text: str) -> bool:
    # Whole words only; not inside brackets: a bracket in a bracket is hard to read (B1).
    for match in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text):
        before = text[: match.start()]
        if before.count("(") <= before.count(")"):
            return True
    return False


def terms_in(text: str) -> list[str]:
    """Glossary terms used in a text, in glossary order."""
    return [term for term in glossary() if _first_use(term, text)]


def explain_once(texts: Iterable[str], skip: Iterable[str] = ()) -> list[str]:
    """Explain each glossary term once, at its first use over the texts in order.

    ``skip`` lists terms the texts explain themselves (the FAQ answer about EVC says what EVC is).
    """
    seen: set[str] = set(skip)
    out = []
    for text in texts:
        for term in terms_in(text):
            if term not in seen:
                seen.add(term)
                # A separate short sentence keeps the sentence with the term short (B1).
                text = f"{text} {sentence(term)}"
        out.append(text)
    return out
