"""Run Alembic migrations programmatically (used through ``assistant.database`` and tests).

Storage knows no feature: the caller passes the metadata (for ``alembic revision
--autogenerate``) and the seeders that load reference data once the schema is current.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData

MIGRATIONS = Path(__file__).parent / "migrations"

Seeder = Callable[[str], None]


def alembic_config(database_url: str, metadata: MetaData | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser interpolation would read a '%' in a URL-encoded password as a placeholder.
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    cfg.attributes["target_metadata"] = metadata
    return cfg


def upgrade(database_url: str, seeders: Iterable[Seeder] = (), metadata: MetaData | None = None) -> None:
    # "heads": each module keeps its own migration branch on top of 0001_core.
    command.upgrade(alembic_config(database_url, metadata), "heads")
    for seed in seeders:
        seed(database_url)


def downgrade(database_url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(database_url), revision)
