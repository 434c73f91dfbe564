"""Per-request helpers shared by the console's views: who is logged in, audit, parameters."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from aiohttp import web

from assistant.gateway.app import SESSIONS
from assistant.gateway.handoff.auth import Identity
from assistant.gateway.handoff.models import AuditEntry

IDENTITY = "koers.identity"
NOT_LOGGED_IN = "Log eerst in als adviseur."
CONVERSATION_ID = re.compile(r"^[A-Za-z0-9_.:+=-]{1,128}$")
MAX_FIELD = {"comment": 2000, "tag": 64, "intent": 64, "entity": 64, "entity_text": 200, "entity_value": 200}


def identity_of(request: web.Request) -> Identity:
    identity: Identity | None = request.get(IDENTITY)
    if identity is None:  # the middleware guarantees this; keep the check for safety
        raise web.HTTPUnauthorized(text=NOT_LOGGED_IN)
    return identity


def audit(request: web.Request, action: str, conversation_id: str | None = None,
          detail: dict[str, Any] | None = None) -> None:
    identity: Identity | None = request.get(IDENTITY)
    with request.app[SESSIONS].begin() as db:
        db.add(AuditEntry(adviser_id=identity.adviser_id if identity else None,
                          username=identity.username if identity else "-", action=action,
                          conversation_id=conversation_id, detail=detail))


def json_error(message: str, status: int, **extra: Any) -> web.Response:
    return web.json_response({"error": message, **extra}, status=status)


def int_param(request: web.Request, name: str) -> int:
    raw = request.match_info.get(name, "")
    if not raw.isdigit() or len(raw) > 12:
        raise web.HTTPNotFound(text="Niet gevonden.")
    return int(raw)


def conversation_id(request: web.Request) -> str:
    cid = request.match_info.get("conversation_id", "")
    if not CONVERSATION_ID.match(cid):
        raise web.HTTPNotFound(text="Niet gevonden.")
    return cid


def date_param(raw: str | None) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        raise web.HTTPBadRequest(text=f"'{raw[:20]}' is geen datum. Gebruik JJJJ-MM-DD.") from None


def bool_param(raw: str | None) -> bool | None:
    return {"ja": True, "nee": False}.get((raw or "").lower())


def form_field(form: Any, name: str) -> str | None:
    """A trimmed, length-capped text field of a posted form; None when empty."""
    value = form.get(name)
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    return value[:MAX_FIELD.get(name, 200)]
