"""Tables of the adviser console: accounts, sessions, handoff cases, tickets, annotations, audit."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Integer, String, Text

from assistant.storage.db import Base
from assistant.storage.models import utcnow

ROLES = ("adviser", "admin")
# waiting: person waits for an adviser; active: an adviser talks; ticket: a callback/appointment
# request was left; returned: handed back to the bot; closed: done.
CASE_STATUSES = ("waiting", "active", "ticket", "returned", "closed")
OPEN_CASE_STATUSES = ("waiting", "active")
TICKET_KINDS = ("callback", "appointment")
# draft: the callback flow is still collecting; open: waiting for an adviser; done: handled.
TICKET_STATUSES = ("draft", "open", "done")
ANNOTATION_KINDS = ("misunderstood", "advice", "tag")
# How a callback ended, and what one call (or mail) attempt gave.
TICKET_OUTCOMES = ("advised", "appointment", "referred", "not_reached", "no_need")
ATTEMPT_RESULTS = ("reached", "no_answer", "voicemail", "wrong_number", "emailed")


class Adviser(Base):
    __tablename__ = "advisers"

    id = Column(Integer, primary_key=True, autoincrement=True)
    username = Column(String(64), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)  # argon2id
    role = Column(String(16), nullable=False, default="adviser")
    active = Column(Boolean, nullable=False, default=True)
    failed_logins = Column(Integer, nullable=False, default=0)
    locked_until = Column(DateTime(timezone=True), nullable=True)
    last_login_at = Column(DateTime(timezone=True), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class AdviserLoket(Base):
    """An adviser works for one or more lokets: only those count them as staff and show their cases."""

    __tablename__ = "adviser_lokets"

    adviser_id = Column(Integer, ForeignKey("advisers.id", ondelete="CASCADE"), primary_key=True)
    loket_id = Column(String(64), primary_key=True, index=True)


class AdviserSession(Base):
    __tablename__ = "adviser_sessions"

    # HMAC of the cookie token: a leaked database does not yield usable cookies.
    id = Column(String(64), primary_key=True)
    adviser_id = Column(Integer, ForeignKey("advisers.id", ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    last_seen_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    expires_at = Column(DateTime(timezone=True), nullable=False)


class HandoffCase(Base):
    __tablename__ = "handoff_cases"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(
        String(128), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    status = Column(String(16), nullable=False, default="waiting", index=True)
    reason = Column(String(32), nullable=True)  # user_request | fallback | uncertain_advice
    loket_id = Column(String(64), nullable=True)
    summary = Column(JSON, nullable=True)  # the intake profile when the handoff was asked
    advice = Column(JSON, nullable=True)  # build_advice() for that profile, or null
    adviser_id = Column(Integer, ForeignKey("advisers.id", ondelete="SET NULL"), nullable=True)
    # Who picks this case up (claimed or assigned); the adviser_id above is who took over the chat.
    assignee_id = Column(Integer, ForeignKey("advisers.id", ondelete="SET NULL"), nullable=True, index=True)
    assigned_at = Column(DateTime(timezone=True), nullable=True)
    # How each summary field was learnt: {"sources": {field: asked|volunteered|corrected|derived},
    # "unknown": [skipped fields], "own_words": {field: the person's words}}.
    intake_notes = Column(JSON, nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    taken_at = Column(DateTime(timezone=True), nullable=True)
    closed_at = Column(DateTime(timezone=True), nullable=True)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)


class Ticket(Base):
    """A terugbelverzoek or appointment request: the only place contact details are kept."""

    __tablename__ = "handoff_tickets"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(
        String(128), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    case_id = Column(Integer, ForeignKey("handoff_cases.id", ondelete="CASCADE"), nullable=True, index=True)
    status = Column(String(16), nullable=False, default="draft", index=True)
    step = Column(String(16), nullable=False, default="consent")  # consent|name|contact|time|done
    kind = Column(String(16), nullable=True)
    consent = Column(Boolean, nullable=False, default=False)
    consent_at = Column(DateTime(timezone=True), nullable=True)
    name = Column(String(100), nullable=True)
    phone = Column(String(32), nullable=True)
    email = Column(String(254), nullable=True)
    preferred_time = Column(String(200), nullable=True)
    retries = Column(Integer, nullable=False, default=0)
    handled_by = Column(Integer, ForeignKey("advisers.id", ondelete="SET NULL"), nullable=True)
    handled_at = Column(DateTime(timezone=True), nullable=True)
    assignee_id = Column(Integer, ForeignKey("advisers.id", ondelete="SET NULL"), nullable=True, index=True)
    assigned_at = Column(DateTime(timezone=True), nullable=True)
    outcome = Column(String(16), nullable=True)  # TICKET_OUTCOMES
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)


class TicketNote(Base):
    """An adviser's note on a callback ticket; goes with the ticket (cascade)."""

    __tablename__ = "handoff_ticket_notes"

    id = Column(Integer, primary_key=True, autoincrement=True)
    ticket_id = Column(Integer, ForeignKey("handoff_tickets.id", ondelete="CASCADE"), nullable=False, index=True)
    adviser_id = Column(Integer, ForeignKey("advisers.id", ondelete="SET NULL"), nullable=True)
    text = Column(Text, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class CallAttempt(Base):
    """One try to reach the person of a ticket: when, who, and what it gave."""

    __tablename__ = "handoff_call_attempts"

    id = Column(Integer, primary_key=True, autoincrement=True)
    ticket_id = Column(Integer, ForeignKey("handoff_tickets.id", ondelete="CASCADE"), nullable=False, index=True)
    adviser_id = Column(Integer, ForeignKey("advisers.id", ondelete="SET NULL"), nullable=True)
    result = Column(String(16), nullable=False)  # ATTEMPT_RESULTS
    note = Column(String(500), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class Annotation(Base):
    __tablename__ = "annotations"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(
        String(128), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    message_id = Column(Integer, ForeignKey("messages.id", ondelete="CASCADE"), nullable=True)
    kind = Column(String(16), nullable=False)  # misunderstood | advice | tag
    intent = Column(String(64), nullable=True)
    entity = Column(String(64), nullable=True)
    entity_text = Column(String(200), nullable=True)  # the words in the message that are the entity
    entity_value = Column(String(200), nullable=True)  # canonical value, e.g. zorg_welzijn
    verdict = Column(String(8), nullable=True)  # right | wrong (advice)
    comment = Column(Text, nullable=True)
    tag = Column(String(64), nullable=True)
    adviser_id = Column(Integer, ForeignKey("advisers.id", ondelete="SET NULL"), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class AuditEntry(Base):
    """Who looked at what. No foreign keys: the trail outlives deleted conversations and accounts."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True, autoincrement=True)
    adviser_id = Column(Integer, nullable=True)
    username = Column(String(64), nullable=False)
    action = Column(String(32), nullable=False)
    conversation_id = Column(String(128), nullable=True, index=True)
    detail = Column(JSON, nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)


class LoginThrottle(Base):
    """Failed console logins per client address, per account and per (account, address).

    In the database, not in memory, so the growing delays hold across replicas and restarts.
    ``key`` and ``account`` are HMACs with the secret key: typed usernames (sometimes a password
    typed in the wrong field) and addresses are not stored as such.
    """

    __tablename__ = "login_throttle"

    key = Column(String(64), primary_key=True)
    kind = Column(String(16), nullable=False)  # ip | account | account_ip
    account = Column(String(64), nullable=True, index=True)
    failures = Column(Integer, nullable=False, default=0)
    blocked_until = Column(DateTime(timezone=True), nullable=True)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
