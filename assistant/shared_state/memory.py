"""In-process shared state: correct for one service process (``make run``), not for replicas."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field


class MemoryTurnLocks:
    """An asyncio.Lock per key, dropped again when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(key, (None, 0))
        if lock is None:
            lock = asyncio.Lock()
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    @contextlib.asynccontextmanager
    async def try_hold(self, key: str) -> AsyncIterator[bool]:
        if key in self._locks:  # held, or somebody waits for it
            yield False
            return
        async with self.hold(key):  # free: taken at once (no other task runs in between)
            yield True

    def __len__(self) -> int:
        return len(self._locks)


@dataclass
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False


@dataclass
class MemoryRateLimiter:
    """Token bucket per key, in memory. The clock is injectable so tests need no wall-clock time."""

    capacity: float = 8.0
    per_second: float = 0.5
    clock: Callable[[], float] = time.monotonic
    max_senders: int = 50_000
    # Idle buckets (full again) are dropped this often: a bucket per address ever seen would
    # otherwise grow without end. A full bucket is the same as no bucket.
    sweep_every_s: float = 60.0
    _buckets: dict[str, _Bucket] = field(default_factory=dict)
    _swept: float | None = None

    async def check(self, key: str) -> tuple[bool, bool]:
        return self.check_now(key)

    def check_now(self, key: str) -> tuple[bool, bool]:
        now = self.clock()
        if self._swept is None:
            self._swept = now
        elif now - self._swept >= self.sweep_every_s:
            self._swept = now
            self._drop_full(now)
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_senders:
                self._evict(now)
            bucket = self._buckets[key] = _Bucket(self.capacity, now)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.per_second)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return True, False
        warn = not bucket.warned
        bucket.warned = True
        return False, warn

    def _full(self, now: float) -> list[str]:
        return [k for k, b in self._buckets.items() if b.tokens + (now - b.updated) * self.per_second >= self.capacity]

    def _drop_full(self, now: float) -> None:
        for k in self._full(now):
            del self._buckets[k]

    def _evict(self, now: float) -> None:
        for k in self._full(now) or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[k]

    def held(self) -> int:
        """How many keys have a bucket (for tests and metrics)."""
        return len(self._buckets)


class MemoryLiveUpdates:
    """One asyncio.Event per topic that somebody waits for; publishing wakes all its waiters."""

    def __init__(self) -> None:
        self._events: dict[str, asyncio.Event] = {}
        self._waiters: dict[str, int] = {}

    async def publish(self, topic: str) -> None:
        self.publish_nowait(topic)

    def publish_nowait(self, topic: str) -> None:
        event = self._events.pop(topic, None)
        if event is not None:
            event.set()

    async def wait(self, topic: str, timeout_s: float) -> bool:
        event = self._events.setdefault(topic, asyncio.Event())
        self._waiters[topic] = self._waiters.get(topic, 0) + 1
        try:
            await asyncio.wait_for(event.wait(), timeout=timeout_s)
            return True
        except asyncio.TimeoutError:
            return False
        finally:
            left = self._waiters.pop(topic) - 1
            if left:
                self._waiters[topic] = left
            elif self._events.get(topic) is event:
                del self._events[topic]  # nobody waits any more: do not keep it

    def waiting(self) -> int:
        return sum(self._waiters.values())


class MemoryLeadership:
    """One process: it always leads."""

    async def is_leader(self, name: str, ttl_s: float) -> bool:
        return True

    async def resign(self, name: str) -> None:
        return None


class MemorySharedState:
    kind = "memory"

    def __init__(self) -> None:
        self.locks = MemoryTurnLocks()
        self.updates = MemoryLiveUpdates()
        self.leadership = MemoryLeadership()
        self._limiters: dict[str, MemoryRateLimiter] = {}

    def rate_limiter(self, name: str, capacity: float, per_second: float) -> MemoryRateLimiter:
        """One bucket set per name, as with Redis (the first call's rates win)."""
        if name not in self._limiters:
            self._limiters[name] = MemoryRateLimiter(capacity=capacity, per_second=per_second)
        return self._limiters[name]

    async def ping(self) -> bool:
        return True

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None
