"""The webhook inbox on PostgreSQL: two replicas recovering at the same time process each row once.

Each "replica" is a thread with its own event loop and connection pool, so the claims really
overlap in the database (``FOR UPDATE SKIP LOCKED`` and the conditional UPDATE).
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from sqlalchemy import func, select

from assistant.database import upgrade
from assistant.gateway.channels.inbox import Inbox
from assistant.gateway.channels.models import InboxUpdate
from assistant.storage.db import make_engine, make_session_factory

ROWS = 60


@pytest.fixture
def db_url(pg_url: str) -> str:
    upgrade(pg_url)
    return pg_url


def test_two_replicas_recover_each_stored_update_once(db_url: str) -> None:
    seen: list[tuple[str, Any]] = []
    lock = threading.Lock()
    start = threading.Barrier(2)

    def replica(name: str) -> None:
        engine = make_engine(db_url)

        async def process(payload: dict[str, Any]) -> None:
            await asyncio.sleep(0.001)  # a turn takes a moment: the other replica claims meanwhile
            with lock:
                seen.append((name, payload["n"]))

        inbox = Inbox(make_session_factory(engine), "whatsapp", process, grace_s=0)
        start.wait()
        try:
            while asyncio.run(inbox.recover(limit=7)):
                pass
        finally:
            engine.dispose()

    engine = make_engine(db_url)
    storer = Inbox(make_session_factory(engine), "whatsapp", lambda _p: asyncio.sleep(0))
    for n in range(ROWS):
        assert storer.store(f"wamid.PG{n}", f"wa-{n % 5}", {"n": n}) is not None
    assert storer.store("wamid.PG0", "wa-0", {"n": 0}) is None  # a redelivery is stored once

    threads = [threading.Thread(target=replica, args=(name,)) for name in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(n for _, n in seen) == list(range(ROWS))  # every row, none twice
    with make_session_factory(engine)() as db:
        states = dict(db.execute(select(InboxUpdate.state, func.count()).group_by(InboxUpdate.state)).all())
    engine.dispose()
    assert states == {"done": ROWS}
