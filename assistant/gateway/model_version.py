"""Which Rasa model answered a conversation: asked from Rasa's ``/status`` and kept on the row.

Rasa also stamps ``model_id`` into the metadata of tracker events, but reading those means parsing
Rasa's own table; ``/status`` is its public API. The answer is cached for a few seconds, so a turn
costs no extra request in the common case; after a model swap the new id shows within the TTL.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from sqlalchemy import or_, update
from sqlalchemy.orm import sessionmaker

from assistant.gateway.app import RASA, SERVICE, SESSIONS
from assistant.gateway.rasa_client import BotMessage, RasaUnavailable
from assistant.storage.db import off_loop
from assistant.storage.models import Conversation

log = logging.getLogger(__name__)

STATUS_TTL_S = 10.0
MAX_ID_CHARS = 64


@dataclass(frozen=True)
class RunningModel:
    model_id: str
    model_file: str


class ModelVersions:
    def __init__(self, sessions: sessionmaker, rasa: Any, ttl_s: float = STATUS_TTL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.sessions = sessions
        self.rasa = rasa
        self.ttl_s = ttl_s
        self.clock = clock
        self._cached: RunningModel | None = None
        self._fetched_at: float | None = None
        self._lock = asyncio.Lock()

    async def running(self) -> RunningModel | None:
        """The model Rasa has loaded now, or None if Rasa cannot tell (down, no API, a fake)."""
        async with self._lock:
            now = self.clock()
            if self._fetched_at is not None and now - self._fetched_at < self.ttl_s:
                return self._cached
            status = getattr(self.rasa, "status", None)
            model: RunningModel | None = None
            if status is not None:
                try:
                    data = await status()
                    mid = str(data.get("model_id") or "")[:MAX_ID_CHARS]
                    model = RunningModel(mid, str(data.get("model_file") or "")) if mid else None
                except RasaUnavailable as exc:
                    log.info("rasa status unavailable", extra={"error": str(exc)})
            self._cached, self._fetched_at = model, now
            return model

    def forget(self) -> None:
        """Drop the cached answer (after loading another model)."""
        self._fetched_at = None

    def record(self, conversation_id: str, model_id: str) -> None:
        with self.sessions.begin() as db:
            # Keep updated_at: recording the model is not activity for retention's purposes.
            db.execute(update(Conversation)
                       .where(Conversation.id == conversation_id,
                              or_(Conversation.model_id.is_(None), Conversation.model_id != model_id))
                       .values(model_id=model_id, updated_at=Conversation.updated_at))

    async def on_reply(self, conversation_id: str, _replies: list[BotMessage]) -> list[BotMessage]:
        """Signal handler: runs after every turn Rasa answered (also when it stayed silent)."""
        model = await self.running()
        if model is not None:
            await off_loop(self.record, conversation_id, model.model_id)
        return []


MODEL_VERSIONS = web.AppKey("model_versions", ModelVersions)


def install(app: web.Application) -> ModelVersions:
    versions = ModelVersions(app[SESSIONS], app[RASA])
    app[MODEL_VERSIONS] = versions
    app[SERVICE].add_signal_handler(versions.on_reply)
    return versions
