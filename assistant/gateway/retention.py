"""The retention loop: transcripts, tickets and expired adviser sessions go after their time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

from aiohttp import web

from assistant.gateway.app import SESSIONS, SETTINGS, SHARED
from assistant.gateway.handoff import auth
from assistant.privacy.retention import purge_older_than
from assistant.shared_state.loops import stop_task

log = logging.getLogger(__name__)

RETENTION_EVERY_S = 6 * 3600.0


async def _retention_loop(app: web.Application) -> None:
    while True:
        try:
            # One replica purges; the lead outlives the pause, so it stays with the same one.
            if await app[SHARED].leadership.is_leader("retention", ttl_s=2.5 * RETENTION_EVERY_S):
                purge_older_than(app[SESSIONS], app[SETTINGS].retention_days)
                auth.purge_expired_sessions(app[SESSIONS])
        except Exception:  # keep serving; the next round retries
            log.exception("retention purge failed")
        await asyncio.sleep(RETENTION_EVERY_S)


async def _background(app: web.Application) -> AsyncIterator[None]:
    task = asyncio.create_task(_retention_loop(app))
    yield
    await stop_task(task)


def setup(app: web.Application) -> None:
    app.cleanup_ctx.append(_background)
