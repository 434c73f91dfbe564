"""Database reads for the queue and the callback tickets: rows that say who, why and what was advised.

Each row carries the name (only when the person left one on a callback request, else
"onbekend"), the goal and place from the intake summary in the vocabulary's Dutch words, the
channel, the status, how long it waits, and the advice in one line. Filters, sorting and
paging happen in SQL; only one page of rows is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from assistant.gateway.console.advice_text import advice_line
from assistant.gateway.console.pages import (
    CASE_LABELS,
    CHANNEL_LABELS,
    OUTCOME_LABELS,
    PROFILE_LABELS,
    REASON_LABELS,
    TICKET_KIND_LABELS,
    TICKET_STATUS_LABELS,
    fmt_dt,
    fmt_wait,
)
from assistant.gateway.console.profile_view import UNKNOWN_VALUE, value_label
from assistant.gateway.handoff.models import Adviser, CallAttempt, HandoffCase, Ticket
from assistant.gateway.lokets import of_lokets
from assistant.privacy.redact import redact_callback_answer
from assistant.storage.models import Conversation

PAGE_SIZE = 20
OPEN_CASES = ("waiting", "active")
CASE_SORTS = {"wacht": "langst wachtend eerst", "nieuw": "nieuwste eerst", "status": "status"}
TICKET_SORTS = {"oud": "oudste eerst", "nieuw": "nieuwste eerst"}
ASSIGNEE_FILTERS = {"": "iedereen", "mij": "aan mij", "niemand": "nog niemand"}


@dataclass(frozen=True)
class ListFilter:
    """What the adviser chose above a list. ``status`` is a case status, or open/done for tickets."""

    status: str | None = None
    channel: str | None = None
    assignee: str | None = None  # mij | niemand
    sort: str = ""
    page: int = 1
    # The lokets whose cases this adviser sees; None: every loket (admins).
    lokets: tuple[str, ...] | None = None


@dataclass
class Row:
    id: int
    conversation_id: str
    name: str
    goal: str
    place: str
    channel: str
    status: str
    status_label: str
    waiting_minutes: int
    advice_line: str
    assignee: str | None
    reason_label: str = ""
    adviser: str | None = None  # who talks in the live chat (cases)
    kind: str = ""  # tickets: terugbellen | afspraak
    preferred_time: str | None = None  # tickets, redacted
    attempts: int = 0
    created_at: str = ""

    @property
    def waiting(self) -> str:
        return fmt_wait(self.waiting_minutes)

    def as_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["waiting"] = self.waiting
        return data


def _minutes(now: datetime, since: datetime | None) -> int:
    if since is None:
        return 0
    since = since if since.tzinfo else since.replace(tzinfo=timezone.utc)
    return max(0, int((now - since).total_seconds() // 60))


def _summary_bits(summary: dict[str, Any] | None) -> tuple[str, str]:
    summary = summary or {}
    goal = value_label("goal", summary.get("goal"))
    place = str(summary.get("municipality") or "") or UNKNOWN_VALUE
    return goal, place


def _assignee_condition(model: Any, flt: ListFilter, me: int | None) -> ColumnElement[bool] | None:
    if flt.assignee == "mij" and me is not None:
        return model.assignee_id == me
    if flt.assignee == "niemand":
        return model.assignee_id.is_(None)
    return None


def _loket_condition(flt: ListFilter) -> ColumnElement[bool] | None:
    return None if flt.lokets is None else of_lokets(Conversation.loket_id, flt.lokets)


def _names(db: Session, conversation_ids: list[str]) -> dict[str, str]:
    """The name a person left on a callback request, per conversation (the newest one)."""
    if not conversation_ids:
        return {}
    rows = db.execute(select(Ticket.conversation_id, Ticket.name)
                      .where(Ticket.conversation_id.in_(conversation_ids), Ticket.name.is_not(None))
                      .order_by(Ticket.id)).all()
    return {str(cid): str(name) for cid, name in rows if name}


def _advisers(db: Session) -> dict[int, str]:
    return {int(a.id): str(a.username) for a in db.execute(select(Adviser)).scalars()}


def list_cases(sessions: sessionmaker, flt: ListFilter, me: int | None = None, now: datetime | None = None,
               page_size: int | None = None) -> tuple[list[Row], int]:
    """Open cases (waiting or in a chat) as rows, filtered, sorted and one page of them."""
    now = now or datetime.now(timezone.utc)
    page_size = page_size or PAGE_SIZE
    statuses = (flt.status,) if flt.status in OPEN_CASES else OPEN_CASES
    conditions: list[ColumnElement[bool]] = [HandoffCase.status.in_(statuses)]
    if flt.channel:
        conditions.append(Conversation.channel == flt.channel)
    assignee = _assignee_condition(HandoffCase, flt, me)
    if assignee is not None:
        conditions.append(assignee)
    loket = _loket_condition(flt)
    if loket is not None:
        conditions.append(loket)
    order = {"nieuw": (HandoffCase.created_at.desc(), HandoffCase.id.desc()),
             "status": (HandoffCase.status.desc(), HandoffCase.created_at, HandoffCase.id)}.get(
        flt.sort, (HandoffCase.created_at, HandoffCase.id))
    where = and_(*conditions)
    with sessions() as db:
        total = int(db.execute(select(func.count(HandoffCase.id))
                               .join(Conversation, Conversation.id == HandoffCase.conversation_id)
                               .where(where)).scalar_one())
        page = max(1, flt.page)
        found = db.execute(select(HandoffCase, Conversation.channel)
                           .join(Conversation, Conversation.id == HandoffCase.conversation_id)
                           .where(where).order_by(*order).offset((page - 1) * page_size).limit(page_size)).all()
        names = _names(db, [str(c.conversation_id) for c, _ in found])
        advisers = _advisers(db)
    rows = []
    for case, channel in found:
        goal, place = _summary_bits(case.summary)
        rows.append(Row(
            id=int(case.id), conversation_id=str(case.conversation_id),
            name=names.get(str(case.conversation_id), UNKNOWN_VALUE), goal=goal, place=place,
            channel=CHANNEL_LABELS.get(str(channel), str(channel)), status=str(case.status),
            status_label=CASE_LABELS.get(str(case.status), str(case.status)),
            waiting_minutes=_minutes(now, case.created_at), advice_line=advice_line(case.advice),
            assignee=advisers.get(int(case.assignee_id)) if case.assignee_id else None,
            reason_label=REASON_LABELS.get(str(case.reason), case.reason or ""),
            adviser=advisers.get(int(case.adviser_id)) if case.adviser_id else None,
            created_at=fmt_dt(case.created_at),
        ))
    return rows, total


def list_tickets(sessions: sessionmaker, flt: ListFilter, me: int | None = None, now: datetime | None = None,
                 page_size: int | None = None) -> tuple[list[Row], int]:
    """Callback and appointment requests (open by default) as rows, filtered, sorted, paged."""
    now = now or datetime.now(timezone.utc)
    page_size = page_size or PAGE_SIZE
    status = flt.status if flt.status in ("open", "done") else "open"
    conditions: list[ColumnElement[bool]] = [Ticket.status == status]
    if flt.channel:
        conditions.append(Conversation.channel == flt.channel)
    assignee = _assignee_condition(Ticket, flt, me)
    if assignee is not None:
        conditions.append(assignee)
    loket = _loket_condition(flt)
    if loket is not None:
        conditions.append(loket)
    order = (Ticket.created_at.desc(), Ticket.id.desc()) if flt.sort == "nieuw" else (Ticket.created_at, Ticket.id)
    where = and_(*conditions)
    with sessions() as db:
        total = int(db.execute(select(func.count(Ticket.id))
                               .join(Conversation, Conversation.id == Ticket.conversation_id)
                               .where(where)).scalar_one())
        page = max(1, flt.page)
        found = db.execute(select(Ticket, Conversation.channel, HandoffCase)
                           .join(Conversation, Conversation.id == Ticket.conversation_id)
                           .outerjoin(HandoffCase, HandoffCase.id == Ticket.case_id)
                           .where(where).order_by(*order).offset((page - 1) * page_size).limit(page_size)).all()
        ids = [int(t.id) for t, _, _ in found]
        attempts = dict(db.execute(select(CallAttempt.ticket_id, func.count(CallAttempt.id))
                                   .where(CallAttempt.ticket_id.in_(ids)).group_by(CallAttempt.ticket_id)).all()) \
            if ids else {}
        advisers = _advisers(db)
    rows = []
    for ticket, channel, case in found:
        goal, place = _summary_bits(case.summary if case is not None else None)
        label = TICKET_STATUS_LABELS.get(str(ticket.status), str(ticket.status))
        if ticket.outcome:
            label = f"{label}: {OUTCOME_LABELS.get(str(ticket.outcome), ticket.outcome)}"
        rows.append(Row(
            id=int(ticket.id), conversation_id=str(ticket.conversation_id),
            name=str(ticket.name or "") or UNKNOWN_VALUE, goal=goal, place=place,
            channel=CHANNEL_LABELS.get(str(channel), str(channel)), status=str(ticket.status), status_label=label,
            waiting_minutes=_minutes(now, ticket.created_at),
            advice_line=advice_line(case.advice if case is not None else None),
            assignee=advisers.get(int(ticket.assignee_id)) if ticket.assignee_id else None,
            kind=TICKET_KIND_LABELS.get(str(ticket.kind), "terugbellen"),
            # Contact details stay on the ticket page (audited); the free-text time only redacted.
            preferred_time=redact_callback_answer(ticket.preferred_time) if ticket.preferred_time else None,
            attempts=int(attempts.get(int(ticket.id), 0)), created_at=fmt_dt(ticket.created_at),
        ))
    return rows, total


def queue_data(sessions: sessionmaker, now: datetime | None = None, cases: ListFilter | None = None,
               tickets: ListFilter | None = None, me: int | None = None) -> dict[str, Any]:
    """The queue as JSON: both lists with their totals (one page each)."""
    case_rows, case_total = list_cases(sessions, cases or ListFilter(), me, now)
    ticket_rows, ticket_total = list_tickets(sessions, tickets or ListFilter(), me, now)
    with sessions() as db:
        summaries = {int(c.id): c.summary for c in db.execute(
            select(HandoffCase).where(HandoffCase.id.in_([r.id for r in case_rows]))).scalars()}
    cases_json = []
    for row in case_rows:
        item = row.as_json()
        item["summary"] = {PROFILE_LABELS.get(k, k): value_label(k, v) for k, v in (summaries.get(row.id) or {}).items()
                           if v not in (None, [], "")}
        cases_json.append(item)
    return {"cases": cases_json, "cases_total": case_total,
            "tickets": [r.as_json() for r in ticket_rows], "tickets_total": ticket_total}
