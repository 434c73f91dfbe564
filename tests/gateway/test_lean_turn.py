"""A lean turn (issue 12, item 6): database work off the event loop, bounded reads per message."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, insert, inspect, text
from sqlalchemy.orm import Session

from assistant.gateway.app import SERVICE, create_app
from assistant.gateway.channels.common import ChannelStore
from assistant.gateway.conversation import ConversationService, kept_conversations
from assistant.storage.db import make_engine, make_session_factory, off_loop
from assistant.storage.models import Conversation, Message
from tests.conftest import new_chat

# Only a safety net, never asserted: without it a write that blocks the loop would hang the test.
HOLD_LIMIT_S = 10


async def test_a_held_database_write_leaves_other_requests_served(aiohttp_client, settings, fake_rasa,
                                                                  monkeypatch) -> None:
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    slow, slow_auth = await new_chat(client)
    other, other_auth = await new_chat(client)
    entered, release = threading.Event(), threading.Event()
    released_by_test: list[bool] = []
    original = ConversationService._store

    def held_store(self: ConversationService, conversation_id: str, sender: str, text: str | None,
                   payload: dict[str, Any] | None, *args: Any) -> int:
        if conversation_id == slow and sender == "user" and text == "eerste":
            entered.set()
            # On the event loop this wait would stop every request until it times out.
            released_by_test.append(release.wait(HOLD_LIMIT_S))
        return original(self, conversation_id, sender, text, payload, *args)

    monkeypatch.setattr(ConversationService, "_store", held_store)
    first = asyncio.create_task(client.post(f"/api/v1/chat/{slow}/messages", json={"text": "eerste"},
                                            headers=slow_auth))
    assert await asyncio.to_thread(entered.wait, HOLD_LIMIT_S)
    second = asyncio.create_task(client.post(f"/api/v1/chat/{slow}/messages", json={"text": "tweede"},
                                             headers=slow_auth))
    try:
        live = await client.get("/livez")
        answered = await client.post(f"/api/v1/chat/{other}/messages", json={"text": "hallo"}, headers=other_auth)
        read = await client.get(f"/api/v1/chat/{other}/messages", headers=other_auth)
        assert (live.status, answered.status, read.status) == (200, 200, 200)
        assert [m["text"] for m in (await read.json())["messages"]] == ["hallo", "Je zei: hallo"]
    finally:
        release.set()
    assert (await first).status == 200 and (await second).status == 200
    assert released_by_test == [True]  # the other requests were served while the write was held
    # The turn lock still orders the held conversation: its second message waited for the first.
    history = client.app[SERVICE].history(slow)
    assert [m["text"] for m in history] == ["eerste", "Je zei: eerste", "tweede", "Je zei: tweede"]
    assert [text for sender, text in fake_rasa.sent if sender == slow] == ["eerste", "tweede"]


# -- bounded reads: the cost of a read does not grow with the conversation ----------------------
def _fill(sessions: Any, conversation_id: str, n: int) -> None:
    with sessions.begin() as db:
        db.add(Conversation(id=conversation_id, channel="web", status="bot"))
        db.flush()
        db.execute(insert(Message), [
            {"conversation_id": conversation_id, "sender": "user" if i % 2 else "bot", "text": f"bericht {i}",
             "seq": i} for i in range(1, n + 1)])


def _vm_steps(engine: Any, read: Callable[[], object]) -> int:
    """SQLite virtual-machine steps a read takes: grows with every row the database touches."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0  # go on

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_progress_handler(count, 1)

    event.listen(engine, "connect", on_connect)
    try:
        read()
    finally:
        event.remove(engine, "connect", on_connect)
    return steps[0]


def test_history_and_position_read_only_what_they_return(db_url, fake_rasa) -> None:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    service = ConversationService(sessions, fake_rasa)
    _fill(sessions, "web-klein-gesprek", 20)
    _fill(sessions, "web-groot-gesprek", 4000)
    assert service.position("web-groot-gesprek")[1] == 4000
    assert [m["seq"] for m in service.history("web-groot-gesprek", after_seq=3995)] == [3996, 3997, 3998, 3999, 4000]

    def cost(cid: str, n: int) -> dict[str, int]:
        return {
            "position": _vm_steps(engine, lambda: service.position(cid)),
            "latest": _vm_steps(engine, lambda: service.history(cid, after_seq=n - 5)),
            "first": _vm_steps(engine, lambda: service.history(cid, limit=5)),
        }

    small, big = cost("web-klein-gesprek", 20), cost("web-groot-gesprek", 4000)
    # 200 times the history, (almost) the same work: an index seek, not a count or a numbering.
    for read in small:
        assert big[read] < 2 * small[read], (read, small[read], big[read])


