"""Tables of the learning loop: corrections, their reviews, FAQ-topic requests, improvement runs.

Adviser ids are plain integers (no foreign key to the console's table) and the username is kept
beside them: provenance must survive a deleted account. ``conversation_id`` is not a foreign key
either, so retention of conversations does not silently delete reviewed training data; the text is
redacted, so nothing personal outlives the conversation.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint

from assistant.storage.db import Base
from assistant.storage.models import utcnow

# pending: waits for reviews; approved: enough other advisers approved; rejected: a reviewer
# said no; withdrawn: taken back (the next improvement run drops it from corrections.yml).
CORRECTION_STATUSES = ("pending", "approved", "rejected", "withdrawn")
VERDICTS = ("approve", "reject")


class Correction(Base):
    __tablename__ = "learning_corrections"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    message_id = Column(Integer, nullable=True)
    annotation_id = Column(Integer, nullable=True)
    text = Column(Text, nullable=False)  # redacted by assistant.privacy.redact before it is stored
    intent = Column(String(96), nullable=False)  # e.g. ask_advice or faq/ask_evc
    entities = Column(JSON, nullable=False, default=list)  # [{"entity", "start", "end", "value"}]
    adviser_id = Column(Integer, nullable=True)
    adviser_name = Column(String(64), nullable=False)
    status = Column(String(16), nullable=False, default="pending", index=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    decided_at = Column(DateTime(timezone=True), nullable=True)
    withdrawn_at = Column(DateTime(timezone=True), nullable=True)
    withdrawn_by = Column(String(64), nullable=True)


class CorrectionReview(Base):
    __tablename__ = "learning_reviews"
    __table_args__ = (UniqueConstraint("correction_id", "reviewer_id", name="uq_learning_reviews_reviewer"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    correction_id = Column(Integer, ForeignKey("learning_corrections.id", ondelete="CASCADE"),
                           nullable=False, index=True)
    reviewer_id = Column(Integer, nullable=False)
    reviewer_name = Column(String(64), nullable=False)
    verdict = Column(String(8), nullable=False)  # approve | reject
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class FaqRequest(Base):
    """A question that needs a NEW FAQ topic: a maintainer writes the answer; never auto-trained."""

    __tablename__ = "learning_faq_requests"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), nullable=True)
    text = Column(Text, nullable=False)  # redacted
    topic = Column(String(96), nullable=False)
    adviser_name = Column(String(64), nullable=False)
    status = Column(String(16), nullable=False, default="open")
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class ImprovementRun(Base):
    __tablename__ = "learning_runs"

    id = Column(Integer, primary_key=True, autoincrement=True)
    started_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    finished_at = Column(DateTime(timezone=True), nullable=True)
    dry_run = Column(Boolean, nullable=False, default=False)
    candidate_model = Column(String(255), nullable=True)
    promoted = Column(Boolean, nullable=False, default=False)
    status = Column(String(16), nullable=False, default="running")  # running|promoted|refused|dry_run|failed
    report = Column(JSON, nullable=True)
