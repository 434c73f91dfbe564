"""Console pages of the learning loop (issue 13): correct a misunderstood message, review
corrections (four-eyes), withdraw them, and see improvement runs and the live model.

The rules live in ``assistant.learning``; these views only translate forms into its calls and its
``CorrectionError`` messages (Dutch, B1) into pages. Login, CSRF and the admin check for
``/console/admin/...`` come from the console's middleware in ``security.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from aiohttp import web
from sqlalchemy import select

from assistant.gateway.app import RASA, SESSIONS, SETTINGS
from assistant.gateway.console.context import audit, form_field, identity_of, int_param
from assistant.gateway.console.intent_labels import entity_label, intent_label
from assistant.gateway.console.pages import render
from assistant.gateway.model_version import MODEL_VERSIONS, RunningModel, install
from assistant.gateway.rasa_client import RasaUnavailable
from assistant.learning import corrections
from assistant.learning.corrections import CorrectionError, load_vocabulary, reviews_required
from assistant.learning.model_info import live_model, previous_models
from assistant.learning.models import Correction, CorrectionReview, FaqRequest, ImprovementRun
from assistant.storage.models import Message

RUNS_SHOWN = 10
MAX_TOPIC = 96
NOT_A_USER_MESSAGE = "Alleen berichten van de persoon zelf kun je verbeteren."
SAVED = {
    "correctie": "Je correctie is opgeslagen. Een collega moet hem nog goedkeuren.",
    "faq": "Je aanvraag voor een nieuw FAQ-onderwerp is verstuurd naar de beheerder.",
    "ingetrokken": "De correctie is ingetrokken. De volgende verbeterronde laat hem weg.",
    "beoordeling": "Je beoordeling is opgeslagen.",
    "geladen": "Rasa gebruikt nu het live model.",
}
STATUS_LABELS = {"pending": "wacht op beoordeling", "approved": "goedgekeurd", "rejected": "afgewezen",
                 "withdrawn": "ingetrokken"}
RUN_LABELS = {"running": "bezig", "promoted": "live gezet", "refused": "niet live gezet", "dry_run": "proefrun",
              "failed": "mislukt"}


def _home(request: web.Request) -> Path:
    return Path(request.app[SETTINGS].home)


def correction_choices(request: web.Request) -> dict[str, list[tuple[str, str]]]:
    """What the short form under a person's bubble offers: intents, FAQ topics and entities,
    each as (name, plain Dutch), from the Rasa domain."""
    home = _home(request)
    vocab = load_vocabulary(home)
    intents = sorted(((i, intent_label(i, home)) for i in vocab.intents if not i.startswith("faq/")),
                     key=lambda pair: pair[1])
    faq = sorted(((i, intent_label(i, home)) for i in vocab.intents if i.startswith("faq/")),
                 key=lambda pair: pair[1])
    entities = sorted(((e, entity_label(e)) for e in vocab.entities), key=lambda pair: pair[1])
    return {"intents": intents, "faq": faq, "entities": entities}


def _back(raw: str | None) -> str | None:
    # Only the console's own transcript and case pages: never an open redirect.
    if raw and raw.startswith(("/console/transcripts/", "/console/cases/")) and "//" not in raw \
            and not urlparse(raw).netloc:
        return raw
    return None


def _user_message(request: web.Request, message_id: int) -> dict[str, Any]:
    with request.app[SESSIONS]() as db:
        msg = db.get(Message, message_id)
        if msg is None:
            raise web.HTTPNotFound(text="Dit bericht bestaat niet (meer).")
        if msg.sender != "user" or not msg.text:
            raise web.HTTPBadRequest(text=NOT_A_USER_MESSAGE)
        return {"id": int(msg.id), "conversation_id": str(msg.conversation_id), "text": str(msg.text)}


def _corrections_of(request: web.Request, message_id: int) -> list[Correction]:
    with request.app[SESSIONS]() as db:
        return list(db.execute(select(Correction).where(Correction.message_id == message_id)
                               .order_by(Correction.id)).scalars())


# -- correcting one message ---------------------------------------------------------------------------
async def correct_page(request: web.Request, *, error: str | None = None, status: int = 200,
                       form: dict[str, str] | None = None) -> web.Response:
    message_id = int_param(request, "message_id")
    msg = _user_message(request, message_id)
    vocab = load_vocabulary(_home(request))
    intents = sorted(i for i in vocab.intents if not i.startswith("faq/"))
    faq_topics = sorted(i for i in vocab.intents if i.startswith("faq/"))
    saved = SAVED.get(request.query.get("opgeslagen", ""))
    return render(request, "learning_correct.html", status=status, msg=msg, intents=intents, faq_topics=faq_topics,
                  entities=sorted(vocab.entities), error=error, saved=saved, form=form or {},
                  existing=_corrections_of(request, message_id), STATUS_LABELS=STATUS_LABELS)


async def correct_get(request: web.Request) -> web.Response:
    response = await correct_page(request)
    # The form shows a message of a conversation: logged like opening the transcript.
    msg = _user_message(request, int_param(request, "message_id"))
    audit(request, "learning_view_message", msg["conversation_id"], {"message_id": msg["id"]})
    return response


async def correct_submit(request: web.Request) -> web.StreamResponse:
    message_id = int_param(request, "message_id")
    msg = _user_message(request, message_id)
    identity = identity_of(request)
    form = await request.post()
    values = {k: form_field(form, k) or "" for k in ("intent", "entity", "entity_text", "entity_value")}
    if not values["intent"]:
        return await correct_page(request, error="Kies de juiste intent.", status=400, form=values)
    try:
        cid = corrections.propose(
            request.app[SESSIONS], load_vocabulary(_home(request)), conversation_id=msg["conversation_id"],
            text=msg["text"], intent=values["intent"], adviser_id=identity.adviser_id,
            adviser_name=identity.username, entity=values["entity"] or None,
            entity_text=values["entity_text"] or None, entity_value=values["entity_value"] or None,
            message_id=message_id)
    except CorrectionError as exc:
        return await correct_page(request, error=str(exc), status=400, form=values)
    audit(request, "learning_propose", msg["conversation_id"], {"correction_id": cid, "intent": values["intent"]})
    back = _back(form_field(form, "terug"))
    if back is not None:  # the short form under a bubble: back to the conversation, at that message
        raise web.HTTPFound(f"{back}?opgeslagen=correctie#m{message_id}")
    raise web.HTTPFound(f"/console/learning/messages/{message_id}/correct?opgeslagen=correctie")


async def faq_submit(request: web.Request) -> web.StreamResponse:
    message_id = int_param(request, "message_id")
    msg = _user_message(request, message_id)
    identity = identity_of(request)
    form = await request.post()
    topic = " ".join((form_field(form, "topic") or "").split())[:MAX_TOPIC]
    if not topic:
        return await correct_page(request, error="Schrijf kort op over welk onderwerp de vraag gaat.", status=400)
    rid = corrections.request_faq_topic(request.app[SESSIONS], text=msg["text"], topic=topic,
                                        adviser_name=identity.username, conversation_id=msg["conversation_id"])
    audit(request, "learning_faq_request", msg["conversation_id"], {"request_id": rid})
    raise web.HTTPFound(f"/console/learning/messages/{message_id}/correct?opgeslagen=faq")


async def withdraw_submit(request: web.Request) -> web.StreamResponse:
    correction_id = int_param(request, "correction_id")
    identity = identity_of(request)
    with request.app[SESSIONS]() as db:
        row = db.get(Correction, correction_id)
        message_id = row.message_id if row is not None else None
    try:
        corrections.withdraw(request.app[SESSIONS], correction_id, by_id=identity.adviser_id,
                             by_name=identity.username, is_admin=identity.is_admin)
    except CorrectionError as exc:
        raise web.HTTPForbidden(text=str(exc)) from exc
    audit(request, "learning_withdraw", None, {"correction_id": correction_id})
    if request.path.startswith("/console/admin/") or message_id is None:
        raise web.HTTPFound("/console/admin/learning?opgeslagen=ingetrokken")
    raise web.HTTPFound(f"/console/learning/messages/{message_id}/correct?opgeslagen=ingetrokken")


# -- admin: review, runs, live model --------------------------------------------------------------------
def _reviews(request: web.Request, ids: list[int]) -> dict[int, list[CorrectionReview]]:
    out: dict[int, list[CorrectionReview]] = {}
    if not ids:
        return out
    with request.app[SESSIONS]() as db:
        for r in db.execute(select(CorrectionReview).where(CorrectionReview.correction_id.in_(ids))
                            .order_by(CorrectionReview.id)).scalars():
            out.setdefault(int(r.correction_id), []).append(r)
    return out


async def overview_page(request: web.Request, *, error: str | None = None, status: int = 200) -> web.Response:
    sessions = request.app[SESSIONS]
    home = _home(request)
    with sessions() as db:
        pending = list(db.execute(select(Correction).where(Correction.status == "pending")
                                  .order_by(Correction.id)).scalars())
        approved = list(db.execute(select(Correction).where(Correction.status == "approved")
                                   .order_by(Correction.id.desc())).scalars())
        faq = list(db.execute(select(FaqRequest).where(FaqRequest.status == "open")
                              .order_by(FaqRequest.id.desc())).scalars())
        runs = list(db.execute(select(ImprovementRun).order_by(ImprovementRun.id.desc())
                               .limit(RUNS_SHOWN)).scalars())
    live = live_model(home)
    running: RunningModel | None = await request.app[MODEL_VERSIONS].running()
    return render(request, "learning_admin.html", status=status, pending=pending, approved=approved, faq=faq,
                  runs=runs, reviews=_reviews(request, [int(c.id) for c in pending]), live=live, running=running,
                  previous=[p.name for p in previous_models(home)], needed=reviews_required(), error=error,
                  saved=SAVED.get(request.query.get("opgeslagen", "")),
                  STATUS_LABELS=STATUS_LABELS, RUN_LABELS=RUN_LABELS)


async def overview_get(request: web.Request) -> web.Response:
    return await overview_page(request)


async def review_submit(request: web.Request) -> web.StreamResponse:
    correction_id = int_param(request, "correction_id")
    identity = identity_of(request)
    form = await request.post()
    verdict = form_field(form, "verdict") or ""
    try:
        new_status = corrections.review(request.app[SESSIONS], correction_id, reviewer_id=identity.adviser_id,
                                        reviewer_name=identity.username, verdict=verdict)
    except CorrectionError as exc:
        return await overview_page(request, error=str(exc), status=400)
    audit(request, "learning_review", None, {"correction_id": correction_id, "verdict": verdict,
                                             "status": new_status})
    raise web.HTTPFound("/console/admin/learning?opgeslagen=beoordeling")


async def run_page(request: web.Request) -> web.Response:
    run_id = int_param(request, "run_id")
    with request.app[SESSIONS]() as db:
        run = db.get(ImprovementRun, run_id)
        if run is None:
            raise web.HTTPNotFound(text="Deze verbeterronde bestaat niet.")
        report: dict[str, Any] = dict(run.report or {})
    return render(request, "learning_run.html", run=run, report=report, RUN_LABELS=RUN_LABELS)


async def reload_submit(request: web.Request) -> web.Response:
    """Let Rasa load the live model file (e.g. after ``koers improve`` promoted a candidate)."""
    live = live_model(_home(request))
    if live is None:
        return await overview_page(request, error="Er is nog geen model om te laden.", status=400)
    load = getattr(request.app[RASA], "load_model", None)
    if load is None:
        return await overview_page(request, error="Deze Rasa kan geen ander model laden.", status=400)
    try:
        await load(str(live.path.resolve()))
    except RasaUnavailable as exc:
        return await overview_page(request, error=f"Rasa kon het model niet laden ({exc}). Het oude model blijft "
                                   "actief.", status=502)
    request.app[MODEL_VERSIONS].forget()
    audit(request, "learning_load_model", None, {"model_id": live.model_id, "sha256": live.sha256})
    raise web.HTTPFound("/console/admin/learning?opgeslagen=geladen")


def setup(app: web.Application) -> None:
    """Called from ``routes.setup`` after the console middleware is in place."""
    install(app)
    r = app.router
    r.add_get("/console/learning/messages/{message_id}/correct", correct_get)
    r.add_post("/console/learning/messages/{message_id}/correct", correct_submit)
    r.add_post("/console/learning/messages/{message_id}/faq", faq_submit)
    r.add_post("/console/learning/corrections/{correction_id}/withdraw", withdraw_submit)
    r.add_get("/console/admin/learning", overview_get)
    r.add_post("/console/admin/learning/corrections/{correction_id}/review", review_submit)
    r.add_post("/console/admin/learning/corrections/{correction_id}/withdraw", withdraw_submit)
    r.add_get("/console/admin/learning/runs/{run_id}", run_page)
    r.add_post("/console/admin/learning/reload", reload_submit)
