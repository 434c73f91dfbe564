"""``GET /api/v1/conversations/{id}/advice``: the advice for a conversation's profile (logged in)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from aiohttp import web
from sqlalchemy import select

from assistant.gateway.app import RASA, SESSIONS
from assistant.gateway.console.context import audit, conversation_id, date_param, json_error
from assistant.gateway.handoff.availability import TZ
from assistant.gateway.rasa_client import RasaUnavailable
from assistant.privacy.rasa_events import EVENTS, has_events_table
from assistant.storage.models import Conversation


def _known_to_rasa(request: web.Request, cid: str) -> bool | None:
    """Whether Rasa's tracker table has rows for this sender; None when the table is not here."""
    engine = request.app[SESSIONS].kw["bind"]
    if not has_events_table(engine):
        return None
    with engine.connect() as conn:
        return conn.execute(select(EVENTS.c.id).where(EVENTS.c.sender_id == cid).limit(1)).first() is not None


async def conversation_advice(request: web.Request) -> web.Response:
    cid = conversation_id(request)
    peildatum = date_param(request.query.get("date")) or datetime.now(TZ).date()
    with request.app[SESSIONS]() as db:
        known = db.get(Conversation, cid) is not None
    if not known and _known_to_rasa(request, cid) is False:
        return json_error("Dit gesprek bestaat niet.", 404)  # and do not make Rasa create a tracker
    try:
        tracker = await request.app[RASA].tracker(cid)
    except RasaUnavailable:
        return json_error("Koers (Rasa) is nu niet bereikbaar. Probeer het later opnieuw.", 503)
    if not known and (tracker is None or not any(e.get("event") == "user" for e in tracker.get("events") or [])):
        return json_error("Dit gesprek bestaat niet.", 404)
    from assistant.advice import build_advice
    from assistant.intake.profile import ProfileError
    from assistant.intake.slots import profile_from_slots

    slots = (tracker or {}).get("slots") or {}
    try:
        advice = build_advice(profile_from_slots(slots), peildatum)
    except ProfileError as exc:
        return json_error(f"Het profiel van dit gesprek klopt niet: {exc.message}", 422, field=exc.field)
    audit(request, "view_advice", cid, {"peildatum": peildatum.isoformat()})
    return web.json_response(advice, dumps=_dumps)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def setup(app: web.Application) -> None:
    app.router.add_get("/api/v1/conversations/{conversation_id}/advice", conversation_advice)
