"""Shared fixtures: a fake Rasa for fast service tests and the real stack for e2e tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.gateway.rasa_client import BotMessage, RasaUnavailable
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


class FakeRasa:
    """Stands in for RasaClient: echoes, records calls, can be switched 'down'."""

    def __init__(self) -> None:
        self.up = True
        self.sent: list[tuple[str, str]] = []
        self.events: list[tuple[str, list[dict[str, Any]]]] = []
        self.slots: dict[str, dict[str, Any]] = {}
        self.replies: dict[str, list[BotMessage]] = {}
        # Replies to triggered intents (e.g. "greet" when the widget starts the talk).
        self.intent_replies: dict[str, list[BotMessage]] = {}
        self.triggered: list[tuple[str, str]] = []

    async def send(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[BotMessage]:
        if not self.up:
            raise RasaUnavailable("fake rasa is down")
        self.sent.append((sender, text))
        return self.replies.get(text, [BotMessage(text=f"Je zei: {text}")])

    async def tracker(self, sender: str) -> dict[str, Any] | None:
        if sender not in self.slots:
            return None
        return {"sender_id": sender, "slots": self.slots[sender], "events": []}

    async def append_events(self, sender: str, events: list[dict[str, Any]]) -> None:
        self.events.append((sender, events))

    async def trigger_intent(
        self, sender: str, intent: str, entities: dict[str, Any] | None = None
    ) -> list[BotMessage]:
        if not self.up:
            raise RasaUnavailable("fake rasa is down")
        self.triggered.append((sender, intent))
        return self.intent_replies.get(intent, [BotMessage(text=f"intent {intent}")])

    async def is_up(self, url: str | None = None) -> bool:
        return self.up

    async def close(self) -> None:
        return None


@pytest.fixture
def fake_rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    from assistant.database import upgrade

    url = f"sqlite:///{tmp_path / 'koers.db'}"
    upgrade(url)
    return url


@pytest.fixture
def settings(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("KOERS_HOME", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("KOERS_SECRET_KEY", "test-secret-key-test-secret-key")
    return Settings.from_env()


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The real stack (Rasa, action server, Koers service) on free loopback ports.

    Shared by all e2e tests of a run; needs a trained model (``koers train``, done by
    ``make test``).
    """
    from assistant.database import upgrade
    from assistant.nlu.training import model_path
    from assistant.runner import Stack, StackPorts, free_port

    if not model_path(ROOT).exists():
        pytest.fail("Geen getraind model: draai eerst 'koers train' (make test doet dit).")
    tmp = tmp_path_factory.mktemp("stack")
    url = f"sqlite:///{tmp / 'koers.db'}"
    upgrade(url)
    s = Stack(
        home=ROOT,
        ports=StackPorts(rasa=free_port(), actions=free_port(), koers=free_port()),
        database_url=url,
        log_dir=Path(os.environ.get("KOERS_E2E_LOGS", tmp / "logs")),
        extra_env={
            "KOERS_SECRET_KEY": "e2e-secret-key-e2e-secret-key",
            "KOERS_LOG_FORMAT": "json",
            # Scripted personas type faster than people; the limiter has its own unit tests.
            "KOERS_CHAT_RATE_BURST": "200",
            # Every scripted person comes from 127.0.0.1: one address for all of them.
            "KOERS_IP_RATE_BURST": "100000",
            "KOERS_NEW_CHAT_BURST": "10000",
        },
    )
    s.start()
    try:
        s.wait_healthy(timeout_s=300)
        yield s
    finally:
        s.stop()


# -- the web chat API: a conversation and the token that opens it -----------------------------
def chat_auth(client: Any, cid: str) -> dict[str, str]:
    """Headers that open web conversation ``cid`` on an in-process test client.

    Registers ``cid`` with a token through the service's own ``access.grant`` (what
    ``POST /api/v1/chat`` does with a random id), so tests can keep readable fixed ids.
    Idempotent: the token follows from the id.
    """
    from assistant.gateway import access
    from assistant.gateway.app import SESSIONS

    token = f"test-token-{cid}"
    access.grant(client.app[SESSIONS], cid, token)
    return {"Authorization": f"Bearer {token}"}


async def new_chat(http: Any, base_url: str = "") -> tuple[str, dict[str, str]]:
    """A conversation the way the widget starts one (over HTTP): its id and auth headers."""
    resp = await http.post(f"{base_url}/api/v1/chat")
    assert resp.status == 200, resp.status
    body = await resp.json()
    return body["conversation_id"], {"Authorization": f"Bearer {body['token']}"}
