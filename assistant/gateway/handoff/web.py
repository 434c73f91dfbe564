"""Adviser console and APIs: routes, the authentication middleware, and wiring into the service.

Deny by default: every path needs a logged-in adviser except the public ones listed in
``PUBLIC_EXACT`` / ``PUBLIC_PREFIXES`` (health, the chat page and its API, static files, the
widget, loket config and channel webhooks, which check their own signatures). Another feature can
add public paths with ``allow_public(app, prefix)``.

Pages are server-rendered with Jinja2 (autoescaping on); the live views poll small JSON APIs.
State-changing requests need the session's CSRF token (form field ``csrf_token`` or header
``X-CSRF-Token``); the JSON login needs ``Content-Type: application/json`` instead, which a
cross-site form cannot send.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

import jinja2
from aiohttp import web
from sqlalchemy import select

from assistant.gateway import erasure
from assistant.gateway.app import RASA, SERVICE, SESSIONS, SETTINGS, SHARED
from assistant.gateway.handoff import auth, transcripts
from assistant.gateway.handoff.auth import Identity
from assistant.gateway.handoff.availability import TZ
from assistant.gateway.handoff.models import Adviser, Annotation, AuditEntry, HandoffCase, Ticket
from assistant.gateway.handoff.service import HandoffError, HandoffManager
from assistant.gateway.lokets import load_lokets
from assistant.gateway.rasa_client import RasaUnavailable
from assistant.privacy.rasa_events import EVENTS, has_events_table
from assistant.privacy.redact import redact_callback_answer
from assistant.privacy.retention import purge_older_than
from assistant.shared_state.loops import stop_task
from assistant.storage.models import Conversation

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
HANDOFF = web.AppKey("handoff", HandoffManager)
PUBLIC = web.AppKey("public_prefixes", list)
IDENTITY = "koers.identity"

PUBLIC_EXACT = frozenset({
    "/", "/health", "/favicon.ico", "/robots.txt", "/console/login", "/api/v1/auth/login",
    "/api/v1/chat", "/demo", "/widget.js", "/widget.css",
})
PUBLIC_PREFIXES = ("/static/", "/console/static/", "/api/v1/chat/", "/webhooks/", "/widget/", "/api/v1/lokets/")
ADMIN_PREFIXES = ("/console/admin",)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CONVERSATION_ID = re.compile(r"^[A-Za-z0-9_.:+=-]{1,128}$")
LONG_POLL_MAX_S = 25.0
RETENTION_EVERY_S = 6 * 3600.0
MAX_FIELD = {"comment": 2000, "tag": 64, "intent": 64, "entity": 64, "entity_text": 200, "entity_value": 200}

NOT_LOGGED_IN = "Log eerst in als adviseur."
CSRF_FAILED = "Deze actie is geweigerd: het beveiligingstoken ontbreekt of klopt niet. Laad de pagina opnieuw."
ADMIN_ONLY = "Alleen een beheerder mag dit."

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

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


# -- templates -------------------------------------------------------------------------------------
def _fmt_dt(value: datetime | None) -> str:
    if value is None:
        return ""
    value = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return value.astimezone(TZ).strftime("%d-%m-%Y %H:%M")


def _fmt_value(value: Any) -> str:
    if value is None or value == []:
        return "onbekend"
    if value is True:
        return "ja"
    if value is False:
        return "nee"
    if isinstance(value, list):
        return ", ".join(str(v).replace("_", " ") for v in value)
    return str(value).replace("_", " ")


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(HERE / "templates")),
    autoescape=jinja2.select_autoescape(["html"]),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["dt"] = _fmt_dt
_ENV.filters["hm"] = lambda iso: _fmt_dt(datetime.fromisoformat(iso))[-5:] if iso else ""
_ENV.filters["value"] = _fmt_value
_ENV.filters["pct"] = lambda v: f"{round(float(v) * 100)}%"
_ENV.globals.update(PROFILE_LABELS=PROFILE_LABELS, STATUS_LABELS=STATUS_LABELS, CASE_LABELS=CASE_LABELS,
                    SENDER_LABELS=SENDER_LABELS, REASON_LABELS=REASON_LABELS)


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    identity: Identity | None = request.get(IDENTITY)
    html = _ENV.get_template(template).render(
        me=identity, csrf=identity.csrf_token if identity else "", path=request.path, **context)
    return web.Response(text=html, content_type="text/html", charset="utf-8", status=status)


# -- helpers ----------------------------------------------------------------------------------------
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


def _json_error(message: str, status: int, **extra: Any) -> web.Response:
    return web.json_response({"error": message, **extra}, status=status)


def _int_param(request: web.Request, name: str) -> int:
    raw = request.match_info.get(name, "")
    if not raw.isdigit() or len(raw) > 12:
        raise web.HTTPNotFound(text="Niet gevonden.")
    return int(raw)


def _conversation_id(request: web.Request) -> str:
    cid = request.match_info.get("conversation_id", "")
    if not CONVERSATION_ID.match(cid):
        raise web.HTTPNotFound(text="Niet gevonden.")
    return cid


def _date_param(raw: str | None) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        raise web.HTTPBadRequest(text=f"'{raw[:20]}' is geen datum. Gebruik JJJJ-MM-DD.") from None


def _bool_param(raw: str | None) -> bool | None:
    return {"ja": True, "nee": False}.get((raw or "").lower())


def _secure_cookie(request: web.Request) -> bool:
    return request.secure or request.app[SETTINGS].public_url.startswith("https://")


def _set_session_cookie(request: web.Request, response: web.StreamResponse, token: str) -> None:
    response.set_cookie(auth.COOKIE_NAME, token, httponly=True, samesite="Strict", path="/",
                        secure=_secure_cookie(request), max_age=int(auth.session_max_age().total_seconds()))


def _safe_next(raw: str | None) -> str:
    # Only local console paths: no open redirect to another site.
    if raw and raw.startswith("/console") and not raw.startswith("//") and not urlparse(raw).netloc:
        return raw
    return "/console/queue"


# -- middleware -------------------------------------------------------------------------------------
def allow_public(app: web.Application, prefix: str) -> None:
    """Let another feature declare a path prefix that needs no adviser login."""
    app[PUBLIC].append(prefix)


def is_public(app: web.Application, path: str) -> bool:
    if path in PUBLIC_EXACT:
        return True
    return any(path.startswith(p) for p in (*PUBLIC_PREFIXES, *app[PUBLIC]))


def _wants_html(request: web.Request) -> bool:
    return (request.method == "GET" and request.path.startswith("/console")
            and not request.path.startswith("/console/api/"))


async def _csrf_supplied(request: web.Request) -> str | None:
    header = request.headers.get("X-CSRF-Token")
    if header:
        return header
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        value = form.get("csrf_token")
        return value if isinstance(value, str) else None
    return None


def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    if not (request.path.startswith("/console") or request.path.startswith("/api/v1/")):
        return
    if response.prepared:
        return
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if request.path.startswith("/console"):
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        )


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    path = request.path
    if "/../" in path or path.endswith("/..") or "\\" in path:
        return web.Response(status=400, text="Ongeldig pad.")
    if is_public(request.app, path):
        response = await handler(request)
        _security_headers(request, response)
        return response
    settings = request.app[SETTINGS]
    identity = auth.authenticate(request.app[SESSIONS], settings.secret_key, request.cookies.get(auth.COOKIE_NAME))
    if identity is None:
        if _wants_html(request):
            raise web.HTTPFound(f"/console/login?next={quote(path)}")
        response = _json_error(NOT_LOGGED_IN, 401)
        _security_headers(request, response)
        return response
    request[IDENTITY] = identity
    if request.method not in SAFE_METHODS and not auth.csrf_ok(identity, await _csrf_supplied(request)):
        response = _json_error(CSRF_FAILED, 403)
        _security_headers(request, response)
        return response
    if any(path.startswith(p) for p in ADMIN_PREFIXES) and not identity.is_admin:
        response = (render(request, "error.html", status=403, message=ADMIN_ONLY) if _wants_html(request)
                    else _json_error(ADMIN_ONLY, 403))
        _security_headers(request, response)
        return response
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        _security_headers(request, exc)
        raise
    _security_headers(request, response)
    return response


# -- login / logout ---------------------------------------------------------------------------------
async def login_page(request: web.Request) -> web.Response:
    token = secrets.token_urlsafe(24)
    response = render(request, "login.html", login_csrf=token, next=_safe_next(request.query.get("next")),
                      error=None, username="")
    response.set_cookie(auth.LOGIN_CSRF_COOKIE, token, httponly=True, samesite="Strict", path="/console/login",
                        secure=_secure_cookie(request), max_age=3600)
    return response


async def login_submit(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    supplied = str(form.get("csrf_token") or "")
    expected = request.cookies.get(auth.LOGIN_CSRF_COOKIE, "")
    username = str(form.get("username") or "")[:64]
    next_url = _safe_next(str(form.get("next") or ""))
    if not expected or not secrets.compare_digest(supplied, expected):
        return render(request, "login.html", status=403, login_csrf=expected or secrets.token_urlsafe(24),
                      next=next_url, username=username,
                      error="De pagina was verlopen. Probeer het nog een keer.")
    result = await auth.login_async(request.app[SESSIONS], request.app[SETTINGS].secret_key, username,
                                    str(form.get("password") or ""), client_ip=request.remote or "")
    if result.status != "ok" or result.token is None:
        log.info("console login refused", extra={"status": result.status})
        # One status and text for unknown name, wrong password and a delayed try.
        return render(request, "login.html", status=401,
                      login_csrf=expected, next=next_url, username=username, error=result.message)
    response = web.HTTPFound(next_url)
    _set_session_cookie(request, response, result.token)
    response.del_cookie(auth.LOGIN_CSRF_COOKIE, path="/console/login")
    raise response


async def api_login(request: web.Request) -> web.Response:
    if request.content_type != "application/json":
        return _json_error("Stuur JSON met 'username' en 'password'.", 415)
    try:
        data = await request.json()
    except ValueError:
        return _json_error("Stuur JSON met 'username' en 'password'.", 400)
    if not isinstance(data, dict) or not isinstance(data.get("username"), str) \
            or not isinstance(data.get("password"), str):
        return _json_error("Stuur JSON met 'username' en 'password'.", 400)
    result = await auth.login_async(request.app[SESSIONS], request.app[SETTINGS].secret_key, data["username"],
                                    data["password"], client_ip=request.remote or "")
    if result.status != "ok" or result.token is None or result.identity is None:
        return _json_error(result.message, 401)
    response = web.json_response({"csrf_token": result.identity.csrf_token, "username": result.identity.username,
                                  "role": result.identity.role})
    _set_session_cookie(request, response, result.token)
    return response


async def logout(request: web.Request) -> web.StreamResponse:
    identity = identity_of(request)
    auth.logout(request.app[SESSIONS], identity.session_id)
    if request.path.startswith("/api/"):
        response: web.StreamResponse = web.json_response({"ok": True})
        response.del_cookie(auth.COOKIE_NAME, path="/")
        return response
    redirect = web.HTTPFound("/console/login")
    redirect.del_cookie(auth.COOKIE_NAME, path="/")
    raise redirect


async def api_me(request: web.Request) -> web.Response:
    identity = identity_of(request)
    return web.json_response({"username": identity.username, "role": identity.role,
                              "csrf_token": identity.csrf_token})


# -- advice API -------------------------------------------------------------------------------------
def _known_to_rasa(request: web.Request, cid: str) -> bool | None:
    """Whether Rasa's tracker table has rows for this sender; None when the table is not here."""
    engine = request.app[SESSIONS].kw["bind"]
    if not has_events_table(engine):
        return None
    with engine.connect() as conn:
        return conn.execute(select(EVENTS.c.id).where(EVENTS.c.sender_id == cid).limit(1)).first() is not None


