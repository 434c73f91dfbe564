"""Routes: the advice page and PDF behind a secret link, the widget's start and feedback calls.

``setup(app)`` is called by ``assistant.gateway.app.create_app`` (FEATURES).
"""

from __future__ import annotations

from aiohttp import web

from assistant.gateway.app import SERVICE, SESSIONS, SETTINGS, _conversation_id, _known_loket, read_json
from assistant.gateway.channels.common import channel_setting
from assistant.gateway.channels.render import render_widget
from assistant.gateway.console.security import allow_public
from assistant.gateway.documents.service import DEFAULT_DAYS, DocumentService
from assistant.policy.engine import dutch_date
from assistant.storage.db import off_loop

DOCUMENTS = web.AppKey("documents", DocumentService)
GONE = ("Deze link werkt niet meer. Hij is verlopen of bestaat niet. "
        "Vraag in de chat opnieuw: 'Stuur me dit advies'.")
# The token is in the URL: no referrer to other sites, no caching, no indexing, no framing.
PAGE_HEADERS = {
    "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow",
    "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
}


def _gone() -> web.Response:
    page = ('<!doctype html><html lang="nl"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Link verlopen</title>'
            f'</head><body><main><h1>Link verlopen</h1><p>{GONE}</p></main></body></html>')
    return web.Response(status=404, text=page, content_type="text/html", charset="utf-8", headers=PAGE_HEADERS)


def _advice(request: web.Request) -> tuple[dict | None, str]:
    from assistant.advice import build_advice

    docs = request.app[DOCUMENTS]
    doc = docs.lookup(request.match_info["token"])
    if doc is None:
        return None, ""
    return build_advice(doc.profile, doc.peildatum), dutch_date(doc.expires_at.date())


async def advice_page(request: web.Request) -> web.Response:
    from assistant.gateway.documents.render import advice_html

    advice, expires = _advice(request)
    if advice is None:
        return _gone()
    pdf = request.app[DOCUMENTS].pdf_url(request.match_info["token"])
    return web.Response(text=advice_html(advice, pdf, expires), content_type="text/html", charset="utf-8",
                        headers=PAGE_HEADERS)


async def advice_pdf(request: web.Request) -> web.Response:
    from assistant.gateway.documents.render import advice_pdf as make_pdf

    advice, _expires = _advice(request)
    if advice is None:
        return _gone()
    return web.Response(body=make_pdf(advice), content_type="application/pdf", headers={
        **PAGE_HEADERS, "Content-Disposition": 'inline; filename="advies-koers.pdf"'})


async def start_chat(request: web.Request) -> web.Response:
    """The widget opened: the bot starts the talk (see ConversationService.start_conversation)."""
    cid = await _conversation_id(request)
    data = await read_json(request)
    loket_id = _known_loket(data.get("loket_id")) if isinstance(data, dict) else None
    service = request.app[SERVICE]
    replies = await service.start_conversation(cid, channel="web", loket_id=loket_id)
    _, last_seq = await off_loop(service.position, cid)
    return web.json_response({"messages": render_widget(replies), "last_seq": last_seq})


async def feedback(request: web.Request) -> web.Response:
    cid = await _conversation_id(request)
    data = await read_json(request)
    rating = data.get("rating") if isinstance(data, dict) else None
    if not isinstance(rating, str) or not await off_loop(request.app[DOCUMENTS].record_feedback, cid, rating):
        return web.json_response({"error": "Kies duim omhoog of duim omlaag."}, status=400)
    return web.json_response({"ok": True})


def setup(app: web.Application) -> None:
    settings = app[SETTINGS]
    try:
        days = max(1, int(channel_setting(settings, "KOERS_ADVICE_LINK_DAYS", str(DEFAULT_DAYS))))
    except ValueError:
        days = DEFAULT_DAYS
    from assistant.gateway.documents.mail import mailer_from_settings

    docs = DocumentService(app[SESSIONS], app[SERVICE], settings.public_url, days, mailer_from_settings(settings))
    app[DOCUMENTS] = docs
    app[SERVICE].add_signal_handler(docs.on_bot_signals)
    allow_public(app, "/advies/")  # the secret token is the access check
    app.router.add_get("/advies/{token}", advice_page)
    app.router.add_get("/advies/{token}/advies.pdf", advice_pdf)
    app.router.add_post("/api/v1/chat/{conversation_id}/start", start_chat)
    app.router.add_post("/api/v1/chat/{conversation_id}/feedback", feedback)
