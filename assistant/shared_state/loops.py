"""Background loops that one replica runs, and stopping them for sure.

A cancellation that arrives while a Redis command runs can come back as a Redis connection
error, which the loops treat as "skip this round": then a single ``cancel()`` is lost and a
stopping service would wait for ever. ``stop_task`` cancels until the task is done.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.shared_state import Leadership

log = logging.getLogger(__name__)


async def stop_task(task: asyncio.Task[None], attempts: int = 20, wait_s: float = 0.5) -> None:
    for _ in range(attempts):
        if task.done():
            break
        task.cancel()
        await asyncio.wait({task}, timeout=wait_s)
    if not task.done():
        log.warning("background task did not stop", extra={"task": task.get_name()})
        return
    if not task.cancelled() and task.exception() is not None:
        log.warning("background task ended with an error", extra={"error": str(task.exception())})


def caused_by_cancel(exc: BaseException) -> bool:
    """True when ``exc`` wraps a cancellation (the task must stop, not carry on)."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, asyncio.CancelledError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


async def leader_rounds(leadership: Leadership, name: str, every_s: float,
                        work: Callable[[], Awaitable[int]], what: str) -> None:
    """Every ``every_s`` one replica (the lead of ``name``) runs ``work``; logs what it did.

    An error in a round is logged and the next round tries again: the service keeps serving.
    """
    while True:
        await asyncio.sleep(every_s)
        try:
            if not await leadership.is_leader(name, ttl_s=3 * every_s):
                continue
            done = await work()
            if done:
                log.info(what, extra={"count": done})
        except Exception:
            log.exception("background round failed", extra={"task": name})