async def conversation_advice(request: web.Request) -> web.Response:
    cid = _conversation_id(request)
    peildatum = _date_param(request.query.get("date")) or datetime.now(TZ).date()
    with request.app[SESSIONS]() as db:
        known = db.get(Conversation, cid) is not None
    if not known and _known_to_rasa(request, cid) is False:
        return _json_error("Dit gesprek bestaat niet.", 404)  # and do not make Rasa create a tracker
    try:
        tracker = await request.app[RASA].tracker(cid)
    except RasaUnavailable:
        return _json_error("Koers (Rasa) is nu niet bereikbaar. Probeer het later opnieuw.", 503)
    if not known and (tracker is None or not any(e.get("event") == "user" for e in tracker.get("events") or [])):
        return _json_error("Dit gesprek bestaat niet.", 404)
    from assistant.advice import build_advice
    from assistant.intake.profile import ProfileError
    from assistant.intake.slots import profile_from_slots

    slots = (tracker or {}).get("slots") or {}
    try:
        advice = build_advice(profile_from_slots(slots), peildatum)
    except ProfileError as exc:
        return _json_error(f"Het profiel van dit gesprek klopt niet: {exc.message}", 422, field=exc.field)
    audit(request, "view_advice", cid, {"peildatum": peildatum.isoformat()})
    return web.json_response(advice, dumps=_dumps)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