def test_the_retry_loop_finds_kept_messages_through_an_index(db_url, fake_rasa) -> None:
    engine = make_engine(db_url)
    assert "ix_messages_pending_conversation_id" in {ix["name"] for ix in inspect(engine).get_indexes("messages")}
    sql = str(kept_conversations().compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    with engine.connect() as conn:
        plan = " | ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "USING INDEX ix_messages_pending_conversation_id" in plan or \
        "USING COVERING INDEX ix_messages_pending_conversation_id" in plan, plan
    assert "SCAN" not in plan.replace("SCAN CONSTANT", ""), plan  # no full table scan


async def test_kept_messages_are_flagged_found_and_cleared(db_url, fake_rasa) -> None:
    sessions = make_session_factory(make_engine(db_url))
    service = ConversationService(sessions, fake_rasa)
    _fill(sessions, "web-ander-gesprek", 30)
    fake_rasa.up = False
    await service.handle_user_message("web-bewaard-gesprek", "eerste")
    await service.handle_user_message("web-bewaard-gesprek", "tweede")
    with sessions() as db:
        assert list(db.execute(kept_conversations()).scalars()) == ["web-bewaard-gesprek"] * 2
    assert [m.get("kept", False) for m in service.history("web-bewaard-gesprek")] == [True, True]
    fake_rasa.up = True
    assert await service.retry_pending() == 2
    with sessions() as db:
        assert list(db.execute(kept_conversations()).scalars()) == []
    history = service.history("web-bewaard-gesprek")
    assert [(m["seq"], m["text"], m.get("kept", False)) for m in history] == [
        (1, "eerste", False), (2, "tweede", False), (3, "Je zei: eerste", False), (4, "Je zei: tweede", False)]


def test_the_migration_numbers_old_messages_and_moves_the_kept_flag(db_url) -> None:
    from alembic import command

    from assistant.storage.migrate import alembic_config, downgrade

    downgrade(db_url, "0010_webhook_inbox")
    engine = make_engine(db_url)
    with engine.begin() as conn:
        for cid in ("web-oud-gesprek-a", "web-oud-gesprek-b"):
            conn.execute(text("INSERT INTO conversations (id, channel, status, created_at, updated_at) "
                              "VALUES (:c, 'web', 'bot', '2026-01-01', '2026-01-01')"), {"c": cid})
        for cid, sender, payload in [("web-oud-gesprek-a", "user", None), ("web-oud-gesprek-b", "user", None),
                                     ("web-oud-gesprek-a", "bot", '{"buttons": []}'),
                                     ("web-oud-gesprek-a", "user", '{"pending": true, "x": 1}')]:
            conn.execute(text("INSERT INTO messages (conversation_id, sender, text, payload, created_at) "
                              "VALUES (:c, :s, 't', :p, '2026-01-01')"), {"c": cid, "s": sender, "p": payload})
    command.upgrade(alembic_config(db_url), "heads")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT conversation_id, seq, pending, payload FROM messages ORDER BY id")).all()
    assert [(c[-1], seq, bool(pending)) for c, seq, pending, _ in rows] == [
        ("a", 1, False), ("b", 1, False), ("a", 2, False), ("a", 3, True)]
    assert rows[-1][-1] in ('{"x": 1}', {"x": 1})  # one source of truth: the column, not the payload
    downgrade(db_url, "0010_webhook_inbox")  # and back: the flag returns to the payload
    with engine.connect() as conn:
        payload = conn.execute(text("SELECT payload FROM messages ORDER BY id DESC LIMIT 1")).scalar()
    assert json.loads(payload) == {"x": 1, "pending": True}


async def test_two_first_messages_at_once_create_the_conversation_once(db_url, fake_rasa, monkeypatch) -> None:
    """Off the loop two webhooks' threads can both find no conversation yet and both insert it."""
    sessions = make_session_factory(make_engine(db_url))
    service = ConversationService(sessions, fake_rasa)
    store = ChannelStore(sessions)
    both_looked = threading.Barrier(2, timeout=HOLD_LIMIT_S)
    original_get = Session.get

    def get_in_step(self: Session, entity: Any, ident: Any, **kwargs: Any) -> Any:
        found = original_get(self, entity, ident, **kwargs)
        if ident == "tg-nieuw-gesprek" and found is None:
            both_looked.wait()  # both threads looked (and found nothing) before either inserts
        return found

    monkeypatch.setattr(Session, "get", get_in_step)
    await asyncio.gather(off_loop(service.ensure_conversation, "tg-nieuw-gesprek", "telegram"),
                         off_loop(service.ensure_conversation, "tg-nieuw-gesprek", "telegram"))
    await asyncio.gather(off_loop(store.set_address, "tg-nieuw-gesprek", "telegram", "42"),
                         off_loop(store.set_address, "tg-nieuw-gesprek", "telegram", "42"))
    monkeypatch.undo()
    assert service.status("tg-nieuw-gesprek") == "bot"
    assert store.address("tg-nieuw-gesprek") == "42"
