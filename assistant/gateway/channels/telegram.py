"""Telegram Bot API: webhook updates in, sendMessage out.

- ``POST /webhooks/telegram``: the ``X-Telegram-Bot-Api-Secret-Token`` header must equal
  TELEGRAM_SECRET_TOKEN (fail closed). ``message`` and ``callback_query`` updates reach
  ``ConversationService``; every other update type is acknowledged and ignored.
- The callback query is answered in the webhook response itself (Telegram allows one method
  call there), so the only API calls per incoming message are the replies.
- Each message and callback update is stored in the webhook inbox and acknowledged at once; the
  turn runs after the response (``inbox``). An update_id seen before is stored once; a message
  older than KOERS_TELEGRAM_MAX_AGE_HOURS (default 24, as long as Telegram keeps undelivered
  updates) is acknowledged and ignored.
- ``koers telegram set-webhook --url URL`` registers the webhook: an explicit step, never at
  start-up.

Configuration (environment): TELEGRAM_BOT_TOKEN, TELEGRAM_SECRET_TOKEN, TELEGRAM_API_BASE
(default https://api.telegram.org), TELEGRAM_LOKET_ID (optional).
"""

from __future__ import annotations

import argparse
import asyncio
import hmac
import json
import logging
import re
import sys
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from assistant.gateway.channels.common import (
    RATE_LIMITED,
    ChannelStore,
    Outbound,
    OutboundError,
    RateLimiter,
    channel_setting,
    keyed_id,
    log_id,
    obj,
)
from assistant.gateway.channels.inbox import Inbox, register
from assistant.gateway.channels.render import render_telegram
from assistant.gateway.conversation import NOT_DELIVERED, ConversationService
from assistant.gateway.rasa_client import BotMessage
from assistant.settings import Settings
from assistant.shared_state import RateLimiter as Limiter
from assistant.storage.db import off_loop

log = logging.getLogger(__name__)

CHANNEL = "telegram"
DEFAULT_API_BASE = "https://api.telegram.org"
MAX_WEBHOOK_BYTES = 64 * 1024
ALLOWED_UPDATES = ("message", "callback_query")
SECRET_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

ONLY_TEXT = "Sorry, ik kan alleen tekst lezen. Wil je je vraag typen?"
GREETING_TEXT = "hoi"  # what "/start" means to the assistant


