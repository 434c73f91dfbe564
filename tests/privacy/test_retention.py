"""Retention purge and "verwijder mijn gegevens" delete transcripts, tickets and Rasa tracker rows."""

import argparse
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select, update

from assistant.gateway.app import SERVICE, SESSIONS, create_app
from assistant.gateway.handoff.models import Annotation, AuditEntry, HandoffCase, Ticket
from assistant.gateway.rasa_client import BotMessage
from assistant.privacy.rasa_events import EVENTS
from assistant.privacy.retention import delete_conversation_data, purge_older_than
from assistant.storage.models import Conversation, Message, utcnow


@pytest.fixture
def app(settings, fake_rasa):
    return create_app(settings, rasa=fake_rasa)


def add_conversation(sessions, cid, age_days, with_ticket=True):
    when = utcnow() - timedelta(days=age_days)
    with sessions.begin() as db:
        db.add(Conversation(id=cid, channel="web", status="bot", created_at=when, updated_at=when))
        db.flush()
        msg = Message(conversation_id=cid, sender="user", text="hoi", created_at=when)
        db.add(msg)
        db.flush()
        case = HandoffCase(conversation_id=cid, status="ticket", summary={"age": 40}, created_at=when, updated_at=when)
        db.add(case)
        db.flush()
        if with_ticket:
            db.add(Ticket(conversation_id=cid, case_id=case.id, status="open", step="done", consent=True,
                          name="Sanne", phone="0612345678", retries=0, created_at=when))
        db.add(Annotation(conversation_id=cid, message_id=msg.id, kind="tag", tag="x", created_at=when))
        db.add(AuditEntry(username="anna", action="view_transcript", conversation_id=cid))
    engine = sessions.kw["bind"]
    EVENTS.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(EVENTS).values(sender_id=cid, type_name="user", intent_name="greet",
                                           timestamp=time.time() - age_days * 86400, data="{}"))


def counts(sessions, cid):
    with sessions() as db:
        return {
            name: db.execute(select(func.count()).select_from(model).where(col == cid)).scalar_one()
            for name, model, col in (
                ("conversations", Conversation, Conversation.id), ("messages", Message, Message.conversation_id),
                ("cases", HandoffCase, HandoffCase.conversation_id), ("tickets", Ticket, Ticket.conversation_id),
                ("annotations", Annotation, Annotation.conversation_id), ("events", EVENTS, EVENTS.c.sender_id),
            )
        }


def test_purge_deletes_only_what_is_older_than_the_retention(app):
    sessions = app[SESSIONS]
    add_conversation(sessions, "old-conversation-1", age_days=100)
    add_conversation(sessions, "new-conversation-1", age_days=5)
    result = purge_older_than(sessions, days=90)
    assert (result.conversations, result.messages, result.tickets, result.tracker_events) == (1, 1, 1, 1)
    assert set(counts(sessions, "old-conversation-1").values()) == {0}
    assert set(counts(sessions, "new-conversation-1").values()) == {1}
    # The audit trail of who viewed what is kept.
    with sessions() as db:
        assert db.execute(select(func.count(AuditEntry.id))).scalar_one() == 2


def test_purge_also_removes_old_tickets_of_active_conversations_and_stale_trackers(app):
    sessions = app[SESSIONS]
    add_conversation(sessions, "busy-conversation", age_days=1)
    with sessions.begin() as db:
        db.execute(update(Ticket).values(created_at=utcnow() - timedelta(days=200)))
    with sessions.kw["bind"].begin() as conn:
        conn.execute(insert(EVENTS).values(sender_id="rest-only", type_name="user",
                                           timestamp=time.time() - 200 * 86400))
    result = purge_older_than(sessions, days=90)
    assert result.tickets == 1 and result.conversations == 0
    assert result.tracker_events == 1  # the REST-only sender's stale tracker
    assert counts(sessions, "busy-conversation")["messages"] == 1


def test_purge_refuses_nonsense(app):
    with pytest.raises(ValueError, match="minstens 1 dag"):
        purge_older_than(app[SESSIONS], days=0)


def test_delete_conversation_data(app):
    sessions = app[SESSIONS]
    add_conversation(sessions, "delete-me-please", age_days=0)
    add_conversation(sessions, "keep-me-please", age_days=0)
    delete_conversation_data(sessions, "delete-me-please")
    assert set(counts(sessions, "delete-me-please").values()) == {0}
    assert set(counts(sessions, "keep-me-please").values()) == {1}


async def test_verwijder_mijn_gegevens_through_the_service(app, fake_rasa):
    sessions = app[SESSIONS]
    service = app[SERVICE]
    cid = "web-delete-request-1"
    await service.handle_user_message(cid, "ik ben 45 en woon op 1234 AB 5", channel="web")
    engine = sessions.kw["bind"]
    EVENTS.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(EVENTS).values(sender_id=cid, type_name="user", timestamp=time.time()))
    confirm = "Klaar. Alles van dit gesprek is gewist."
    fake_rasa.replies["verwijder mijn gegevens"] = [BotMessage(text=confirm),
                                                    BotMessage(custom={"privacy": "delete_requested"})]
    replies = await service.handle_user_message(cid, "verwijder mijn gegevens", channel="web")
    assert replies[0].text == confirm  # the person still gets the confirmation
    assert set(counts(sessions, cid).values()) == {0}
    assert service.history(cid) == []
    # Talking again starts afresh.
    assert [r.text for r in await service.handle_user_message(cid, "hoi", channel="web")] == ["Je zei: hoi"]


def test_retention_cli(app, settings, monkeypatch, capsys):
    from assistant.gateway.handoff import cli

    add_conversation(app[SESSIONS], "old-conversation-2", age_days=400)
    monkeypatch.setenv("KOERS_RETENTION_DAYS", "365")
    assert cli.retention_purge(argparse.Namespace()) == 0
    assert "1 gesprekken" in capsys.readouterr().out
    assert counts(app[SESSIONS], "old-conversation-2")["conversations"] == 0
