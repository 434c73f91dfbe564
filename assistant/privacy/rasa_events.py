"""Rasa's tracker table (``events``, created by Rasa's SQLTrackerStore in Koers' database).

Described here with SQLAlchemy Core, without importing Rasa, so retention, "verwijder mijn
gegevens" and the console statistics can read and delete tracker rows. The table only exists
once Rasa has run against the database, hence ``has_events_table``.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, inspect
from sqlalchemy.engine import Engine

EVENTS = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


def has_events_table(engine: Engine) -> bool:
    return bool(inspect(engine).has_table("events"))
