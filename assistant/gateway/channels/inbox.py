"""Webhook inbox: store the update, acknowledge at once, process after the response.

A platform retries a webhook that answers slowly (Meta after ~20 s, Telegram too), and an update
held only in memory is lost when the service stops mid-turn. So the adapter stores each
accepted update here (unique per platform id: a redelivery is stored once), answers 200 and
processes it in a background task. A recovery loop picks up rows that were stored but never
finished (crash, restart, an error in the turn) with a claim that only one worker wins:
``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL and a conditional ``UPDATE`` everywhere, so
each update is processed once. Attempts are bounded; a row that keeps failing is marked failed
and logged, never retried for ever.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from aiohttp import web
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from assistant.gateway.channels.models import InboxUpdate
from assistant.shared_state.loops import leader_rounds, stop_task
from assistant.storage.models import utcnow

log = logging.getLogger(__name__)

Processor = Callable[[dict[str, Any]], Awaitable[None]]

PENDING, DONE, FAILED = "pending", "done", "failed"
EXTERNAL_ID_MAX = 200  # InboxUpdate.external_id
MAX_ATTEMPTS = 5
# A claim older than this is taken to be from a worker that died: the row is free again.
LEASE_S = 300.0
# Recovery leaves a fresh row to the task of the request that stored it.
GRACE_S = 30.0
RECOVER_EVERY_S = 15.0


def aware(value: datetime) -> datetime:
    """SQLite gives naive datetimes back; they were stored in UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


