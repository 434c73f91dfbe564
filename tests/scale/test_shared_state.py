"""Shared state: the in-process default and the Redis implementation behave the same.

The Redis tests run against a real redis-server on a loopback port (tests/scale/servers.py).
Two ``RedisSharedState`` objects on one server stand for two replicas.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from assistant.shared_state import SharedState, create_shared_state
from assistant.shared_state.loops import leader_rounds, stop_task
from assistant.shared_state.memory import MemoryLiveUpdates, MemoryRateLimiter, MemoryTurnLocks
from assistant.shared_state.redis_backend import RedisSharedState


@pytest.fixture(params=["memory", "redis"])
async def pair(request: pytest.FixtureRequest) -> AsyncIterator[tuple[SharedState, SharedState]]:
    """Two 'replicas': with memory both are the same process state, with Redis two clients."""
    if request.param == "memory":
        one = create_shared_state("")
        yield one, one
        return
    server = request.getfixturevalue("redis")
    a, b = create_shared_state(server.url), create_shared_state(server.url)
    assert isinstance(a, RedisSharedState) and isinstance(b, RedisSharedState)
    await a.start()
    await b.start()
    await asyncio.wait_for(asyncio.gather(a.updates.subscribed.wait(), b.updates.subscribed.wait()), 10)
    await a.client.flushdb()
    try:
        yield a, b
    finally:
        await a.close()
        await b.close()


async def test_turn_lock_serialises_turns_of_one_conversation_across_replicas(pair) -> None:
    a, b = pair
    trace: list[str] = []

    async def turn(state: SharedState, name: str) -> None:
        async with state.locks.hold("web-conv-1"):
            trace.append(f"{name}:start")
            await asyncio.sleep(0.05)  # a Rasa round trip
            trace.append(f"{name}:end")

    await asyncio.gather(*(turn(s, f"t{i}") for i, s in enumerate([a, b, a, b, a, b])))
    # Never two turns inside at once: every start is followed by its own end.
    assert len(trace) == 12
    for i in range(0, 12, 2):
        assert trace[i].endswith(":start") and trace[i + 1] == trace[i].replace(":start", ":end")


async def test_turn_locks_of_different_conversations_do_not_wait_for_each_other(pair) -> None:
    a, b = pair
    inside = asyncio.Event()
    release = asyncio.Event()

    async def long_turn() -> None:
        async with a.locks.hold("web-conv-long"):
            inside.set()
            await release.wait()

    task = asyncio.create_task(long_turn())
    await asyncio.wait_for(inside.wait(), 5)
    # Another conversation gets its lock while the first is still held.
    async with b.locks.hold("web-conv-other"):
        pass
    release.set()
    await asyncio.wait_for(task, 5)


async def test_rate_limit_is_one_bucket_for_all_replicas(pair) -> None:
    a, b = pair
    # Refill so slow that it does not matter during the test; no clock involved.
    limits = [a.rate_limiter("chat", capacity=4, per_second=0.0001), b.rate_limiter("chat", 4, 0.0001)]
    results = [await limits[i % 2].check("web:conv-rate") for i in range(7)]
    assert [allowed for allowed, _ in results] == [True] * 4 + [False] * 3
    assert [warn for _, warn in results] == [False] * 4 + [True, False, False]  # warn once in a row
    # Other senders and other limiters have their own buckets.
    assert (await limits[1].check("web:someone-else"))[0] is True
    assert (await a.rate_limiter("whatsapp", 4, 0.0001).check("web:conv-rate"))[0] is True


async def test_live_update_on_one_replica_wakes_a_waiter_on_the_other(pair) -> None:
    a, b = pair
    waiter = asyncio.create_task(b.updates.wait("web-conv-live", timeout_s=10))
    await asyncio.sleep(0.05)  # the waiter is registered
    await a.updates.publish("web-conv-live")
    assert await asyncio.wait_for(waiter, 5) is True
    # Nothing published: the wait runs out and says so.
    assert await b.updates.wait("web-conv-quiet", timeout_s=0.2) is False


async def test_publish_nowait_from_synchronous_code_reaches_the_other_replica(pair) -> None:
    a, b = pair
    waiter = asyncio.create_task(b.updates.wait("web-conv-sync", timeout_s=10))
    await asyncio.sleep(0.05)
    a.updates.publish_nowait("web-conv-sync")
    assert await asyncio.wait_for(waiter, 5) is True


async def test_one_leader_per_loop(pair) -> None:
    a, b = pair
    first = await a.leadership.is_leader("retry-pending", ttl_s=30)
    second = await b.leadership.is_leader("retry-pending", ttl_s=30)
    if a is b:
        assert first and second  # one process: it always leads
        return
    assert (first, second) == (True, False)
    assert await a.leadership.is_leader("retry-pending", ttl_s=30)  # the leader keeps the lead
    assert await b.leadership.is_leader("retention", ttl_s=30)  # another loop, its own lead


async def test_leadership_passes_on_when_the_leader_stops_renewing(redis) -> None:
    a, b = create_shared_state(redis.url), create_shared_state(redis.url)
    try:
        assert await a.leadership.is_leader("retention-handover", ttl_s=0.3)
        assert not await b.leadership.is_leader("retention-handover", ttl_s=0.3)
        # a "dies": it stops renewing, and the key runs out on the server.
        for _ in range(100):
            if await b.leadership.is_leader("retention-handover", ttl_s=0.3):
                break
            await asyncio.sleep(0.05)
        else:
            pytest.fail("the lead never passed on")
        assert not await a.leadership.is_leader("retention-handover", ttl_s=0.3)
    finally:
        await a.close()
        await b.close()


async def test_a_dead_replicas_turn_lock_frees_itself(redis) -> None:
    a, b = create_shared_state(redis.url), create_shared_state(redis.url)
    assert isinstance(a, RedisSharedState) and isinstance(b, RedisSharedState)
    a.locks.ttl_s = b.locks.ttl_s = 0.3
    try:
        # a takes the lock the way a replica does and then vanishes without releasing it.
        stale = a.client.lock("koers:turn:web-conv-dead", timeout=0.3, thread_local=False)
        assert await stale.acquire(blocking=False)
        async with b.locks.hold("web-conv-dead"):
            pass  # reached once the TTL ran out
        # A live holder keeps its lock past the TTL by renewing it.
        got_in = asyncio.Event()

        async def second() -> None:
            async with b.locks.hold("web-conv-kept"):
                got_in.set()

        async with a.locks.hold("web-conv-kept"):
            task = asyncio.create_task(second())
            await asyncio.sleep(0.9)  # three TTLs
            assert not got_in.is_set()
        await asyncio.wait_for(task, 5)
        assert got_in.is_set()
    finally:
        await a.close()
        await b.close()


async def test_try_hold_passes_over_a_held_conversation_and_takes_a_free_one(pair) -> None:
    a, b = pair
    async with a.locks.hold("web-conv-busy"):
        async with b.locks.try_hold("web-conv-busy") as held:
            assert held is False  # its turn runs (on the other replica, or in this process)
        async with b.locks.try_hold("web-conv-free") as held:
            assert held is True
            async with a.locks.try_hold("web-conv-free") as again:
                assert again is False  # taken: nobody else gets it meanwhile
    async with b.locks.try_hold("web-conv-busy") as held:
        assert held is True  # released by its turn


async def test_try_hold_takes_the_lock_of_a_dead_replica_once_it_runs_out(redis) -> None:
    a, b = create_shared_state(redis.url), create_shared_state(redis.url)
    assert isinstance(a, RedisSharedState) and isinstance(b, RedisSharedState)
    try:
        stale = a.client.lock("koers:turn:web-conv-left", timeout=0.3, thread_local=False)
        assert await stale.acquire(blocking=False)  # a holder that then dies without releasing
        async with b.locks.try_hold("web-conv-left") as held:
            assert held is False
        for _ in range(100):
            async with b.locks.try_hold("web-conv-left") as held:
                if held:
                    break
            await asyncio.sleep(0.05)
        else:
            pytest.fail("the dead replica's turn lock never ran out")
    finally:
        await a.close()
        await b.close()


async def test_a_long_round_keeps_the_lead_and_a_stopping_leader_gives_it_up(redis) -> None:
    """The lead is a short lease renewed while a round runs: a round longer than the lease does
    not hand the loop to a second replica; a leader that stops frees the lead at once."""
    a, b = create_shared_state(redis.url), create_shared_state(redis.url)
    in_round = asyncio.Event()
    finish = asyncio.Event()
    rounds: list[str] = []

    async def long_round() -> int:
        rounds.append("a")
        in_round.set()
        await finish.wait()
        return 0

    loop = asyncio.create_task(leader_rounds(a.leadership, "lease-test", 0.01, long_round, "done", lease_s=0.3))
    try:
        await asyncio.wait_for(in_round.wait(), 5)
        for _ in range(12):  # four leases long
            assert not await b.leadership.is_leader("lease-test", ttl_s=0.3)
            await asyncio.sleep(0.1)
        finish.set()
        await stop_task(loop)
        assert await b.leadership.is_leader("lease-test", ttl_s=30)  # given up, not left to run out
    finally:
        await stop_task(loop)
        await a.close()
        await b.close()


async def test_redis_down_degrades_but_never_blocks_a_conversation() -> None:
    from tests.scale.servers import free_port

    state = create_shared_state(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    try:
        assert await state.ping() is False
        async with state.locks.hold("web-conv-x"):
            pass
        assert await state.rate_limiter("chat", 1, 0.0001).check("k") == (True, False)
        assert await state.leadership.is_leader("retry-pending", 30) is False  # skip, never run twice
        await state.updates.publish("web-conv-x")
    finally:
        await state.close()


async def test_memory_state_forgets_idle_conversations() -> None:
    locks = MemoryTurnLocks()
    async with locks.hold("a"):
        assert len(locks) == 1
    assert len(locks) == 0
    updates = MemoryLiveUpdates()
    assert await updates.wait("t", 0.01) is False
    assert updates.waiting() == 0 and not updates._events


def test_memory_rate_limiter_refills_with_its_clock() -> None:
    now = [100.0]
    limiter = MemoryRateLimiter(capacity=2, per_second=1.0, clock=lambda: now[0])
    assert [limiter.check_now("k")[0] for _ in range(3)] == [True, True, False]
    now[0] += 1.0
    assert limiter.check_now("k") == (True, False)
