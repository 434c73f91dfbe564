"""The one database of Koers: which feature tables exist, migrations and reference data.

This is a composition root above the features: storage knows no feature, so the list of
model modules and the seeders live here and are passed down explicitly.
"""

from __future__ import annotations

from sqlalchemy import MetaData

# Imported for their side effect: each module declares its tables on storage's one Base.
import assistant.catalogue.models
import assistant.gateway.channels.models
import assistant.gateway.documents.models
import assistant.gateway.handoff.models
import assistant.learning.models
import assistant.storage.models
from assistant.catalogue.seed import seed_catalogue
from assistant.storage import migrate
from assistant.storage.db import Base

MODEL_MODULES = (
    assistant.storage.models,
    assistant.catalogue.models,
    assistant.gateway.handoff.models,
    assistant.gateway.channels.models,
    assistant.gateway.documents.models,
    assistant.learning.models,
)
SEEDERS = (seed_catalogue,)


def metadata() -> MetaData:
    """All Koers tables (the Rasa tracker's ``events`` table is Rasa's own)."""
    return Base.metadata


def upgrade(database_url: str) -> None:
    """Bring the schema to the newest revision and load the packaged reference data."""
    migrate.upgrade(database_url, seeders=SEEDERS, metadata=metadata())
