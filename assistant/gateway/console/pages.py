"""Server-rendered console pages: the Jinja2 environment (autoescaping on), filters and labels."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web

from assistant.gateway.console.advice_text import advice_line
from assistant.gateway.console.context import IDENTITY
from assistant.gateway.console.profile_view import MARKS, field_labels, profile_rows, value_label
from assistant.gateway.handoff.auth import Identity
from assistant.gateway.handoff.availability import TZ
from assistant.gateway.handoff.models import ATTEMPT_RESULTS, TICKET_OUTCOMES

HERE = Path(__file__).parent

# Field labels come from the vocabulary (the one source), never written out here again.
PROFILE_LABELS = field_labels()
STATUS_LABELS = {
    "eligible": "kan", "uncertain": "onzeker", "not_yet_open": "nog niet open", "not_eligible": "kan niet",
    "ended": "gestopt",
}
CASE_LABELS = {"waiting": "wacht", "active": "in gesprek", "ticket": "terugbelverzoek", "returned": "terug bij Koers",
               "closed": "gesloten"}
SENDER_LABELS = {"user": "Persoon", "bot": "Koers", "adviser": "Adviseur", "system": "Koers (service)"}
REASON_LABELS = {"user_request": "vroeg zelf om een mens", "fallback": "Koers begreep het niet",
                 "uncertain_advice": "advies onzeker"}
TICKET_STATUS_LABELS = {"open": "open", "done": "afgehandeld"}
TICKET_KIND_LABELS = {"callback": "terugbellen", "appointment": "afspraak"}
OUTCOME_LABELS = dict(zip(TICKET_OUTCOMES, ("advies gegeven", "afspraak gemaakt", "doorverwezen",
                                            "niet bereikt", "geen hulp meer nodig"), strict=True))
ATTEMPT_LABELS = dict(zip(ATTEMPT_RESULTS, ("gesproken", "geen gehoor", "voicemail ingesproken",
                                            "verkeerd nummer", "e-mail gestuurd"), strict=True))
CONVERSATION_LABELS = {"bot": "bij Koers", "handoff_requested": "wacht op een adviseur",
                       "handoff_active": "bij een adviseur", "closed": "gesloten"}
CHANNEL_LABELS = {"web": "website", "widget": "widget", "whatsapp": "WhatsApp", "telegram": "Telegram"}


def fmt_wait(minutes: int) -> str:
    """Waiting time in plain words: "5 min", "2 u 10 min", "3 dagen"."""
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        return f"{hours} u {rest} min" if rest else f"{hours} u"
    days = minutes // (24 * 60)
    return "1 dag" if days == 1 else f"{days} dagen"


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
ENV.filters["wait"] = fmt_wait
ENV.globals.update(PROFILE_LABELS=PROFILE_LABELS, STATUS_LABELS=STATUS_LABELS, CASE_LABELS=CASE_LABELS,
                   SENDER_LABELS=SENDER_LABELS, REASON_LABELS=REASON_LABELS, OUTCOME_LABELS=OUTCOME_LABELS,
                   ATTEMPT_LABELS=ATTEMPT_LABELS, TICKET_STATUS_LABELS=TICKET_STATUS_LABELS,
                   TICKET_KIND_LABELS=TICKET_KIND_LABELS, CHANNEL_LABELS=CHANNEL_LABELS, MARKS=MARKS,
                   CONVERSATION_LABELS=CONVERSATION_LABELS, advice_line=advice_line,
                   profile_rows=profile_rows, value_label=value_label)


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    identity: Identity | None = request.get(IDENTITY)
    html = ENV.get_template(template).render(
        me=identity, csrf=identity.csrf_token if identity else "", path=request.path, **context)
    return web.Response(text=html, content_type="text/html", charset="utf-8", status=status)
