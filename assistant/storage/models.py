"""Core tables: conversations and their (redacted) messages.

Other modules (catalogue, handoff, channels, learning) define their own tables on the same
``Base``; ``assistant.database`` lists them explicitly, because storage knows no feature.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Text

from assistant.storage.db import Base


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Conversation(Base):
    __tablename__ = "conversations"

    id = Column(String(128), primary_key=True)  # the Rasa sender id
    channel = Column(String(32), nullable=False, default="web")
    loket_id = Column(String(64), nullable=True)
    # bot | handoff_requested | handoff_active | closed
    status = Column(String(32), nullable=False, default="bot")
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)
    # Rasa's model_id of the model that last answered (from Rasa's /status), so a transcript can
    # be tied to the model version that produced it.
    model_id = Column(String(64), nullable=True)
    # Web conversations only: SHA-256 of the access token the widget got at creation (the token
    # itself is never stored). Without it a conversation cannot be reached through the web API.
    access_hash = Column(String(64), nullable=True)


class Message(Base):
    __tablename__ = "messages"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(
        String(128), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    # user | bot | adviser | system
    sender = Column(String(16), nullable=False)
    text = Column(Text, nullable=True)  # always redacted before it is stored
    payload = Column(JSON, nullable=True)  # buttons, intent, custom data
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    # The message's number in its conversation (1, 2, 3, ...): clients page and spot gaps by it,
    # and the service finds a conversation's position without counting its history.
    seq = Column(Integer, nullable=True)
    # True for a user message kept while the bot was down, until it is answered; False while its
    # turn runs (a web message in flight: answered by another turn if its replica dies); else NULL.
    pending = Column(Boolean, nullable=True)

    __table_args__ = (
        Index("ix_messages_conversation_id_seq", "conversation_id", "seq", unique=True),
        # The retry loop and each turn look up kept messages here instead of reading transcripts.
        Index("ix_messages_pending_conversation_id", "pending", "conversation_id"),
    )
