"""The advice for a profile on a peildatum (api.md) and the ``koers advise`` command.

Kept free of the database and of Rasa so the CLI answers well under a second.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from assistant.catalogue.projectdata import project_course, verification
from assistant.intake.profile import ProfileError, validate_profile
from assistant.policy import SchemeResult, evaluate
from assistant.policy import glossary as policy_glossary
from assistant.policy.engine import WHERE_TO_CHECK, caveat, dutch_date
from assistant.policy.paths import EDUCATION_NLQF, PathSuggestion, expected_sectors, paths_for, sector_label
from assistant.policy.schemes import load_schemes, load_yaml

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
    "leerwerkloket": "via het Werkcentrum (voorheen Leerwerkloket)",
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
# Short B1 labels used inside step sentences.
STEP_LEVELS = {"mbo1": "mbo 1", "mbo2": "mbo 2", "mbo3": "mbo 3", "mbo4": "mbo 4", "hbo_ad": "hbo",
               "hbo_bachelor": "hbo", "hbo_master": "hbo of hoger", "cursus": "cursus"}
STEP_FORMS = {"bbl": "bbl", "bol": "bol", "deeltijd": "deeltijd", "cursus": "cursus",
              "certificaat": "certificaat", "praktijkverklaring": "praktijkverklaring", "EVC": "EVC"}
ROUTES_FILE = Path(__file__).parent / "policy" / "data" / "routes.yaml"
WHERE = "Werkcentrum (voorheen Leerwerkloket)"
# Uncertain schemes that decide whether someone gets money: then a human adviser is offered.
MATTERS = ("uwv_scholing_ww", "gemeente_reintegratie", "ontwikkelpaden_scholingssubsidie", "slim",
           "levenlanglerenkrediet", "werkgever_scholingsvergoeding", "zzp_scholingskosten_aftrek")
LITERACY_SCHEMES = frozenset({"basisvaardigheden", "tel_mee_met_taal_werkgevers"})
# Target NLQF of the next diploma by the highest one now (one step up; see paths.py).
TARGET_NLQF = {None: 2, "geen": 2, "vmbo": 2, "mbo1": 2, "mbo2": 3, "mbo3": 4, "mbo4": 5, "havo": 5,
               "vwo": 5, "hbo_ad": 6, "buitenlands": 3}
HIGHER_EDU = frozenset({"hbo_bachelor", "hbo_master", "wo_bachelor", "wo_master"})
LOW_EDU = frozenset({"geen", "vmbo", "mbo1"})
WORKING = frozenset({"werknemer_vast", "werknemer_flex", "zzp"})


@functools.lru_cache(maxsize=1)
def _routes() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(ROUTES_FILE.read_text(encoding="utf-8"))
    return data


def glossary() -> dict[str, str]:
    """Term -> short B1 explanation (kept for callers; the glossary lives in assistant.policy.glossary)."""
    return policy_glossary.glossary()


def explain(texts: list[str]) -> list[str]:
    """Explain each glossary term once, at its first appearance over the texts in order."""
    return policy_glossary.explain_once(texts)


def _course(course_id: str, kind: str) -> dict[str, Any]:
    """A course of Koers' catalogue (the one source of courses), as the advice shows it."""
    record = project_course(course_id)
    checked = verification(course_id)
    return {"id": record.id, "name": record.name, "level": record.level, "nlqf": record.nlqf,
            "form": list(record.forms), "duration": record.duration, "kind": kind, "where": _routes()["where"],
            "checked": checked.checked}


def _course_text(course: dict[str, Any], lead: str) -> str:
    forms = " of ".join(STEP_FORMS.get(f, f) for f in course["form"])
    level = STEP_LEVELS.get(course["level"], course["level"])
    level_text = "" if level == forms else f" Niveau: {level}."
    return f"{lead}{course['name']}.{level_text} Vorm: {forms}. Duur: {course['duration']}."


def _route_options(sector: str) -> list[tuple[str, int, int]]:
    """(course id, NLQF, NLQF needed first) for each step routes.yaml names for a sector."""
    out = []
    for entry in _routes()["sectors"].get(sector) or []:
        course_id, needs = (entry, 0) if isinstance(entry, str) else (entry["course"], entry.get("needs_nlqf", 0))
        out.append((course_id, project_course(course_id).nlqf or 0, needs))
    return out


def _sector_option(sector: str, edu: str | None) -> dict[str, Any] | None:
    options = _route_options(sector)
    nlqf_now = EDUCATION_NLQF.get(edu) if edu else None
    if edu in HIGHER_EDU:
        return _course(_routes()["higher"][0], "route")
    target = TARGET_NLQF.get(edu, 3)
    fitting = [o for o in options if o[1] <= target and o[2] <= (nlqf_now or 0)]
    pick = max(fitting, key=lambda o: o[1]) if fitting else (min(options, key=lambda o: o[1])
                                                             if options else None)
    return None if pick is None else _course(pick[0], "route")


