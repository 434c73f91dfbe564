"""Tables the channel adapters need: the webhook inbox, delivery addresses and button payloads.

Rows that hold a delivery address (a phone number or Telegram chat id) hang off the
conversation with ON DELETE CASCADE, so the retention purge of a conversation removes them.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint

from assistant.storage.db import Base
from assistant.storage.models import utcnow


class InboxUpdate(Base):
    """A webhook delivery, stored before it is acknowledged and processed after.

    ``(platform, external_id)`` is unique, so a redelivered update is stored (and processed)
    once. ``payload`` holds only what the turn needs (address, type, text or button id) and is
    cleared as soon as the row is done or failed: the transcript, redacted, is the record.
    """

    __tablename__ = "channel_inbox"
    __table_args__ = (
        UniqueConstraint("platform", "external_id", name="uq_channel_inbox_platform_external_id"),
        Index("ix_channel_inbox_state_received_at", "state", "received_at"),
    )

    id = Column(Integer, primary_key=True, autoincrement=True)
    platform = Column(String(16), nullable=False)  # "whatsapp" / "telegram"
    external_id = Column(String(200), nullable=False)  # wamid / update_id
    conversation_id = Column(String(128), nullable=True, index=True)  # the keyed id, never a number
    payload = Column(JSON, nullable=True)
    received_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    state = Column(String(16), nullable=False, default="pending")  # pending | done | failed
    attempts = Column(Integer, nullable=False, default=0)
    claimed_at = Column(DateTime(timezone=True), nullable=True)  # a worker is on it since


class ChannelAddress(Base):
    """Where to deliver a conversation's messages; the conversation id itself is a keyed hash."""

    __tablename__ = "channel_addresses"

    conversation_id = Column(
        String(128), ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    channel = Column(String(32), nullable=False)
    address = Column(String(64), nullable=False)  # WhatsApp wa_id or Telegram chat id
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class NumberedOptions(Base):
    """The options last offered as numbered text, so an answer "2" maps back to its payload."""

    __tablename__ = "channel_numbered_options"

    conversation_id = Column(
        String(128), ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    options = Column(JSON, nullable=False)  # [{"title": ..., "payload": ...}, ...]
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)


class ButtonPayload(Base):
    """Payloads too long for a button id (WhatsApp 200/256, Telegram 64 bytes), by short key."""

    __tablename__ = "channel_button_payloads"

    conversation_id = Column(
        String(128), ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    key = Column(String(40), primary_key=True)
    title = Column(Text, nullable=False)
    payload = Column(Text, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
