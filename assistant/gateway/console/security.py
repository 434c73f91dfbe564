"""The login wall in front of the console and the APIs: deny by default, CSRF, security headers.

Every path needs a logged-in adviser except the public ones listed in ``PUBLIC_EXACT`` /
``PUBLIC_PREFIXES`` (health, the chat page and its API, static files, the widget, loket config
and channel webhooks, which check their own signatures). Another feature can add public paths
with ``allow_public(app, prefix)``.

State-changing requests need the session's CSRF token (form field ``csrf_token`` or header
``X-CSRF-Token``); the JSON login needs ``Content-Type: application/json`` instead, which a
cross-site form cannot send.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import quote

from aiohttp import web

from assistant.gateway.app import SESSIONS, SETTINGS
from assistant.gateway.console.context import IDENTITY, NOT_LOGGED_IN, json_error
from assistant.gateway.console.pages import render
from assistant.gateway.handoff import auth

PUBLIC = web.AppKey("public_prefixes", list)

PUBLIC_EXACT = frozenset({
    "/", "/health", "/favicon.ico", "/robots.txt", "/console/login", "/api/v1/auth/login",
    "/api/v1/chat", "/demo", "/widget.js", "/widget.css",
})
PUBLIC_PREFIXES = ("/static/", "/console/static/", "/api/v1/chat/", "/webhooks/", "/widget/", "/api/v1/lokets/")
ADMIN_PREFIXES = ("/console/admin",)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CSRF_FAILED = "Deze actie is geweigerd: het beveiligingstoken ontbreekt of klopt niet. Laad de pagina opnieuw."
ADMIN_ONLY = "Alleen een beheerder mag dit."

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def allow_public(app: web.Application, prefix: str) -> None:
    """Let another feature declare a path prefix that needs no adviser login."""
    app[PUBLIC].append(prefix)


def is_public(app: web.Application, path: str) -> bool:
    if path in PUBLIC_EXACT:
        return True
    return any(path.startswith(p) for p in (*PUBLIC_PREFIXES, *app[PUBLIC]))


def wants_html(request: web.Request) -> bool:
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


def security_headers(request: web.Request, response: web.StreamResponse) -> None:
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
        security_headers(request, response)
        return response
    settings = request.app[SETTINGS]
    identity = auth.authenticate(request.app[SESSIONS], settings.secret_key, request.cookies.get(auth.COOKIE_NAME))
    if identity is None:
        if wants_html(request):
            raise web.HTTPFound(f"/console/login?next={quote(path)}")
        response = json_error(NOT_LOGGED_IN, 401)
        security_headers(request, response)
        return response
    request[IDENTITY] = identity
    if request.method not in SAFE_METHODS and not auth.csrf_ok(identity, await _csrf_supplied(request)):
        response = json_error(CSRF_FAILED, 403)
        security_headers(request, response)
        return response
    if any(path.startswith(p) for p in ADMIN_PREFIXES) and not identity.is_admin:
        response = (render(request, "error.html", status=403, message=ADMIN_ONLY) if wants_html(request)
                    else json_error(ADMIN_ONLY, 403))
        security_headers(request, response)
        return response
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        security_headers(request, exc)
        raise
    security_headers(request, response)
    return response


def install(app: web.Application) -> None:
    app[PUBLIC] = []
    app.middlewares.append(auth_middleware)
