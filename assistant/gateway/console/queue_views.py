"""The queue, one case with its live chat and the adviser's actions, and callback tickets.

Lists take their filters from the query string (``status``, ``kanaal``, ``wie``, ``sorteer``,
``pagina``); claiming and assigning are plain forms that come back to the page they came from.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote, urlencode, urlparse

from aiohttp import web
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from assistant.gateway.app import SESSIONS
from assistant.gateway.console import queries, transcripts
from assistant.gateway.console.context import audit, form_field, identity_of, int_param, json_error
from assistant.gateway.console.learning_views import correction_choices
from assistant.gateway.console.pages import CASE_LABELS, render
from assistant.gateway.console.queries import (
    ASSIGNEE_FILTERS,
    CASE_SORTS,
    TICKET_SORTS,
    ListFilter,
    list_cases,
    list_tickets,
    queue_data,
)
from assistant.gateway.handoff import casework
from assistant.gateway.handoff.auth import lokets_of
from assistant.gateway.handoff.models import Adviser, CallAttempt, HandoffCase, Ticket, TicketNote
from assistant.gateway.handoff.service import HandoffError
from assistant.gateway.handoff.web import HANDOFF
from assistant.gateway.lokets import get_loket
from assistant.storage.db import off_loop
from assistant.storage.models import Conversation

LONG_POLL_MAX_S = 25.0
CHANNELS = ("web", "widget", "whatsapp", "telegram")
FILTER_KEYS = ("status", "kanaal", "wie", "sorteer")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _lokets(request: web.Request) -> tuple[str, ...] | None:
    """The lokets whose cases this adviser works on; None for an admin (every loket)."""
    identity = identity_of(request)
    return None if identity.is_admin else lokets_of(request.app[SESSIONS], identity.adviser_id)


def _list_filter(request: web.Request, statuses: tuple[str, ...], sorts: dict[str, str]) -> ListFilter:
    q = request.query
    try:
        page = max(1, min(int(q.get("pagina", "1")), 100000))
    except ValueError:
        page = 1
    return ListFilter(status=q.get("status") if q.get("status") in statuses else None,
                      channel=q.get("kanaal") if q.get("kanaal") in CHANNELS else None,
                      assignee=q.get("wie") if q.get("wie") in ("mij", "niemand") else None,
                      sort=str(q.get("sorteer") or "") if q.get("sorteer") in sorts else "", page=page,
                      lokets=_lokets(request))


def _list_context(request: web.Request, total: int) -> dict[str, Any]:
    """What every list page needs for its filter form and its page links."""
    kept = {k: request.query[k] for k in FILTER_KEYS if request.query.get(k)}
    return {"query": request.query, "pages": max(1, -(-total // queries.PAGE_SIZE)), "total": total,
            "base_query": urlencode(kept), "channels": CHANNELS, "assignee_filters": ASSIGNEE_FILTERS,
            "back": request.path_qs}


def _active_advisers(request: web.Request) -> list[Adviser]:
    with request.app[SESSIONS]() as db:
        return list(db.execute(select(Adviser).where(Adviser.active.is_(True)).order_by(Adviser.username)).scalars())


def _back(raw: str | None, default: str) -> str:
    # Only a local console path: never an open redirect.
    if raw and raw.startswith("/console") and not raw.startswith("//") and not urlparse(raw).netloc:
        return raw
    return default


async def console_home(_request: web.Request) -> web.StreamResponse:
    raise web.HTTPFound("/console/queue")


def _queue_context(request: web.Request) -> dict[str, Any]:
    me = identity_of(request).adviser_id
    flt = _list_filter(request, ("waiting", "active"), CASE_SORTS)
    now = request.app[HANDOFF].now()  # the handoff's clock: waiting times match its timestamps
    rows, total = list_cases(request.app[SESSIONS], flt, me, now)
    lokets = flt.lokets
    _open, open_total = list_tickets(request.app[SESSIONS], ListFilter(lokets=lokets), me, now, page_size=1)
    _mine, unclaimed = list_tickets(request.app[SESSIONS], ListFilter(assignee="niemand", lokets=lokets), me, now,
                                    page_size=1)
    context = _list_context(request, total)
    # Claim and assign come back to the queue with the same filters, also from the live table.
    context["back"] = "/console/queue" + (f"?{request.query_string}" if request.query_string else "")
    return {"rows": rows, "flt": flt, "sorts": CASE_SORTS, "advisers": _active_advisers(request),
            "open_tickets": open_total, "unclaimed_tickets": unclaimed, **context}


async def queue_page(request: web.Request) -> web.Response:
    manager = request.app[HANDOFF]
    lokets = _lokets(request)
    # The adviser's own (first) loket: another loket's hours or advisers say nothing about theirs.
    availability = manager.availability(lokets[0] if lokets else None)
    return render(request, "queue.html", availability=availability, **_queue_context(request))


async def queue_live(request: web.Request) -> web.Response:
    """The queue's table alone, for the page to refresh itself without a reload."""
    return render(request, "_queue_cases.html", **_queue_context(request))


