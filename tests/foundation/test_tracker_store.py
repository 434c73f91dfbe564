"""KoersTrackerStore on SQLite: every event stored once and in order, also without Rasa's count."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

pytest.importorskip("rasa")
pytestmark = pytest.mark.rasa

from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import (  # noqa: E402
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402
from sqlalchemy import event, select  # noqa: E402

from assistant.privacy.rasa_events import EVENTS  # noqa: E402
from assistant.rasa_plugins.tracker_store import STORED_EVENTS, KoersTrackerStore  # noqa: E402

DOMAIN = Domain.from_dict({"slots": {"age": {"type": "any", "mappings": [{"type": "custom"}]}}})


def turn(text: str, age: int) -> list[Event]:
    return [UserUttered(text, {"name": "inform", "confidence": 0.9}), ActionExecuted("action_turn"),
            BotUttered(f"Je zei {text}"), SlotSet("age", age), ActionExecuted("action_listen")]


def stored(store: KoersTrackerStore, sender: str) -> list[tuple[str, Any]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(EVENTS.c.type_name, EVENTS.c.data).where(EVENTS.c.sender_id == sender)
                            .order_by(EVENTS.c.id)).all()
    return [(str(t), d) for t, d in rows]


@pytest.fixture
def store(db_url: str) -> KoersTrackerStore:
    return KoersTrackerStore(host=db_url, domain=DOMAIN)


def count_queries(store: KoersTrackerStore) -> list[str]:
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_a: seen.append(statement) if "count(" in statement.lower() else None)
    return seen


def test_turn_after_turn_each_event_is_stored_once_in_order(store: KoersTrackerStore) -> None:
    tracker = DialogueStateTracker.from_events("web-t1", [ActionExecuted("action_session_start"), SessionStarted(),
                                                          ActionExecuted("action_listen")], DOMAIN.slots)
    asyncio.run(store.save(tracker))  # a new tracker: Rasa's count of the stored events
    counts = count_queries(store)
    expected = list(tracker.events)
    for i, text in enumerate(["hoi", "ik ben 45", "in utrecht"]):
        read = asyncio.run(store.retrieve("web-t1"))
        # Rasa reads the session from its SessionStarted on (not the action_session_start before it).
        assert read is not None and getattr(read, STORED_EVENTS) == len(expected) - 1 == len(read.events)
        for e in turn(text, 40 + i):
            read.update(e)
            expected.append(e)
        asyncio.run(store.save(read))
        assert not hasattr(read, STORED_EVENTS)  # used once: a second save counts again
    assert counts == []  # each save after a read knew what was stored
    rows = stored(store, "web-t1")
    assert [t for t, _ in rows] == [e.type_name for e in expected]
    again = asyncio.run(store.retrieve("web-t1"))
    assert again is not None and again.get_slot("age") == 42 and list(again.events) == expected[1:]


def test_a_second_save_of_the_same_tracker_adds_only_the_new_events(store: KoersTrackerStore) -> None:
    asyncio.run(store.save(DialogueStateTracker.from_events("web-t2", turn("hoi", 30), DOMAIN.slots)))
    read = asyncio.run(store.retrieve("web-t2"))
    assert read is not None
    read.update(UserUttered("nog iets", {"name": "inform", "confidence": 0.9}))
    asyncio.run(store.save(read))
    read.update(ActionExecuted("action_listen"))
    asyncio.run(store.save(read))  # no stored number any more: Rasa's count
    assert len(stored(store, "web-t2")) == len(turn("hoi", 30)) + 2


def test_a_new_session_among_the_new_events_uses_rasas_count(store: KoersTrackerStore) -> None:
    asyncio.run(store.save(DialogueStateTracker.from_events("web-t3", [SessionStarted(), *turn("hoi", 30)],
                                                            DOMAIN.slots)))
    read = asyncio.run(store.retrieve("web-t3"))
    assert read is not None
    counts = count_queries(store)
    for e in [ActionExecuted("action_session_start"), SessionStarted(), SlotSet("age", 30),
              ActionExecuted("action_listen")]:
        read.update(e)
    asyncio.run(store.save(read))
    assert len(counts) == 1
    assert [t for t, _ in stored(store, "web-t3")][-4:] == ["action", "session_started", "slot", "action"]
    assert len(stored(store, "web-t3")) == 1 + len(turn("hoi", 30)) + 4


def test_sqlite_connections_are_kept_open_between_turns(store: KoersTrackerStore) -> None:
    connects: list[int] = []
    event.listen(store.engine, "connect", lambda *_a: connects.append(1))
    for i in range(3):
        asyncio.run(store.save(DialogueStateTracker.from_events(f"web-t4-{i}", turn("hoi", i), DOMAIN.slots)))
        assert asyncio.run(store.retrieve(f"web-t4-{i}")) is not None
    assert len(connects) <= 1
