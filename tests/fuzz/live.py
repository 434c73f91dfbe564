"""The Koers service on a loopback port in a background thread, for fuzzers that speak HTTP.

Rasa is the fake of tests/conftest.py, the WhatsApp and Telegram APIs are a local stub that
accepts everything, and the database is a fresh SQLite file: what is fuzzed is the service.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import hmac
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from aiohttp import web

from assistant.gateway.app import create_app
from assistant.settings import Settings

WA_SECRET = "wa-app-secret-for-fuzzing"
TG_SECRET = "tg-secret-for-fuzzing"
TG_TOKEN = "123456:FUZZ-token"
ADVISER = ("fuzz-adviseur", "een-lang-wachtwoord-voor-fuzzing")

# Scripted clients share one address; these limits have their own tests (tests/gateway).
GENEROUS_LIMITS = {"KOERS_IP_RATE_BURST": "1000000", "KOERS_IP_RATE_PER_SECOND": "100000",
                   "KOERS_NEW_CHAT_BURST": "1000000", "KOERS_NEW_CHAT_PER_SECOND": "100000",
                   "KOERS_CHAT_RATE_BURST": "1000000", "KOERS_CHAT_RATE_PER_SECOND": "100000"}


def wa_signature(body: bytes) -> str:
    return "sha256=" + hmac.new(WA_SECRET.encode(), body, hashlib.sha256).hexdigest()


@dataclasses.dataclass
class Live:
    url: str
    app: web.Application
    loop: asyncio.AbstractEventLoop

    def run(self, coro: Any) -> Any:
        """Run a coroutine on the service's own loop (for reading its database or state)."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=30)


async def _platform_stub(request: web.Request) -> web.Response:
    await request.read()
    return web.json_response({"ok": True, "result": {"message_id": 1}, "messages": [{"id": "wamid.FUZZ"}]})


@contextmanager
def live_service(home: Path, rasa: Any) -> Iterator[Live]:
    from assistant.database import upgrade
    from assistant.gateway.app import SESSIONS
    from assistant.gateway.handoff import auth

    saved = {k: os.environ.get(k) for k in GENEROUS_LIMITS}
    os.environ.update(GENEROUS_LIMITS)
    db_url = f"sqlite:///{home / 'koers.db'}"
    upgrade(db_url)
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    holder: dict[str, Any] = {}

    async def start() -> None:
        stub = web.Application()
        stub.router.add_route("*", "/{tail:.*}", _platform_stub)
        stub_runner = web.AppRunner(stub)
        await stub_runner.setup()
        stub_site = web.TCPSite(stub_runner, "127.0.0.1", 0)
        await stub_site.start()
        stub_url = f"http://127.0.0.1:{stub_runner.addresses[0][1]}"
        settings = dataclasses.replace(
            Settings.from_env(), home=home, database_url=db_url, secret_key="fuzz-secret-key-fuzz-secret-key",
            extra={"WHATSAPP_APP_SECRET": WA_SECRET, "WHATSAPP_VERIFY_TOKEN": "fuzz-verify",
                   "WHATSAPP_ACCESS_TOKEN": "fuzz-access", "WHATSAPP_PHONE_NUMBER_ID": "106540352242922",
                   "WHATSAPP_API_BASE": stub_url + "/v20.0", "TELEGRAM_BOT_TOKEN": TG_TOKEN,
                   "TELEGRAM_SECRET_TOKEN": TG_SECRET, "TELEGRAM_API_BASE": stub_url})
        app = create_app(settings, rasa=rasa)
        auth.create_adviser(app[SESSIONS], ADVISER[0], ADVISER[1], role="admin")
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        holder.update(app=app, runner=runner, stub=stub_runner,
                      url=f"http://127.0.0.1:{runner.addresses[0][1]}")
        ready.set()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        loop.run_forever()

    thread = threading.Thread(target=serve, name="koers-fuzz-service", daemon=True)
    thread.start()
    if not ready.wait(timeout=60):
        raise RuntimeError("de service startte niet binnen 60 s")
    try:
        yield Live(url=holder["url"], app=holder["app"], loop=loop)
    finally:
        async def stop() -> None:
            await holder["runner"].cleanup()
            await holder["stub"].cleanup()

        asyncio.run_coroutine_threadsafe(stop(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
