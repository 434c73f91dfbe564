"""Small CLI handlers that glue settings to services."""

from __future__ import annotations

import argparse
import logging

from sqlalchemy.engine import make_url

from assistant.database import upgrade
from assistant.settings import database_url_from_env

log = logging.getLogger(__name__)


def db_upgrade(_args: argparse.Namespace) -> int:
    # Only the database: a migration job needs none of the service's secrets.
    url = database_url_from_env()
    upgrade(url)
    # Never print a password that DATABASE_URL may carry.
    shown = make_url(url).render_as_string(hide_password=True)
    print(f"Database bijgewerkt: {shown}")
    return 0
