"""Admin pages: adviser accounts, the audit log and the transcript export."""

from __future__ import annotations

from datetime import datetime

from aiohttp import web
from sqlalchemy import select

from assistant.gateway.app import SESSIONS, SETTINGS
from assistant.gateway.console import transcripts
from assistant.gateway.console.context import audit, date_param, identity_of, int_param
from assistant.gateway.console.pages import render
from assistant.gateway.handoff import auth
from assistant.gateway.handoff.availability import TZ
from assistant.gateway.handoff.models import Adviser, AuditEntry
from assistant.gateway.lokets import load_lokets


async def advisers_page(request: web.Request, message: str | None = None, error: str | None = None,
                        status: int = 200) -> web.Response:
    with request.app[SESSIONS]() as db:
        advisers = list(db.execute(select(Adviser).order_by(Adviser.username)).scalars())
    locked = auth.delayed_accounts(request.app[SESSIONS], request.app[SETTINGS].secret_key)
    configured, default = load_lokets()
    return render(request, "advisers.html", advisers=advisers, locked=locked, message=message, error=error,
                  status=status, lokets=auth.lokets_by_adviser(request.app[SESSIONS]),
                  all_lokets=sorted(configured.values(), key=lambda lk: lk.name), default_loket=default)


async def advisers_list(request: web.Request) -> web.Response:
    return await advisers_page(request)


async def adviser_create(request: web.Request) -> web.Response:
    form = await request.post()
    try:
        auth.create_adviser(request.app[SESSIONS], str(form.get("username") or "")[:64],
                            str(form.get("password") or "")[:auth.MAX_PASSWORD_CHARS + 1],
                            str(form.get("role") or "adviser"), [str(v) for v in form.getall("loket", [])])
    except auth.AuthError as exc:
        return await advisers_page(request, error=str(exc), status=400)
    audit(request, "adviser_add", None, {"username": str(form.get("username"))[:64]})
    return await advisers_page(request, message="De adviseur is toegevoegd.")


async def adviser_update(request: web.Request) -> web.Response:
    adviser_id = int_param(request, "adviser_id")
    action = request.match_info.get("action")
    sessions = request.app[SESSIONS]
    if action == "unlock":
        ok = auth.unlock(sessions, adviser_id, request.app[SETTINGS].secret_key)
    elif action == "lokets":
        form = await request.post()
        try:
            auth.set_lokets_of(sessions, adviser_id, [str(v) for v in form.getall("loket", [])])
        except auth.AuthError as exc:
            return await advisers_page(request, error=str(exc), status=400)
        ok = True
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
    since = date_param(request.query.get("sinds"))
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


def setup(app: web.Application) -> None:
    r = app.router
    r.add_get("/console/admin/advisers", advisers_list)
    r.add_post("/console/admin/advisers", adviser_create)
    r.add_post("/console/admin/advisers/{adviser_id}/{action}", adviser_update)
    r.add_get("/console/admin/audit", audit_page)
    r.add_get("/console/admin/export", export_download)
