"""Small CLI handlers that glue settings to services."""

from __future__ import annotations

import argparse
import logging

from sqlalchemy.engine import make_url

from assistant.database import upgrade
from assistant.settings import Settings

log = logging.getLogger(__name__)


def db_upgrade(_args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    upgrade(settings.database_url)
    # Never print a password that DATABASE_URL may carry.
    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    print(f"Database bijgewerkt: {shown}")
    return 0
