"""Login, lockout, session expiry, CSRF and roles, through HTTP and directly."""

from datetime import timedelta

from sqlalchemy import select, update

from assistant.gateway.app import SESSIONS
from assistant.gateway.handoff import auth
from assistant.gateway.handoff.models import Adviser, AdviserSession, AuditEntry
from assistant.storage.models import utcnow

from .conftest import PASSWORD, login


async def test_wrong_password_is_refused_with_a_generic_message(client, advisers):
    resp = await client.post("/api/v1/auth/login", json={"username": "anna", "password": "fout wachtwoord!"})
    assert resp.status == 401
    assert (await resp.json())["error"] == auth.INVALID_LOGIN
    unknown = await client.post("/api/v1/auth/login", json={"username": "niemand", "password": PASSWORD})
    assert unknown.status == 401
    assert (await unknown.json())["error"] == auth.INVALID_LOGIN
    assert auth.COOKIE_NAME not in {c.key for c in client.session.cookie_jar}


async def test_login_sets_a_hardened_session_cookie(client, advisers):
    resp = await client.post("/api/v1/auth/login", json={"username": "Anna", "password": PASSWORD})
    assert resp.status == 200
    body = await resp.json()
    assert body["role"] == "adviser" and len(body["csrf_token"]) >= 32
    header = resp.headers.getone("Set-Cookie")
    assert header.startswith(f"{auth.COOKIE_NAME}=")
    assert "HttpOnly" in header and "SameSite=Strict" in header and "Path=/" in header
    me = await client.get("/api/v1/auth/me")
    assert me.status == 200 and (await me.json())["username"] == "anna"


async def test_json_login_requires_json(client, advisers):
    resp = await client.post("/api/v1/auth/login", data={"username": "anna", "password": PASSWORD})
    assert resp.status == 415


async def test_expired_and_idle_sessions_are_refused(client, app, advisers):
    await login(client, "anna")
    assert (await client.get("/api/v1/auth/me")).status == 200
    with app[SESSIONS].begin() as db:
        db.execute(update(AdviserSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert (await client.get("/api/v1/auth/me")).status == 401
    with app[SESSIONS]() as db:  # the expired session is removed, not kept around
        assert db.execute(select(AdviserSession)).first() is None

    await login(client, "anna")
    with app[SESSIONS].begin() as db:
        db.execute(update(AdviserSession).values(last_seen_at=utcnow() - auth.session_idle_timeout() - timedelta(1)))
    assert (await client.get("/api/v1/auth/me")).status == 401


async def test_html_pages_redirect_to_login(client, advisers):
    resp = await client.get("/console/transcripts", allow_redirects=False)
    assert resp.status == 302
    assert resp.headers["Location"].startswith("/console/login?next=/console/transcripts")


async def test_csrf_token_is_required_for_state_changes(client, app, advisers):
    csrf = await login(client, "beheer")
    form = {"username": "carla", "password": PASSWORD, "role": "adviser"}
    missing = await client.post("/console/admin/advisers", data=form)
    assert missing.status == 403
    wrong = await client.post("/console/admin/advisers", data={**form, "csrf_token": "x" * 43})
    assert wrong.status == 403
    with app[SESSIONS]() as db:
        assert db.execute(select(Adviser).where(Adviser.username == "carla")).first() is None
    ok = await client.post("/console/admin/advisers", data={**form, "csrf_token": csrf})
    assert ok.status == 200
    with app[SESSIONS]() as db:
        assert db.execute(select(Adviser).where(Adviser.username == "carla")).first() is not None
    # JSON APIs take the token from the header.
    assert (await client.post("/api/v1/auth/logout")).status == 403
    assert (await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})).status == 200
    assert (await client.get("/api/v1/auth/me")).status == 401


async def test_roles(client, advisers):
    await login(client, "anna")
    for path in ("/console/admin/advisers", "/console/admin/audit", "/console/admin/export?format=jsonl"):
        resp = await client.get(path)
        assert resp.status == 403, path
    assert (await client.get("/console/dashboard")).status == 200
    assert (await client.get("/console/queue")).status == 200
    await login(client, "beheer")
    for path in ("/console/admin/advisers", "/console/admin/audit", "/console/admin/export?format=jsonl"):
        resp = await client.get(path)
        assert resp.status == 200, path


async def test_console_login_form_with_its_own_csrf(client, advisers):
    page = await client.get("/console/login")
    assert page.status == 200
    html = await page.text()
    token = html.split('name="csrf_token" value="')[1].split('"')[0]
    no_token = await client.post("/console/login", data={"username": "anna", "password": PASSWORD},
                                 allow_redirects=False)
    assert no_token.status == 403
    bad = await client.post("/console/login", data={"username": "anna", "password": "fout!", "csrf_token": token},
                            allow_redirects=False)
    assert bad.status == 401 and auth.INVALID_LOGIN in await bad.text()
    ok = await client.post("/console/login", allow_redirects=False,
                           data={"username": "anna", "password": PASSWORD, "csrf_token": token,
                                 "next": "https://evil.example/"})
    assert ok.status == 302
    assert ok.headers["Location"] == "/console/queue"  # no open redirect
    assert (await client.get("/console/queue")).status == 200


async def test_disabled_account_loses_its_sessions(client, app, advisers):
    await login(client, "anna")
    with app[SESSIONS]() as db:
        anna_id = db.execute(select(Adviser.id).where(Adviser.username == "anna")).scalar_one()
    auth.set_active(app[SESSIONS], anna_id, False)
    assert (await client.get("/api/v1/auth/me")).status == 401
    resp = await client.post("/api/v1/auth/login", json={"username": "anna", "password": PASSWORD})
    assert resp.status == 401


def test_account_rules(app):
    sessions = app[SESSIONS]
    for name, password, role in (("a", PASSWORD, "adviser"), ("anna", "kort", "adviser"),
                                 ("anna", PASSWORD, "baas"), ("an na", PASSWORD, "adviser")):
        try:
            auth.create_adviser(sessions, name, password, role)
        except auth.AuthError as exc:
            assert str(exc)
        else:
            raise AssertionError(f"accepted {name!r}/{role!r}")
    auth.create_adviser(sessions, "Anna", PASSWORD)
    try:
        auth.create_adviser(sessions, "anna", PASSWORD)
    except auth.AuthError as exc:
        assert "al een adviseur" in str(exc)
    with sessions() as db:
        stored = db.execute(select(Adviser.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


async def test_login_is_not_audited_but_views_are(client, app, advisers):
    await login(client, "anna")
    await client.get("/console/transcripts")
    with app[SESSIONS]() as db:
        actions = [a.action for a in db.execute(select(AuditEntry)).scalars()]
    assert actions == ["list_transcripts"]
