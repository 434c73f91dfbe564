"""Redaction measured on a table of realistic Dutch messages (redaction_cases.yaml).

Recall: the share of personal-data spans that are gone from the output. Over-redaction: the
share of the other words that are lost. Recall must be 100 %; the figures are printed so a
change that trades one for the other shows up in the test log.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.privacy.redact import redact, redact_callback_answer

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "redaction_cases.yaml").read_text("utf-8"))
_PLACEHOLDER = re.compile(r"\[[A-Z]+\]")
_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|€")


def _run(case: dict[str, Any]) -> str:
    return redact_callback_answer(case["text"]) if case.get("callback") else redact(case["text"])


def _expected(case: dict[str, Any]) -> str:
    """The text with each personal span replaced by its placeholder, left to right."""
    out, cursor = [], 0
    text = case["text"]
    for label, span in case.get("pii") or []:
        at = text.index(span, cursor)  # a typo in the table fails here, not silently
        out += [text[cursor:at], f"[{label}]"]
        cursor = at + len(span)
    out.append(text[cursor:])
    return "".join(out)


def _words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORDS.findall(_PLACEHOLDER.sub(" ", text)))


def _pii_gone(span: str, output: str) -> bool:
    # Every digit group / word of the span must be gone, not only the span as typed.
    parts = [p for p in re.split(r"[\s().,/+-]+", span) if len(p) >= 2]
    if not parts:  # "0 6 1 2 3 4 5 6 7 8": single characters, compare without spaces
        return re.sub(r"\W", "", span) not in re.sub(r"\W", "", output)
    return all(not re.search(rf"(?<![^\W_]){re.escape(p)}(?![^\W_])", output, re.IGNORECASE)
                               for p in parts)


def _measure() -> dict[str, Any]:
    spans = found = kept_words = lost_words = 0
    misses: list[str] = []
    over: list[str] = []
    wrong_label: list[str] = []
    for case in CASES:
        output = _run(case)
        expected = _expected(case)
        for label, span in case.get("pii") or []:
            spans += 1
            if _pii_gone(span, output) and f"[{label}]" in output:
                found += 1
            elif _pii_gone(span, output):
                found += 1
                wrong_label.append(f"{case['text']!r} -> {output!r}")
            else:
                misses.append(f"{case['text']!r} -> {output!r}")
        want = _words(expected)
        lost = want - _words(output)
        kept_words += sum(want.values())
        lost_words += sum(lost.values())
        if lost:
            over.append(f"{case['text']!r} -> {output!r} (lost {sorted(lost)})")
    return {"spans": spans, "found": found, "misses": misses, "over": over, "wrong_label": wrong_label,
            "kept_words": kept_words, "lost_words": lost_words}


def test_table_is_large_and_varied():
    assert len(CASES) >= 150
    labels = Counter(label for case in CASES for label, _ in case.get("pii") or [])
    assert {"TELEFOON", "EMAIL", "IBAN", "BSN", "ADRES", "NAAM", "GEBOORTEDATUM"} <= set(labels)
    assert sum(1 for case in CASES if not case.get("pii")) >= 50  # numbers and words that must stay


def test_recall_is_complete_and_over_redaction_is_reported(capsys):
    m = _measure()
    recall = m["found"] / m["spans"]
    over_rate = m["lost_words"] / m["kept_words"]
    with capsys.disabled():
        print(f"\nredaction: {len(CASES)} cases, {m['spans']} personal spans, recall {recall:.1%}, "
              f"over-redaction {over_rate:.2%} of {m['kept_words']} other words "
              f"({len(m['over'])} cases), wrong placeholder {len(m['wrong_label'])}")
    assert not m["misses"], "personal data left:\n" + "\n".join(m["misses"])
    assert recall == 1.0
    # Every row of the table is met exactly: no word the intake needs is lost.
    assert not m["over"], "over-redacted:\n" + "\n".join(m["over"])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:40])
def test_each_case_exactly(case):
    assert _run(case) == _expected(case)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:40])
def test_redaction_is_idempotent(case):
    once = _run(case)
    assert _run({**case, "text": once}) == once
