"""The advice for a profile on a peildatum (api.md) and the ``koers advise`` command.

Kept free of the database and of Rasa so the CLI answers well under a second.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from assistant.intake.profile import ProfileError, validate_profile
from assistant.policy import SchemeResult, evaluate
from assistant.policy.engine import CAVEAT, dutch_date
from assistant.policy.paths import PathSuggestion, expected_sectors, paths_for, sector_label
from assistant.policy.schemes import load_schemes

EXIT_INVALID = 2

STATUS_HEADINGS = (
    ("eligible", "Dit kan voor jou"),
    ("uncertain", "Misschien: dit weten we nog niet zeker"),
    ("not_yet_open", "Nog niet open"),
    ("not_eligible", "Niet voor jou"),
    ("ended", "Gestopt"),
)
ROUTE_LABELS = {
    "self": "je vraagt het zelf aan",
    "employer": "via je werkgever",
    "regio": "via de regio",
    "uwv": "via UWV",
    "gemeente": "via de gemeente",
    "duo": "via DUO",
    "belastingdienst": "via de Belastingdienst",
    "loopbaanadviseur": "via een loopbaanadviseur",
    "opleider": "via de opleider",
    "leerwerkloket": "via het Leerwerkloket",
}
LEVEL_LABELS = {
    "mbo1": "mbo niveau 1",
    "mbo2": "mbo niveau 2",
    "mbo3": "mbo niveau 3",
    "mbo4": "mbo niveau 4",
    "hbo_ad": "hbo associate degree",
    "hbo_bachelor": "hbo-bachelor",
    "hbo_master": "hbo-master",
    "cursus": "cursus",
}


def _path_step_text(path: PathSuggestion, subsidy: SchemeResult | None) -> list[str]:
    course = path.courses[0]
    forms = " of ".join(course.forms)
    steps = [
        f"Een volgende stap in {path.sector_label}: {path.to_function}. "
        f"Dat kan met de opleiding {course.name} ({LEVEL_LABELS.get(course.level, course.level)}, {forms})."
    ]
    if subsidy is None:
        return steps
    payer = "Je werkgever" if subsidy.route == "employer" else "De regio of een werkgever"
    share = f"{payer} betaalt zelf {path.cofinancing_percent} %."
    if subsidy.status == "eligible":
        steps.append(f"Met de scholingssubsidie Ontwikkelpaden is deze opleiding gratis voor jou. {share}")
    elif subsidy.status == "not_yet_open":
        steps.append(f"Vanaf 1 maart 2025 kan de scholingssubsidie Ontwikkelpaden helpen. {share}")
    return steps


def _next_steps(
    profile: dict[str, Any], results: list[SchemeResult], paths: list[PathSuggestion]
) -> list[str]:
    how = {s.id: " ".join(s.how_to_apply.split()) for s in load_schemes()}
    by_id = {r.scheme_id: r for r in results}
    steps: list[str] = []
    for r in results:
        if r.status == "eligible" and r.scheme_id != "leerwerkloket":
            steps.append(f"{r.name}: {how[r.scheme_id]}")
    for path in paths[:2]:
        steps.extend(_path_step_text(path, by_id.get("ontwikkelpaden_scholingssubsidie")))
    wanted = set(profile.get("sector_interests") or [])
    expected = [sector_label(s) for s in expected_sectors() if s in wanted]
    if expected:
        steps.append(
            f"Voor {' en '.join(expected)} komt er naar verwachting een Ontwikkelpad. "
            "Vraag het Leerwerkloket naar de stand van zaken."
        )
    if profile.get("education_level") == "geen":
        steps.append(
            "Heb je nog geen diploma? Vraag naar de Entreeopleiding (mbo niveau 1). "
            "Daarna kun je verder met mbo niveau 2."
        )
    if any(r.status == "uncertain" for r in results):
        steps.append(
            "Een paar dingen weten we nog niet. Een adviseur van het Leerwerkloket kan met je meekijken."
        )
    steps.append("Zoek opleidingen en scholen op Leeroverzicht.nl, of vraag het Leerwerkloket in jouw regio.")
    steps.append(CAVEAT)
    return steps


def build_advice(profile: dict[str, Any], peildatum: date) -> dict[str, Any]:
    """The advice JSON of api.md; raises ProfileError for an invalid profile."""
    canonical = validate_profile(profile)
    results = evaluate(canonical, peildatum)
    paths = paths_for(canonical)
    return {
        "peildatum": peildatum.isoformat(),
        "profile": canonical,
        "schemes": [r.to_dict() for r in results],
        "paths": [p.to_dict() for p in paths],
        "next_steps": _next_steps(canonical, results, paths),
    }


def format_text(advice: dict[str, Any]) -> str:
    lines = [f"Advies van Koers voor {dutch_date(date.fromisoformat(advice['peildatum']))}", ""]
    lines.append("Regelingen")
    for status, heading in STATUS_HEADINGS:
        group = [s for s in advice["schemes"] if s["status"] == status]
        if not group:
            continue
        lines.append(f"  {heading}:")
        for s in group:
            extra = f" ({s['amount']})" if s["amount"] and status in ("eligible", "uncertain") else ""
            lines.append(f"  - {s['name']}{extra}, {ROUTE_LABELS[s['route']]}.")
            if status in ("eligible", "uncertain", "not_eligible"):
                for reason in s["reasons"]:
                    lines.append(f"      {reason}")
    lines.append("")
    if advice["paths"]:
        lines.append("Ontwikkelpaden: mogelijke stappen")
        for p in advice["paths"]:
            lines.append(f"  - {p['step'].capitalize()}: {p['from_function']} -> {p['to_function']}")
            for c in p["courses"]:
                lines.append(
                    f"      Opleiding: {c['name']} ({LEVEL_LABELS.get(c['level'], c['level'])}, "
                    f"NLQF {c['nlqf']}, {' of '.join(c['form'])}, {c['duration']})"
                )
        lines.append("")
    lines.append("Wat kun je nu doen?")
    lines.extend(f"  - {step}" for step in advice["next_steps"])
    return "\n".join(lines) + "\n"


def _fail(field: str, message: str) -> int:
    print(f"Fout in {field}: {message}", file=sys.stderr)
    return EXIT_INVALID


def _write(text: str) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(text)


def cli_advise(args: argparse.Namespace) -> int:
    """``koers advise --profile FILE|- [--date YYYY-MM-DD] [--format json|text]``."""
    if args.date in (None, ""):
        peildatum = date.today()
    else:
        try:
            peildatum = date.fromisoformat(str(args.date))
        except ValueError:
            return _fail(
                "--date", f"'{args.date}' is geen geldige datum. Gebruik JJJJ-MM-DD, bijvoorbeeld 2025-03-01."
            )
    try:
        if args.profile == "-":
            raw = (
                sys.stdin.buffer.read().decode("utf-8") if hasattr(sys.stdin, "buffer") else sys.stdin.read()
            )
        else:
            with open(args.profile, encoding="utf-8") as fh:
                raw = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        return _fail("--profile", f"het profiel kan niet gelezen worden ({exc}).")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return _fail(
            "profiel", f"dit is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}."
        )
    try:
        advice = build_advice(data, peildatum)
    except ProfileError as exc:
        return _fail(f"veld '{exc.field}'", exc.message)
    if getattr(args, "format", "json") == "text":
        _write(format_text(advice))
    else:
        _write(json.dumps(advice, ensure_ascii=False, indent=2) + "\n")
    return 0
