"""Render reviewed corrections as ``data/nlu/corrections.yml``: deduplicated, with provenance comments.

The file is rewritten from the database on every run, so a withdrawn correction simply drops out.
Comments carry ids, adviser and reviewer usernames and a date, never message content beyond the
(redacted) example itself.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from pathlib import Path

from assistant.learning.corrections import ReviewedCorrection

EMPTY = 'version: "3.1"\nnlu: []\n'
HEADER = ("# Reviewed corrections from advisers (koers improve). Generated: do not edit by hand;\n"
          "# withdraw a correction in the console instead.\n")


def _markup(c: ReviewedCorrection) -> str:
    text = c.text
    for entity, start, end, value in sorted(c.entities, key=lambda e: -e[1]):
        span = text[start:end]
        mark = (f'[{span}]{{"entity": "{entity}", "value": {json.dumps(value, ensure_ascii=False)}}}'
                if value else f"[{span}]({entity})")
        text = text[:start] + mark + text[end:]
    return text


def render(corrections: Sequence[ReviewedCorrection]) -> tuple[str, list[int]]:
    """The YAML text and the ids that were merged (duplicates of an earlier example are skipped)."""
    by_intent: dict[str, list[tuple[str, ReviewedCorrection]]] = {}
    seen: set[str] = set()
    merged: list[int] = []
    for c in corrections:
        example = _markup(c)
        key = " ".join(c.text.lower().split())  # same sentence = duplicate, whatever the label
        if key in seen:
            continue
        seen.add(key)
        merged.append(c.id)
        by_intent.setdefault(c.intent, []).append((example, c))
    if not by_intent:
        return HEADER + EMPTY, merged
    lines = [HEADER.rstrip("\n"), 'version: "3.1"', "nlu:"]
    for intent in sorted(by_intent):
        # Provenance as YAML comments above the block: inside the block scalar it would be an example.
        for _example, c in by_intent[intent]:
            lines.append(f"# correction {c.id} | conversation {c.conversation_id} | adviser {c.adviser} | "
                         f"reviewer {','.join(c.reviewers)} | date {c.date}")
        lines.append(f"- intent: {intent}")
        lines.append("  examples: |")
        lines.extend(f"    - {example}" for example, _c in by_intent[intent])
    return "\n".join(lines) + "\n", merged


def diff(old: str, new: str, path: str = "data/nlu/corrections.yml") -> str:
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{path}", f"b/{path}"))


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
