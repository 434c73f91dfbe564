"""Logging in and out of the console (form and JSON), and who am I."""

from __future__ import annotations

import logging
import secrets
from urllib.parse import urlparse

from aiohttp import web

from assistant.gateway.app import SESSIONS, SETTINGS
from assistant.gateway.console.context import identity_of, json_error
from assistant.gateway.console.pages import render
from assistant.gateway.handoff import auth

log = logging.getLogger(__name__)


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
        return json_error("Stuur JSON met 'username' en 'password'.", 415)
    try:
        data = await request.json()
    except ValueError:
        return json_error("Stuur JSON met 'username' en 'password'.", 400)
    if not isinstance(data, dict) or not isinstance(data.get("username"), str) \
            or not isinstance(data.get("password"), str):
        return json_error("Stuur JSON met 'username' en 'password'.", 400)
    result = await auth.login_async(request.app[SESSIONS], request.app[SETTINGS].secret_key, data["username"],
                                    data["password"], client_ip=request.remote or "")
    if result.status != "ok" or result.token is None or result.identity is None:
        return json_error(result.message, 401)
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


def setup(app: web.Application) -> None:
    r = app.router
    r.add_get("/console/login", login_page)
    r.add_post("/console/login", login_submit)
    r.add_post("/console/logout", logout)
    r.add_post("/api/v1/auth/login", api_login)
    r.add_post("/api/v1/auth/logout", logout)
    r.add_get("/api/v1/auth/me", api_me)
