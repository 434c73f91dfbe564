"""Typos by edit operations on one word: insert, delete, substitute or transpose a letter."""

from __future__ import annotations

import random
import re
from collections.abc import Collection

OPERATIONS = ("insert", "delete", "substitute", "transpose")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Neighbours on a QWERTY keyboard: people hit the key next to the one they meant.
_NEIGHBOURS = {
    "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok", "o": "ipl",
    "p": "ol", "a": "qsz", "s": "adw", "d": "sfe", "f": "dgr", "g": "fht", "h": "gjy", "j": "hku", "k": "jli",
    "l": "ko", "z": "xa", "x": "zc", "c": "xv", "v": "cb", "b": "vn", "n": "bm", "m": "n",
}
_WORD = re.compile(r"[a-zà-ÿ]{4,}")


def edit(word: str, op: str, rng: random.Random) -> str:
    """One edit operation on a word of at least two letters."""
    if len(word) < 2:
        return word
    i = rng.randrange(1, len(word))  # keep the first letter: people rarely get it wrong
    if op == "insert":
        return word[:i] + rng.choice(_NEIGHBOURS.get(word[i - 1], _LETTERS)) + word[i:]
    if op == "delete":
        return word[:i] + word[i + 1:]
    if op == "substitute":
        return word[:i] + rng.choice(_NEIGHBOURS.get(word[i], _LETTERS)) + word[i + 1:]
    if op == "transpose":
        i = min(i, len(word) - 2) if len(word) > 2 else 0
        j = i + 1
        if word[i] == word[j]:
            return word[:i] + rng.choice(_LETTERS) + word[j:]
        return word[:i] + word[j] + word[i] + word[j + 1:]
    raise ValueError(f"unknown edit operation: {op}")


def add_typo(text: str, rng: random.Random, op: str | None = None, protect: Collection[str] = ()) -> str:
    """The text with one typo in one word of four letters or more; unchanged if there is none.

    Digits are never touched: a typo in a number changes the fact, not the spelling. Nor are the
    ``protect`` words (lower case), e.g. a place name: an unknown, misspelt place is rightly kept
    as the person's own text, so the simulator could not judge the answer.
    """
    words = [m for m in _WORD.finditer(text.lower()) if m.group() not in protect]
    if not words:
        return text
    match = rng.choice(words)
    typo = edit(text[match.start():match.end()], op or rng.choice(OPERATIONS), rng)
    return text[: match.start()] + typo + text[match.end():]


def maybe_typo(text: str, rng: random.Random, rate: float, protect: Collection[str] = ()) -> str:
    return add_typo(text, rng, protect=protect) if rate > 0 and rng.random() < rate else text
