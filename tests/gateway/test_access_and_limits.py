"""Conversations only their owner can reach; limits that hold (issue 10, items 3 and 5)."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy import func, select

from assistant.gateway.app import NOT_FOUND, SERVICE, SESSIONS, create_app
from assistant.gateway.channels.common import RATE_LIMITED, keyed_id
from assistant.gateway.channels.web import IP_CHAT_LIMITER, NEW_CHAT_LIMITED, NEW_CHAT_LIMITER
from assistant.gateway.conversation import KEPT_FULL
from assistant.gateway.remote import client_key, parse_proxies
from assistant.shared_state.memory import MemoryRateLimiter
from assistant.storage.models import Conversation, Message
from tests.conftest import new_chat


class FrozenClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def count_messages(app: web.Application) -> int:
    with app[SESSIONS]() as db:
        return int(db.execute(select(func.count()).select_from(Message)).scalar_one())


async def make_client(aiohttp_client: Any, settings: Any, fake_rasa: Any, **extra: str) -> Any:
    app = create_app(dataclasses.replace(settings, extra=extra), rasa=fake_rasa)
    for key in (NEW_CHAT_LIMITER, IP_CHAT_LIMITER):
        app[key].clock = FrozenClock()  # no refill while the test runs
    return await aiohttp_client(app)


# -- item 3: the conversation's token ---------------------------------------------------------
async def test_only_the_token_holder_reads_and_writes_a_conversation(aiohttp_client, settings, fake_rasa):
    client = await make_client(aiohttp_client, settings, fake_rasa)
    cid, auth = await new_chat(client)
    assert cid.startswith("web-")
    ok = await client.post(f"/api/v1/chat/{cid}/messages", json={"text": "ik ben 45"}, headers=auth)
    assert ok.status == 200
    stored = count_messages(client.app)

    # A second client knows the id (from a log or a console URL) but not the token.
    _other_cid, other_auth = await new_chat(client)
    unknown = await client.get("/api/v1/chat/web-nobody-made-this-1/messages", headers=auth)
    assert unknown.status == 404
    body = await unknown.read()
    assert (await unknown.json()) == {"error": NOT_FOUND}
    for headers in ({}, other_auth, {"Authorization": "Bearer "}, {"Authorization": auth["Authorization"][:-1]},
                    {"Authorization": "Basic " + auth["Authorization"].split()[1]}):
        read = await client.get(f"/api/v1/chat/{cid}/messages", headers=headers)
        write = await client.post(f"/api/v1/chat/{cid}/messages", json={"text": "ik ben jou"}, headers=headers)
        start = await client.post(f"/api/v1/chat/{cid}/start", json={}, headers=headers)
        feedback = await client.post(f"/api/v1/chat/{cid}/feedback", json={"rating": "down"}, headers=headers)
        for resp in (read, write, start, feedback):
            assert resp.status == 404, headers
            assert await resp.read() == body  # the same answer as an unknown id: no oracle
    assert count_messages(client.app) == stored
    assert [t for _, t in fake_rasa.sent] == ["ik ben 45"]
    mine = await (await client.get(f"/api/v1/chat/{cid}/messages", headers=auth)).json()
    assert [m["text"] for m in mine["messages"]] == ["ik ben 45", "Je zei: ik ben 45"]


async def test_only_a_hash_of_the_token_is_stored(aiohttp_client, settings, fake_rasa):
    client = await make_client(aiohttp_client, settings, fake_rasa)
    cid, auth = await new_chat(client)
    token = auth["Authorization"].split()[1]
    assert len(token) >= 40
    with client.app[SESSIONS]() as db:
        conv = db.get(Conversation, cid)
        assert conv.access_hash == hashlib.sha256(token.encode()).hexdigest() != token
        assert conv.channel == "web"


async def test_a_whatsapp_conversation_is_not_found_on_the_web_api(aiohttp_client, settings, fake_rasa):
    client = await make_client(aiohttp_client, settings, fake_rasa)
    wa_cid = keyed_id(settings, "wa", "31612345678")
    await client.app[SERVICE].handle_user_message(wa_cid, "hoi, ik ben Jan", channel="whatsapp")
    _cid, auth = await new_chat(client)
    unknown = await (await client.get("/api/v1/chat/web-nobody-made-this-1/messages")).read()
    for headers in ({}, auth):
        read = await client.get(f"/api/v1/chat/{wa_cid}/messages", headers=headers)
        write = await client.post(f"/api/v1/chat/{wa_cid}/messages", json={"text": "nu ik"}, headers=headers)
        assert (read.status, write.status) == (404, 404)
        assert await read.read() == await write.read() == unknown
    assert [t for _, t in fake_rasa.sent] == ["hoi, ik ben Jan"]


# -- item 5: limits per client address ---------------------------------------------------------
async def test_rotating_conversation_ids_hits_the_new_conversation_cap(aiohttp_client, settings, fake_rasa):
    client = await make_client(aiohttp_client, settings, fake_rasa, KOERS_NEW_CHAT_BURST="3")
    created = [await client.post("/api/v1/chat") for _ in range(3)]
    assert [r.status for r in created] == [200, 200, 200]
    refused = await client.post("/api/v1/chat")
    assert refused.status == 429
    assert (await refused.json())["error"] == NEW_CHAT_LIMITED
    assert int(refused.headers["Retry-After"]) >= 1
    # Inventing ids instead creates nothing: they are unknown.
    invented = await client.post("/api/v1/chat/web-invented-000001/messages", json={"text": "hoi"})
    assert invented.status == 404
    with client.app[SESSIONS]() as db:
        assert int(db.execute(select(func.count()).select_from(Conversation)).scalar_one()) == 3
    assert fake_rasa.sent == []


async def test_messages_are_capped_per_address_across_conversations(aiohttp_client, settings, fake_rasa):
    client = await make_client(aiohttp_client, settings, fake_rasa, KOERS_IP_RATE_BURST="4")
    chats = [await new_chat(client) for _ in range(3)]
    statuses = [(await client.post(f"/api/v1/chat/{cid}/messages", json={"text": f"hoi {i}"}, headers=auth)).status
                for i, (cid, auth) in enumerate(chats + chats)]
    assert statuses == [200] * 4 + [429] * 2
    cid, auth = chats[2]
    refused = await client.post(f"/api/v1/chat/{cid}/messages", json={"text": "nog een"}, headers=auth)
    assert (await refused.json())["error"] == RATE_LIMITED and "Retry-After" in refused.headers
    assert len(fake_rasa.sent) == 4


async def test_forwarded_for_from_an_untrusted_peer_is_ignored(aiohttp_client, settings, fake_rasa):
    client = await make_client(aiohttp_client, settings, fake_rasa, KOERS_NEW_CHAT_BURST="2")
    statuses = [(await client.post("/api/v1/chat", headers={"X-Forwarded-For": f"203.0.113.{i}"})).status
                for i in range(3)]
    assert statuses == [200, 200, 429]  # every forged address is still the one peer


async def test_forwarded_for_from_a_trusted_proxy_is_the_client(aiohttp_client, settings, fake_rasa):
    client = await make_client(aiohttp_client, settings, fake_rasa, KOERS_NEW_CHAT_BURST="2",
                               KOERS_TRUSTED_PROXIES="10.9.0.0/16, 127.0.0.1")
    # The test client connects from 127.0.0.1, the trusted proxy: each visitor has its own bucket.
    visitors = [(await client.post("/api/v1/chat", headers={"X-Forwarded-For": f"203.0.113.{i}"})).status
                for i in range(4)]
    assert visitors == [200] * 4
    # One visitor behind the proxy (and behind a second trusted hop) is counted as itself.
    same = [(await client.post("/api/v1/chat", headers={"X-Forwarded-For": "198.51.100.7, 10.9.1.1"})).status
            for _ in range(3)]
    assert same == [200, 200, 429]
    # What the client wrote itself (left of the first untrusted address) is not read, and a
    # second header line (HAProxy adds its own) is part of the same list, not a 400.
    forged = [(await client.post("/api/v1/chat", headers=[("X-Forwarded-For", f"192.0.2.{i}, garbage"),
                                                          ("X-Forwarded-For", "198.51.100.9")])).status
              for i in range(3)]
    assert forged == [200, 200, 429]
    # Without the header the proxy itself is the client.
    assert [(await client.post("/api/v1/chat")).status for _ in range(3)] == [200, 200, 429]


def test_trusted_proxy_list_and_client_keys():
    assert parse_proxies(" 10.0.0.5, 10.1.0.0/16,,::1 ") == ["10.0.0.5", "10.1.0.0/16", "::1"]
    with pytest.raises(ValueError):
        parse_proxies("10.0.0.5, proxy.example")

    class Req:
        def __init__(self, remote: str | None) -> None:
            self.remote = remote

    # One IPv6 household or phone has a whole /64: rotating inside it is one client.
    assert client_key(Req("2001:db8:1:2::5")) == client_key(Req("2001:db8:1:2:ffff::9")) == "2001:db8:1:2::/64"
    assert client_key(Req("2001:db8:1:3::5")) != client_key(Req("2001:db8:1:2::5"))
    assert client_key(Req("::ffff:192.0.2.7")) == client_key(Req("192.0.2.7")) == "192.0.2.7"
    assert client_key(Req(None)) == "unknown"


# -- kept messages and idle state --------------------------------------------------------------
async def test_kept_messages_are_capped_per_conversation(aiohttp_client, settings, fake_rasa):
    settings = dataclasses.replace(settings, max_kept_messages=2)
    client = await make_client(aiohttp_client, settings, fake_rasa)
    cid, auth = await new_chat(client)
    fake_rasa.up = False
    kept = [(await client.post(f"/api/v1/chat/{cid}/messages", json={"text": f"vraag {i}"}, headers=auth)).status
            for i in range(2)]
    assert kept == [200, 200]
    stored = count_messages(client.app)
    refused = await client.post(f"/api/v1/chat/{cid}/messages", json={"text": "vraag 3"}, headers=auth)
    assert refused.status == 429 and int(refused.headers["Retry-After"]) >= 1
    assert (await refused.json())["error"] == KEPT_FULL
    assert count_messages(client.app) == stored  # refused, so not stored either
    # Once the bot answers the kept ones, the person can write again.
    fake_rasa.up = True
    assert await client.app[SERVICE].retry_pending() == 2
    again = await client.post(f"/api/v1/chat/{cid}/messages", json={"text": "vraag 3"}, headers=auth)
    assert again.status == 200


def test_idle_limiter_state_is_evicted():
    clock = FrozenClock()
    limiter = MemoryRateLimiter(capacity=3, per_second=0.5, clock=clock, sweep_every_s=60)
    for i in range(200):
        assert limiter.check_now(f"ip:198.51.100.{i}") == (True, False)
    assert limiter.held() == 200
    clock.now += 30  # not full again yet (0.5/s for 30 s refills all, but no sweep is due)
    limiter.check_now("ip:203.0.113.1")
    assert limiter.held() == 201
    clock.now += 31  # a sweep is due: every idle (full) bucket goes
    limiter.check_now("ip:203.0.113.2")
    assert limiter.held() == 1


def test_a_bucket_in_use_survives_the_sweep():
    clock = FrozenClock()
    limiter = MemoryRateLimiter(capacity=2, per_second=0.01, clock=clock, sweep_every_s=60)
    assert [limiter.check_now("ip:203.0.113.3")[0] for _ in range(3)] == [True, True, False]
    clock.now += 61  # 0.61 tokens back: not idle, so the sweep must keep its count
    limiter.check_now("ip:203.0.113.4")
    assert limiter.held() == 2
    assert limiter.check_now("ip:203.0.113.3")[0] is False
