"""Advice documents and thumbs up/down on the advice.

Both hang off the conversation with ON DELETE CASCADE: "verwijder mijn gegevens" and the
retention purge delete the conversation row and with it these rows (and the e-mail address).
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, String

from assistant.storage.db import Base
from assistant.storage.models import utcnow


class AdviceDocument(Base):
    """One "Stuur me dit advies": the profile it was built from, behind a secret link."""

    __tablename__ = "advice_documents"

    id = Column(Integer, primary_key=True, autoincrement=True)
    # sha256 of the link's token: a leaked database does not give working links.
    token_hash = Column(String(64), nullable=False, unique=True)
    conversation_id = Column(String(128), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False,
                             index=True)
    profile = Column(JSON, nullable=False)
    peildatum = Column(String(10), nullable=False)  # ISO date the advice was given on
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    expires_at = Column(DateTime(timezone=True), nullable=False, index=True)
    # Only when the person asked for an e-mail: the request is the one place it is kept.
    email = Column(String(254), nullable=True)
    emailed_at = Column(DateTime(timezone=True), nullable=True)


class AdviceFeedback(Base):
    """A thumbs up or down under the advice (the adviser dashboard counts them)."""

    __tablename__ = "advice_feedback"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False,
                             index=True)
    rating = Column(String(8), nullable=False)  # up | down
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
