"""Hostile input to the chat API: refused with a clear 4xx, never a 500 or an inflated body."""

import gzip

from assistant.gateway.app import create_app
from tests.conftest import chat_auth

CID = "web-hostile-input-1"


async def test_compressed_body_refused_before_inflating(aiohttp_client, settings, fake_rasa, monkeypatch):
    from aiohttp import web

    read_calls: list[int] = []
    original = web.Request.read

    async def spy(self):  # type: ignore[no-untyped-def]
        read_calls.append(1)
        return await original(self)

    monkeypatch.setattr(web.Request, "read", spy)
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    auth = chat_auth(client, CID)
    bomb = gzip.compress(b"{" + b" " * 10_000_000 + b"}")
    resp = await client.post(f"/api/v1/chat/{CID}/messages", data=bomb,
                             headers={**auth, "Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert resp.status == 415
    assert "compressie" in (await resp.json())["error"]
    assert read_calls == []


async def test_deep_json_surrogates_and_after_are_400(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    auth = chat_auth(client, CID)
    deep = "[" * 30_000 + "]" * 30_000
    resp = await client.post(f"/api/v1/chat/{CID}/messages", data=deep,
                             headers={**auth, "Content-Type": "application/json"})
    assert resp.status == 400
    resp = await client.post(f"/api/v1/chat/{CID}/messages", data='{"text": "hoi \\ud800"}',
                             headers={**auth, "Content-Type": "application/json"})
    assert resp.status == 400
    resp = await client.get(f"/api/v1/chat/{CID}/messages?after_seq=-2.9e23", headers=auth)
    assert resp.status == 400
    assert fake_rasa.sent == []


async def test_other_channel_ids_not_reachable_and_no_version_header(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    for cid in ("wa-0123456789abcdef", "tg-0123456789abcdef"):
        assert (await client.get(f"/api/v1/chat/{cid}/messages")).status == 404
        assert (await client.post(f"/api/v1/chat/{cid}/messages", json={"text": "hoi"})).status == 404
    resp = await client.get("/health")
    assert "aiohttp" not in resp.headers.get("Server", "")
