"""aiohttp application factory and ``koers serve``."""

from __future__ import annotations

import argparse
import asyncio
import functools
import importlib
import json
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

from aiohttp import web
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from assistant import __version__
from assistant.gateway import access
from assistant.gateway.channels.render import render_widget
from assistant.gateway.conversation import REFUSED_KIND, ConversationService
from assistant.gateway.lokets import load_lokets
from assistant.gateway.rasa_client import RasaClient, rasa_lock_held
from assistant.gateway.remote import TrustedProxies, parse_proxies
from assistant.logging_setup import configure_logging
from assistant.settings import Settings
from assistant.shared_state import SharedState, create_shared_state
from assistant.shared_state.loops import leader_rounds, stop_task
from assistant.storage.db import make_engine, make_session_factory, off_loop

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"

SETTINGS = web.AppKey("settings", Settings)
ENGINE = web.AppKey("engine", Engine)
SESSIONS = web.AppKey("sessions", sessionmaker)
RASA = web.AppKey("rasa", RasaClient)
SERVICE = web.AppKey("service", ConversationService)
SHARED = web.AppKey("shared_state", SharedState)

# Feature modules that add routes; each exposes ``setup(app)``. Imported when the app is built,
# because they import this module's app keys.
FEATURES = (
    "assistant.gateway.handoff.web",
    "assistant.gateway.console.routes",  # after handoff.web: the console drives its manager
    "assistant.gateway.retention",
    "assistant.gateway.channels.web",
    "assistant.gateway.documents.web",
    "assistant.gateway.ops",  # after the console: it declares its public paths there
)

# The retry loop's round: kept messages and those a dead replica left are answered within a few
# seconds once Rasa (or the lock of the dead turn) is back. A round that finds nothing costs two
# indexed queries on one replica (the leader).
RETRY_PENDING_EVERY_S = 2.0
# What a person whose kept messages are full is told to wait (seconds) before writing again.
KEPT_FULL_RETRY_AFTER_S = 30
MAX_BODY_BYTES = 64 * 1024
MAX_JSON_DEPTH = 32
# Every refusal of a conversation id looks the same: malformed, unknown, another channel's or a
# wrong token. A different answer would tell an attacker which ids exist.
NOT_FOUND = "Dit gesprek bestaat niet."
WEB_CONVERSATION = "koers.web_conversation"  # request key: the id once its token was checked

COMPRESSED_BODY = "Stuur je bericht zonder compressie (geen Content-Encoding)."
BAD_JSON = "Verwacht JSON met een veld 'text'."
BAD_TEXT = "Je bericht bevat tekens die ik niet kan lezen. Typ het opnieuw."


@web.middleware
async def refuse_compressed(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                            ) -> web.StreamResponse:
    """aiohttp 3.9 inflates compressed bodies before any size check (CVE-2025-69223): a small
    gzip body becomes hundreds of MB. No client of ours compresses, so refuse before reading."""
    encoding = request.headers.get("Content-Encoding", "").strip().lower()
    if encoding not in ("", "identity"):
        return web.json_response({"error": COMPRESSED_BODY}, status=415)
    return await handler(request)


async def _drop_server_header(_request: web.Request, response: web.StreamResponse) -> None:
    # The default "Python/3.x aiohttp/3.9.5" tells an attacker which CVEs apply.
    response.headers["Server"] = "koers"


def _depth_ok(value: object, limit: int = MAX_JSON_DEPTH) -> bool:
    """Iterative, so a hostile nesting cannot hit Python's recursion limit here."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


async def read_json(request: web.Request) -> object:
    """The body as JSON, or a 400 with a Dutch message for anything malformed or hostile."""
    raw = await request.read()
    if raw.count(b"[") + raw.count(b"{") > 4 * MAX_JSON_DEPTH and not _shallow_text(raw):
        raise web.HTTPBadRequest(text=BAD_JSON)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise web.HTTPBadRequest(text=BAD_JSON) from None
    if not _depth_ok(data):
        raise web.HTTPBadRequest(text=BAD_JSON)
    return data


def _shallow_text(raw: bytes) -> bool:
    """Brackets inside a long message are fine; only a deep structure is refused (cheap scan)."""
    depth = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def encodable(text: str) -> bool:
    """Lone surrogates (e.g. "\\ud800" in JSON) cannot be stored or sent on."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _ping_database(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


async def health(request: web.Request) -> web.Response:
    app = request.app
    components: dict[str, str] = {}
    try:
        await off_loop(_ping_database, app[ENGINE])
        components["database"] = "ok"
    except Exception as exc:  # any DB error means "down"
        log.warning("database health check failed", extra={"error": str(exc)})
        components["database"] = "down"
    rasa = app[RASA]
    components["rasa"] = "ok" if await rasa.is_up() else "down"
    action_url = f"{app[SETTINGS].action_server_url}/health"
    components["action_server"] = "ok" if await rasa.is_up(action_url) else "down"
    down = sorted(k for k, v in components.items() if v != "ok")
    body: dict[str, object] = {
        "status": "ok" if not down else "unavailable", "components": components, "version": __version__
    }
    if down:
        body["down"] = down
    return web.json_response(body, status=200 if not down else 503)


