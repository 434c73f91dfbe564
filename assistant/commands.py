"""Small CLI handlers that glue settings to services."""

from __future__ import annotations

import argparse
import logging

from assistant.database import upgrade
from assistant.settings import Settings

log = logging.getLogger(__name__)


def db_upgrade(_args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    upgrade(settings.database_url)
    print(f"Database bijgewerkt: {settings.database_url}")
    return 0