def _situation(key: str) -> dict[str, Any]:
    return _course(_routes()["situations"][key], key)


def _courses(profile: dict[str, Any], paths: list[PathSuggestion]) -> list[tuple[str, dict[str, Any]]]:
    """The concrete learning steps, most urgent first, each as (lead text, course)."""
    edu = profile.get("education_level")
    status = profile.get("work_status")
    out: list[tuple[str, dict[str, Any]]] = []
    if profile.get("literacy_need") is True or profile.get("goal") == "basisvaardigheden":
        out.append(("Begin hiermee: ", _situation("basis")))
    if edu == "buitenlands":
        out.append(("Laat zien wat je diploma waard is: ", _situation("idw")))
        out.append(("Leer Nederlands als dat nodig is: ", _situation("nt2")))
    for path in paths[:2]:
        c = path.courses[0]
        course = _course(c.id, "ontwikkelpad")
        same = c.name.lower() in path.to_function.lower() or path.to_function.lower() in c.name.lower()
        out.append((f"Word {path.to_function}. Opleiding: " if not same else "Word ", course))
    if not paths:
        sectors = [s for s in (profile.get("sector_interests") or [])]
        current = profile.get("current_sector")
        if isinstance(current, str) and current not in sectors:
            sectors.append(current)
        for sector in sectors[:2] or ["anders"]:
            option = _sector_option(sector, edu if isinstance(edu, str) else None)
            if option is None:
                option = _sector_option("anders", edu if isinstance(edu, str) else None)
            if option is not None:
                out.append((f"Een stap in {sector_label(sector)}: ", option))
    if edu in LOW_EDU:
        if status in WORKING or (profile.get("age") or 0) >= 23:
            out.append(("Heb je al werkervaring? Laat die meetellen met ", _situation("evc")))
        # The Entreeopleiding is only for people who cannot enter mbo 2 (s-bb.nl, Entreeopleiding:
        # toelatingseisen); a vmbo diploma gives access to mbo 2, so it is not the step for them.
        if edu == "geen":
            out.append(("Heb je geen diploma? Begin met de ", _situation("entree")))
    if status == "zzp" or profile.get("goal") == "ondernemen":
        out.append(("Voor je eigen bedrijf: ", _situation("ondernemen")))
    return out


def _action_steps(profile: dict[str, Any], by_id: dict[str, SchemeResult]) -> list[str]:
    """Who to talk to first, from the scheme data (how_to_apply), by the person's situation."""
    how = {s.id: " ".join(s.how_to_apply.split()) for s in load_schemes()}
    steps = []
    for sid in ("uwv_scholing_ww", "gemeente_reintegratie", "werkgever_scholingsvergoeding",
                "zzp_scholingskosten_aftrek", "zij_instroom_leraren"):
        r = by_id.get(sid)
        if r is None:
            continue
        if sid == "zij_instroom_leraren":
            if "onderwijs" in (profile.get("sector_interests") or []) and r.status != "not_eligible" \
                    and profile.get("education_level") in HIGHER_EDU:
                steps.append(f"{r.name}: {how[sid]}")
            continue
        if r.status == "eligible":
            steps.append(f"{r.name}: {how[sid]}")
    if profile.get("at_risk_of_job_loss") is True:
        steps.insert(0, "Je baan is misschien in gevaar. Ga snel naar het Werkcentrum. Daar kijk je samen "
                        "naar werk en een opleiding die past.")
    return steps


def _funding(profile: dict[str, Any], results: list[SchemeResult]) -> list[dict[str, str]]:
    """Eligible money or help, in the order to try it; the loan is never first for bbl."""
    eligible = [r for r in results if r.status == "eligible" and r.scheme_id != "leerwerkloket"]
    if profile.get("preferred_form") == "werkend_leren":
        # Levenlanglerenkrediet is for bol, hbo and wo, not bbl (schemes.md changes; duo.nl).
        eligible.sort(key=lambda r: r.scheme_id == "levenlanglerenkrediet")
    lines = []
    for r in eligible:
        amount = f" Bedrag: {r.amount}." if r.amount and r.amount.lower() not in r.name.lower() else ""
        extra = " ".join(r.reasons[1:])
        lines.append({"scheme_id": r.scheme_id,
                      "text": " ".join(f"{r.name}. {ROUTE_TEXT[r.route]}{amount} {extra}".split())})
    return lines


