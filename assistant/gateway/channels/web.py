"""Channel routes: the embeddable widget, the /demo Leerwerkloket page, loket config, webhooks.

``setup(app)`` is called by ``assistant.gateway.app.create_app`` (FEATURES). The widget is our
own small script rather than rasa-webchat: rasa-webchat speaks socket.io straight to Rasa,
which would bypass the service's handoff, transcripts and redaction (see docs/widget.md).
"""

from __future__ import annotations

import html
import logging
import math
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from assistant.gateway.app import SERVICE, SESSIONS, SETTINGS, SHARED, _conversation_id
from assistant.gateway.channels import telegram, whatsapp
from assistant.gateway.channels.common import RATE_LIMITED, ChannelStore, channel_setting
from assistant.gateway.lokets import Loket, get_loket, load_lokets, origin_of, widget_origins
from assistant.gateway.remote import client_key
from assistant.settings import Settings
from assistant.shared_state import RateLimiter as Limiter

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
DEFAULT_PRIMARY = "#0b5cad"
WIDGET_CACHE_S = 300
CORS_PREFIXES = ("/api/v1/chat", "/api/v1/lokets/")
LOKET_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

CHAT_LIMITER = web.AppKey("channels.chat_limiter", Limiter)
NEW_CHAT_LIMITER = web.AppKey("channels.new_chat_limiter", Limiter)
IP_CHAT_LIMITER = web.AppKey("channels.ip_chat_limiter", Limiter)
# The limits' defaults (env var: default); documented in docs/limits.md.
LIMIT_DEFAULTS = {
    "KOERS_CHAT_RATE_BURST": "20", "KOERS_CHAT_RATE_PER_SECOND": "1",  # per conversation
    "KOERS_IP_RATE_BURST": "60", "KOERS_IP_RATE_PER_SECOND": "2",  # messages per client address
    "KOERS_NEW_CHAT_BURST": "20", "KOERS_NEW_CHAT_PER_SECOND": "0.05",  # new conversations per address
}
NEW_CHAT_LIMITED = (
    "Er zijn vanaf jouw internetverbinding veel nieuwe gesprekken gestart. "
    "Wacht een paar minuten. Probeer het daarna opnieuw."
)
STORE = web.AppKey("channels.store", ChannelStore)


# -- colours ---------------------------------------------------------------------------------
def _rgb(color: str) -> tuple[float, float, float] | None:
    m = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", color.strip())
    if not m:
        return None
    h = m.group(1)
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _luminance(rgb: tuple[float, float, float]) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two hex colours (1.0 when either is not a hex colour)."""
    ra, rb = _rgb(a), _rgb(b)
    if ra is None or rb is None:
        return 1.0
    la, lb = sorted((_luminance(ra), _luminance(rb)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def accessible_colors(colors: dict[str, str]) -> dict[str, str]:
    """The loket's colours, with the text colour corrected when it would fail WCAG AA (4.5:1)."""
    primary = colors.get("primary", DEFAULT_PRIMARY)
    if _rgb(primary) is None:
        primary = DEFAULT_PRIMARY
    text = colors.get("text_on_primary", "#ffffff")
    if contrast_ratio(primary, text) < 4.5:
        text = max(("#ffffff", "#000000"), key=lambda c: contrast_ratio(primary, c))
    return {"primary": primary, "text_on_primary": text}


def loket_public(loket: Loket) -> dict[str, Any]:
    """What a website may know about a loket: no internal settings."""
    return {
        "id": loket.id,
        "name": loket.name,
        "greeting": loket.greeting,
        "colors": accessible_colors(loket.colors),
        "website": loket.website,
    }


# -- routes ----------------------------------------------------------------------------------
async def get_loket_config(request: web.Request) -> web.Response:
    loket_id = request.match_info["loket_id"]
    lokets, _default = load_lokets()
    if not LOKET_ID_RE.match(loket_id) or loket_id not in lokets:
        return web.json_response({"error": "Dit loket bestaat niet."}, status=404)
    return web.json_response(loket_public(get_loket(loket_id)))


def _static(name: str, content_type: str) -> Handler:
    async def handler(_request: web.Request) -> web.StreamResponse:
        resp = web.FileResponse(STATIC / name, headers={"Content-Type": content_type})
        resp.headers["Cache-Control"] = f"public, max-age={WIDGET_CACHE_S}"
        return resp

    return handler


async def demo(request: web.Request) -> web.Response:
    lokets, default = load_lokets()
    loket_id = request.query.get("loket", default)
    if loket_id not in lokets:
        loket_id = default
    loket = get_loket(loket_id)
    public_url = request.app[SETTINGS].public_url
    page = (STATIC / "demo.html").read_text(encoding="utf-8")
    snippet = f'<script src="{public_url}/widget.js" data-loket="{loket.id}" defer></script>'
    page = (page.replace("{{LOKET_NAME}}", html.escape(loket.name))
                .replace("{{LOKET_ID}}", html.escape(loket.id, quote=True))
                .replace("{{SNIPPET}}", html.escape(snippet)))
    return web.Response(text=page, content_type="text/html", charset="utf-8")


# -- CORS for the widget on other websites -----------------------------------------------------
def _allowed_origin(request: web.Request) -> str | None:
    """The request's Origin when a loket allows it, else None: strict, never "*".

    Allowed are the lokets' ``origins`` (lokets.yml) plus any listed in KOERS_WIDGET_ORIGINS;
    a "*" there is ignored (any website could then drive conversations in a visitor's browser).
    """
    origin = request.headers.get("Origin")
    if not origin:
        return None
    extra = channel_setting(request.app[SETTINGS], "KOERS_WIDGET_ORIGINS", "")
    allowed = widget_origins() | {o for o in (origin_of(e) for e in extra.split(",") if e.strip()) if o}
    normal = origin_of(origin)
    return origin if normal is not None and normal == origin.rstrip("/").lower() and normal in allowed else None


