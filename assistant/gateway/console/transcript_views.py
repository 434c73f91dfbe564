"""Transcripts (list, filters, one conversation), advisers' notes on them, and the dashboard."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any
from urllib.parse import quote

from aiohttp import web
from sqlalchemy import select

from assistant.gateway.app import RASA, SESSIONS, SETTINGS
from assistant.gateway.console import transcripts
from assistant.gateway.console.context import (
    audit,
    bool_param,
    conversation_id,
    date_param,
    form_field,
    identity_of,
    int_param,
)
from assistant.gateway.console.intent_labels import intent_label
from assistant.gateway.console.learning_views import correction_choices
from assistant.gateway.console.pages import render
from assistant.gateway.console.profile_view import notes_from_state
from assistant.gateway.documents.service import feedback_counts
from assistant.gateway.handoff.availability import TZ
from assistant.gateway.handoff.models import Adviser, Annotation, HandoffCase
from assistant.gateway.lokets import load_lokets
from assistant.gateway.rasa_client import RasaUnavailable
from assistant.storage.models import Conversation

log = logging.getLogger(__name__)

SAVED_TEXTS = {"1": "De notitie is opgeslagen.",
               "correctie": "Je correctie is opgeslagen. Een collega moet hem nog goedkeuren."}

def _filter_from(request: web.Request) -> transcripts.TranscriptFilter:
    q = request.query
    try:
        page = max(1, min(int(q.get("page", "1")), 100000))
    except ValueError:
        page = 1
    return transcripts.TranscriptFilter(
        date_from=date_param(q.get("van")), date_to=date_param(q.get("tot")),
        channel=(q.get("kanaal") or None) and q["kanaal"][:32], loket_id=(q.get("loket") or None) and q["loket"][:64],
        outcome=q.get("uitkomst") if q.get("uitkomst") in ("advies", "geen") else None,
        handoff=bool_param(q.get("adviseur")), fallback=bool_param(q.get("fallback")),
        query=(q.get("q") or "").strip()[:transcripts.MAX_QUERY_CHARS] or None, page=page,
        sort=str(q.get("sorteer") or "") if q.get("sorteer") in ("nieuw", "oud") else "",
    )


async def transcripts_page(request: web.Request) -> web.Response:
    flt = _filter_from(request)
    rows, total = transcripts.list_conversations(request.app[SESSIONS], flt)
    audit(request, "list_transcripts", None, {"query": bool(flt.query), "page": flt.page})
    lokets, _default = load_lokets()
    base = {k: v for k, v in request.query.items() if k != "page"}
    return render(request, "transcripts.html", rows=rows, total=total, flt=flt, lokets=sorted(lokets),
                  query=request.query, pages=max(1, -(-total // transcripts.PAGE_SIZE)),
                  base_query="&".join(f"{quote(k)}={quote(v)}" for k, v in base.items()))


async def transcript_page(request: web.Request) -> web.Response:
    cid = conversation_id(request)
    sessions = request.app[SESSIONS]
    row = transcripts.conversation_row(sessions, cid)
    if row is None:
        raise web.HTTPNotFound(text="Dit gesprek bestaat niet (meer).")
    audit(request, "view_transcript", cid)
    messages = transcripts.messages_of(sessions, cid)
    with sessions() as db:
        cases = list(db.execute(select(HandoffCase).where(HandoffCase.conversation_id == cid)
                                .order_by(HandoffCase.id)).scalars())
        notes = list(db.execute(select(Annotation).where(Annotation.conversation_id == cid)
                                .order_by(Annotation.id)).scalars())
        names = {int(a.id): str(a.username) for a in db.execute(select(Adviser)).scalars()}
    profile: dict[str, Any] | None = None
    intake_notes: dict[str, Any] | None = None
    advice: dict[str, Any] | None = None
    advice_error = None
    try:
        tracker = await request.app[RASA].tracker(cid)
        if tracker is not None:
            from assistant.advice import build_advice
            from assistant.intake.slots import profile_from_slots

            slots = tracker.get("slots") or {}
            profile = profile_from_slots(slots)
            intake_notes = notes_from_state(slots.get("koers_state"))
            advice = build_advice(profile, datetime.now(TZ).date())
    except RasaUnavailable:
        advice_error = "Koers (Rasa) is nu niet bereikbaar; het profiel kan niet worden opgehaald."
    except Exception as exc:  # show the transcript even when the advice cannot be built
        log.warning("advice for transcript failed", extra={"error": str(exc)})
        advice_error = "Het advies kon niet worden gemaakt."
    if advice is None and cases and cases[-1].advice:
        advice = cases[-1].advice
        profile = profile or cases[-1].summary
    if not intake_notes and cases:
        intake_notes = cases[-1].intake_notes
    by_message: dict[int, list[Annotation]] = {}
    for note in notes:
        by_message.setdefault(int(note.message_id or 0), []).append(note)
    return render(request, "transcript.html", row=row, messages=messages, cases=cases, notes=notes,
                  by_message=by_message, names=names, profile=profile, advice=advice, advice_error=advice_error,
                  intake_notes=intake_notes, choices=correction_choices(request),
                  saved=SAVED_TEXTS.get(request.query.get("opgeslagen", "")))


async def add_annotation(request: web.Request) -> web.StreamResponse:
    cid = conversation_id(request)
    identity = identity_of(request)
    form = await request.post()
    kind = form_field(form, "kind")
    sessions = request.app[SESSIONS]
    message_id: int | None = None
    raw_mid = form_field(form, "message_id")
    if raw_mid and raw_mid.isdigit():
        message_id = int(raw_mid)
    with sessions() as db:
        if db.get(Conversation, cid) is None:
            raise web.HTTPNotFound(text="Dit gesprek bestaat niet (meer).")
        if message_id is not None:
            from assistant.storage.models import Message

            msg = db.get(Message, message_id)
            if msg is None or msg.conversation_id != cid:
                raise web.HTTPBadRequest(text="Dit bericht hoort niet bij dit gesprek.")
    note = Annotation(conversation_id=cid, message_id=message_id, kind=kind or "", adviser_id=identity.adviser_id)
    if kind == "misunderstood":
        note.intent = form_field(form, "intent")
        note.entity = form_field(form, "entity")
        note.entity_text = form_field(form, "entity_text")
        note.entity_value = form_field(form, "entity_value")
        for name in ("intent", "entity", "entity_value"):
            value = getattr(note, name)
            if value is not None and not re.fullmatch(r"[a-z0-9_/]+", value):
                raise web.HTTPBadRequest(text=f"'{name}' mag alleen kleine letters, cijfers, _ en / bevatten.")
        if message_id is None or not (note.intent or (note.entity and note.entity_text)):
            raise web.HTTPBadRequest(text="Kies een bericht en vul de juiste intent of entiteit in.")
    elif kind == "advice":
        verdict = form_field(form, "verdict")
        if verdict not in ("right", "wrong"):
            raise web.HTTPBadRequest(text="Kies of het advies goed of fout was.")
        note.verdict = verdict
    elif kind == "tag":
        note.tag = form_field(form, "tag")
        if not note.tag:
            raise web.HTTPBadRequest(text="Vul een label in.")
    else:
        raise web.HTTPBadRequest(text="Onbekend soort notitie.")
    note.comment = form_field(form, "comment")
    with sessions.begin() as db:
        db.add(note)
    audit(request, "annotate", cid, {"kind": kind})
    raise web.HTTPFound(f"/console/transcripts/{quote(cid)}?opgeslagen=1")


async def delete_annotation(request: web.Request) -> web.StreamResponse:
    annotation_id = int_param(request, "annotation_id")
    identity = identity_of(request)
    with request.app[SESSIONS].begin() as db:
        note = db.get(Annotation, annotation_id)
        if note is None:
            raise web.HTTPNotFound(text="Deze notitie bestaat niet (meer).")
        if note.adviser_id != identity.adviser_id and not identity.is_admin:
            raise web.HTTPForbidden(text="Je kunt alleen je eigen notities verwijderen.")
        cid = str(note.conversation_id)
        db.delete(note)
    audit(request, "delete_annotation", cid, {"annotation_id": annotation_id})
    raise web.HTTPFound(f"/console/transcripts/{quote(cid)}")


async def dashboard_page(request: web.Request) -> web.Response:
    try:
        days = int(request.query.get("dagen", "30"))
    except ValueError:
        days = 30
    data = transcripts.dashboard(request.app[SESSIONS], days)
    peak = max((n for _d, n in data.per_day), default=0)
    feedback = feedback_counts(request.app[SESSIONS], data.days)  # thumbs under the advice
    home = request.app[SETTINGS].home
    topics = [(intent_label(name, home), n) for name, n in data.top_intents]
    return render(request, "dashboard.html", data=data, peak=peak, feedback=feedback, topics=topics)


def setup(app: web.Application) -> None:
    r = app.router
    r.add_get("/console/transcripts", transcripts_page)
    r.add_get("/console/transcripts/{conversation_id}", transcript_page)
    r.add_post("/console/transcripts/{conversation_id}/annotations", add_annotation)
    r.add_post("/console/annotations/{annotation_id}/delete", delete_annotation)
    r.add_get("/console/dashboard", dashboard_page)
