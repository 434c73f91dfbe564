"""The service reads Rasa's RedisLockStore (the format Rasa itself writes) to tell whether a Rasa
server still works on a conversation: a kept message is not sent again meanwhile."""

from __future__ import annotations

import uuid

import pytest
import redis.asyncio as aioredis

from assistant.gateway.rasa_client import RASA_LOCK_KEY_PREFIX, rasa_lock_held
from tests.scale.servers import Redis

pytestmark = pytest.mark.rasa


async def test_a_ticket_of_rasa_is_seen_until_it_is_served_or_expires(redis: Redis) -> None:
    from rasa.core.lock_store import RedisLockStore

    store = RedisLockStore(host="127.0.0.1", port=redis.port, db=0, key_prefix=RASA_LOCK_KEY_PREFIX)
    client = aioredis.Redis.from_url(redis.url)
    cid = f"web-{uuid.uuid4().hex}"
    try:
        assert not await rasa_lock_held(client, cid)
        ticket = store.issue_ticket(cid, lock_lifetime=60)
        assert await rasa_lock_held(client, cid)  # Rasa works on it (or a dead server's ticket lives)
        store.cleanup(cid, ticket)
        assert not await rasa_lock_held(client, cid)
        store.issue_ticket(cid, lock_lifetime=-1)  # expired: as after a dead server's lifetime
        assert not await rasa_lock_held(client, cid)
    finally:
        await client.close()
