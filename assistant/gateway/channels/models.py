"""Tables the channel adapters need: idempotency, delivery addresses and button payloads.

Rows that hold a delivery address (a phone number or Telegram chat id) hang off the
conversation with ON DELETE CASCADE, so the retention purge of a conversation removes them.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, ForeignKey, String, Text

from assistant.storage.db import Base
from assistant.storage.models import utcnow


class ProcessedInbound(Base):
    """Inbound message/update ids already handled; WhatsApp and Telegram redeliver on errors."""

    __tablename__ = "channel_processed_inbound"

    key = Column(String(200), primary_key=True)  # "wa:<wamid>" / "tg:<bot>:<update_id>"
    channel = Column(String(32), nullable=False)
    received_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)


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