async def queue_api(request: web.Request) -> web.Response:
    me = identity_of(request).adviser_id
    return web.json_response(queue_data(request.app[SESSIONS], now=request.app[HANDOFF].now(), me=me,
                                        cases=_list_filter(request, ("waiting", "active"), CASE_SORTS),
                                        tickets=ListFilter(lokets=_lokets(request))))


async def tickets_page(request: web.Request) -> web.Response:
    me = identity_of(request).adviser_id
    flt = _list_filter(request, ("open", "done"), TICKET_SORTS)
    rows, total = list_tickets(request.app[SESSIONS], flt, me, request.app[HANDOFF].now())
    return render(request, "tickets.html", rows=rows, flt=flt, sorts=TICKET_SORTS,
                  advisers=_active_advisers(request), **_list_context(request, total))


async def _claim_or_assign(request: web.Request, kind: str, action: str) -> web.StreamResponse:
    identity = identity_of(request)
    row_id = int_param(request, "case_id" if kind == "case" else "ticket_id")
    _guard(request, kind, row_id)
    form = await request.post()
    default = "/console/queue" if kind == "case" else "/console/tickets"
    back = _back(form_field(form, "terug"), default)
    sessions = request.app[SESSIONS]
    try:
        if action == "claim":
            casework.claim(sessions, kind, row_id, identity)
            detail: dict[str, Any] = {f"{kind}_id": row_id}
        else:
            raw = form_field(form, "adviser_id") or ""
            if raw and not raw.isdigit():
                raise HandoffError("Kies een adviseur.", status=400)
            casework.assign(sessions, kind, row_id, int(raw) if raw else None)
            detail = {f"{kind}_id": row_id, "to": int(raw) if raw else None}
    except HandoffError as exc:
        return render(request, "error.html", status=exc.status, message=exc.message)
    audit(request, f"{kind}_{action}", None, detail)
    raise web.HTTPFound(back)


def _claim_action(kind: str, action: str) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return await _claim_or_assign(request, kind, action)

    return handler


def _guard(request: web.Request, kind: str, row_id: int) -> None:
    """An adviser works on the cases and tickets of their own lokets (admins on all): another
    loket's row is not found, as if it did not exist."""
    lokets = _lokets(request)
    if lokets is None:
        return
    model = HandoffCase if kind == "case" else Ticket
    with request.app[SESSIONS]() as db:
        loket_id = db.execute(select(Conversation.loket_id).join(model, model.conversation_id == Conversation.id)
                              .where(model.id == row_id)).scalar()
    if get_loket(loket_id).id not in lokets:
        raise web.HTTPNotFound(text="Deze zaak bestaat niet (meer)." if kind == "case"
                               else "Dit verzoek bestaat niet (meer).")


def _case_or_404(request: web.Request) -> HandoffCase:
    case_id = int_param(request, "case_id")
    _guard(request, "case", case_id)
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
                  last_id=messages[-1]["id"] if messages else 0, choices=correction_choices(request),
                  saved=request.query.get("opgeslagen") == "correctie")


def _case_status(sessions: sessionmaker, case_id: int) -> str:
    with sessions() as db:
        fresh = db.get(HandoffCase, case_id)
        return str(fresh.status) if fresh else "closed"


async def case_api(request: web.Request) -> web.Response:
    """The console's long-poll (every few seconds per open case): its reads run off the event loop."""
    case = await off_loop(_case_or_404, request)
    cid = str(case.conversation_id)
    try:
        after = int(request.query.get("after", "0"))
        wait = min(float(request.query.get("wait", "0")), LONG_POLL_MAX_S)
    except ValueError:
        return json_error("'after' en 'wait' moeten getallen zijn.", 400)
    sessions = request.app[SESSIONS]
    messages = await off_loop(transcripts.messages_of, sessions, cid, after)
    if not messages and wait > 0:
        await request.app[HANDOFF].wait_for_change(cid, wait)
        messages = await off_loop(transcripts.messages_of, sessions, cid, after)
    status = await off_loop(_case_status, sessions, int(case.id))
    return web.json_response({"case": {"id": int(case.id), "status": status,
                                       "status_label": CASE_LABELS.get(status, status)},
                              "messages": messages})