def _open_points(profile: dict[str, Any], results: list[SchemeResult]) -> list[dict[str, str]]:
    literacy_unasked = profile.get("literacy_need") is None and profile.get("goal") != "basisvaardigheden"
    out = []
    for r in results:
        if r.status != "uncertain":
            continue
        if r.scheme_id in LITERACY_SCHEMES and literacy_unasked:
            continue  # only asked of people for whom it is likely; not an open point for others
        route = r.route
        if route == "employer" and profile.get("work_status") not in ("werknemer_vast", "werknemer_flex"):
            route = "leerwerkloket"  # no employer to ask
        who = WHO_KNOWS.get(route, "Het Werkcentrum weet meer.")
        # The main reason only: the round dates are in the scheme result and the funding lines.
        out.append({"scheme_id": r.scheme_id, "text": " ".join(f"{r.name}. {r.reasons[0]} {who}".split())})
    order = {sid: i for i, sid in enumerate(MATTERS)}
    return sorted(out, key=lambda p: order.get(p["scheme_id"], len(order)))


ROUTE_TEXT = {
    "self": "Je vraagt het zelf aan.", "employer": "Je werkgever vraagt het aan.", "regio": "De regio vraagt het aan.",
    "uwv": "UWV beslist of het kan.", "gemeente": "Vraag het bij je gemeente.", "duo": "Je vraagt het aan bij DUO.",
    "belastingdienst": "Je trekt de kosten af bij de belasting.", "loopbaanadviseur": "Via een loopbaanadviseur.",
    "opleider": "Via de school.", "leerwerkloket": "Via het Werkcentrum.",
}
WHO_KNOWS = {
    "employer": "Vraag het je werkgever.", "uwv": "Vraag het UWV.", "gemeente": "Vraag het je gemeente.",
    "duo": "Vraag het DUO.", "belastingdienst": "Vraag het de Belastingdienst.",
}


def build_advice(profile: dict[str, Any], peildatum: date, study_start: date | None = None) -> dict[str, Any]:
    """The advice JSON of api.md plus what to say; raises ProfileError for an invalid profile.

    ``study_start``: when the study would start, if known (an age limit counts on that day).

    This is the one place that decides the steps, their order, the funding lines, the open
    points and whether to offer an adviser: renderers only format it.
    """
    canonical = validate_profile(profile)
    results = evaluate(canonical, peildatum, study_start)
    paths = paths_for(canonical)
    by_id = {r.scheme_id: r for r in results}
    courses = _courses(canonical, paths)
    course_steps = [_course_text(c, lead) for lead, c in courses]
    # Urgent basics first, then the first course in a sector, then who to talk to, then the rest.
    first = next((i for i, (_, c) in enumerate(courses) if c["kind"] in ("ontwikkelpad", "route")), 0)
    actions = _action_steps(canonical, by_id)
    if canonical.get("at_risk_of_job_loss") is True:
        # A job at risk needs a conversation first, then the course (issue 14: not only the boss).
        steps = actions[:1] + course_steps + actions[1:]
    else:
        steps = course_steps[: first + 1] + actions + course_steps[first + 1 :]
    wanted = set(canonical.get("sector_interests") or [])
    expected = [sector_label(s) for s in expected_sectors() if s in wanted]
    # Only while the Ontwikkelpaden money runs: before 2025 no path was announced (004:L106, letter of
    # 22-11-2024), and after its window the promise has no scheme behind it.
    ontwikkelpaden = by_id.get("ontwikkelpaden_scholingssubsidie")
    if expected and ontwikkelpaden is not None and ontwikkelpaden.status not in ("not_yet_open", "ended"):
        steps.append(
            f"Voor {' en '.join(expected)} zou er een Ontwikkelpad komen. Vraag het Werkcentrum hoe het nu is."
        )
    steps.append(f"Scholen vind je op Leeroverzicht.nl. Of vraag het {WHERE} in jouw regio.")
    funding = _funding(canonical, results)
    open_points = _open_points(canonical, results)
    offer = any(p["scheme_id"] in MATTERS for p in open_points)
    verified = min((s.verified_on for s in load_schemes()), default=peildatum)
    newest = max((s.verified_on for s in load_schemes()), default=peildatum)
    note = (f"Let op: regels over geld voor leren kunnen veranderen. Ik heb ze nagekeken op "
            f"{dutch_date(newest)}. Sommige regels zijn het laatst nagekeken op {dutch_date(verified)}. "
            f"Kijk voor het nieuwste op {WHERE_TO_CHECK}.") if verified != newest else caveat(newest)
    headline = f"Een goede eerste stap: {courses[0][1]['name']}." if courses else "Een goede eerste stap."
    texts = explain([headline, *steps, *(f["text"] for f in funding), *(p["text"] for p in open_points)])
    headline, steps = texts[0], texts[1:1 + len(steps)]
    rest = texts[1 + len(steps):]
    for line, text in zip([*funding, *open_points], rest, strict=True):
        line["text"] = text
    return {
        "peildatum": peildatum.isoformat(),
        "profile": canonical,
        "schemes": [r.to_dict() for r in results],
        "paths": [p.to_dict() for p in paths],
        "next_steps": steps,
        "headline": headline,
        "courses": [c for _, c in courses],
        "funding": funding,
        "open_points": open_points,
        "offer_adviser": offer,
        "note": note,
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
    lines.append("")
    lines.append(advice["note"])
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