@dataclass
class TelegramAdapter:
    settings: Settings
    service: ConversationService
    store: ChannelStore
    limiter: Limiter = field(default_factory=RateLimiter)
    outbound: Outbound = field(default_factory=Outbound)
    inbox: Inbox = field(init=False)

    def __post_init__(self) -> None:
        self.inbox = Inbox(self.store.sessions, CHANNEL, self.handle_update,
                           max_attempts=int(self.setting("KOERS_WEBHOOK_MAX_ATTEMPTS", "5")))

    def setting(self, name: str, default: str = "") -> str:
        return channel_setting(self.settings, name, default)

    def api_url(self, method: str) -> str:
        base = self.setting("TELEGRAM_API_BASE", DEFAULT_API_BASE).rstrip("/")
        return f"{base}/bot{self.setting('TELEGRAM_BOT_TOKEN')}/{method}"

    # -- inbound -----------------------------------------------------------------------------
    def token_ok(self, header: str | None) -> int:
        """0 when the secret token matches; else the HTTP status to refuse with."""
        expected = self.setting("TELEGRAM_SECRET_TOKEN")
        if not expected:
            log.error("TELEGRAM_SECRET_TOKEN is not set; refusing webhook")
            return 403
        if not header:
            return 401
        return 0 if hmac.compare_digest(header.encode(), expected.encode()) else 403

    async def webhook(self, request: web.Request) -> web.Response:
        refused = self.token_ok(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        if refused:
            log.warning("telegram webhook refused", extra={"status": refused})
            return web.Response(status=refused, text="Ongeldig token.")
        if request.content_length is not None and request.content_length > MAX_WEBHOOK_BYTES:
            return web.Response(status=413, text="Bericht te groot.")
        try:
            update = json.loads(await request.read())
        except ValueError:
            return web.Response(status=400, text="Verwacht JSON.")
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            return web.Response(status=400, text="Verwacht een Telegram-update.")
        kept = self.kept_part(update)
        if kept is not None:
            chat_id, part = kept
            if not self.inbox.accept(str(update["update_id"]), keyed_id(self.settings, "tg", chat_id), part):
                log.info("telegram redelivery skipped", extra={"sender": log_id(self.settings, chat_id)})
        if isinstance(update.get("callback_query"), dict):
            # Answering in the webhook response stops the button's spinner without an API call.
            return web.json_response({"method": "answerCallbackQuery",
                                      "callback_query_id": str(update["callback_query"].get("id"))})
        # edited_message, channel_post, my_chat_member, ...: acknowledged and ignored.
        return web.json_response({})

    def kept_part(self, update: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        """(chat id, what the turn needs) of an update to process; None for the rest.

        Only private chats (Koers talks with one person at a time, never in groups); only the
        text or button data, never the names and ids Telegram sends along.
        """
        query = update.get("callback_query")
        if isinstance(query, dict):
            chat = obj(obj(query.get("message")).get("chat"))
            chat_id = chat.get("id", obj(query.get("from")).get("id"))
            if not isinstance(chat_id, int) or chat.get("type", "private") != "private":
                return None
            return str(chat_id), {"callback": {"chat_id": chat_id, "data": str(query.get("data") or "")}}
        message = update.get("message")
        if not isinstance(message, dict):
            return None
        chat = obj(message.get("chat"))
        if chat.get("type") != "private" or not isinstance(chat.get("id"), int):
            return None
        if self.too_old(message):
            log.warning("telegram message older than the replay window ignored",
                        extra={"sender": log_id(self.settings, str(chat["id"]))})
            return None
        text = message.get("text")
        return str(chat["id"]), {"message": {"chat_id": chat["id"], "text": text if isinstance(text, str) else None}}

    def too_old(self, message: dict[str, Any]) -> bool:
        hours = float(self.setting("KOERS_TELEGRAM_MAX_AGE_HOURS", "24"))
        sent = message.get("date")
        return isinstance(sent, int) and time.time() - sent > hours * 3600

    async def handle_update(self, part: dict[str, Any]) -> None:
        """One stored update: the turn (called by the inbox, after the webhook answered)."""
        if "callback" in part:
            callback = part["callback"]
            cid = keyed_id(self.settings, "tg", str(callback["chat_id"]))
            payload = await off_loop(self.store.payload_for, cid, str(callback.get("data") or ""))
            if payload:
                await self._turn(str(callback["chat_id"]), payload)
            return
        message = part.get("message") or {}
        text = message.get("text")
        if isinstance(text, str):
            text = _command_text(text)
        await self._turn(str(message["chat_id"]), text if isinstance(text, str) else None)

    async def _turn(self, chat_id: str, text: str | None) -> None:
        cid = keyed_id(self.settings, "tg", chat_id)
        allowed, warn = await self.limiter.check(cid)
        if not allowed:
            log.warning("telegram sender rate limited", extra={"sender": log_id(self.settings, chat_id)})
            if warn:
                await self.send_to(chat_id, cid, [BotMessage(text=RATE_LIMITED)], remember=False)
            return
        loket_id = self.setting("TELEGRAM_LOKET_ID") or None
        await off_loop(self.service.ensure_conversation, cid, CHANNEL, loket_id)
        await off_loop(self.store.set_address, cid, CHANNEL, chat_id)
        log.info("telegram message", extra={"sender": log_id(self.settings, chat_id), "conversation_id": cid})
        if text is None:
            await self.send_to(chat_id, cid, [BotMessage(text=ONLY_TEXT)], remember=False)
            return
        replies = await self.service.handle_user_message(
            cid, text, channel=CHANNEL, loket_id=loket_id, metadata={"channel": CHANNEL},
            replayed=True)  # the webhook inbox runs an update again when its turn stops mid-way
        await self.send_to(chat_id, cid, replies)

    # -- outbound ----------------------------------------------------------------------------
    async def send_to(
        self, chat_id: str, cid: str, messages: list[BotMessage], remember: bool = True
    ) -> bool:
        """True when every message went out."""
        if not messages:
            return True
        rendering = render_telegram(messages)
        if remember:
            await off_loop(self.store.remember, cid, rendering)
        if not self.setting("TELEGRAM_BOT_TOKEN"):
            log.error("TELEGRAM_BOT_TOKEN not set; reply not sent", extra={"conversation_id": cid})
            return False
        for call in rendering.bodies:
            params = {k: v for k, v in call.items() if k != "method"}
            try:
                await self.outbound.post_json(
                    self.api_url(call["method"]), {"chat_id": int(chat_id), **params}, what=CHANNEL)
            except OutboundError:
                log.error("telegram message not delivered", extra={"conversation_id": cid})
                return False
        return True

    async def deliver(self, cid: str, messages: list[BotMessage]) -> str | None:
        """Messages outside a direct reply; a delivery note for the console when they failed."""
        chat_id = await off_loop(self.store.address, cid)
        if chat_id is None:
            log.error("no telegram chat for conversation", extra={"conversation_id": cid})
            return NOT_DELIVERED
        return None if await self.send_to(chat_id, cid, messages) else NOT_DELIVERED


def _command_text(text: str) -> str:
    """Telegram commands are not Rasa intents: "/start" greets, "/hulp" becomes "hulp"."""
    if not text.startswith("/"):
        return text
    command, _, rest = text[1:].partition(" ")
    command = command.split("@", 1)[0].lower()
    if command == "start":
        return GREETING_TEXT
    return f"{command} {rest}".strip()


TELEGRAM = web.AppKey("channels.telegram", TelegramAdapter)


def setup(app: web.Application, adapter: TelegramAdapter) -> None:
    app[TELEGRAM] = adapter
    app.router.add_post("/webhooks/telegram", adapter.webhook)
    register(app, adapter.inbox)
    adapter.service.register_channel(CHANNEL, adapter.deliver)


# -- koers telegram set-webhook --------------------------------------------------------------
def webhook_url(url: str) -> str:
    url = url.rstrip("/")
    return url if url.endswith("/webhooks/telegram") else f"{url}/webhooks/telegram"


async def set_webhook(settings: Settings, url: str, outbound: Outbound | None = None) -> dict[str, Any]:
    """Register the webhook with Telegram; returns the Bot API's answer."""
    token = channel_setting(settings, "TELEGRAM_BOT_TOKEN")
    secret = channel_setting(settings, "TELEGRAM_SECRET_TOKEN")
    if not token:
        raise ValueError("TELEGRAM_BOT_TOKEN is niet ingesteld.")
    if not SECRET_TOKEN_RE.match(secret):
        raise ValueError("TELEGRAM_SECRET_TOKEN ontbreekt of bevat tekens die Telegram niet toestaat "
                         "(alleen A-Z, a-z, 0-9, _ en -, maximaal 256).")
    target = webhook_url(url)
    parts = urlsplit(target)
    if parts.scheme != "https" and parts.hostname not in ("127.0.0.1", "localhost"):
        raise ValueError("Telegram accepteert alleen een https-adres.")
    base = channel_setting(settings, "TELEGRAM_API_BASE", DEFAULT_API_BASE).rstrip("/")
    client = outbound or Outbound(attempts=3)
    try:
        return await client.post_json(f"{base}/bot{token}/setWebhook", {
            "url": target,
            "secret_token": secret,
            "allowed_updates": list(ALLOWED_UPDATES),
            "max_connections": 10,
        }, what=CHANNEL)
    finally:
        if outbound is None:
            await client.close()


def cli_set_webhook(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    try:
        answer = asyncio.run(set_webhook(settings, str(args.url)))
    except ValueError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    except OutboundError as exc:
        print(f"Fout: Telegram weigerde of was niet bereikbaar ({exc}).", file=sys.stderr)
        return 1
    if not answer.get("ok"):
        print(f"Fout: Telegram antwoordde: {answer.get('description', 'onbekende fout')}", file=sys.stderr)
        return 1
    print(f"Webhook ingesteld op {webhook_url(str(args.url))}")
    return 0