async def _case_action(request: web.Request, action: str) -> web.Response:
    identity = identity_of(request)
    case_id = int_param(request, "case_id")
    _guard(request, "case", case_id)
    manager = request.app[HANDOFF]
    try:
        if action == "takeover":
            await manager.take_over(case_id, identity)
            # Who takes over the chat has the case, unless a colleague already claimed it.
            with contextlib.suppress(HandoffError):
                casework.claim(request.app[SESSIONS], "case", case_id, identity)
        elif action == "reply":
            try:
                data = await request.json()
            except ValueError:
                return json_error("Stuur JSON met een veld 'text'.", 400)
            text = data.get("text") if isinstance(data, dict) else None
            if not isinstance(text, str):
                return json_error("Stuur JSON met een veld 'text'.", 400)
            await manager.reply(case_id, identity, text)
        elif action == "handback":
            await manager.hand_back(case_id, identity)
        elif action == "close":
            await manager.close(case_id, identity)
    except HandoffError as exc:
        return json_error(exc.message, exc.status)
    audit(request, f"case_{action}", None, {"case_id": case_id})
    with request.app[SESSIONS]() as db:
        case = db.get(HandoffCase, case_id)
        status = str(case.status) if case else "closed"
    return web.json_response({"ok": True, "status": status, "status_label": CASE_LABELS.get(status, status)})


def _action(name: str) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return await _case_action(request, name)

    return handler


async def ticket_page(request: web.Request, *, error: str | None = None, status: int = 200) -> web.Response:
    ticket_id = int_param(request, "ticket_id")
    _guard(request, "ticket", ticket_id)
    with request.app[SESSIONS]() as db:
        ticket = db.get(Ticket, ticket_id)
        case = db.get(HandoffCase, ticket.case_id) if ticket is not None and ticket.case_id else None
        notes = list(db.execute(select(TicketNote).where(TicketNote.ticket_id == ticket_id)
                                .order_by(TicketNote.id)).scalars())
        attempts = list(db.execute(select(CallAttempt).where(CallAttempt.ticket_id == ticket_id)
                                   .order_by(CallAttempt.id)).scalars())
        names = {int(a.id): str(a.username) for a in db.execute(select(Adviser)).scalars()}
    if ticket is None or ticket.status == "draft":
        raise web.HTTPNotFound(text="Dit verzoek bestaat niet (meer).")
    audit(request, "view_ticket", str(ticket.conversation_id), {"ticket_id": ticket_id})
    return render(request, "ticket.html", status=status, ticket=ticket, case=case, notes=notes, attempts=attempts,
                  names=names, advisers=_active_advisers(request), error=error,
                  saved=request.query.get("opgeslagen") == "1", back=request.path)


async def ticket_work(request: web.Request) -> web.StreamResponse:
    """A note, a call attempt, the outcome or reopening, from the ticket page's forms."""
    identity = identity_of(request)
    ticket_id = int_param(request, "ticket_id")
    _guard(request, "ticket", ticket_id)
    action = request.match_info.get("action", "")
    form = await request.post()
    sessions = request.app[SESSIONS]
    try:
        if action == "notes":
            casework.add_note(sessions, ticket_id, identity, form_field(form, "comment") or "")
        elif action == "attempts":
            casework.add_attempt(sessions, ticket_id, identity, form_field(form, "result") or "",
                                 form_field(form, "comment"))
        elif action == "outcome":
            casework.set_outcome(sessions, ticket_id, identity, form_field(form, "outcome") or "")
        elif action == "reopen":
            casework.reopen(sessions, ticket_id)
        else:
            raise web.HTTPNotFound(text="Niet gevonden.")
    except HandoffError as exc:
        if exc.status == 404:
            raise web.HTTPNotFound(text=exc.message) from exc
        return await ticket_page(request, error=exc.message, status=exc.status)
    audit(request, f"ticket_{action}", None, {"ticket_id": ticket_id})
    raise web.HTTPFound(f"/console/tickets/{quote(str(ticket_id))}?opgeslagen=1")


async def ticket_done(request: web.Request) -> web.StreamResponse:
    ticket_id = int_param(request, "ticket_id")
    _guard(request, "ticket", ticket_id)
    try:
        request.app[HANDOFF].mark_ticket_done(ticket_id, identity_of(request))
    except HandoffError as exc:
        raise web.HTTPNotFound(text=exc.message) from exc
    audit(request, "ticket_done", None, {"ticket_id": ticket_id})
    raise web.HTTPFound("/console/queue")


def setup(app: web.Application) -> None:
    r = app.router
    r.add_get("/console", console_home)
    r.add_get("/console/", console_home)
    r.add_get("/console/queue", queue_page)
    r.add_get("/console/queue/live", queue_live)
    r.add_get("/console/api/queue", queue_api)
    r.add_get("/console/tickets", tickets_page)
    r.add_get("/console/cases/{case_id}", case_page)
    r.add_get("/console/api/cases/{case_id}", case_api)
    for name in ("takeover", "reply", "handback", "close"):
        r.add_post(f"/console/api/cases/{{case_id}}/{name}", _action(name))
    r.add_get("/console/tickets/{ticket_id}", ticket_page)
    r.add_post("/console/tickets/{ticket_id}/done", ticket_done)
    for kind, key in (("case", "case_id"), ("ticket", "ticket_id")):
        for action in ("claim", "assign"):
            r.add_post(f"/console/{kind}s/{{{key}}}/{action}", _claim_action(kind, action))
    r.add_post("/console/tickets/{ticket_id}/{action:notes|attempts|outcome|reopen}", ticket_work)
