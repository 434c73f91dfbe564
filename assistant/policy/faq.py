"""FAQ answers rendered from templates (data/faq.yaml) and the scheme data, for a day.

Scheme facts live only in schemes.yaml: a template names them by placeholder, so an answer about
the STAP-budget or the levenlanglerenkrediet changes when the record changes, and says on which
day its facts were last checked. The dialogue calls ``faq_answer``; Rasa's text in
domain/faq.yml is the same answer rendered on one date (``koers faq sync``), used as fallback.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from assistant.policy.engine import application, dutch_date
from assistant.policy.glossary import explain_once
from assistant.policy.paths import EDUCATION_NLQF, load_paths
from assistant.policy.schemes import Scheme, load_schemes, load_yaml

FAQ_FILE = Path(__file__).parent / "data" / "faq.yaml"
DOMAIN_FAQ_FILE = Path(__file__).resolve().parents[2] / "domain" / "faq.yml"
STATES = ("open", "ended", "not_yet_open", "round_open", "round_closed")
FIELDS = ("name", "amount", "how_to_apply", "open_from", "open_until", "closed_since", "verified_on", "url",
          "round", "age_limit")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\.([a-z_0-9]+)\}")


class FaqDataError(ValueError):
    """An invalid FAQ template; the message names the key and the problem."""


@dataclass(frozen=True)
class Part:
    text: str
    condition: tuple[tuple[str, str], ...] = ()  # (scheme id, state); all must hold


@dataclass(frozen=True)
class Template:
    key: str
    parts: tuple[Part, ...]
    schemes: tuple[str, ...]
    explains: tuple[str, ...]
    check: str | None
    sources: tuple[str, ...]


def _state(scheme: Scheme, day: date) -> set[str]:
    if scheme.open_from and day < scheme.open_from:
        states = {"not_yet_open"}
    elif scheme.open_until and day > scheme.open_until:
        states = {"ended"}
    else:
        states = {"open"}
    app, _ = application(scheme, day)
    if app is not None:
        states.add("round_open" if app["open"] else "round_closed")
    return states


def _field(scheme: Scheme, name: str, day: date) -> str:
    """One placeholder value; an empty string where the scheme has no such fact (e.g. no rounds)."""
    if name in ("name", "amount", "how_to_apply", "url"):
        value = getattr(scheme, name)
        return " ".join(str(value).split()) if value else ""
    if name in ("open_from", "open_until", "verified_on"):
        value = getattr(scheme, name)
        return dutch_date(value) if value else ""
    if name == "closed_since":
        return dutch_date(scheme.open_until + timedelta(days=1)) if scheme.open_until else ""
    if name == "round":
        return _round(scheme, day)
    # age_limit: for a study starting on the day asked (engine.age_under_limit counts the same way).
    limit = scheme.age_limit_on(day)
    return str(limit) if limit is not None else ""


def _round(scheme: Scheme, day: date) -> str:
    # Short on purpose (one phone screen): the advice and the scheme result give the full story.
    app, _ = application(scheme, day)
    if app is None:
        return ""
    if app["open"]:
        return f"De aanvraag is nu open, tot en met {dutch_date(date.fromisoformat(app['until']))}."
    upcoming = [t for t in scheme.tijdvakken if t.start > day]
    if upcoming:
        return f"De aanvraag gaat weer open op {dutch_date(upcoming[0].start)}."
    return "De aanvraag is nu dicht."


def _join(items: list[str], word: str = "en") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def _short_label(label: str) -> str:
    # "groen (hoveniers en groenvoorziening)" -> "groen": a bracket inside a list is hard to read.
    return label.split(" (")[0]


def _value(group: str, name: str, day: date, schemes: dict[str, Scheme]) -> str:
    if group == "paths":
        status = {"sectors": "pad", "sectors_or": "pad", "expected": "verwacht"}.get(name)
        if status is None:
            raise KeyError(f"paths.{name}")
        labels = [_short_label(s.label) for s in load_paths().sectors if s.status == status]
        return _join(labels, "of" if name.endswith("_or") else "en")
    if group == "nlqf":
        return str(EDUCATION_NLQF[name])
    if group not in schemes or name not in FIELDS:
        raise KeyError(f"{group}.{name}")
    return _field(schemes[group], name, day)


def _fill(text: str, day: date, schemes: dict[str, Scheme]) -> str:
    return _PLACEHOLDER.sub(lambda m: _value(m.group(1), m.group(2), day, schemes), text)


def _parse(key: str, raw: Any, known: set[str]) -> Template:
    if not isinstance(raw, dict) or not isinstance(raw.get("parts"), list) or not raw["parts"]:
        raise FaqDataError(f"{FAQ_FILE.name}: {key}: needs a list of parts")
    parts = []
    for n, part in enumerate(raw["parts"]):
        if isinstance(part, str):
            parts.append(Part(part))
            continue
        cond = part.get("if") if isinstance(part, dict) else None
        if not isinstance(cond, dict) or not isinstance(part.get("text"), str):
            raise FaqDataError(f"{FAQ_FILE.name}: {key}: part {n}: a string or {{if: ..., text: ...}}")
        for scheme_id, state in cond.items():
            if scheme_id not in known or state not in STATES:
                raise FaqDataError(f"{FAQ_FILE.name}: {key}: part {n}: unknown condition {scheme_id}: {state}")
        parts.append(Part(part["text"], tuple(cond.items())))
    schemes = tuple(raw.get("schemes") or ())
    unknown = [s for s in schemes if s not in known]
    if unknown:
        raise FaqDataError(f"{FAQ_FILE.name}: {key}: unknown scheme {unknown[0]!r}")
    if not raw.get("sources"):
        raise FaqDataError(f"{FAQ_FILE.name}: {key}: every answer cites its sources")
    return Template(key, tuple(parts), schemes, tuple(raw.get("explains") or ()), raw.get("check"),
                    tuple(raw["sources"]))


@functools.lru_cache(maxsize=1)
def _document() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(FAQ_FILE.read_text(encoding="utf-8"))
    return data


@functools.lru_cache(maxsize=1)
def templates() -> dict[str, Template]:
    """The FAQ templates by key ("faq/ask_stap"), validated against the scheme ids."""
    known = {s.id for s in load_schemes()}
    return {str(k): _parse(str(k), v, known) for k, v in (_document().get("answers") or {}).items()}


def render(template: Template, today: date) -> str:
    schemes = {s.id: s for s in load_schemes()}
    said = [p.text for p in template.parts
            if all(state in _state(schemes[sid], today) for sid, state in p.condition)]
    texts = [" ".join(_fill(t, today, schemes).split()) for t in said]
    texts = [t for t in texts if t]
    if template.schemes:
        checked = min(schemes[s].verified_on for s in template.schemes)
        where = _fill(template.check, today, schemes) if template.check else ""
        where = where or str(_document()["default_check"])
        texts.append(f"Nagekeken op {dutch_date(checked)}. Kijk voor het nieuwste op {where}.")
    # A glossary explanation follows the sentence group that first uses the term.
    return " ".join(explain_once(texts, skip=template.explains))


def faq_answer(key: str, today: date) -> str | None:
    """The B1 answer to an FAQ (Rasa's intent_response_key, e.g. "faq/ask_stap") on a day, or None.

    The response name ("utter_faq/ask_stap") and the bare key ("ask_stap") are accepted too.
    """
    key = key.removeprefix("utter_")
    template = templates().get(key if key.startswith("faq/") else f"faq/{key}")
    return None if template is None else render(template, today)


def sync_date() -> date:
    """The date domain/faq.yml is rendered on: the newest check of the scheme data.

    Fixed by the data, not by the clock, so the file and its test only change with the data.
    """
    return max(s.verified_on for s in load_schemes())


def domain_document(day: date) -> str:
    """domain/faq.yml rendered on a day (Rasa's fallback when the action cannot answer)."""
    lines = [
        'version: "3.1"',
        "# Generated by `koers faq sync` from assistant/policy/data/faq.yaml and the scheme data,",
        f"# rendered on {day.isoformat()}. Do not edit: change the templates or schemes.yaml, then sync.",
        "# The dialogue answers with assistant.policy.faq.faq_answer for today; this text is the fallback.",
        "",
        "responses:",
    ]
    for key in templates():
        text = faq_answer(key, day)
        lines.append(f"  utter_{key}:")
        # A JSON string is a valid YAML double-quoted scalar: one line, exact, no escaping surprises.
        lines.append(f"    - text: {json.dumps(text, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def cli_sync(args: argparse.Namespace) -> int:
    """``koers faq sync [--date YYYY-MM-DD] [--check]``: (re)write or check domain/faq.yml."""
    day = date.fromisoformat(args.date) if getattr(args, "date", None) else sync_date()
    text = domain_document(day)
    current = DOMAIN_FAQ_FILE.read_text(encoding="utf-8") if DOMAIN_FAQ_FILE.exists() else ""
    if getattr(args, "check", False):
        if current != text:
            print(f"{DOMAIN_FAQ_FILE.name} is niet actueel. Draai: koers faq sync", file=sys.stderr)
            return 1
        print(f"{DOMAIN_FAQ_FILE.name} is actueel.")
        return 0
    DOMAIN_FAQ_FILE.write_text(text, encoding="utf-8")
    print(f"{DOMAIN_FAQ_FILE.name}: {len(templates())} antwoorden geschreven (datum {day.isoformat()}).")
    return 0
