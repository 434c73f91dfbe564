"""No console data without login: every registered route is tried anonymously."""

import re

import pytest
from sqlalchemy import select

from assistant.gateway.app import SESSIONS
from assistant.gateway.console.security import is_public
from assistant.gateway.handoff.models import HandoffCase, Ticket
from tests.conftest import chat_auth

from .conftest import CLOSED_TIME, handoff_replies

CID = "web-secret-conversation-01"
SECRET_TEXT = "Mijn geheime vraag over schulden"


@pytest.fixture
async def populated(client, app, fake_rasa):
    from assistant.gateway.handoff.web import HANDOFF

    app[HANDOFF].now = lambda: CLOSED_TIME
    fake_rasa.replies["mens"] = handoff_replies()
    fake_rasa.slots[CID] = {"age": 40}
    for text in (SECRET_TEXT, "mens", "ja", "Geheimnaam", "geheim@example.nl", "ochtend"):
        await client.post(f"/api/v1/chat/{CID}/messages", json={"text": text}, headers=chat_auth(client, CID))
    with app[SESSIONS]() as db:
        case_id = db.execute(select(HandoffCase.id)).scalar_one()
        ticket_id = db.execute(select(Ticket.id)).scalar_one()
    return {"conversation_id": CID, "case_id": str(case_id), "ticket_id": str(ticket_id),
            "annotation_id": "1", "adviser_id": "1", "action": "unlock", "loket_id": "demo",
            "filename": "console.js"}


def concrete(path: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)(?::[^}]*)?\}", lambda m: values.get(m.group(1), "x"), path)


async def test_every_non_public_route_refuses_anonymous_access(client, app, populated):
    checked = 0
    for resource in app.router.resources():
        info = resource.get_info()
        path = info.get("path") or info.get("formatter") or (str(info.get("prefix", "")) + "/console.js")
        url = concrete(path, populated)
        if is_public(app, url):
            continue
        for route in resource:
            if route.method in ("HEAD", "OPTIONS", "*"):
                continue
            resp = await client.request(route.method, url, allow_redirects=False, json={"text": "x"})
            body = await resp.text()
            assert resp.status in (302, 401), f"{route.method} {url} -> {resp.status}"
            if resp.status == 302:
                assert resp.headers["Location"].startswith("/console/login")
            for secret in (SECRET_TEXT, "Geheimnaam", "geheim@example.nl", '"age"'):
                assert secret not in body, f"{route.method} {url} leaks {secret}"
            checked += 1
    assert checked >= 25


async def test_public_routes_are_only_the_intended_ones(app):
    public = set()
    for resource in app.router.resources():
        info = resource.get_info()
        path = info.get("path") or info.get("formatter") or info.get("prefix")
        if is_public(app, concrete(str(path), {})):
            public.add(str(path))
    assert not any(p.startswith("/console") and p not in ("/console/login", "/console/static") for p in public)
    assert not any("conversations" in p or "advice" in p for p in public)


async def test_path_tricks_do_not_bypass_login(client, populated):
    for url in (f"/api/v1/chat/../conversations/{CID}/advice", f"/api/v1/chat/%2e%2e/conversations/{CID}/advice",
                f"/static/../console/transcripts/{CID}", f"/console/static/../transcripts/{CID}",
                f"/CONSOLE/transcripts/{CID}"):
        resp = await client.get(url, allow_redirects=False)
        assert resp.status in (302, 400, 401, 403, 404), url
        assert SECRET_TEXT not in await resp.text()


async def test_console_responses_are_not_cached_or_framed(client, advisers):
    from .conftest import login

    await login(client, "anna")
    resp = await client.get("/console/queue")
    assert resp.headers["Cache-Control"] == "no-store"
    assert resp.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]


async def test_input_sizes_are_bounded(client, advisers):
    from .conftest import login

    await login(client, "anna")
    resp = await client.get("/console/transcripts?q=" + "a" * 5000)
    assert resp.status == 200
    big = await client.post("/api/v1/auth/login", json={"username": "a", "password": "x" * 200_000})
    assert big.status == 413
