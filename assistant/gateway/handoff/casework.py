"""Who handles what: claiming and assigning cases and tickets, ticket notes, call attempts, outcome.

Database only, no Rasa and no conversation: none of this changes what the person sees. Every
function raises ``HandoffError`` (Dutch, for the console) when the action cannot be done.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, update
from sqlalchemy.orm import sessionmaker

from assistant.gateway.handoff.auth import Identity
from assistant.gateway.handoff.models import (
    ATTEMPT_RESULTS,
    TICKET_OUTCOMES,
    Adviser,
    CallAttempt,
    HandoffCase,
    Ticket,
    TicketNote,
)
from assistant.gateway.handoff.service import HandoffError
from assistant.storage.models import utcnow

MAX_NOTE_CHARS = 2000
MAX_ATTEMPT_NOTE_CHARS = 500
CLAIMED_BY_OTHER = "Een collega heeft dit al opgepakt. Vraag het die collega, of wijs het opnieuw toe."
NO_SUCH_CASE = "Deze zaak bestaat niet (meer)."
NO_SUCH_TICKET = "Dit verzoek bestaat niet (meer)."
NO_SUCH_ADVISER = "Deze adviseur bestaat niet of staat uit."


def _row_class(kind: str) -> type[HandoffCase] | type[Ticket]:
    return HandoffCase if kind == "case" else Ticket


def _exists(sessions: sessionmaker, kind: str, row_id: int) -> None:
    with sessions() as db:
        row = db.get(_row_class(kind), row_id)
        if row is None or (kind == "ticket" and row.status == "draft"):
            raise HandoffError(NO_SUCH_CASE if kind == "case" else NO_SUCH_TICKET, status=404)


def claim(sessions: sessionmaker, kind: str, row_id: int, adviser: Identity, now: datetime | None = None) -> None:
    """Take a case or ticket for yourself. Of two advisers claiming at once, exactly one wins."""
    _exists(sessions, kind, row_id)
    model = _row_class(kind)
    with sessions.begin() as db:
        won = db.execute(
            update(model).where(model.id == row_id, or_(model.assignee_id.is_(None),
                                                        model.assignee_id == adviser.adviser_id))
            .values(assignee_id=adviser.adviser_id, assigned_at=now or utcnow())
        ).rowcount
    if not won:
        raise HandoffError(CLAIMED_BY_OTHER)


def assign(sessions: sessionmaker, kind: str, row_id: int, to_adviser_id: int | None,
           now: datetime | None = None) -> None:
    """Give a case or ticket to an (active) adviser, or to nobody (``None``): a deliberate override."""
    _exists(sessions, kind, row_id)
    with sessions.begin() as db:
        if to_adviser_id is not None:
            target = db.get(Adviser, to_adviser_id)
            if target is None or not target.active:
                raise HandoffError(NO_SUCH_ADVISER, status=400)
        row = db.get(_row_class(kind), row_id)
        if row is not None:
            row.assignee_id = to_adviser_id
            row.assigned_at = (now or utcnow()) if to_adviser_id is not None else None


def _open_ticket(sessions: sessionmaker, ticket_id: int) -> None:
    _exists(sessions, "ticket", ticket_id)


def add_note(sessions: sessionmaker, ticket_id: int, adviser: Identity, text: str,
             now: datetime | None = None) -> int:
    text = (text or "").strip()
    if not text:
        raise HandoffError("Schrijf eerst een notitie.", status=400)
    if len(text) > MAX_NOTE_CHARS:
        raise HandoffError(f"Je notitie is te lang (meer dan {MAX_NOTE_CHARS} tekens).", status=400)
    _open_ticket(sessions, ticket_id)
    with sessions.begin() as db:
        note = TicketNote(ticket_id=ticket_id, adviser_id=adviser.adviser_id, text=text, created_at=now or utcnow())
        db.add(note)
        db.flush()
        return int(note.id)


def add_attempt(sessions: sessionmaker, ticket_id: int, adviser: Identity, result: str, note: str | None = None,
                now: datetime | None = None) -> int:
    """Record one call (or mail) attempt. The first one also claims an unclaimed ticket."""
    if result not in ATTEMPT_RESULTS:
        raise HandoffError("Kies wat de poging opleverde.", status=400)
    note = (note or "").strip()[:MAX_ATTEMPT_NOTE_CHARS] or None
    _open_ticket(sessions, ticket_id)
    when = now or utcnow()
    with sessions.begin() as db:
        attempt = CallAttempt(ticket_id=ticket_id, adviser_id=adviser.adviser_id, result=result, note=note,
                              created_at=when)
        db.add(attempt)
        ticket = db.get(Ticket, ticket_id)
        if ticket is not None and ticket.assignee_id is None:
            ticket.assignee_id = adviser.adviser_id
            ticket.assigned_at = when
        db.flush()
        return int(attempt.id)


def set_outcome(sessions: sessionmaker, ticket_id: int, adviser: Identity, outcome: str,
                now: datetime | None = None) -> None:
    """Close a ticket with how it ended; its case is closed with it."""
    if outcome not in TICKET_OUTCOMES:
        raise HandoffError("Kies hoe het verzoek is afgelopen.", status=400)
    _open_ticket(sessions, ticket_id)
    when = now or utcnow()
    with sessions.begin() as db:
        ticket = db.get(Ticket, ticket_id)
        if ticket is None:
            raise HandoffError(NO_SUCH_TICKET, status=404)
        ticket.outcome = outcome
        ticket.status = "done"
        ticket.handled_by = adviser.adviser_id
        ticket.handled_at = when
        if ticket.case_id is not None:
            case = db.get(HandoffCase, ticket.case_id)
            if case is not None and case.status == "ticket":
                case.status = "closed"
                case.closed_at = when


def reopen(sessions: sessionmaker, ticket_id: int) -> None:
    """A ticket closed by mistake goes back to open (its outcome is cleared)."""
    _open_ticket(sessions, ticket_id)
    with sessions.begin() as db:
        ticket = db.get(Ticket, ticket_id)
        if ticket is not None:
            ticket.status = "open"
            ticket.outcome = None
            ticket.handled_by = None
            ticket.handled_at = None
