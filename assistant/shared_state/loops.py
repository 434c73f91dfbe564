"""Background loops that one replica runs, and stopping them for sure.

A cancellation that arrives while a Redis command runs can come back as a Redis connection
error, which the loops treat as "skip this round": then a single ``cancel()`` is lost and a
stopping service would wait for ever. ``stop_task`` cancels until the task is done.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.shared_state import Leadership

log = logging.getLogger(__name__)

RESIGN_TIMEOUT_S = 2.0


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
                        work: Callable[[], Awaitable[int]], what: str, lease_s: float | None = None) -> None:
    """Every ``every_s`` one replica (the lead of ``name``) runs ``work``; logs what it did.

    The lead is a lease of ``lease_s`` (three rounds unless given), renewed by its holder each
    round and, while a round runs long, every third of the lease: a leader that dies (kill -9)
    leaves the loop without a leader for at most the lease; one that stops gives the lead up.
    An error in a round is logged and the next round tries again: the service keeps serving.
    """
    lease = lease_s if lease_s is not None else 3 * every_s
    try:
        while True:
            await asyncio.sleep(every_s)
            try:
                if not await leadership.is_leader(name, ttl_s=lease):
                    continue
                keeper = asyncio.create_task(_keep_lead(leadership, name, lease))
                try:
                    done = await work()
                finally:
                    keeper.cancel()
                    await asyncio.wait({keeper})
                    if not keeper.cancelled() and keeper.exception() is not None:
                        log.warning("could not renew the lead", extra={"task": name, "error": str(keeper.exception())})
                if done:
                    log.info(what, extra={"count": done})
            except Exception as exc:
                if caused_by_cancel(exc):
                    raise asyncio.CancelledError from exc
                log.exception("background round failed", extra={"task": name})
    finally:
        # Bounded: Redis may be the reason the service stops.
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await asyncio.wait_for(leadership.resign(name), RESIGN_TIMEOUT_S)


async def _keep_lead(leadership: Leadership, name: str, lease_s: float) -> None:
    """Renew the lead while a long round runs. Losing it mid-round is safe (the work itself
    holds each conversation's turn lock), but then two replicas would do the same rounds."""
    while True:
        await asyncio.sleep(lease_s / 3)
        if not await leadership.is_leader(name, ttl_s=lease_s):
            log.warning("lost the lead during a round", extra={"task": name})
            return
