"""Run Alembic migrations programmatically (used by ``koers db upgrade`` and tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", database_url)
    return cfg


def upgrade(database_url: str) -> None:
    # "heads": each module keeps its own migration branch on top of 0001_core.
    command.upgrade(alembic_config(database_url), "heads")
    _run_seeders(database_url)


def _run_seeders(database_url: str) -> None:
    """Load the project's own reference data (idempotent) after the schema is current."""
    try:
        from assistant.catalogue.seed import seed_catalogue
    except ModuleNotFoundError:
        return
    seed_catalogue(database_url)
