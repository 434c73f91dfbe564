"""Typos in the words the intake listens for: "landsbouw" -> "landbouw", "stdeer" -> "studeer".

Only a word that is no Dutch word is repaired: not in the intake's own data (NLU examples,
vocabulary, parser phrases) and rare or unknown in Dutch (``wordfreq``, offline data). So
"contact" never becomes "contract", and "politiek" never "politie". It is repaired to the closest
word the intake listens for, if a letter or two away. The caller decides what a repair may do:
the machine confirms a sector read from a repaired word ("Bedoel je landbouw?").
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from assistant.vocabulary import vocabulary

# Below this Zipf frequency a word is too rare to be meant as written (1.0: about once in 100
# million words); "groenonderhoud" (1.05) is still a word, "grodnonderhoud" (0) is not. Short
# typos are often rare words themselves ("cade" 2.6 for "café"), so short words need more.
RARE_WORD = {4: 3.0, 5: 3.0, 6: 2.5}
RARE_LONG_WORD = 1.0
CUTOFF = 80  # rapidfuzz ratio of a repair
# Next to a word it makes a phrase with, a rare word (below 2.5) is read as the phrase's word when
# that is a letter away and far more common (by 2: a hundred times as frequent).
PHRASE_RARE_WORD = 2.5
PHRASE_MARGIN = 2.0
_WORD = re.compile(r"\w+", re.UNICODE)
_DATA = Path(__file__).resolve().parents[2] / "data" / "nlu"
# Words the intake listens for besides those in its data (parts of compounds people type).
_EXTRA_TARGETS = ("bachelor", "master", "associate", "universiteit", "hogeschool", "bachelordiploma",
                  "masterdiploma", "studeer", "studeren", "student", "branche", "sector")


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> set[str]:
    return {fold(w) for w in _WORD.findall(text) if w.isalpha()}


@functools.lru_cache(maxsize=1)
def targets() -> tuple[str, ...]:
    """The words a typo is repaired to: cue words, parser phrases, interest words (4+ letters)."""
    from assistant.catalogue.interests import VOCABULARY as INTERESTS
    from assistant.intake.parse import vocabulary as parse_vocabulary

    found: set[str] = set(_EXTRA_TARGETS)
    for spec in vocabulary().fields.values():
        for _, cues in (*spec.cues, *spec.overrides):
            for cue in cues:
                # A regex cue's literal words count too ("professionele" in the hbo-master cue).
                found |= {w for w in _words(cue[3:] if cue.startswith("re:") else cue) if len(w) >= 5}
    for phrase in parse_vocabulary().phrases:
        found |= {w for w in _words(phrase) if len(w) >= 4}
    for key, _ in INTERESTS:
        if " " not in key.strip():
            found |= {w for w in _words(key) if len(w) >= 4}
    return tuple(sorted(found))


@functools.lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Words the intake's own data writes as they are: never repaired."""
    known: set[str] = set(targets())
    for path in sorted(_DATA.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("- "):
                known |= _words(re.sub(r"\]\([^)]*\)|\]\{[^}]*\}", " ", line[2:]))
    for text in vocabulary().texts.values():
        known |= _words(text)
    from assistant.intake.parse import vocabulary as parse_vocabulary

    for name in parse_vocabulary().municipalities:  # "Overflakkee" is no typo
        known |= _words(name)
    return frozenset(known)


@functools.lru_cache(maxsize=4096)
def repair(word: str) -> str:
    """The word as meant (folded), or the word itself when it is a word or nothing is close."""
    w = fold(word)
    if len(w) < 4 or not w.isalpha() or _is_word(w):
        return w
    if w[-1] == w[-2] and (w[:-1] in targets() or _is_word(w[:-1])):
        return w[:-1]  # a letter typed twice at the end ("kass", "vastt"): the word without it
    if len(w) == 4:
        # Four letters: one changed or dropped letter only ("cadé" -> "cafe", "betr" -> "beter").
        close = [t for t in targets() if len(t) in (4, 5) and OSA.distance(w, t) == 1]
        return close[0] if len(close) == 1 else w
    # The fewest edits first, then the most alike: "bedrifj" is "bedrijf", not "bedrijfje".
    hits = sorted((OSA.distance(w, t), -score, t) for t, score, _ in
                  process.extract(w, targets(), scorer=fuzz.ratio, score_cutoff=CUTOFF, limit=8)
                  if abs(len(t) - len(w)) <= 2)
    if hits and hits[0][0] <= 2:
        return hits[0][2]
    return _repair_part(w) if len(w) >= 8 else w


def is_word(word: str) -> bool:
    """A Dutch word as written: in the intake's own data or not rare in Dutch (never repaired)."""
    return _is_word(fold(word))


def _is_word(w: str) -> bool:
    return w in lexicon() or zipf_frequency(w, "nl") >= RARE_WORD.get(len(w), RARE_LONG_WORD)


def _repair_part(w: str) -> str:
    """A compound of a word and a part with one typo ("scxhoonmaak" + "branche"): that part repaired.

    The other part must be a word itself, so "schoonheidsbranche" is left alone; only after a
    long stem may it be a short ending ("drgist" + "erij", "pakketbzorg" + "ing")."""
    found: list[tuple[int, bool, int, float, str]] = []
    for t in targets():
        if len(t) < 4 or len(t) >= len(w) or t in w:
            continue
        for size in (len(t) - 1, len(t), len(t) + 1):
            for start in (0, len(w) - size):
                part, rest = w[start:start + size], w[size:] if start == 0 else w[:start]
                ending = start == 0 and len(t) >= 6 and len(rest) <= 5
                if (len(rest) >= 3 or ending) and OSA.distance(part, t) == 1 and (ending or _is_word(rest)):
                    # Longest stem first; then a real word after it; then the fewest letters moved;
                    # then the compound Dutch knows ("groenonderhoud", not "groteonderhoud").
                    meant = w[:start] + t + w[start + size:]
                    found.append((len(t), _is_word(rest), -abs(size - len(t)), zipf_frequency(meant, "nl"), meant))
    return max(found)[-1] if found else _repair_seam(w)


def _repair_seam(w: str) -> str:
    """A compound of two words with the typo across their seam ("softwar|beedrijf": two letters
    swapped over the join of "software" and "bedrijf"): the spelling a letter away that is a word
    the intake listens for followed by a Dutch word."""
    heads = frozenset(t for t in targets() if len(t) >= 4)
    found: list[tuple[float, int, str]] = []
    for v in _one_edit(w):
        for i in range(4, len(v) - 3):
            if v[:i] in heads and _is_word(v[i:]):
                found.append((zipf_frequency(v, "nl"), i, v))
    return max(found)[-1] if found else w


def _one_edit(w: str) -> set[str]:
    """Every spelling one edit (a letter dropped, swapped, changed or added) from ``w``."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in letters}
    return dropped | swapped | changed | {a + c + b for a, b in splits for c in letters}


def repair_text(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The text with its typos repaired, and the (typed, meant) pairs; other words untouched."""
    repairs: list[tuple[str, str]] = []

    def one(m: re.Match[str]) -> str:
        typed = m.group()
        # The neighbour decides between words equally close ("digitael vaardigheden": digitale).
        meant = _in_phrase(m, text) or repair(typed)
        if meant == fold(typed):
            return typed
        repairs.append((typed, meant))
        return meant

    return _WORD.sub(one, text), tuple(repairs)


@functools.lru_cache(maxsize=1)
def _pairs() -> frozenset[tuple[str, str]]:
    """Word pairs of the phrases the intake listens for ("eigen baas", "geen diploma")."""
    from assistant.intake.parse import vocabulary as parse_vocabulary

    texts: list[str] = list(parse_vocabulary().phrases)
    for spec in vocabulary().fields.values():
        texts += [c for _, cues in (*spec.cues, *spec.overrides) for c in cues if not c.startswith("re:")]
    found: set[tuple[str, str]] = set()
    for t in texts:
        words = [fold(w) for w in _WORD.findall(t)]
        found |= set(itertools.pairwise(words))
    return frozenset(found)


def _in_phrase(m: re.Match[str], text: str) -> str | None:
    """A non-word (or a rare word) that is a letter away from several words ("egen": eigen, even, geen; "digitael":
    digitaal, digitale) is the one that makes a phrase with its neighbour ("egen baas" -> "eigen
    baas", "digitael vaardigheden" -> "digitale vaardigheden")."""
    w = fold(m.group())
    common = _is_word(w) and zipf_frequency(w, "nl") >= PHRASE_RARE_WORD
    if len(w) < 4 or not w.isalpha() or w in lexicon() or common:
        return None
    # A rare word is a typo only for a far more common one ("de gemeene" 1.95 -> "de gemeente" 5.35).
    floor = zipf_frequency(w, "nl") + PHRASE_MARGIN if _is_word(w) else 0.0
    before = [fold(x) for x in _WORD.findall(text[:m.start()])[-1:]]
    after = [fold(x) for x in _WORD.findall(text[m.end():])[:1]]
    # Any word of a phrase is a candidate, short ones too ("hull op de groep" -> "hulp op de groep").
    words = {x for pair in _pairs() for x in pair if len(x) >= 4} | set(targets())
    fits = {t for t in words if abs(len(t) - len(w)) <= 1 and OSA.distance(w, t) == 1
            and any((b, t) in _pairs() for b in before) | any((t, a) in _pairs() for a in after)
            and zipf_frequency(t, "nl") >= floor}
    return fits.pop() if len(fits) == 1 else None


@functools.lru_cache(maxsize=1)
def _sector_phrase_words() -> frozenset[str]:
    """The words of the parser's sector phrases and of the interest vocabulary."""
    from assistant.catalogue.interests import VOCABULARY as INTERESTS
    from assistant.intake.parse import vocabulary as parse_vocabulary

    found: set[str] = set()
    for phrase, (entity, _) in parse_vocabulary().phrases.items():
        if entity == "sector":
            found |= _words(phrase)
    for key, _ in INTERESTS:
        found |= _words(key)
    return frozenset(found)


@functools.lru_cache(maxsize=1)
def sector_words() -> frozenset[str]:
    """The repair targets that name a sector or trade (a repair to one is confirmed)."""
    found = set(_sector_phrase_words())
    for name in ("current_sector", "sector_interests"):
        for _, cues in vocabulary()[name].cues:
            found |= {w for c in cues for w in _words(c[3:] if c.startswith("re:") else c)}
    return frozenset(w for w in found if len(w) >= 4) & frozenset(targets())


# A one-word answer to the sector question is guessed more boldly: the guess is always confirmed
# ("Bedoel je hotel (horeca)?"), so a wrong guess costs one "nee". Common words are no typos.
GUESS_MAX_ZIPF = 4.0


@functools.lru_cache(maxsize=1)
def _sector_names() -> tuple[str, ...]:
    """Every word that names a sector or trade, short ones too ("kok", "ict", "cafe")."""
    return tuple(sorted(w for w in _sector_phrase_words() if len(w) >= 3))


def near_sector(word: str) -> str | None:
    """The sector word a one-word answer most likely meant ("htel" -> "hotel", "caf" -> "cafe")."""
    w = fold(word)
    # Three letters say too little to be meant as written ("ban" for "bank"); the words people
    # do mean at a sector question ("kok", "ict", "bso") are in the intake's own data.
    common = len(w) > 3 and zipf_frequency(w, "nl") >= GUESS_MAX_ZIPF
    if len(w) < 3 or not w.isalpha() or w in lexicon() or common:
        return None
    limit = 1 if len(w) <= 5 else 2
    scored = sorted((OSA.distance(w, t), -fuzz.ratio(w, t), _off_key(w, t), t)
                    for t in _sector_names() if abs(len(t) - len(w)) <= limit)
    best = [s for s in scored if s[0] <= limit]
    if not best or (len(best) > 1 and best[0][:3] == best[1][:3]):
        return None  # nothing close, or two words equally close
    return best[0][3]


_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {c: (row, col) for row, keys in enumerate(_KEY_ROWS) for col, c in enumerate(keys)}


def _off_key(typed: str, meant: str) -> int:
    """0 when ``typed`` is ``meant`` with one letter hit by a neighbouring key ("babk": the b next
    to the n of "bank"), else 1: of two words equally close, a slip of the finger is likelier."""
    if len(typed) != len(meant):
        return 1
    diff = [(a, b) for a, b in zip(typed, meant, strict=True) if a != b]
    if len(diff) != 1 or diff[0][0] not in _KEY_AT or diff[0][1] not in _KEY_AT:
        return 1
    (r1, c1), (r2, c2) = _KEY_AT[diff[0][0]], _KEY_AT[diff[0][1]]
    return 0 if abs(r1 - r2) <= 1 and abs(c1 - c2) <= 1 else 1


# Chat spellings people type on a phone, as the words the intake reads ("mn bedrijf", "maakt t nie uit",
# "ik zit op t mbo"). Whole words only; the person's own text is kept as typed elsewhere.
CHAT_WORDS = {
    "mn": "mijn", "m'n": "mijn", "zn": "zijn", "z'n": "zijn", "t": "het", "'t": "het", "n": "een", "'n": "een",
    "k": "ik", "ff": "even", "nie": "niet", "nt": "niet", "wa": "wat", "gwn": "gewoon", "gwoon": "gewoon",
    "idd": "inderdaad", "ws": "waarschijnlijk", "wss": "waarschijnlijk", "wrs": "waarschijnlijk", "mss": "misschien",
    "miss": "misschien", "hb": "heb", "bn": "ben", "tis": "het is", "iig": "in ieder geval", "evt": "eventueel",
    "ong": "ongeveer", "ipv": "in plaats van", "savonds": "'s avonds", "smorgens": "'s morgens",
    "smiddags": "'s middags", "sochtends": "'s ochtends", "snachts": "'s nachts", "nx": "niks", "nks": "niks",
    "vor": "voor",
}
_CHAT = re.compile(r"(?<![\w'])(" + "|".join(re.escape(w) for w in sorted(CHAT_WORDS, key=len, reverse=True))
                   + r")(?![\w'])", re.IGNORECASE)


# "wet ik nie": "wet" is a word of its own (law), but not next to "ik".
_CHAT_PHRASES = re.compile(r"\bwet ik\b|\bik wet\b", re.IGNORECASE)


def expand_chat(text: str) -> str:
    """The message with chat spellings written out ("mn" -> "mijn"); everything else as typed."""
    text = _CHAT_PHRASES.sub(lambda m: m.group().lower().replace("wet", "weet"), text)
    return _CHAT.sub(lambda m: CHAT_WORDS[m.group(1).lower()], text)

