"""Retention and "verwijder mijn gegevens": deleting a person's data everywhere we keep it.

A conversation's data is its transcript (conversations, messages), handoff cases, tickets (with
contact details), annotations and Rasa's tracker rows (``events``). The audit log keeps only
who viewed which conversation id, and is kept as the trail of access.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, delete, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from assistant.privacy.rasa_events import EVENTS, has_events_table
from assistant.storage.models import Conversation, Message, utcnow

log = logging.getLogger(__name__)

# The console's tickets hold contact details and expire on their own. Described with Core, like
# Rasa's ``events``, so privacy needs no import of the handoff feature above it.
TICKETS = Table(
    "handoff_tickets",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("conversation_id", String(128), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


@dataclass
class PurgeResult:
    conversations: int = 0
    messages: int = 0
    tickets: int = 0
    tracker_events: int = 0

    def __str__(self) -> str:
        return (f"{self.conversations} gesprekken, {self.messages} berichten, {self.tickets} tickets, "
                f"{self.tracker_events} Rasa-gebeurtenissen")


def _delete_conversations(db: Session, ids: list[str], result: PurgeResult) -> None:
    """Delete conversations; their cases, tickets, annotations and channel rows go by ON DELETE CASCADE.

    Messages and tickets are counted first, for the report: a cascade reports no row count.
    """
    if not ids:
        return
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        result.messages += _count(db, select(func.count()).select_from(Message)
                                  .where(Message.conversation_id.in_(chunk)))
        if _has_table(db, TICKETS.name):
            result.tickets += _count(db, select(func.count()).select_from(TICKETS)
                                     .where(TICKETS.c.conversation_id.in_(chunk)))
        result.conversations += int(
            db.execute(delete(Conversation).where(Conversation.id.in_(chunk))).rowcount or 0)
        if has_events_table(db.get_bind()):
            result.tracker_events += int(
                db.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(chunk))).rowcount or 0)


def _count(db: Session, query: Any) -> int:
    return int(db.execute(query).scalar_one())


def _has_table(db: Session, name: str) -> bool:
    return bool(inspect(db.get_bind()).has_table(name))


def delete_conversation_data(sessions: sessionmaker, conversation_id: str) -> PurgeResult:
    """Everything stored about one conversation, including Rasa's tracker rows."""
    result = PurgeResult()
    with sessions.begin() as db:
        _delete_conversations(db, [conversation_id], result)
        if result.conversations == 0 and has_events_table(db.get_bind()):
            # Driven over Rasa's REST channel only: there is no transcript, but there is a tracker.
            result.tracker_events += int(
                db.execute(delete(EVENTS).where(EVENTS.c.sender_id == conversation_id)).rowcount or 0)
    log.info("conversation data deleted on request", extra={"messages": result.messages,
                                                             "tickets": result.tickets})
    return result


def purge_older_than(sessions: sessionmaker, days: int, now: datetime | None = None) -> PurgeResult:
    """Delete conversations without activity for ``days`` days, older tickets, and stale trackers."""
    if days < 1:
        raise ValueError("De bewaartermijn moet minstens 1 dag zijn.")
    now = now or utcnow()
    cutoff = now - timedelta(days=days)
    result = PurgeResult()
    with sessions.begin() as db:
        ids = [str(i) for i in db.execute(select(Conversation.id).where(Conversation.updated_at < cutoff)).scalars()]
        _delete_conversations(db, ids, result)
        if _has_table(db, TICKETS.name):
            result.tickets += int(db.execute(delete(TICKETS).where(TICKETS.c.created_at < cutoff)).rowcount or 0)
        if has_events_table(db.get_bind()):
            # Trackers of senders whose last event is older than the cutoff (also REST-only senders).
            stale = select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(
                func.max(EVENTS.c.timestamp) < cutoff.timestamp())
            senders = [str(s) for s in db.execute(stale).scalars()]
            for start in range(0, len(senders), 500):
                result.tracker_events += int(db.execute(
                    delete(EVENTS).where(EVENTS.c.sender_id.in_(senders[start:start + 500]))).rowcount or 0)
    log.info("retention purge", extra={"days": days, "conversations": result.conversations,
                                       "tickets": result.tickets, "tracker_events": result.tracker_events})
    return result
