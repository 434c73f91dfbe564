"""Thin async client for the Rasa server (REST channel + HTTP API)."""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

# Rasa's RedisLockStore keys (``koers run`` and the container set this prefix): one ticket lock
# per conversation, "<prefix>:lock:<conversation id>", JSON with the tickets and their expiry.
RASA_LOCK_KEY_PREFIX = "koersrasa"


async def rasa_lock_held(redis: Any, conversation_id: str) -> bool:
    """Whether a Rasa server still works on (or waits to work on) this conversation: a ticket in
    Rasa's RedisLockStore that has not expired. A message whose caller died may still be in
    Rasa's hands; it must not be sent again before Rasa is done with it. False when unsure."""
    try:
        raw = await redis.get(f"{RASA_LOCK_KEY_PREFIX}:lock:{conversation_id}")
        if not raw:
            return False
        tickets = [json.loads(t) for t in json.loads(raw).get("tickets") or []]
        now = time.time()
        return any(float(t.get("expires", 0)) > now for t in tickets)
    except Exception as exc:  # Redis down or a format we do not know: do not hold the retry up
        log.warning("could not read rasa's lock", extra={"conversation_id": conversation_id, "error": str(exc)})
        return False


class RasaUnavailable(Exception):
    """Rasa (or the action server behind it) did not answer."""


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class BotMessage:
    text: str | None = None
    buttons: tuple[Button, ...] = ()
    custom: dict[str, Any] | None = None
    image: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_rasa(cls, data: dict[str, Any]) -> BotMessage:
        buttons = tuple(
            Button(title=str(b.get("title", "")), payload=str(b.get("payload", b.get("title", ""))))
            for b in data.get("buttons") or []
        )
        return cls(text=data.get("text"), buttons=buttons, custom=data.get("custom"), image=data.get("image"))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.text:
            out["text"] = self.text
        if self.buttons:
            out["buttons"] = [{"title": b.title, "payload": b.payload} for b in self.buttons]
        if self.custom:
            out["custom"] = self.custom
        if self.image:
            out["image"] = self.image
        return out


def attach_kinds(messages: list[BotMessage]) -> list[BotMessage]:
    """Rasa's REST channel sends ``utter_message(text=..., json_message=...)`` as two messages:
    the text, then the custom payload alone. A payload that only says what the text is
    (``{"kind": ...}``: the advice, a folded detail) goes back onto its text."""
    out: list[BotMessage] = []
    for m in messages:
        prev = out[-1] if out else None
        if (m.custom and "kind" in m.custom and not m.text and not m.buttons and not m.image
                and prev is not None and prev.text and not prev.custom):
            out[-1] = BotMessage(text=prev.text, buttons=prev.buttons, custom=dict(m.custom), image=prev.image,
                                 extra=prev.extra)
            continue
        out.append(m)
    return out


class RasaClient:
    def __init__(self, base_url: str, token: str = "", timeout_s: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._session: aiohttp.ClientSession | None = None

    async def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    def _params(self) -> dict[str, str]:
        return {"token": self.token} if self.token else {}

    async def send(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[BotMessage]:
        body: dict[str, Any] = {"sender": sender, "message": text}
        if metadata:
            body["metadata"] = metadata
        http = await self._http()
        try:
            async with http.post(f"{self.base_url}/webhooks/rest/webhook", json=body) as resp:
                if resp.status != 200:
                    raise RasaUnavailable(f"Rasa antwoordde met status {resp.status}")
                data = await resp.json()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RasaUnavailable(str(exc)) from exc
        return attach_kinds([BotMessage.from_rasa(m) for m in data or []])

    async def tracker(self, sender: str) -> dict[str, Any] | None:
        """The conversation's tracker, or None when Rasa has never seen this sender."""
        http = await self._http()
        try:
            async with http.get(
                f"{self.base_url}/conversations/{sender}/tracker", params=self._params()
            ) as resp:
                if resp.status == 404:
                    return None
                if resp.status != 200:
                    raise RasaUnavailable(f"Rasa antwoordde met status {resp.status}")
                data: dict[str, Any] = await resp.json()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RasaUnavailable(str(exc)) from exc
        return data

    async def append_events(self, sender: str, events: list[dict[str, Any]]) -> None:
        http = await self._http()
        try:
            async with http.post(
                f"{self.base_url}/conversations/{sender}/tracker/events",
                params={**self._params(), "include_events": "NONE"},
                json=events,
            ) as resp:
                if resp.status != 200:
                    raise RasaUnavailable(f"Rasa antwoordde met status {resp.status}")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RasaUnavailable(str(exc)) from exc

    async def trigger_intent(
        self, sender: str, intent: str, entities: dict[str, Any] | None = None
    ) -> list[BotMessage]:
        http = await self._http()
        try:
            async with http.post(
                f"{self.base_url}/conversations/{sender}/trigger_intent",
                params={**self._params(), "output_channel": "latest"},
                json={"name": intent, "entities": entities or {}},
            ) as resp:
                if resp.status != 200:
                    raise RasaUnavailable(f"Rasa antwoordde met status {resp.status}")
                data = await resp.json()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RasaUnavailable(str(exc)) from exc
        return attach_kinds([BotMessage.from_rasa(m) for m in data.get("messages") or []])

    async def status(self) -> dict[str, Any]:
        """Rasa's ``/status``: ``model_file`` and ``model_id`` of the model it has loaded."""
        http = await self._http()
        try:
            async with http.get(f"{self.base_url}/status", params=self._params(),
                                timeout=aiohttp.ClientTimeout(total=5)) as resp:
                if resp.status != 200:
                    raise RasaUnavailable(f"Rasa antwoordde met status {resp.status}")
                data: dict[str, Any] = await resp.json()
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise RasaUnavailable(str(exc)) from exc
        return data

    async def load_model(self, model_file: str, timeout_s: float = 300.0) -> None:
        """Rasa's ``PUT /model``: load this archive in place of the running model (tracker store kept)."""
        http = await self._http()
        try:
            async with http.put(f"{self.base_url}/model", params=self._params(), json={"model_file": model_file},
                                timeout=aiohttp.ClientTimeout(total=timeout_s)) as resp:
                if resp.status not in (200, 204):
                    raise RasaUnavailable(f"Rasa antwoordde met status {resp.status}")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RasaUnavailable(str(exc)) from exc

    async def is_up(self, url: str | None = None) -> bool:
        http = await self._http()
        try:
            async with http.get(url or f"{self.base_url}/", timeout=aiohttp.ClientTimeout(total=3)) as resp:
                return resp.status == 200
        except (aiohttp.ClientError, TimeoutError):
            return False
