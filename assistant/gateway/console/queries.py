"""Database reads for the queue: open cases and open callback tickets, ready to show."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from assistant.gateway.console.pages import CASE_LABELS, PROFILE_LABELS, REASON_LABELS, fmt_dt, fmt_value
from assistant.gateway.handoff.models import Adviser, HandoffCase, Ticket
from assistant.privacy.redact import redact_callback_answer


def _minutes(now: datetime, since: datetime | None) -> int:
    if since is None:
        return 0
    since = since if since.tzinfo else since.replace(tzinfo=timezone.utc)
    return max(0, int((now - since).total_seconds() // 60))


def queue_data(sessions: sessionmaker, now: datetime | None = None) -> dict[str, Any]:
    now = now or datetime.now(timezone.utc)
    with sessions() as db:
        cases = list(db.execute(select(HandoffCase).where(HandoffCase.status.in_(("waiting", "active")))
                                .order_by(HandoffCase.created_at)).scalars())
        advisers = {int(a.id): str(a.username) for a in db.execute(select(Adviser)).scalars()}
        tickets = list(db.execute(select(Ticket).where(Ticket.status == "open").order_by(Ticket.created_at)).scalars())
    return {
        "cases": [{
            "id": int(c.id), "conversation_id": c.conversation_id, "status": c.status,
            "status_label": CASE_LABELS.get(str(c.status), c.status), "reason": c.reason,
            "reason_label": REASON_LABELS.get(str(c.reason), c.reason or ""), "loket_id": c.loket_id,
            "adviser": advisers.get(int(c.adviser_id)) if c.adviser_id else None,
            "waiting_minutes": _minutes(now, c.created_at), "created_at": fmt_dt(c.created_at),
            "summary": {PROFILE_LABELS.get(k, k): fmt_value(v) for k, v in (c.summary or {}).items()
                        if v not in (None, [], "")},
        } for c in cases],
        # Contact details stay on the ticket page (audited); the queue shows what is needed to pick
        # one, and the free-text preferred time only redacted ("dinsdag, met Anna, 06-…").
        "tickets": [{
            "id": int(t.id), "kind": "afspraak" if t.kind == "appointment" else "terugbellen",
            "preferred_time": redact_callback_answer(t.preferred_time) if t.preferred_time else None,
            "created_at": fmt_dt(t.created_at),
            "conversation_id": t.conversation_id,
        } for t in tickets],
    }