@dataclass
class Inbox:
    """The stored updates of one platform and the worker that processes them."""

    sessions: sessionmaker
    platform: str
    process: Processor
    max_attempts: int = MAX_ATTEMPTS
    lease_s: float = LEASE_S
    grace_s: float = GRACE_S
    _tasks: set[asyncio.Task[bool]] = field(default_factory=set)

    # -- in the webhook ---------------------------------------------------------------------
    def store(self, external_id: str, conversation_id: str | None, payload: dict[str, Any]) -> int | None:
        """The new row's id; None when this update was stored before (a redelivery)."""
        try:
            with self.sessions.begin() as db:
                row = InboxUpdate(platform=self.platform, external_id=external_id[:200],
                                  conversation_id=conversation_id, payload=payload, state=PENDING, attempts=0)
                db.add(row)
                db.flush()
                return int(row.id)
        except IntegrityError:
            return None

    def accept(self, external_id: str, conversation_id: str | None, payload: dict[str, Any]) -> bool:
        """Store the update and process it after the response; False for a redelivery."""
        if len(external_id) > EXTERNAL_ID_MAX:  # no platform sends such an id; the column holds 200
            log.warning("inbox update with an overlong id ignored", extra={"platform": self.platform})
            return False
        row_id = self.store(external_id, conversation_id, payload)
        if row_id is None:
            return False
        task = asyncio.create_task(self.run(row_id), name=f"inbox-{self.platform}-{row_id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return True

    async def drain(self) -> None:
        """Wait until the updates accepted so far are processed (shutdown, tests)."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))

    # -- processing -------------------------------------------------------------------------
    def _claimable(self, now: datetime) -> Any:
        return and_(InboxUpdate.platform == self.platform, InboxUpdate.state == PENDING,
                    or_(InboxUpdate.claimed_at.is_(None),
                        InboxUpdate.claimed_at < now - timedelta(seconds=self.lease_s)))

    def _claim(self, db: Any, row_id: int, now: datetime) -> dict[str, Any] | None:
        """Take the row for this worker; None when another worker has it or it is finished.

        The conditional UPDATE is the claim on every database: of two workers only one changes
        the row (SQLite writes one at a time; PostgreSQL re-checks the WHERE after a lock).
        """
        claimed = db.execute(update(InboxUpdate).where(InboxUpdate.id == row_id, self._claimable(now))
                             .values(claimed_at=now, attempts=InboxUpdate.attempts + 1)
                             .execution_options(synchronize_session=False))
        if claimed.rowcount != 1:
            return None
        payload = db.execute(select(InboxUpdate.payload).where(InboxUpdate.id == row_id)).scalar_one()
        return dict(payload or {})

    async def run(self, row_id: int) -> bool:
        """Claim and process one row; True when this call processed it."""
        with self.sessions.begin() as db:
            payload = self._claim(db, row_id, utcnow())
        if payload is None:
            return False
        await self._process(row_id, payload)
        return True

    async def _process(self, row_id: int, payload: dict[str, Any]) -> None:
        try:
            await self.process(payload)
        except asyncio.CancelledError:
            self._release(row_id)  # stopped mid-turn: free for the next start at once, not after the lease
            raise
        except Exception:
            # The row stays pending (released) and the recovery loop tries again, up to a bound.
            log.exception("webhook update not processed", extra={"platform": self.platform, "inbox_id": row_id})
            self._release(row_id)
            return
        self._finish(row_id, DONE)

    def _finish(self, row_id: int, state: str, db: Any = None) -> None:
        """Done or failed: the payload (text, address) is not kept any longer."""
        if db is None:
            with self.sessions.begin() as own:
                return self._finish(row_id, state, own)
        db.execute(update(InboxUpdate).where(InboxUpdate.id == row_id)
                   .values(state=state, payload=None, claimed_at=None)
                   .execution_options(synchronize_session=False))
        return None

    def _release(self, row_id: int) -> None:
        with self.sessions.begin() as db:
            db.execute(update(InboxUpdate).where(InboxUpdate.id == row_id).values(claimed_at=None)
                       .execution_options(synchronize_session=False))

    # -- recovery ---------------------------------------------------------------------------
    async def recover(self, limit: int = 50) -> int:
        """Process rows stored but not finished; returns how many this call processed."""
        now = utcnow()
        claimed: list[tuple[int, dict[str, Any]]] = []
        with self.sessions.begin() as db:
            candidates = db.execute(
                select(InboxUpdate.id, InboxUpdate.attempts)
                .where(self._claimable(now), InboxUpdate.received_at <= now - timedelta(seconds=self.grace_s))
                .order_by(InboxUpdate.id).limit(limit)
                .with_for_update(skip_locked=True)  # PostgreSQL: replicas never wait for each other
            ).all()
            for row_id, attempts in candidates:
                if attempts >= self.max_attempts:
                    self._finish(int(row_id), FAILED, db)
                    log.error("webhook update failed for good; not retried",
                              extra={"platform": self.platform, "inbox_id": row_id, "attempts": attempts})
                    continue
                payload = self._claim(db, int(row_id), now)
                if payload is not None:
                    claimed.append((int(row_id), payload))
        for row_id, payload in claimed:
            await self._process(row_id, payload)
        return len(claimed)

    # -- queries ----------------------------------------------------------------------------
    def last_received(self, conversation_id: str) -> datetime | None:
        """When the person last wrote on this platform (for WhatsApp's 24-hour window)."""
        with self.sessions() as db:
            last = db.execute(select(func.max(InboxUpdate.received_at)).where(
                InboxUpdate.platform == self.platform, InboxUpdate.conversation_id == conversation_id)).scalar()
        return None if last is None else aware(last)


# -- the recovery loop in the service ----------------------------------------------------------
INBOXES = web.AppKey("channels.inboxes", list)


def register(app: web.Application, inbox: Inbox) -> None:
    """Each adapter registers its inbox; the first registration adds the loop to the app."""
    if INBOXES not in app:
        app[INBOXES] = []
        app.cleanup_ctx.append(_recovery)
        # Before the cleanup closes the shared state and the engine.
        app.on_shutdown.append(_drain)  # type: ignore[arg-type]  # aiohttp 3.9 stub
    app[INBOXES].append(inbox)


async def recover_all(app: web.Application) -> int:
    done = 0
    for inbox in app[INBOXES]:
        done += await inbox.recover()
    return done


async def _recovery(app: web.Application) -> AsyncIterator[None]:
    # Imported here: the app module imports the feature modules that import this one.
    from assistant.gateway.app import SHARED

    # One replica at a time; the claims keep it to once even if two rounds ever overlap.
    task = asyncio.create_task(leader_rounds(app[SHARED].leadership, "webhook-inbox", RECOVER_EVERY_S,
                                             lambda: recover_all(app), "recovered webhook updates"),
                               name="webhook-inbox-recovery")
    yield
    await stop_task(task)


async def _drain(app: web.Application) -> None:
    for inbox in app[INBOXES]:
        # Turns already running finish; what is left stays pending for the next start.
        try:
            await asyncio.wait_for(inbox.drain(), timeout=10)
        except asyncio.TimeoutError:
            log.warning("webhook updates still running at shutdown", extra={"platform": inbox.platform})
