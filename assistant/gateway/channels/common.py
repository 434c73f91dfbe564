"""What the WhatsApp and Telegram adapters share: ids, rate limits, retries and channel state."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import aiohttp
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from assistant.gateway.channels.models import ButtonPayload, ChannelAddress, InboxUpdate, NumberedOptions
from assistant.gateway.channels.render import KEY_PREFIX, Option, Rendering
from assistant.settings import Settings
from assistant.shared_state.memory import MemoryRateLimiter
from assistant.storage.models import utcnow

log = logging.getLogger(__name__)

RATE_LIMITED = (
    "Je stuurt veel berichten snel achter elkaar. Wacht even een minuut. "
    "Daarna kun je weer verder."
)
PROCESSED_KEEP_DAYS = 14


def obj(value: Any) -> dict[str, Any]:
    """A platform's JSON object, or an empty one: a signed update may still be malformed, and a
    500 would make the platform deliver it again and again."""
    return value if isinstance(value, dict) else {}


def objects(value: Any) -> list[dict[str, Any]]:
    """The objects of a platform's JSON list (anything else in it, or no list, is left out)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def channel_setting(settings: Settings, name: str, default: str = "") -> str:
    """Channel secrets come from the environment; ``Settings.extra`` overrides them (tests)."""
    return settings.extra.get(name) or os.environ.get(name) or default


def keyed_id(settings: Settings, prefix: str, channel_user: str) -> str:
    """Conversation id for a phone number or chat id: a keyed hash, never the raw number."""
    digest = hmac.new(settings.secret_key.encode("utf-8"), f"{prefix}:{channel_user}".encode(),
                      hashlib.sha256).hexdigest()
    return f"{prefix}-{digest[:40]}"


def log_id(settings: Settings, channel_user: str) -> str:
    """Sender reference for logs, enough to follow one person's turns: an HMAC-SHA256 with the
    secret key. A plain hash of a phone number is reversed in seconds (the number space is small);
    without the key this one is not. Its own label keeps it apart from the conversation id."""
    digest = hmac.new(settings.secret_key.encode("utf-8"), f"log:{channel_user}".encode(), hashlib.sha256)
    return digest.hexdigest()[:16]


# -- rate limiting ---------------------------------------------------------------------------
# The limiters come from the shared state (Redis with replicas); the in-process token bucket is
# the default of an adapter built on its own (tests).
RateLimiter = MemoryRateLimiter


# -- outbound HTTP with retries --------------------------------------------------------------
class OutboundError(Exception):
    """A platform API refused a message or stayed unreachable after the retries."""


Sleep = Callable[[float], Awaitable[None]]


@dataclass
class Outbound:
    """POSTs JSON to a platform API with bounded exponential backoff.

    Retries connection errors, 429 and 5xx; a 4xx is a bug or a policy refusal and is not
    retried. ``sleep`` is injectable so tests run without waiting.
    """

    attempts: int = 4
    base_delay_s: float = 0.5
    max_delay_s: float = 8.0
    timeout_s: float = 15.0
    sleep: Sleep = asyncio.sleep
    _session: aiohttp.ClientSession | None = None

    async def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout_s))
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def post_json(self, url: str, body: dict[str, Any], headers: dict[str, str] | None = None,
                        what: str = "api") -> dict[str, Any]:
        http = await self._http()
        last = ""
        for attempt in range(1, self.attempts + 1):
            try:
                async with http.post(url, json=body, headers=headers or {}) as resp:
                    text = await resp.text()
                    if resp.status < 300:
                        try:
                            data = await resp.json(content_type=None)
                        except ValueError:
                            data = {}
                        return data if isinstance(data, dict) else {}
                    last = f"status {resp.status}"
                    if resp.status != 429 and resp.status < 500:
                        # Platform error bodies do not contain the message text; safe to log.
                        log.warning("outbound refused", extra={"api": what, "status": resp.status,
                                                               "error": text[:300]})
                        raise OutboundError(last)
            except (aiohttp.ClientError, TimeoutError) as exc:
                last = type(exc).__name__
            if attempt < self.attempts:
                delay = min(self.max_delay_s, self.base_delay_s * 2 ** (attempt - 1))
                await self.sleep(delay * (0.8 + 0.4 * random.random()))
        log.warning("outbound failed after retries",
                    extra={"api": what, "error": last, "attempts": self.attempts})
        raise OutboundError(last)


# -- channel state in the database -----------------------------------------------------------
class ChannelStore:
    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions

    def forget_old_inbound(self, days: int = PROCESSED_KEEP_DAYS) -> int:
        """Platforms redeliver for at most a few days; older finished inbox rows need not be kept."""
        with self.sessions.begin() as db:
            result = db.execute(delete(InboxUpdate).where(
                InboxUpdate.state != "pending", InboxUpdate.received_at < utcnow() - timedelta(days=days)))
            return int(result.rowcount or 0)

    def set_address(self, conversation_id: str, channel: str, address: str) -> None:
        try:
            self._set_address(conversation_id, channel, address)
        except IntegrityError:  # two worker threads added it at once (two webhooks): update the row now
            self._set_address(conversation_id, channel, address)

    def _set_address(self, conversation_id: str, channel: str, address: str) -> None:
        with self.sessions.begin() as db:
            row = db.get(ChannelAddress, conversation_id)
            if row is None:
                db.add(ChannelAddress(conversation_id=conversation_id, channel=channel, address=address))
            elif row.address != address:
                row.address = address

    def address(self, conversation_id: str) -> str | None:
        with self.sessions() as db:
            row = db.get(ChannelAddress, conversation_id)
            return None if row is None else str(row.address)

    def remember(self, conversation_id: str, rendering: Rendering) -> None:
        """Keep numbered options (or clear them) and payloads too long for a button id."""
        with self.sessions.begin() as db:
            row = db.get(NumberedOptions, conversation_id)
            if rendering.numbered:
                options = [o.to_json() for o in rendering.numbered]
                if row is None:
                    db.add(NumberedOptions(conversation_id=conversation_id, options=options))
                else:
                    row.options = options
                    row.updated_at = utcnow()
            elif row is not None:
                db.delete(row)
            for key, option in rendering.long_payloads.items():
                if db.get(ButtonPayload, (conversation_id, key)) is None:
                    db.add(ButtonPayload(conversation_id=conversation_id, key=key,
                                         title=option.title, payload=option.payload))

    def numbered_choice(self, conversation_id: str, text: str) -> Option | None:
        """The option for an answer like "2" or "2." when numbered options are open."""
        stripped = text.strip().rstrip(".)")
        if not stripped.isdigit() or len(stripped) > 2:
            return None
        with self.sessions() as db:
            row = db.get(NumberedOptions, conversation_id)
            options = list(row.options) if row is not None else []
        index = int(stripped) - 1
        if 0 <= index < len(options):
            return Option(str(options[index]["title"]), str(options[index]["payload"]))
        return None

    def payload_for(self, conversation_id: str, button_id: str) -> str:
        """A button id back to its payload (ids with the key prefix were stored)."""
        if not button_id.startswith(KEY_PREFIX):
            return button_id
        with self.sessions() as db:
            row = db.execute(select(ButtonPayload).where(
                ButtonPayload.conversation_id == conversation_id, ButtonPayload.key == button_id)).scalar()
            return str(row.payload) if row is not None else ""