def _is_cors_path(path: str) -> bool:
    return path.startswith(CORS_PREFIXES)


def _add_cors(request: web.Request, response: web.StreamResponse) -> None:
    # The answer depends on Origin: caches must not hand one site's answer to another.
    response.headers["Vary"] = "Origin"
    origin = _allowed_origin(request)
    if origin is not None:
        response.headers["Access-Control-Allow-Origin"] = origin


async def preflight(request: web.Request) -> web.Response:
    if _allowed_origin(request) is None:
        return web.Response(status=403, text="Deze website mag de chat niet gebruiken.")
    return web.Response(status=204, headers={
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type, Authorization",
        "Access-Control-Max-Age": "600",
    })


# -- rate limiting and CORS for the web chat API ---------------------------------------------
def too_many(message: str, per_second: float) -> web.Response:
    """429 with a Dutch message and when to try again (time for one token, rounded up)."""
    retry_after = max(1, math.ceil(1 / per_second)) if per_second > 0 else 60
    return web.json_response({"error": message}, status=429, headers={"Retry-After": str(retry_after)})


async def _limit(request: web.Request) -> web.Response | None:
    """The refusal when a limit is reached, else None. Order matters: per client address first
    (rotating conversation ids cannot escape it), the conversation's token before its own bucket
    (nobody can use up someone else's bucket by knowing the id)."""
    app, client = request.app, client_key(request)
    if request.path.rstrip("/") == "/api/v1/chat":
        limiter, message = app[NEW_CHAT_LIMITER], NEW_CHAT_LIMITED
        allowed, _ = await limiter.check(f"ip:{client}")
    elif "conversation_id" not in request.match_info:
        return None  # no such route: the router answers 404
    else:
        limiter, message = app[IP_CHAT_LIMITER], RATE_LIMITED
        allowed, _ = await limiter.check(f"ip:{client}")
        if allowed:
            limiter = app[CHAT_LIMITER]
            allowed, _ = await limiter.check(f"web:{await _conversation_id(request)}")
    return None if allowed else too_many(message, limiter.per_second)


@web.middleware
async def chat_api(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not _is_cors_path(request.path):
        return await handler(request)
    try:
        refused = None
        if request.method == "POST" and request.path.startswith("/api/v1/chat"):
            refused = await _limit(request)
        response = refused if refused is not None else await handler(request)
    except web.HTTPException as exc:
        _add_cors(request, exc)
        raise
    _add_cors(request, response)
    return response


def _setting(settings: Settings, name: str) -> float:
    raw = channel_setting(settings, name, LIMIT_DEFAULTS[name])
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} moet een getal zijn, niet {raw!r}.") from None
    if not value > 0:
        raise ValueError(f"{name} moet groter dan 0 zijn, niet {raw!r}.")
    return value


async def _lifecycle(app: web.Application) -> AsyncIterator[None]:
    try:
        app[STORE].forget_old_inbound()
    except Exception:  # a missing table must not stop the service; webhooks will report it
        log.exception("could not prune processed inbound ids")
    yield
    await app[whatsapp.WHATSAPP].outbound.close()
    await app[telegram.TELEGRAM].outbound.close()


def setup(app: web.Application) -> None:
    settings, service = app[SETTINGS], app[SERVICE]
    store = ChannelStore(app[SESSIONS])
    app[STORE] = store
    # Token buckets an operator (or a load test) can tune without code changes; one bucket per
    # key across all replicas when Redis is configured.
    shared = app[SHARED]

    def bucket(name: str, prefix: str) -> Limiter:
        return shared.rate_limiter(name, capacity=_setting(settings, f"{prefix}_BURST"),
                                   per_second=_setting(settings, f"{prefix}_PER_SECOND"))

    app[CHAT_LIMITER] = bucket("chat", "KOERS_CHAT_RATE")
    app[IP_CHAT_LIMITER] = bucket("chat-ip", "KOERS_IP_RATE")
    # Behind a school's or library's address many people share one: a burst, then a slow refill.
    app[NEW_CHAT_LIMITER] = bucket("new-chat", "KOERS_NEW_CHAT")
    app.middlewares.append(chat_api)
    app.cleanup_ctx.append(_lifecycle)

    whatsapp.setup(app, whatsapp.WhatsAppAdapter(settings, service, store,
                                                 limiter=shared.rate_limiter("whatsapp", 8.0, 0.5)))
    telegram.setup(app, telegram.TelegramAdapter(settings, service, store,
                                                 limiter=shared.rate_limiter("telegram", 8.0, 0.5)))

    app.router.add_get("/widget.js", _static("widget.js", "application/javascript; charset=utf-8"))
    app.router.add_get("/widget.css", _static("widget.css", "text/css; charset=utf-8"))
    app.router.add_get("/demo", demo)
    app.router.add_get("/api/v1/lokets/{loket_id}", get_loket_config)
    for path in ("/api/v1/chat", "/api/v1/chat/{conversation_id}/messages", "/api/v1/chat/{conversation_id}/start",
                 "/api/v1/chat/{conversation_id}/feedback", "/api/v1/lokets/{loket_id}"):
        app.router.add_route("OPTIONS", path, preflight)
