"""Shared state on Redis (``REDIS_URL``): correct with several service replicas.

Every key starts with ``koers:``. When Redis is unreachable the service keeps talking: turn
locks and live updates fall back to this process only, rate limits let messages through, and
no replica leads a background loop (skipping a round is safer than running it twice). Each
fallback is logged and ``/readyz`` reports Redis down, so a load balancer can take the replica
out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import LockError, RedisError

from assistant.shared_state.loops import caused_by_cancel
from assistant.shared_state.memory import MemoryLiveUpdates, MemoryTurnLocks

log = logging.getLogger(__name__)

PREFIX = "koers:"
UPDATES_CHANNEL = PREFIX + "updates"
CLOSE_TIMEOUT_S = 3.0

# Token bucket, atomic on the server and on the server's clock (replicas' clocks may differ).
TOKEN_BUCKET = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local data = redis.call('HMGET', KEYS[1], 'tokens', 'updated', 'warned')
local tokens = tonumber(data[1]) or capacity
local updated = tonumber(data[2]) or now
local warned = data[3] == '1'
tokens = math.min(capacity, tokens + math.max(0, now - updated) * rate)
local allowed, warn = 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
  warned = false
else
  if not warned then warn = 1 end
  warned = true
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now), 'warned', warned and '1' or '0')
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return {allowed, warn}
"""

# Take the lead when nobody has it, keep it when we have it.
LEAD = """
local holder = redis.call('GET', KEYS[1])
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
"""

# Give the lead up, only when this process has it.
RESIGN = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


# A turn lock's lifetime on the server. Its holder renews it every TURN_LOCK_RENEW_SHARE of that,
# so a living holder keeps it for as long as the turn takes (a Rasa turn may take up to a
# minute), and a dead one (kill -9) blocks its conversation for at most this long: then
# another replica answers the message it left. The holder's event loop would have to stall for
# three quarters of it (11 s) before the lock slipped away from a turn that still runs.
TURN_LOCK_TTL_S = 15.0
TURN_LOCK_RENEW_SHARE = 1 / 4
# Renewed at most this long: a turn that hangs frees its conversation after this plus the TTL
# (a turn that really runs longer loses its exclusivity, as before renewal existed).
TURN_LOCK_MAX_HOLD_S = 30.0


class RedisTurnLocks:
    """A Redis lock per conversation, renewed while the turn runs.

    A short TTL that is extended in the background: when a replica dies mid-turn, the
    conversation is free again within ``ttl_s``. Turns of one process queue on a local lock
    first, so only one of them polls Redis.
    """

    def __init__(self, client: aioredis.Redis, ttl_s: float = TURN_LOCK_TTL_S, poll_s: float = 0.02) -> None:
        self._client = client
        self._local = MemoryTurnLocks()
        self.ttl_s = ttl_s
        self.poll_s = poll_s

    def _lock(self, key: str) -> Any:
        return self._client.lock(f"{PREFIX}turn:{key}", timeout=self.ttl_s, sleep=self.poll_s,
                                 blocking=True, blocking_timeout=None, thread_local=False)

    @contextlib.asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        async with self._local.hold(key):
            lock = self._lock(key)
            acquired = False
            try:
                acquired = bool(await lock.acquire())
            except RedisError as exc:
                if caused_by_cancel(exc):
                    raise asyncio.CancelledError from exc
                log.warning("redis turn lock unavailable; ordering only within this replica",
                            extra={"error": str(exc)})
            async with self._kept(lock, acquired):
                yield

    @contextlib.asynccontextmanager
    async def try_hold(self, key: str) -> AsyncIterator[bool]:
        async with self._local.try_hold(key) as local:
            acquired = False
            if local:
                lock = self._lock(key)
                try:
                    acquired = bool(await lock.acquire(blocking=False))
                except RedisError as exc:
                    if caused_by_cancel(exc):
                        raise asyncio.CancelledError from exc
                    # Unlike a person's turn, this one can wait: held elsewhere, for all we know.
                    log.warning("redis turn lock unavailable; conversation passed over",
                                extra={"error": str(exc)})
            if not acquired:
                yield False
                return
            async with self._kept(lock, True):
                yield True

    @contextlib.asynccontextmanager
    async def _kept(self, lock: Any, acquired: bool) -> AsyncIterator[None]:
        """Renew ``lock`` while the block runs; release it afterwards."""
        keeper = asyncio.create_task(self._keep(lock)) if acquired else None
        try:
            yield
        finally:
            if keeper is not None:
                keeper.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await keeper
            if acquired:
                with contextlib.suppress(RedisError, LockError):
                    await lock.release()

    async def _keep(self, lock: Any) -> None:
        # Renewed for at most TURN_LOCK_MAX_HOLD_S: a turn that hangs lets the conversation go
        # after that, instead of keeping it locked for good.
        loop = asyncio.get_running_loop()
        until = loop.time() + TURN_LOCK_MAX_HOLD_S
        while loop.time() < until:
            await asyncio.sleep(self.ttl_s * TURN_LOCK_RENEW_SHARE)
            try:
                await lock.extend(self.ttl_s, replace_ttl=True)
            except (RedisError, LockError) as exc:
                log.warning("could not extend turn lock", extra={"error": str(exc)})
        log.warning("turn held too long; its lock is no longer renewed", extra={"max_s": TURN_LOCK_MAX_HOLD_S})


