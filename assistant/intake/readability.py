"""A B1 readability check for every text the bot sends.

Chosen bound (this docstring is its documentation; tests/dialogue/test_readability.py applies it):

* **Sentence length**: no sentence longer than ``MAX_WORDS_PER_SENTENCE`` (20) words and an
  average of at most ``MAX_AVG_WORDS_PER_SENTENCE`` (14). Dutch B1 writing guides (Rijksoverheid
  "Direct duidelijk", Stichting Lezen & Schrijven) advise sentences of about 10-15 words.
* **Flesch-Douma** (the Dutch adaptation of Flesch reading ease, Douma 1960):
  ``206.835 - 0.93 * words/sentences - 77 * syllables/words``. 60-70 reads as "vrij makkelijk"
  and 70+ as "makkelijk"; we require ``MIN_FLESCH_DOUMA`` (60) for texts of at least
  ``MIN_WORDS_FOR_FLESCH`` words (the formula is meaningless on two-word texts).
* **Phone screen**: at most ``MAX_MESSAGE_CHARS`` (500) characters per message, about twelve lines of
  a chat bubble on a small phone, so nobody has to scroll inside one message.

Syllables are counted as groups of vowels (``aa``, ``ij``, ``oei`` ... count once; a diaeresis
starts a new syllable), which is accurate enough for Dutch to rank texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_WORDS_PER_SENTENCE = 20
MAX_AVG_WORDS_PER_SENTENCE = 14.0
MIN_FLESCH_DOUMA = 60.0
MIN_WORDS_FOR_FLESCH = 12
MAX_MESSAGE_CHARS = 500

_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n+")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ€'][0-9A-Za-zÀ-ÿ'.,\-/]*")
_VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü"
_DIAERESIS = "äëïöü"


def syllables(word: str) -> int:
    """Approximate Dutch syllable count of one word (at least 1)."""
    w = word.lower()
    if any(ch.isdigit() for ch in w) or w == "€":
        return 1
    count = 0
    previous_vowel = False
    for ch in w:
        if ch in _VOWELS:
            if not previous_vowel or ch in _DIAERESIS:
                count += 1
            previous_vowel = True
        else:
            previous_vowel = False
    return max(1, count)


def sentences(text: str) -> list[str]:
    parts = []
    for raw in _SENTENCE_END.split(text):
        part = raw.strip().lstrip("•-").strip()
        part = re.sub(r"^\d+\.\s+", "", part)
        if _WORD.search(part):
            parts.append(part)
    return parts


def words(text: str) -> list[str]:
    return [w.strip(".,-/") or w for w in _WORD.findall(text)]


@dataclass
class Readability:
    text: str
    sentence_count: int
    word_count: int
    syllable_count: int
    longest_sentence: int
    flesch_douma: float
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def flesch_douma(word_count: int, sentence_count: int, syllable_count: int) -> float:
    if word_count == 0 or sentence_count == 0:
        return 100.0
    return 206.835 - 0.93 * (word_count / sentence_count) - 77.0 * (syllable_count / word_count)


def check(text: str) -> Readability:
    """Measure a bot text and list every B1 / phone-length bound it breaks (Dutch-free, for tests)."""
    sents = sentences(text)
    per_sentence = [len(words(s)) for s in sents]
    all_words = [w for s in sents for w in words(s)]
    n_words = len(all_words)
    n_syll = sum(syllables(w) for w in all_words)
    score = flesch_douma(n_words, len(sents), n_syll)
    result = Readability(text, len(sents), n_words, n_syll, max(per_sentence, default=0), score)
    if len(text) > MAX_MESSAGE_CHARS:
        result.problems.append(f"{len(text)} characters > {MAX_MESSAGE_CHARS}")
    if result.longest_sentence > MAX_WORDS_PER_SENTENCE:
        longest = sents[per_sentence.index(result.longest_sentence)]
        result.problems.append(f"sentence of {result.longest_sentence} words > {MAX_WORDS_PER_SENTENCE}: {longest!r}")
    if sents and n_words / len(sents) > MAX_AVG_WORDS_PER_SENTENCE:
        result.problems.append(f"average {n_words / len(sents):.1f} words per sentence > {MAX_AVG_WORDS_PER_SENTENCE}")
    if n_words >= MIN_WORDS_FOR_FLESCH and score < MIN_FLESCH_DOUMA:
        result.problems.append(f"Flesch-Douma {score:.0f} < {MIN_FLESCH_DOUMA:.0f}")
    return result
