"""Rasa tracker store on Koers' own database (DATABASE_URL).

An adapter for Rasa, not domain logic: only the Rasa server imports this module.
Conversations survive a restart of any process because Rasa's ``events`` table lives in the
same database as transcripts and tickets.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from assistant.rasa_plugins import action_response
from assistant.settings import database_url_from_env
from assistant.storage.db import make_engine

# The Rasa server loads this module (endpoints.yml): the action server's responses are checked
# with a schema compiled once (see action_response).
action_response.install()


# Set on a tracker by retrieve(): how many of its events are in the database.
STORED_EVENTS = "_koers_stored_events"


class KoersTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        host: str | None = None,
        domain: Domain | None = None,
        event_broker: EventBroker | None = None,
        **kwargs: Any,
    ) -> None:
        # Only the URL: the Rasa server needs none of the service's secrets.
        url = host if host and "://" in host else database_url_from_env()
        # A full URL in ``host`` is used as-is by SQLTrackerStore.get_db_url.
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            # The service's SQLite setup (a pool of open connections, WAL, busy timeout) instead of
            # a new connection per query; Rasa made the tables with its own engine just now.
            rasas_engine: Engine = self.engine  # type: ignore[has-type]  # untyped in Rasa
            rasas_engine.dispose()
            self.engine = make_engine(url, future=False, pooled=True)
            self.sessionmaker = sessionmaker(bind=self.engine)

    # -- save: only the new events, without counting the stored ones again ------------------------
    # Rasa's save() counts the stored events of the session (a query with a sub-query) to find
    # the new ones. A tracker this store just read knows that number already: the events it was
    # read with. Rasa reads, updates and saves a conversation's tracker under its lock, so that
    # number holds until the save. After a save, or with a new session among the new events,
    # Rasa's own count is used.
    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool
                        ) -> DialogueStateTracker | None:
        tracker = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        if tracker is not None and not fetch_events_from_all_sessions:
            setattr(tracker, STORED_EVENTS, len(tracker.events))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        try:
            await super().save(tracker)
        finally:
            if hasattr(tracker, STORED_EVENTS):
                delattr(tracker, STORED_EVENTS)

    def _additional_events(self, session: Session, tracker: DialogueStateTracker) -> Iterator[Event]:
        stored = getattr(tracker, STORED_EVENTS, None)
        if not isinstance(stored, int) or stored > len(tracker.events):
            return super()._additional_events(session, tracker)
        new = list(itertools.islice(tracker.events, stored, len(tracker.events)))
        if any(isinstance(e, SessionStarted) for e in new):
            return super()._additional_events(session, tracker)
        return iter(new)