# -- queue and live chat ---------------------------------------------------------------------------
def _queue_data(request: web.Request) -> dict[str, Any]:
    now = datetime.now(timezone.utc)
    with request.app[SESSIONS]() as db:
        cases = list(db.execute(select(HandoffCase).where(HandoffCase.status.in_(("waiting", "active")))
                                .order_by(HandoffCase.created_at)).scalars())
        advisers = {int(a.id): str(a.username) for a in db.execute(select(Adviser)).scalars()}
        tickets = list(db.execute(select(Ticket).where(Ticket.status == "open").order_by(Ticket.created_at)).scalars())

    def minutes(since: datetime | None) -> int:
        if since is None:
            return 0
        since = since if since.tzinfo else since.replace(tzinfo=timezone.utc)
        return max(0, int((now - since).total_seconds() // 60))

    return {
        "cases": [{
            "id": int(c.id), "conversation_id": c.conversation_id, "status": c.status,
            "status_label": CASE_LABELS.get(str(c.status), c.status), "reason": c.reason,
            "reason_label": REASON_LABELS.get(str(c.reason), c.reason or ""), "loket_id": c.loket_id,
            "adviser": advisers.get(int(c.adviser_id)) if c.adviser_id else None,
            "waiting_minutes": minutes(c.created_at), "created_at": _fmt_dt(c.created_at),
            "summary": {PROFILE_LABELS.get(k, k): _fmt_value(v) for k, v in (c.summary or {}).items()
                        if v not in (None, [], "")},
        } for c in cases],
        # Contact details stay on the ticket page (audited); the queue shows what is needed to pick
        # one, and the free-text preferred time only redacted ("dinsdag, met Anna, 06-…").
        "tickets": [{
            "id": int(t.id), "kind": "afspraak" if t.kind == "appointment" else "terugbellen",
            "preferred_time": redact_callback_answer(t.preferred_time) if t.preferred_time else None,
            "created_at": _fmt_dt(t.created_at),
            "conversation_id": t.conversation_id,
        } for t in tickets],
    }


async def console_home(_request: web.Request) -> web.StreamResponse:
    raise web.HTTPFound("/console/queue")


async def queue_page(request: web.Request) -> web.Response:
    manager = request.app[HANDOFF]
    availability = manager.availability(None)
    return render(request, "queue.html", queue=_queue_data(request), availability=availability)


async def queue_api(request: web.Request) -> web.Response:
    return web.json_response(_queue_data(request))


def _case_or_404(request: web.Request) -> HandoffCase:
    case_id = _int_param(request, "case_id")
    with request.app[SESSIONS]() as db:
        case = db.get(HandoffCase, case_id)
    if case is None:
        raise web.HTTPNotFound(text="Deze zaak bestaat niet (meer).")
    return case


async def case_page(request: web.Request) -> web.Response:
    case = _case_or_404(request)
    audit(request, "view_case", str(case.conversation_id), {"case_id": int(case.id)})
    messages = transcripts.messages_of(request.app[SESSIONS], str(case.conversation_id))
    adviser = None
    if case.adviser_id:
        with request.app[SESSIONS]() as db:
            row = db.get(Adviser, case.adviser_id)
            adviser = row.username if row else None
    return render(request, "case.html", case=case, messages=messages, adviser=adviser,
                  last_id=messages[-1]["id"] if messages else 0)


async def case_api(request: web.Request) -> web.Response:
    case = _case_or_404(request)
    cid = str(case.conversation_id)
    try:
        after = int(request.query.get("after", "0"))
        wait = min(float(request.query.get("wait", "0")), LONG_POLL_MAX_S)
    except ValueError:
        return _json_error("'after' en 'wait' moeten getallen zijn.", 400)
    messages = transcripts.messages_of(request.app[SESSIONS], cid, after)
    if not messages and wait > 0:
        await request.app[HANDOFF].wait_for_change(cid, wait)
        messages = transcripts.messages_of(request.app[SESSIONS], cid, after)
    with request.app[SESSIONS]() as db:
        fresh = db.get(HandoffCase, case.id)
        status = str(fresh.status) if fresh else "closed"
    return web.json_response({"case": {"id": int(case.id), "status": status,
                                       "status_label": CASE_LABELS.get(status, status)},
                              "messages": messages})


async def _case_action(request: web.Request, action: str) -> web.Response:
    identity = identity_of(request)
    case_id = _int_param(request, "case_id")
    manager = request.app[HANDOFF]
    try:
        if action == "takeover":
            await manager.take_over(case_id, identity)
        elif action == "reply":
            try:
                data = await request.json()
            except ValueError:
                return _json_error("Stuur JSON met een veld 'text'.", 400)
            text = data.get("text") if isinstance(data, dict) else None
            if not isinstance(text, str):
                return _json_error("Stuur JSON met een veld 'text'.", 400)
            await manager.reply(case_id, identity, text)
        elif action == "handback":
            await manager.hand_back(case_id, identity)
        elif action == "close":
            await manager.close(case_id, identity)
    except HandoffError as exc:
        return _json_error(exc.message, exc.status)
    audit(request, f"case_{action}", None, {"case_id": case_id})
    with request.app[SESSIONS]() as db:
        case = db.get(HandoffCase, case_id)
        status = str(case.status) if case else "closed"
    return web.json_response({"ok": True, "status": status, "status_label": CASE_LABELS.get(status, status)})


def _action(name: str) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return await _case_action(request, name)

    return handler


async def ticket_page(request: web.Request) -> web.Response:
    ticket_id = _int_param(request, "ticket_id")
    with request.app[SESSIONS]() as db:
        ticket = db.get(Ticket, ticket_id)
        case = db.get(HandoffCase, ticket.case_id) if ticket is not None and ticket.case_id else None
    if ticket is None or ticket.status == "draft":
        raise web.HTTPNotFound(text="Dit verzoek bestaat niet (meer).")
    audit(request, "view_ticket", str(ticket.conversation_id), {"ticket_id": ticket_id})
    return render(request, "ticket.html", ticket=ticket, case=case)


async def ticket_done(request: web.Request) -> web.StreamResponse:
    ticket_id = _int_param(request, "ticket_id")
    try:
        request.app[HANDOFF].mark_ticket_done(ticket_id, identity_of(request))
    except HandoffError as exc:
        raise web.HTTPNotFound(text=exc.message) from exc
    audit(request, "ticket_done", None, {"ticket_id": ticket_id})
    raise web.HTTPFound("/console/queue")


# -- transcripts and annotations ---------------------------------------------------------------------
def _filter_from(request: web.Request) -> transcripts.TranscriptFilter:
    q = request.query
    try:
        page = max(1, min(int(q.get("page", "1")), 100000))
    except ValueError:
        page = 1
    return transcripts.TranscriptFilter(
        date_from=_date_param(q.get("van")), date_to=_date_param(q.get("tot")),
        channel=(q.get("kanaal") or None) and q["kanaal"][:32], loket_id=(q.get("loket") or None) and q["loket"][:64],
        outcome=q.get("uitkomst") if q.get("uitkomst") in ("advies", "geen") else None,
        handoff=_bool_param(q.get("adviseur")), fallback=_bool_param(q.get("fallback")),
        query=(q.get("q") or "").strip()[:transcripts.MAX_QUERY_CHARS] or None, page=page,
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
    cid = _conversation_id(request)
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
    advice: dict[str, Any] | None = None
    advice_error = None
    try:
        tracker = await request.app[RASA].tracker(cid)
        if tracker is not None:
            from assistant.advice import build_advice
            from assistant.intake.slots import profile_from_slots

            profile = profile_from_slots(tracker.get("slots") or {})
            advice = build_advice(profile, datetime.now(TZ).date())
    except RasaUnavailable:
        advice_error = "Koers (Rasa) is nu niet bereikbaar; het profiel kan niet worden opgehaald."
    except Exception as exc:  # show the transcript even when the advice cannot be built
        log.warning("advice for transcript failed", extra={"error": str(exc)})
        advice_error = "Het advies kon niet worden gemaakt."
    if advice is None and cases and cases[-1].advice:
        advice = cases[-1].advice
        profile = profile or cases[-1].summary
    intents, entities = transcripts.domain_vocabulary(str(request.app[SETTINGS].home))
    by_message: dict[int, list[Annotation]] = {}
    for note in notes:
        by_message.setdefault(int(note.message_id or 0), []).append(note)
    return render(request, "transcript.html", row=row, messages=messages, cases=cases, notes=notes,
                  by_message=by_message, names=names, profile=profile, advice=advice, advice_error=advice_error,
                  intents=intents, entities=entities, saved=request.query.get("opgeslagen") == "1")


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    return value[:MAX_FIELD.get(name, 200)]


async def add_annotation(request: web.Request) -> web.StreamResponse:
    cid = _conversation_id(request)
    identity = identity_of(request)
    form = await request.post()
    kind = _field(form, "kind")
    sessions = request.app[SESSIONS]
    message_id: int | None = None
    raw_mid = _field(form, "message_id")
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
        note.intent = _field(form, "intent")
        note.entity = _field(form, "entity")
        note.entity_text = _field(form, "entity_text")
        note.entity_value = _field(form, "entity_value")
        for name in ("intent", "entity", "entity_value"):
            value = getattr(note, name)
            if value is not None and not re.fullmatch(r"[a-z0-9_/]+", value):
                raise web.HTTPBadRequest(text=f"'{name}' mag alleen kleine letters, cijfers, _ en / bevatten.")
        if message_id is None or not (note.intent or (note.entity and note.entity_text)):
            raise web.HTTPBadRequest(text="Kies een bericht en vul de juiste intent of entiteit in.")
    elif kind == "advice":
        verdict = _field(form, "verdict")
        if verdict not in ("right", "wrong"):
            raise web.HTTPBadRequest(text="Kies of het advies goed of fout was.")
        note.verdict = verdict
    elif kind == "tag":
        note.tag = _field(form, "tag")
        if not note.tag:
            raise web.HTTPBadRequest(text="Vul een label in.")
    else:
        raise web.HTTPBadRequest(text="Onbekend soort notitie.")
    note.comment = _field(form, "comment")
    with sessions.begin() as db:
        db.add(note)
    audit(request, "annotate", cid, {"kind": kind})
    raise web.HTTPFound(f"/console/transcripts/{quote(cid)}?opgeslagen=1")


async def delete_annotation(request: web.Request) -> web.StreamResponse:
    annotation_id = _int_param(request, "annotation_id")
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
    feedback = None
    try:  # thumbs up/down under the advice (assistant/gateway/documents)
        from assistant.gateway.documents.service import feedback_counts

        feedback = feedback_counts(request.app[SESSIONS], data.days)
    except ModuleNotFoundError:
        pass
    return render(request, "dashboard.html", data=data, peak=peak, feedback=feedback)


# -- admin ------------------------------------------------------------------------------------------
async def advisers_page(request: web.Request, message: str | None = None, error: str | None = None,
                        status: int = 200) -> web.Response:
    with request.app[SESSIONS]() as db:
        advisers = list(db.execute(select(Adviser).order_by(Adviser.username)).scalars())
    locked = auth.delayed_accounts(request.app[SESSIONS], request.app[SETTINGS].secret_key)
    return render(request, "advisers.html", advisers=advisers, locked=locked, message=message, error=error,
                  status=status)


async def advisers_list(request: web.Request) -> web.Response:
    return await advisers_page(request)


async def adviser_create(request: web.Request) -> web.Response:
    form = await request.post()
    try:
        auth.create_adviser(request.app[SESSIONS], str(form.get("username") or "")[:64],
                            str(form.get("password") or "")[:auth.MAX_PASSWORD_CHARS + 1],
                            str(form.get("role") or "adviser"))
    except auth.AuthError as exc:
        return await advisers_page(request, error=str(exc), status=400)
    audit(request, "adviser_add", None, {"username": str(form.get("username"))[:64]})
    return await advisers_page(request, message="De adviseur is toegevoegd.")


async def adviser_update(request: web.Request) -> web.Response:
    adviser_id = _int_param(request, "adviser_id")
    action = request.match_info.get("action")
    sessions = request.app[SESSIONS]
    if action == "unlock":
        ok = auth.unlock(sessions, adviser_id, request.app[SETTINGS].secret_key)
    elif action in ("deactivate", "activate"):
        if action == "deactivate" and adviser_id == identity_of(request).adviser_id:
            return await advisers_page(request, error="Je kunt je eigen account niet uitzetten.", status=400)
        ok = auth.set_active(sessions, adviser_id, action == "activate")
    else:
        raise web.HTTPNotFound(text="Niet gevonden.")
    if not ok:
        raise web.HTTPNotFound(text="Deze adviseur bestaat niet.")
    audit(request, f"adviser_{action}", None, {"adviser_id": adviser_id})
    return await advisers_page(request, message="Opgeslagen.")


async def audit_page(request: web.Request) -> web.Response:
    cid = (request.query.get("gesprek") or "").strip()[:128] or None
    with request.app[SESSIONS]() as db:
        q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(500)
        if cid:
            q = q.where(AuditEntry.conversation_id == cid)
        entries = list(db.execute(q).scalars())
    return render(request, "audit.html", entries=entries, gesprek=cid or "")


async def export_download(request: web.Request) -> web.StreamResponse:
    fmt = request.query.get("format", "jsonl")
    since = _date_param(request.query.get("sinds"))
    audit(request, "export", None, {"format": fmt, "since": since.isoformat() if since else None})
    sessions = request.app[SESSIONS]
    stamp = datetime.now(TZ).strftime("%Y%m%d")
    if fmt == "rasa-nlu":
        result = transcripts.export_nlu(sessions, since)
        return web.Response(text=result.yaml_text, content_type="application/x-yaml", charset="utf-8",
                            headers={"Content-Disposition": f'attachment; filename="koers-nlu-{stamp}.yml"'})
    if fmt != "jsonl":
        raise web.HTTPBadRequest(text="Kies format=jsonl of format=rasa-nlu.")
    response = web.StreamResponse(headers={
        "Content-Type": "application/x-ndjson; charset=utf-8",
        "Content-Disposition": f'attachment; filename="koers-transcripts-{stamp}.jsonl"',
        "Cache-Control": "no-store",
    })
    await response.prepare(request)
    for line in transcripts.export_jsonl(sessions, since):
        await response.write((line + "\n").encode("utf-8"))
    await response.write_eof()
    return response


# -- wiring -----------------------------------------------------------------------------------------
async def _retention_loop(app: web.Application) -> None:
    while True:
        try:
            # One replica purges; the lead outlives the pause, so it stays with the same one.
            if await app[SHARED].leadership.is_leader("retention", ttl_s=2.5 * RETENTION_EVERY_S):
                purge_older_than(app[SESSIONS], app[SETTINGS].retention_days)
                auth.purge_expired_sessions(app[SESSIONS])
        except Exception:  # keep serving; the next round retries
            log.exception("retention purge failed")
        await asyncio.sleep(RETENTION_EVERY_S)


async def _background(app: web.Application) -> AsyncIterator[None]:
    task = asyncio.create_task(_retention_loop(app))
    yield
    await stop_task(task)


def setup(app: web.Application) -> None:
    manager = HandoffManager(app[SESSIONS], app[SERVICE], app[RASA], updates=app[SHARED].updates)
    manager.install()
    erasure.install(app[SERVICE])
    app[HANDOFF] = manager
    app[PUBLIC] = []
    app.middlewares.append(auth_middleware)
    app.cleanup_ctx.append(_background)
    r = app.router
    r.add_get("/console/login", login_page)
    r.add_post("/console/login", login_submit)
    r.add_post("/console/logout", logout)
    r.add_post("/api/v1/auth/login", api_login)
    r.add_post("/api/v1/auth/logout", logout)
    r.add_get("/api/v1/auth/me", api_me)
    r.add_get("/api/v1/conversations/{conversation_id}/advice", conversation_advice)
    r.add_get("/console", console_home)
    r.add_get("/console/", console_home)
    r.add_get("/console/queue", queue_page)
    r.add_get("/console/api/queue", queue_api)
    r.add_get("/console/cases/{case_id}", case_page)
    r.add_get("/console/api/cases/{case_id}", case_api)
    for name in ("takeover", "reply", "handback", "close"):
        r.add_post(f"/console/api/cases/{{case_id}}/{name}", _action(name))
    r.add_get("/console/tickets/{ticket_id}", ticket_page)
    r.add_post("/console/tickets/{ticket_id}/done", ticket_done)
    r.add_get("/console/transcripts", transcripts_page)
    r.add_get("/console/transcripts/{conversation_id}", transcript_page)
    r.add_post("/console/transcripts/{conversation_id}/annotations", add_annotation)
    r.add_post("/console/annotations/{annotation_id}/delete", delete_annotation)
    r.add_get("/console/dashboard", dashboard_page)
    r.add_get("/console/admin/advisers", advisers_list)
    r.add_post("/console/admin/advisers", adviser_create)
    r.add_post("/console/admin/advisers/{adviser_id}/{action}", adviser_update)
    r.add_get("/console/admin/audit", audit_page)
    r.add_get("/console/admin/export", export_download)
    r.add_static("/console/static/", HERE / "static", name="console_static")
    from assistant.gateway.handoff import learning_views  # imports this module: load it last

    learning_views.setup(app)
