"""The queue, one case with its live chat and the adviser's actions, and callback tickets."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

from assistant.gateway.app import SESSIONS
from assistant.gateway.console import transcripts
from assistant.gateway.console.context import audit, identity_of, int_param, json_error
from assistant.gateway.console.pages import CASE_LABELS, render
from assistant.gateway.console.queries import queue_data
from assistant.gateway.handoff.models import Adviser, HandoffCase, Ticket
from assistant.gateway.handoff.service import HandoffError
from assistant.gateway.handoff.web import HANDOFF

LONG_POLL_MAX_S = 25.0

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


async def console_home(_request: web.Request) -> web.StreamResponse:
    raise web.HTTPFound("/console/queue")


async def queue_page(request: web.Request) -> web.Response:
    manager = request.app[HANDOFF]
    availability = manager.availability(None)
    return render(request, "queue.html", queue=queue_data(request.app[SESSIONS]), availability=availability)


async def queue_api(request: web.Request) -> web.Response:
    return web.json_response(queue_data(request.app[SESSIONS]))


def _case_or_404(request: web.Request) -> HandoffCase:
    case_id = int_param(request, "case_id")
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
        return json_error("'after' en 'wait' moeten getallen zijn.", 400)
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
    case_id = int_param(request, "case_id")
    manager = request.app[HANDOFF]
    try:
        if action == "takeover":
            await manager.take_over(case_id, identity)
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


async def ticket_page(request: web.Request) -> web.Response:
    ticket_id = int_param(request, "ticket_id")
    with request.app[SESSIONS]() as db:
        ticket = db.get(Ticket, ticket_id)
        case = db.get(HandoffCase, ticket.case_id) if ticket is not None and ticket.case_id else None
    if ticket is None or ticket.status == "draft":
        raise web.HTTPNotFound(text="Dit verzoek bestaat niet (meer).")
    audit(request, "view_ticket", str(ticket.conversation_id), {"ticket_id": ticket_id})
    return render(request, "ticket.html", ticket=ticket, case=case)


async def ticket_done(request: web.Request) -> web.StreamResponse:
    ticket_id = int_param(request, "ticket_id")
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
    r.add_get("/console/api/queue", queue_api)
    r.add_get("/console/cases/{case_id}", case_page)
    r.add_get("/console/api/cases/{case_id}", case_api)
    for name in ("takeover", "reply", "handback", "close"):
        r.add_post(f"/console/api/cases/{{case_id}}/{name}", _action(name))
    r.add_get("/console/tickets/{ticket_id}", ticket_page)
    r.add_post("/console/tickets/{ticket_id}/done", ticket_done)
