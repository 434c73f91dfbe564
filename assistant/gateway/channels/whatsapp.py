"""WhatsApp Business Cloud API: webhook in, Graph API messages out.

- ``GET /webhooks/whatsapp``: Meta's verification handshake (hub.mode / hub.verify_token /
  hub.challenge).
- ``POST /webhooks/whatsapp``: fail-closed ``X-Hub-Signature-256`` check (HMAC-SHA256 of the raw
  body with the app secret) before anything is parsed; then text, button and list replies go
  to ``ConversationService``; location and media get a short polite answer; statuses are
  ignored. Each message is stored in the webhook inbox and acknowledged at once; the turn runs
  after the response (``inbox``). A redelivered message id is stored once; a signed message
  older than the replay window (KOERS_WHATSAPP_MAX_AGE_HOURS, default 24) is acknowledged and
  ignored.
- Messages outside a direct reply (an adviser, answers to kept messages) to a person who last
  wrote more than 24 hours ago go out as the template message KOERS_WHATSAPP_TEMPLATE (Meta
  refuses free text then); without a template they are reported as not delivered.

Configuration (environment): WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN,
WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_API_BASE (default Graph API), WHATSAPP_LOKET_ID (optional),
KOERS_WHATSAPP_MAX_AGE_HOURS, KOERS_WHATSAPP_TEMPLATE, KOERS_WHATSAPP_TEMPLATE_LANGUAGE (default
"nl"), KOERS_WHATSAPP_TEMPLATE_TEXT (default "1": the message text is the template's {{1}}).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from aiohttp import web
from sqlalchemy import func, select

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
    objects,
)
from assistant.gateway.channels.inbox import Inbox, aware, register
from assistant.gateway.channels.render import render_whatsapp
from assistant.gateway.conversation import NOT_DELIVERED, SENT_AS_TEMPLATE, WINDOW_CLOSED, ConversationService
from assistant.gateway.rasa_client import BotMessage
from assistant.settings import Settings
from assistant.shared_state import RateLimiter as Limiter
from assistant.storage.db import off_loop
from assistant.storage.models import Message, utcnow

log = logging.getLogger(__name__)

CHANNEL = "whatsapp"
DEFAULT_API_BASE = "https://graph.facebook.com/v20.0"
MAX_WEBHOOK_BYTES = 64 * 1024
# Meta's customer service window: free-form messages only within 24 h of the person's last one.
SERVICE_WINDOW = timedelta(hours=24)
# received_at is a little later than the person's message: close the window a bit early.
WINDOW_MARGIN = timedelta(minutes=5)
TEMPLATE_PARAM_LIMIT = 1024

ONLY_TEXT = "Sorry, ik kan alleen tekst lezen. Wil je je vraag typen?"
LOCATION = (
    "Bedankt. Een locatie kan ik niet gebruiken. "
    "Wil je je woonplaats of regio typen? Dat mag ook later."
)
# Message types that carry no text for the assistant.
MEDIA_TYPES = frozenset({"image", "audio", "video", "document", "sticker", "contacts", "voice"})
IGNORED_TYPES = frozenset({"reaction", "system", "ephemeral", "request_welcome"})
# The only message parts a turn reads; location and media content is personal data, never kept.
CONTENT_TYPES = frozenset({"text", "interactive", "button"})


@dataclass
class WhatsAppAdapter:
    settings: Settings
    service: ConversationService
    store: ChannelStore
    limiter: Limiter = field(default_factory=RateLimiter)
    outbound: Outbound = field(default_factory=Outbound)
    inbox: Inbox = field(init=False)

    def __post_init__(self) -> None:
        self.inbox = Inbox(self.store.sessions, CHANNEL, self.handle_message,
                           max_attempts=int(self.setting("KOERS_WEBHOOK_MAX_ATTEMPTS", "5")))

    def setting(self, name: str, default: str = "") -> str:
        return channel_setting(self.settings, name, default)

    # -- inbound -----------------------------------------------------------------------------
    async def verify(self, request: web.Request) -> web.Response:
        expected = self.setting("WHATSAPP_VERIFY_TOKEN")
        q = request.query
        token = q.get("hub.verify_token", "")
        if not expected or q.get("hub.mode") != "subscribe" or \
                not hmac.compare_digest(token.encode(), expected.encode()):
            return web.Response(status=403, text="Verificatie mislukt.")
        return web.Response(text=q.get("hub.challenge", ""))

    def signature_ok(self, body: bytes, header: str | None) -> int:
        """0 when the body is signed with the app secret; else the HTTP status to refuse with."""
        secret = self.setting("WHATSAPP_APP_SECRET")
        if not secret:
            log.error("WHATSAPP_APP_SECRET is not set; refusing webhook")
            return 403
        if not header or not header.startswith("sha256="):
            return 401
        expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
        return 0 if hmac.compare_digest(header[len("sha256="):].strip().lower(), expected) else 403

    async def webhook(self, request: web.Request) -> web.Response:
        if request.content_length is not None and request.content_length > MAX_WEBHOOK_BYTES:
            return web.Response(status=413, text="Bericht te groot.")
        body = await request.read()
        refused = self.signature_ok(body, request.headers.get("X-Hub-Signature-256"))
        if refused:
            log.warning("whatsapp webhook refused", extra={"status": refused})
            return web.Response(status=refused, text="Ongeldige handtekening.")
        try:
            data = json.loads(body)
        except ValueError:
            return web.Response(status=400, text="Verwacht JSON.")
        if not isinstance(data, dict) or data.get("object") != "whatsapp_business_account":
            return web.Response(text="ok")  # signed but not for us: acknowledge, do nothing
        for entry in objects(data.get("entry")):
            for change in objects(entry.get("changes")):
                if change.get("field", "messages") != "messages":
                    continue
                # value["statuses"] (sent/delivered/read/failed) are deliberately ignored.
                for message in objects(obj(change.get("value")).get("messages")):
                    self.accept(message)
        return web.Response(text="ok")  # the turns run after this answer (inbox)

    def accept(self, message: dict[str, Any]) -> None:
        """Store one message in the inbox to be processed after the response."""
        sender = str(message.get("from") or "")
        message_id = str(message.get("id") or "")
        kind = str(message.get("type") or "")
        if not sender or not message_id or kind in IGNORED_TYPES:
            return
        if self.too_old(message):
            # A signed request can be replayed; Meta itself never sends one this late.
            log.warning("whatsapp message older than the replay window ignored",
                        extra={"sender": log_id(self.settings, sender)})
            return
        kept = {"from": sender, "id": message_id, "type": kind}
        if kind in CONTENT_TYPES and isinstance(message.get(kind), dict):
            kept[kind] = message[kind]
        if not self.inbox.accept(message_id, keyed_id(self.settings, "wa", sender), kept):
            log.info("whatsapp redelivery skipped", extra={"sender": log_id(self.settings, sender)})

    def too_old(self, message: dict[str, Any]) -> bool:
        hours = float(self.setting("KOERS_WHATSAPP_MAX_AGE_HOURS", "24"))
        try:
            sent = int(str(message.get("timestamp")))
        except ValueError:
            return False  # Meta always sends one; without it there is nothing to compare
        return time.time() - sent > hours * 3600

    async def handle_message(self, message: dict[str, Any]) -> None:
        """One stored message: the turn (called by the inbox, after the webhook answered)."""
        sender = str(message.get("from") or "")
        cid = keyed_id(self.settings, "wa", sender)
        kind = str(message.get("type") or "")
        allowed, warn = await self.limiter.check(cid)
        if not allowed:
            log.warning("whatsapp sender rate limited", extra={"sender": log_id(self.settings, sender)})
            if warn:
                await self.send_to(sender, cid, [BotMessage(text=RATE_LIMITED)])
            return
        loket_id = self.setting("WHATSAPP_LOKET_ID") or None
        await off_loop(self.service.ensure_conversation, cid, CHANNEL, loket_id)
        await off_loop(self.store.set_address, cid, CHANNEL, sender)
        log.info("whatsapp message",
                 extra={"sender": log_id(self.settings, sender), "type": kind, "conversation_id": cid})
        if kind == "location":
            await self.send_to(sender, cid, [BotMessage(text=LOCATION)], remember=False)
            return
        text = await off_loop(self.text_of, cid, message)  # reads the numbered choices
        if text is None:
            await self.send_to(sender, cid, [BotMessage(text=ONLY_TEXT)], remember=False)
            return
        replies = await self.service.handle_user_message(
            cid, text, channel=CHANNEL, loket_id=loket_id, metadata={"channel": CHANNEL},
            replayed=True)  # the webhook inbox runs an update again when its turn stops mid-way
        await self.send_to(sender, cid, replies)

    def text_of(self, cid: str, message: dict[str, Any]) -> str | None:
        """What the person said, as text for the assistant; None for media and unknown types."""
        kind = message.get("type")
        if kind == "text":
            body = str(obj(message.get("text")).get("body") or "")
            choice = self.store.numbered_choice(cid, body)
            return choice.payload if choice is not None else body
        if kind == "interactive":
            interactive = obj(message.get("interactive"))
            reply = obj(interactive.get(str(interactive.get("type") or "")))
            if interactive.get("type") in ("button_reply", "list_reply"):
                payload = self.store.payload_for(cid, str(reply.get("id") or ""))
                return payload or str(reply.get("title") or "")
            return None
        if kind == "button":  # quick-reply button of a template message
            button = obj(message.get("button"))
            return str(button.get("payload") or button.get("text") or "")
        return None

    # -- outbound ----------------------------------------------------------------------------
    async def send_to(
        self, address: str, cid: str, messages: list[BotMessage], remember: bool = True
    ) -> bool:
        """True when every message went out."""
        if not messages:
            return True
        rendering = render_whatsapp(messages)
        if remember:
            await off_loop(self.store.remember, cid, rendering)
        return await self._post(address, cid, rendering.bodies)

    async def _post(self, address: str, cid: str, bodies: list[dict[str, Any]]) -> bool:
        token = self.setting("WHATSAPP_ACCESS_TOKEN")
        phone_id = self.setting("WHATSAPP_PHONE_NUMBER_ID")
        if not token or not phone_id:
            log.error("WHATSAPP_ACCESS_TOKEN or WHATSAPP_PHONE_NUMBER_ID not set; reply not sent",
                      extra={"conversation_id": cid})
            return False
        base = self.setting("WHATSAPP_API_BASE", DEFAULT_API_BASE).rstrip("/")
        url = f"{base}/{phone_id}/messages"
        headers = {"Authorization": f"Bearer {token}"}
        for body in bodies:
            payload = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": address, **body}
            try:
                await self.outbound.post_json(url, payload, headers, what=CHANNEL)
            except OutboundError:
                # The transcript holds the message; an adviser can see it was not delivered.
                log.error("whatsapp message not delivered", extra={"conversation_id": cid})
                return False
        return True

    def window_open(self, cid: str) -> bool:
        last = self.inbox.last_received(cid)
        if last is None:
            # Conversations from before the inbox: their last stored message from the person.
            with self.store.sessions() as db:
                value = db.execute(select(func.max(Message.created_at)).where(
                    Message.conversation_id == cid, Message.sender == "user")).scalar()
            last = None if value is None else aware(value)
        return last is not None and utcnow() - last < SERVICE_WINDOW - WINDOW_MARGIN

    def template_body(self, messages: list[BotMessage]) -> dict[str, Any] | None:
        """The configured template message, with the messages' text as {{1}} unless turned off."""
        name = self.setting("KOERS_WHATSAPP_TEMPLATE")
        if not name:
            return None
        template: dict[str, Any] = {
            "name": name, "language": {"code": self.setting("KOERS_WHATSAPP_TEMPLATE_LANGUAGE", "nl")}}
        if self.setting("KOERS_WHATSAPP_TEMPLATE_TEXT", "1") not in ("0", "false", "no"):
            # Meta refuses line breaks, tabs and more than four spaces in a row in a parameter.
            text = " ".join(m.text for m in messages if m.text)
            text = re.sub(r"\s+", " ", text).strip()[:TEMPLATE_PARAM_LIMIT] or "-"
            template["components"] = [{"type": "body", "parameters": [{"type": "text", "text": text}]}]
        return {"type": "template", "template": template}

    async def deliver(self, cid: str, messages: list[BotMessage]) -> str | None:
        """Messages outside a direct reply: adviser messages and answers to kept messages.

        Returns a delivery note for the console (template used, not delivered) or None.
        """
        address = await off_loop(self.store.address, cid)
        if address is None:
            log.error("no whatsapp address for conversation", extra={"conversation_id": cid})
            return NOT_DELIVERED
        if self.window_open(cid):
            return None if await self.send_to(address, cid, messages) else NOT_DELIVERED
        body = self.template_body(messages)
        if body is None:
            log.error("whatsapp 24-hour window closed and KOERS_WHATSAPP_TEMPLATE not set; not delivered",
                      extra={"conversation_id": cid})
            return WINDOW_CLOSED
        return SENT_AS_TEMPLATE if await self._post(address, cid, [body]) else NOT_DELIVERED


WHATSAPP = web.AppKey("channels.whatsapp", WhatsAppAdapter)


def setup(app: web.Application, adapter: WhatsAppAdapter) -> None:
    app[WHATSAPP] = adapter
    app.router.add_get("/webhooks/whatsapp", adapter.verify)
    app.router.add_post("/webhooks/whatsapp", adapter.webhook)
    register(app, adapter.inbox)
    adapter.service.register_channel(CHANNEL, adapter.deliver)
