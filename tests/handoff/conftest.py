"""Fixtures for the console and handoff tests: the service with a fake Rasa, advisers, login."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from assistant.gateway.app import SESSIONS, create_app
from assistant.gateway.handoff.auth import create_adviser
from assistant.gateway.handoff.web import HANDOFF
from assistant.gateway.rasa_client import BotMessage
from assistant.vocabulary import vocabulary

PASSWORD = "correct horse battery"
# A Monday at 10:00 in Amsterdam: the demo loket is open.
OPEN_TIME = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
# A Sunday: closed.
CLOSED_TIME = datetime(2025, 3, 2, 12, 0, tzinfo=timezone.utc)
SUMMARY = {"age": 38, "work_status": "werknemer_flex", "education_level": "mbo2", "municipality": "Utrecht"}


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    """Cheap argon2 parameters for tests only; production keeps argon2-cffi's defaults."""
    from argon2 import PasswordHasher

    from assistant.gateway.handoff import auth

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", lambda: cheap)
    monkeypatch.setattr(auth, "_dummy_hash", lambda: cheap.hash("dummy"))


@pytest.fixture
def app(settings, fake_rasa):
    application = create_app(settings, rasa=fake_rasa)
    application[HANDOFF].now = lambda: OPEN_TIME
    return application


@pytest.fixture
async def client(aiohttp_client, app):
    return await aiohttp_client(app)


@pytest.fixture
def advisers(app) -> dict[str, str]:
    sessions = app[SESSIONS]
    create_adviser(sessions, "anna", PASSWORD, "adviser")
    create_adviser(sessions, "bert", PASSWORD, "adviser")
    create_adviser(sessions, "beheer", PASSWORD, "admin")
    return {"anna": PASSWORD, "bert": PASSWORD, "beheer": PASSWORD}


async def login(client: Any, username: str, password: str = PASSWORD) -> str:
    resp = await client.post("/api/v1/auth/login", json={"username": username, "password": password})
    assert resp.status == 200, await resp.text()
    return str((await resp.json())["csrf_token"])


HANDOFF_TEXT = vocabulary().texts["handoff"]


def handoff_replies(summary: dict[str, Any] | None = None) -> list[BotMessage]:
    """What action_turn sends through Rasa's REST channel when it was not told the loket's staffing:
    a text that promises nothing, then the custom payload (the service then says what is true)."""
    return [
        BotMessage(text=HANDOFF_TEXT),
        BotMessage(custom={"handoff": "requested", "reason": "user_request", "summary": summary or SUMMARY}),
    ]


@pytest.fixture
def two_lokets(tmp_path, monkeypatch):
    """Two lokets open at the same hours: 'noord' (the default) and 'zuid'."""
    import yaml

    from assistant.gateway.lokets import load_lokets

    hours = {d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}
    lokets = [{"id": lk, "name": f"Werkcentrum {lk.title()}", "greeting": "Hoi", "opening_hours": hours}
              for lk in ("noord", "zuid")]
    path = tmp_path / "lokets.yml"
    path.write_text(yaml.safe_dump({"default": "noord", "lokets": lokets}), encoding="utf-8")
    monkeypatch.setenv("KOERS_LOKETS_FILE", str(path))
    load_lokets.cache_clear()
    yield path
    load_lokets.cache_clear()
