"""State that several replicas of the Koers service must share, behind small interfaces.

One interface per concern: the per-conversation turn lock, rate limits, live updates (wake a
long-poll when a conversation changes) and a leader lock for background loops. Two
implementations: in-process (``memory``, the embedded default of ``make run``) and Redis
(``redis_backend``, when ``REDIS_URL`` is set). Nothing here knows the gateway or Rasa.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Protocol, runtime_checkable


class TurnLocks(Protocol):
    """One turn at a time per conversation: Rasa and the transcript need the turns in order.

    A holder that dies (kill -9) frees its lock within seconds (Redis: a short TTL the living
    holder renews), so another replica can finish what it left.
    """

    def hold(self, key: str) -> AbstractAsyncContextManager[None]:
        """Wait for the lock, hold it for the block."""
        ...

    def try_hold(self, key: str) -> AbstractAsyncContextManager[bool]:
        """Take the lock only when it is free now; yields whether this block holds it (the
        retry loop passes over a conversation whose turn is running)."""
        ...


@runtime_checkable
class RateLimiter(Protocol):
    """Token bucket per key: ``capacity`` at once, refilled at ``per_second``."""

    capacity: float
    per_second: float

    async def check(self, key: str) -> tuple[bool, bool]:
        """(allowed, warn): ``warn`` is True only for the first refusal in a row."""
        ...


class LiveUpdates(Protocol):
    """'Something changed in this conversation': wakes waiters on every replica."""

    async def publish(self, topic: str) -> None: ...

    def publish_nowait(self, topic: str) -> None:
        """For synchronous callers: publishes in the background."""
        ...

    async def wait(self, topic: str, timeout_s: float) -> bool:
        """True when ``topic`` was published within ``timeout_s``."""
        ...


class Leadership(Protocol):
    """At most one replica runs a background loop's round (retry of kept messages, retention)."""

    async def is_leader(self, name: str, ttl_s: float) -> bool:
        """Take or keep the lead for ``ttl_s``; call again before it runs out to keep it."""
        ...

    async def resign(self, name: str) -> None:
        """Give the lead up (a replica that stops): another one takes it on its next round."""
        ...


class SharedState(Protocol):
    @property
    def kind(self) -> str:
        """"memory" or "redis"."""
        ...

    @property
    def locks(self) -> TurnLocks: ...

    @property
    def updates(self) -> LiveUpdates: ...

    @property
    def leadership(self) -> Leadership: ...

    def rate_limiter(self, name: str, capacity: float, per_second: float) -> RateLimiter: ...

    async def ping(self) -> bool:
        """Readiness: the backend answers (always True in process)."""
        ...

    async def start(self) -> None: ...

    async def close(self) -> None: ...


def create_shared_state(redis_url: str = "") -> SharedState:
    """Redis when a URL is given, else in-process (one replica)."""
    if redis_url:
        from assistant.shared_state.redis_backend import RedisSharedState

        return RedisSharedState(redis_url)
    from assistant.shared_state.memory import MemorySharedState

    return MemorySharedState()
