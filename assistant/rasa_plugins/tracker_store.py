"""Rasa tracker store on Koers' own database (DATABASE_URL).

An adapter for Rasa, not domain logic: only the Rasa server imports this module.
Conversations survive a restart of any process because Rasa's ``events`` table lives in the
same database as transcripts and tickets.
"""

from __future__ import annotations

from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain

from assistant.rasa_plugins import action_response
from assistant.settings import database_url_from_env

# The Rasa server loads this module (endpoints.yml): the action server's responses are checked
# with a schema compiled once (see action_response).
action_response.install()


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