async def index(_request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html")


async def _conversation_id(request: web.Request) -> str:
    """The web conversation of the route, reachable only with its token; else 404."""
    checked = request.get(WEB_CONVERSATION)
    if isinstance(checked, str):
        return checked
    cid = request.match_info["conversation_id"]
    well_formed = 8 <= len(cid) <= 128 and all(c.isascii() and (c.isalnum() or c in "-_") for c in cid)
    token = access.bearer_token(request.headers.get("Authorization"))
    if not (well_formed and await off_loop(access.may_access, request.app[SESSIONS], cid, token)):
        raise web.HTTPNotFound(text=json.dumps({"error": NOT_FOUND}), content_type="application/json")
    request[WEB_CONVERSATION] = cid
    return cid


def _known_loket(value: object) -> str | None:
    """Only a configured loket id is stored; anything else is ignored, not trusted."""
    if isinstance(value, str) and value in load_lokets()[0]:
        return value
    return None


async def new_conversation(request: web.Request) -> web.Response:
    """A new web conversation and its access token; the token is shown this once only."""
    data = await read_json(request) if request.can_read_body else {}
    loket_id = _known_loket(data.get("loket_id")) if isinstance(data, dict) else None
    cid, token = access.new_conversation_id(), access.new_token()
    await off_loop(access.grant, request.app[SESSIONS], cid, token, loket_id)
    return web.json_response({"conversation_id": cid, "token": token})


async def post_message(request: web.Request) -> web.Response:
    cid = await _conversation_id(request)
    data = await read_json(request)
    message = data.get("text") if isinstance(data, dict) else None
    if not isinstance(message, str):
        raise web.HTTPBadRequest(text=BAD_JSON)
    if not encodable(message):
        raise web.HTTPBadRequest(text=BAD_TEXT)
    assert isinstance(data, dict)
    service = request.app[SERVICE]
    loket_id = _known_loket(data.get("loket_id"))
    replies = await service.handle_user_message(cid, message, channel="web", loket_id=loket_id)
    if replies and (replies[0].custom or {}).get("kind") == REFUSED_KIND:
        # Too many kept messages: not stored; the kept ones are retried every RETRY_PENDING_EVERY_S.
        return web.json_response({"error": replies[0].text}, status=429,
                                 headers={"Retry-After": str(KEPT_FULL_RETRY_AFTER_S)})
    _, last_seq = await off_loop(service.position, cid)
    return web.json_response({
        "messages": render_widget(replies),  # one renderer for every channel
        "last_seq": last_seq,
    })


async def get_messages(request: web.Request) -> web.Response:
    cid = await _conversation_id(request)
    after_seq = _counter_param(request, "after_seq")
    service = request.app[SERVICE]
    messages = await off_loop(service.history, cid, 0, after_seq=after_seq)
    # The person's side pages by the conversation's own sequence numbers: the global message id
    # would tell anyone how busy the service is (and it is the console's, behind the login).
    public = [{k: v for k, v in m.items() if k != "id"} for m in messages]
    return web.json_response({"messages": public, "last_seq": (await off_loop(service.position, cid))[1]})


def _counter_param(request: web.Request, name: str) -> int:
    raw = request.query.get(name, "0")
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
        raise web.HTTPBadRequest(text=f"'{name}' moet een heel getal van 0 of meer zijn.")
    return int(raw)


async def _background(app: web.Application) -> AsyncIterator[None]:
    await app[SHARED].start()
    # One replica answers kept messages, or each would answer them (duplicate replies).
    task = asyncio.create_task(leader_rounds(app[SHARED].leadership, "retry-pending", RETRY_PENDING_EVERY_S,
                                             app[SERVICE].retry_pending, "answered kept messages"))
    yield
    await stop_task(task)
    await app[SHARED].close()
    await app[RASA].close()
    app[ENGINE].dispose()


def create_app(settings: Settings | None = None, rasa: RasaClient | None = None) -> web.Application:
    settings = settings or Settings.from_env()
    middlewares: list[Callable[..., Awaitable[web.StreamResponse]]] = [refuse_compressed]
    proxies = parse_proxies(settings.extra.get("KOERS_TRUSTED_PROXIES") or os.environ.get("KOERS_TRUSTED_PROXIES", ""))
    if proxies:  # first: every limit after it counts on the real client address
        middlewares.append(TrustedProxies(proxies).middleware)
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=middlewares)
    app.on_response_prepare.append(_drop_server_header)  # type: ignore[arg-type]  # aiohttp 3.9 stub
    engine = make_engine(settings.database_url)
    sessions = make_session_factory(engine)
    rasa = rasa or RasaClient(settings.rasa_url, settings.rasa_token)
    app[SETTINGS] = settings
    app[ENGINE] = engine
    app[SESSIONS] = sessions
    app[RASA] = rasa
    app[SHARED] = shared = create_shared_state(settings.redis_url)
    app[SERVICE] = ConversationService(sessions, rasa, settings.max_message_chars, locks=shared.locks,
                                       action_server_url=settings.action_server_url,
                                       max_kept=settings.max_kept_messages)
    redis = getattr(shared, "client", None)
    if redis is not None:  # Rasa's RedisLockStore is on the same Redis (runner.lock_store_config)
        app[SERVICE].bot_busy = functools.partial(rasa_lock_held, redis)
    app.router.add_get("/health", health)
    app.router.add_get("/", index)
    app.router.add_post("/api/v1/chat", new_conversation)
    app.router.add_post("/api/v1/chat/{conversation_id}/messages", post_message)
    app.router.add_get("/api/v1/chat/{conversation_id}/messages", get_messages)
    app.router.add_static("/static/", STATIC, name="static")
    for name in FEATURES:
        importlib.import_module(name).setup(app)
    app.cleanup_ctx.append(_background)
    return app


def cli_serve(_args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    configure_logging(settings.log_level, settings.log_format)
    app = create_app(settings)
    log.info("koers service starting", extra={"url": f"http://{settings.host}:{settings.port}/"})
    web.run_app(app, host=settings.host, port=settings.port, print=None, access_log=None)
    return 0
