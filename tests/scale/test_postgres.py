"""Koers on PostgreSQL 15: the migrations up and down, and the storage layer the service uses.

A throwaway cluster on a loopback port (tests/scale/servers.py); SQLite stays the embedded
default and is covered by the other tests.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from assistant.catalogue.models import Course
from assistant.database import metadata, upgrade
from assistant.gateway.app import SERVICE, SESSIONS, create_app
from assistant.gateway.channels.models import ChannelAddress
from assistant.gateway.handoff.models import Annotation, AuditEntry, HandoffCase, Ticket
from assistant.privacy.rasa_events import EVENTS
from assistant.privacy.retention import delete_conversation_data, purge_older_than
from assistant.storage.db import make_engine, make_session_factory
from assistant.storage.migrate import alembic_config, downgrade
from assistant.storage.models import Conversation, Message, utcnow


@pytest.fixture
def db_url(pg_url: str) -> str:
    """Overrides the SQLite ``db_url`` of tests/conftest.py, so ``settings`` points at PostgreSQL."""
    upgrade(pg_url)
    return pg_url


def table_names(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_all_migrations_run_up_down_and_up_again(pg_url: str) -> None:
    upgrade(pg_url)
    tables = table_names(pg_url)
    assert set(metadata().tables) <= tables
    engine = make_engine(pg_url)
    try:
        with engine.connect() as conn:
            current = set(MigrationContext.configure(conn).get_current_heads())
            # The hand-written migrations create exactly what the models declare.
            assert compare_metadata(MigrationContext.configure(conn), metadata()) == []
        heads = set(ScriptDirectory.from_config(alembic_config(pg_url)).get_heads())
        assert current == heads and len(heads) >= 1
        with make_session_factory(engine)() as db:
            courses = db.execute(select(func.count()).select_from(Course)).scalar_one()
        assert courses > 0  # reference data seeded
    finally:
        engine.dispose()

    downgrade(pg_url)
    assert table_names(pg_url) - {"alembic_version"} == set()

    upgrade(pg_url)
    upgrade(pg_url)  # idempotent, seeding included
    engine = make_engine(pg_url)
    try:
        with make_session_factory(engine)() as db:
            assert db.execute(select(func.count()).select_from(Course)).scalar_one() == courses
    finally:
        engine.dispose()
    assert set(metadata().tables) <= table_names(pg_url)


def test_timestamps_come_back_in_utc_whatever_the_server_zone(db_url: str) -> None:
    database = make_url(db_url).database
    plain = create_engine(db_url, future=True, poolclass=NullPool)  # each connect sees the new default
    try:
        with plain.begin() as conn:
            conn.execute(text(f'ALTER DATABASE "{database}" SET timezone = \'America/Los_Angeles\''))
        with plain.connect() as conn:  # without Koers' engine settings the zone is the server's
            assert conn.execute(text("SHOW timezone")).scalar_one() == "America/Los_Angeles"
    finally:
        plain.dispose()
    engine = make_engine(db_url)
    try:
        sessions = make_session_factory(engine)
        with sessions.begin() as db:
            db.add(Conversation(id="tz-1", channel="web", status="bot"))
        with sessions() as db:
            created = db.get(Conversation, "tz-1").created_at
        assert created.utcoffset() == timedelta(0)
        assert abs((utcnow() - created).total_seconds()) < 300
    finally:
        engine.dispose()


def add_conversation(sessions, cid: str, age_days: int) -> None:
    when = utcnow() - timedelta(days=age_days)
    with sessions.begin() as db:
        db.add(Conversation(id=cid, channel="whatsapp", status="bot", created_at=when, updated_at=when))
        db.flush()
        msg = Message(conversation_id=cid, sender="user", text="hoi", payload={"a": [1, 2]}, created_at=when)
        db.add(msg)
        db.flush()
        case = HandoffCase(conversation_id=cid, status="ticket", summary={"age": 40}, created_at=when,
                           updated_at=when)
        db.add(case)
        db.flush()
        db.add(Ticket(conversation_id=cid, case_id=case.id, status="open", step="done", consent=True,
                      name="Sanne", phone="0612345678", retries=0, created_at=when))
        db.add(Annotation(conversation_id=cid, message_id=msg.id, kind="tag", tag="x", created_at=when))
        db.add(ChannelAddress(conversation_id=cid, channel="whatsapp", address="31612345678"))
        db.add(AuditEntry(username="anna", action="view_transcript", conversation_id=cid))
    engine = sessions.kw["bind"]
    EVENTS.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(EVENTS.insert().values(sender_id=cid, type_name="user", intent_name="greet",
                                            timestamp=time.time() - age_days * 86400, data="{}"))


def rows_of(sessions, cid: str) -> dict[str, int]:
    checks = {
        "conversations": (Conversation, Conversation.id), "messages": (Message, Message.conversation_id),
        "cases": (HandoffCase, HandoffCase.conversation_id), "tickets": (Ticket, Ticket.conversation_id),
        "annotations": (Annotation, Annotation.conversation_id),
        "addresses": (ChannelAddress, ChannelAddress.conversation_id), "events": (EVENTS, EVENTS.c.sender_id),
    }
    with sessions() as db:
        return {name: db.execute(select(func.count()).select_from(model).where(col == cid)).scalar_one()
                for name, (model, col) in checks.items()}


def test_retention_and_erasure_cascade_on_postgres(settings, fake_rasa) -> None:
    app = create_app(settings, rasa=fake_rasa)
    sessions = app[SESSIONS]
    add_conversation(sessions, "old-pg-1", age_days=100)
    add_conversation(sessions, "new-pg-1", age_days=3)
    add_conversation(sessions, "erase-pg-1", age_days=1)
    result = purge_older_than(sessions, days=90)
    assert (result.conversations, result.messages, result.tickets, result.tracker_events) == (1, 1, 1, 1)
    assert set(rows_of(sessions, "old-pg-1").values()) == {0}
    assert set(rows_of(sessions, "new-pg-1").values()) == {1}
    delete_conversation_data(sessions, "erase-pg-1")
    assert set(rows_of(sessions, "erase-pg-1").values()) == {0}
    assert set(rows_of(sessions, "new-pg-1").values()) == {1}
    with sessions() as db:  # the audit trail of who viewed what stays
        assert db.execute(select(func.count(AuditEntry.id))).scalar_one() == 3


async def test_the_service_keeps_transcripts_and_pending_messages_on_postgres(settings, fake_rasa) -> None:
    app = create_app(settings, rasa=fake_rasa)
    service = app[SERVICE]
    cid = "web-postgres-1"
    replies = await service.handle_user_message(cid, "hoi, mijn nummer is 0612345678", channel="web")
    assert [r.text for r in replies] == [f"Je zei: {fake_rasa.sent[-1][1]}"]
    assert "0612345678" not in fake_rasa.sent[-1][1]  # redacted before Rasa and the transcript
    fake_rasa.up = False
    apology = await service.handle_user_message(cid, "ben je er nog", channel="web")
    assert "bewaard" in (apology[0].text or "")
    fake_rasa.up = True
    assert await service.retry_pending() == 1
    history = service.history(cid)
    assert [m["sender"] for m in history] == ["user", "bot", "user", "bot"]
    assert history[-1]["text"] == "Je zei: ben je er nog"
    assert all("0612345678" not in (m["text"] or "") for m in history)
    assert service.history(cid, after_id=history[2]["id"]) == history[3:]
    assert await service.retry_pending() == 0  # answered once, never again


def tracker_store_from_repo_endpoints(db_url: str):
    """What ``rasa run --endpoints endpoints.yml`` builds, with DATABASE_URL from the environment."""
    import os
    from pathlib import Path

    from rasa.core.tracker_store import TrackerStore
    from rasa.core.utils import AvailableEndpoints
    from rasa.shared.core.domain import Domain

    root = Path(__file__).resolve().parents[2]
    saved = {k: os.environ.get(k) for k in ("DATABASE_URL", "ACTION_ENDPOINT_URL")}
    os.environ.update({"DATABASE_URL": db_url, "ACTION_ENDPOINT_URL": "http://127.0.0.1:5055/webhook"})
    try:
        endpoints = AvailableEndpoints.read_endpoints(str(root / "endpoints.yml"))
        return TrackerStore.create(endpoints.tracker_store, domain=Domain.empty())
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.mark.rasa
def test_rasa_tracker_store_on_postgres(db_url: str) -> None:
    """Rasa's own SQL tracker store (through KoersTrackerStore) writes ``events`` on PostgreSQL."""
    import asyncio

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from assistant.rasa_plugins.tracker_store import KoersTrackerStore

    store = KoersTrackerStore(host=db_url, domain=Domain.empty())
    assert isinstance(tracker_store_from_repo_endpoints(db_url), KoersTrackerStore)
    tracker = DialogueStateTracker.from_events("pg-tracker-1", [UserUttered("hoi", {"name": "greet"})])
    asyncio.run(store.save(tracker))
    again = asyncio.run(store.retrieve("pg-tracker-1"))
    assert again is not None and again.latest_message.text == "hoi"
    sessions = make_session_factory(make_engine(db_url))
    assert delete_conversation_data(sessions, "pg-tracker-1").tracker_events >= 1
    assert asyncio.run(store.retrieve("pg-tracker-1")) is None


def test_koers_db_upgrade_on_postgres_needs_no_service_secret(pg_url: str, tmp_path) -> None:
    """An operator's migration job: only DATABASE_URL (with a password that must not be printed)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from sqlalchemy.engine import make_url as parse

    secret_url = parse(pg_url).set(password="geheim-wachtwoord").render_as_string(hide_password=False)
    env = {k: v for k, v in os.environ.items() if k not in ("KOERS_SECRET_KEY", "REDIS_URL", "KOERS_MODE")}
    env.update({"DATABASE_URL": secret_url, "KOERS_HOME": str(tmp_path)})
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "assistant", "db", "upgrade"], env=env, cwd=root,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "geheim-wachtwoord" not in proc.stdout + proc.stderr
    assert set(metadata().tables) <= table_names(pg_url)
