"""Server-rendered console pages: the Jinja2 environment (autoescaping on), filters and labels."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web

from assistant.gateway.console.context import IDENTITY
from assistant.gateway.handoff.auth import Identity
from assistant.gateway.handoff.availability import TZ

HERE = Path(__file__).parent

PROFILE_LABELS = {
    "age": "Leeftijd", "education_level": "Hoogste diploma", "work_status": "Werksituatie",
    "at_risk_of_job_loss": "Baan in gevaar", "hours_per_week": "Uren per week", "employer_size": "Werkgever",
    "current_sector": "Sector nu", "sector_interests": "Interesse in", "goal": "Doel",
    "literacy_need": "Hulp bij taal/rekenen/digitaal", "receives_studiefinanciering": "Studiefinanciering",
    "municipality": "Gemeente", "region_code": "Arbeidsmarktregio",
    "connected_to_dutch_labour_market": "Band met NL arbeidsmarkt", "max_hours_study_per_week": "Uren studie per week",
    "preferred_form": "Leervorm",
}
STATUS_LABELS = {
    "eligible": "kan", "uncertain": "onzeker", "not_yet_open": "nog niet open", "not_eligible": "kan niet",
    "ended": "gestopt",
}
CASE_LABELS = {"waiting": "wacht", "active": "in gesprek", "ticket": "terugbelverzoek", "returned": "terug bij Koers",
               "closed": "gesloten"}
SENDER_LABELS = {"user": "Persoon", "bot": "Koers", "adviser": "Adviseur", "system": "Koers (service)"}
REASON_LABELS = {"user_request": "vroeg zelf om een mens", "fallback": "Koers begreep het niet",
                 "uncertain_advice": "advies onzeker"}


def fmt_dt(value: datetime | None) -> str:
    if value is None:
        return ""
    value = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return value.astimezone(TZ).strftime("%d-%m-%Y %H:%M")


def fmt_value(value: Any) -> str:
    if value is None or value == []:
        return "onbekend"
    if value is True:
        return "ja"
    if value is False:
        return "nee"
    if isinstance(value, list):
        return ", ".join(str(v).replace("_", " ") for v in value)
    return str(value).replace("_", " ")


ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(HERE / "templates")),
    autoescape=jinja2.select_autoescape(["html"]),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["dt"] = fmt_dt
ENV.filters["hm"] = lambda iso: fmt_dt(datetime.fromisoformat(iso))[-5:] if iso else ""
ENV.filters["value"] = fmt_value
ENV.filters["pct"] = lambda v: f"{round(float(v) * 100)}%"
ENV.globals.update(PROFILE_LABELS=PROFILE_LABELS, STATUS_LABELS=STATUS_LABELS, CASE_LABELS=CASE_LABELS,
                   SENDER_LABELS=SENDER_LABELS, REASON_LABELS=REASON_LABELS)


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    identity: Identity | None = request.get(IDENTITY)
    html = ENV.get_template(template).render(
        me=identity, csrf=identity.csrf_token if identity else "", path=request.path, **context)
    return web.Response(text=html, content_type="text/html", charset="utf-8", status=status)
