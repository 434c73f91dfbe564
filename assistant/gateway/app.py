"""aiohttp application factory and ``koers serve``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import logging
import secrets
from collections.abc import AsyncIterator
from pathlib import Path

from aiohttp import web
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from assistant import __version__
from assistant.gateway.channels.render import render_widget
from assistant.gateway.conversation import ConversationService
from assistant.gateway.lokets import load_lokets
from assistant.gateway.rasa_client import RasaClient
from assistant.logging_setup import configure_logging
from assistant.settings import Settings
from assistant.storage.db import make_engine, make_session_factory

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"

SETTINGS = web.AppKey("settings", Settings)
ENGINE = web.AppKey("engine", Engine)
SESSIONS = web.AppKey("sessions", sessionmaker)
RASA = web.AppKey("rasa", RasaClient)
SERVICE = web.AppKey("service", ConversationService)

# Feature modules that add routes; each exposes ``setup(app)``. Optional while being built.
FEATURES = (
    "assistant.gateway.handoff.web",
    "assistant.gateway.channels.web",
)

RETRY_PENDING_EVERY_S = 15.0
MAX_BODY_BYTES = 64 * 1024


async def health(request: web.Request) -> web.Response:
    app = request.app
    components: dict[str, str] = {}
    try:
        with app[ENGINE].connect() as conn:
            conn.execute(text("SELECT 1"))
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


def _conversation_id(request: web.Request) -> str:
    cid = request.match_info["conversation_id"]
    if not (8 <= len(cid) <= 128) or not all(c.isalnum() or c in "-_" for c in cid):
        raise web.HTTPBadRequest(text="Ongeldige gespreks-id.")
    return cid


def _known_loket(value: object) -> str | None:
    """Only a configured loket id is stored; anything else is ignored, not trusted."""
    if isinstance(value, str) and value in load_lokets()[0]:
        return value
    return None


async def new_conversation(_request: web.Request) -> web.Response:
    return web.json_response({"conversation_id": "web-" + secrets.token_urlsafe(18)})


async def post_message(request: web.Request) -> web.Response:
    cid = _conversation_id(request)
    try:
        data = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="Verwacht JSON met een veld 'text'.") from None
    message = data.get("text") if isinstance(data, dict) else None
    if not isinstance(message, str):
        raise web.HTTPBadRequest(text="Verwacht JSON met een veld 'text'.")
    service = request.app[SERVICE]
    loket_id = _known_loket(data.get("loket_id"))
    replies = await service.handle_user_message(cid, message, channel="web", loket_id=loket_id)
    last = service.history(cid, 0, limit=100000)
    return web.json_response({
        "messages": render_widget(replies),  # one renderer for every channel
        "last_id": last[-1]["id"] if last else 0,
    })


async def get_messages(request: web.Request) -> web.Response:
    cid = _conversation_id(request)
    try:
        after = int(request.query.get("after", "0"))
    except ValueError:
        raise web.HTTPBadRequest(text="'after' moet een getal zijn.") from None
    return web.json_response({"messages": request.app[SERVICE].history(cid, after)})


async def _retry_loop(app: web.Application) -> None:
    while True:
        await asyncio.sleep(RETRY_PENDING_EVERY_S)
        try:
            answered = await app[SERVICE].retry_pending()
            if answered:
                log.info("answered kept messages", extra={"count": answered})
        except Exception:
            log.exception("retry of kept messages failed")


async def _background(app: web.Application) -> AsyncIterator[None]:
    task = asyncio.create_task(_retry_loop(app))
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await app[RASA].close()
    app[ENGINE].dispose()


def create_app(settings: Settings | None = None, rasa: RasaClient | None = None) -> web.Application:
    settings = settings or Settings.from_env()
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    engine = make_engine(settings.database_url)
    sessions = make_session_factory(engine)
    rasa = rasa or RasaClient(settings.rasa_url, settings.rasa_token)
    app[SETTINGS] = settings
    app[ENGINE] = engine
    app[SESSIONS] = sessions
    app[RASA] = rasa
    app[SERVICE] = ConversationService(sessions, rasa, settings.max_message_chars)
    app.router.add_get("/health", health)
    app.router.add_get("/", index)
    app.router.add_post("/api/v1/chat", new_conversation)
    app.router.add_post("/api/v1/chat/{conversation_id}/messages", post_message)
    app.router.add_get("/api/v1/chat/{conversation_id}/messages", get_messages)
    app.router.add_static("/static/", STATIC, name="static")
    for name in FEATURES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise
            continue
        module.setup(app)
    app.cleanup_ctx.append(_background)
    return app


def cli_serve(_args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    configure_logging(settings.log_level, settings.log_format)
    app = create_app(settings)
    log.info("koers service starting", extra={"url": f"http://{settings.host}:{settings.port}/"})
    web.run_app(app, host=settings.host, port=settings.port, print=None, access_log=None)
    return 0