class RedisRateLimiter:
    def __init__(self, client: aioredis.Redis, name: str, capacity: float, per_second: float) -> None:
        self._client = client
        self._script = client.register_script(TOKEN_BUCKET)
        self.name = name
        self.capacity = capacity
        self.per_second = per_second

    async def check(self, key: str) -> tuple[bool, bool]:
        try:
            allowed, warn = await self._script(keys=[f"{PREFIX}rate:{self.name}:{key}"],
                                               args=[self.capacity, self.per_second])
        except RedisError as exc:
            if caused_by_cancel(exc):
                raise asyncio.CancelledError from exc
            # Refusing everyone because Redis is down would be worse than a missing limit.
            log.warning("redis rate limit unavailable; message allowed", extra={"error": str(exc)})
            return True, False
        return bool(int(allowed)), bool(int(warn))


class RedisLiveUpdates:
    """Redis pub/sub on one channel; a listener task wakes this process's local waiters."""

    def __init__(self, client: aioredis.Redis) -> None:
        self._client = client
        self._local = MemoryLiveUpdates()
        self._listener: asyncio.Task[None] | None = None
        self._pending: set[asyncio.Task[None]] = set()
        self.subscribed = asyncio.Event()

    async def publish(self, topic: str) -> None:
        self._local.publish_nowait(topic)  # no round trip for waiters on this replica
        try:
            await self._client.publish(UPDATES_CHANNEL, topic)
        except RedisError as exc:
            if caused_by_cancel(exc):
                raise asyncio.CancelledError from exc
            log.warning("redis publish failed; other replicas see the change on their next poll",
                        extra={"error": str(exc)})

    def publish_nowait(self, topic: str) -> None:
        self._local.publish_nowait(topic)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # called outside the service (a CLI): nobody waits here
            return
        task = loop.create_task(self.publish(topic))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def wait(self, topic: str, timeout_s: float) -> bool:
        return await self._local.wait(topic, timeout_s)

    def start(self) -> None:
        if self._listener is None:
            self._listener = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        delay = 0.5
        while True:
            pubsub = self._client.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(UPDATES_CHANNEL)
                self.subscribed.set()
                delay = 0.5
                while True:
                    message = await pubsub.get_message(timeout=1.0)
                    if message is not None and message.get("type") == "message":
                        data = message.get("data")
                        topic = data.decode("utf-8") if isinstance(data, bytes) else str(data)
                        self._local.publish_nowait(topic)
            except asyncio.CancelledError:
                raise
            except (RedisError, OSError) as exc:
                self.subscribed.clear()
                log.warning("redis live updates interrupted; reconnecting", extra={"error": str(exc)})
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)
            finally:
                # Bounded: a half-open connection must not keep a stopping service waiting.
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(pubsub.reset(), CLOSE_TIMEOUT_S)

    async def close(self) -> None:
        tasks = [*self._pending, *([self._listener] if self._listener else [])]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=CLOSE_TIMEOUT_S)
        self._listener = None


class RedisLeadership:
    def __init__(self, client: aioredis.Redis) -> None:
        self._client = client
        self._script = client.register_script(LEAD)
        self._resign = client.register_script(RESIGN)
        self.token = uuid.uuid4().hex  # this process

    async def is_leader(self, name: str, ttl_s: float) -> bool:
        try:
            led = await self._script(keys=[f"{PREFIX}leader:{name}"], args=[self.token, int(ttl_s * 1000)])
        except RedisError as exc:
            if caused_by_cancel(exc):
                raise asyncio.CancelledError from exc
            log.warning("redis leader lock unavailable; this round is skipped",
                        extra={"loop": name, "error": str(exc)})
            return False
        return bool(int(led))

    async def resign(self, name: str) -> None:
        try:
            await self._resign(keys=[f"{PREFIX}leader:{name}"], args=[self.token])
        except RedisError as exc:  # the lead runs out by itself
            log.warning("could not give up the lead", extra={"loop": name, "error": str(exc)})


class RedisSharedState:
    kind = "redis"

    def __init__(self, url: str) -> None:
        self.client = aioredis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=10,
                                              health_check_interval=30)
        self.locks = RedisTurnLocks(self.client)
        self.updates = RedisLiveUpdates(self.client)
        self.leadership = RedisLeadership(self.client)

    def rate_limiter(self, name: str, capacity: float, per_second: float) -> RedisRateLimiter:
        return RedisRateLimiter(self.client, name, capacity, per_second)

    async def ping(self) -> bool:
        try:
            return bool(await asyncio.wait_for(self.client.ping(), timeout=3))
        except (RedisError, OSError, asyncio.TimeoutError):
            return False

    async def start(self) -> None:
        self.updates.start()

    async def close(self) -> None:
        await self.updates.close()
        for step in (self.client.close, self.client.connection_pool.disconnect):
            try:
                await asyncio.wait_for(step(), CLOSE_TIMEOUT_S)
            except (RedisError, OSError, asyncio.TimeoutError) as exc:
                log.warning("redis connections not closed cleanly", extra={"error": str(exc)})
