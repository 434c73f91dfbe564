"""Bad input never costs a message: empty text gets a prompt, CORS only for the lokets' sites,
per-conversation sequence numbers (issue 10, item 7)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from assistant.gateway.app import SESSIONS, create_app
from assistant.gateway.conversation import EMPTY
from assistant.gateway.lokets import LoketConfigError, load_lokets, origin_of
from assistant.storage.models import Message
from tests.conftest import chat_auth

CID = "web-bad-input-0001"
OTHER = "web-bad-input-0002"

LOKETS = """\
default: a
lokets:
  - id: a
    name: "Loket A"
    website: "https://www.loket-a.nl/over-ons"
    opening_hours: {}
  - id: b
    name: "Loket B"
    website: "https://www.loket-b.nl"
    origins: ["https://chat.loket-b.nl", "http://localhost:8000"]
    opening_hours: {}
"""


@pytest.fixture
def lokets_file(tmp_path, monkeypatch):
    path = tmp_path / "lokets.yml"
    path.write_text(LOKETS, encoding="utf-8")
    monkeypatch.setenv("KOERS_LOKETS_FILE", str(path))
    load_lokets.cache_clear()
    yield path
    load_lokets.cache_clear()


def count_messages(app) -> int:
    with app[SESSIONS]() as db:
        return int(db.execute(select(func.count()).select_from(Message)).scalar_one())


@pytest.mark.parametrize("text", [" ", "\n\n", "\t \u00a0 ", "\u3000"])
async def test_whitespace_only_gets_a_prompt_and_is_not_sent_or_stored(aiohttp_client, settings, fake_rasa, text):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    resp = await client.post(f"/api/v1/chat/{CID}/messages", json={"text": text}, headers=chat_auth(client, CID))
    assert resp.status == 200
    body = await resp.json()
    assert [m["text"] for m in body["messages"]] == [EMPTY]
    assert fake_rasa.sent == []
    assert count_messages(client.app) == 0


async def test_cors_only_for_configured_loket_origins(aiohttp_client, settings, fake_rasa, lokets_file):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    auth = chat_auth(client, CID)
    allowed = ["https://www.loket-a.nl", "https://chat.loket-b.nl", "http://localhost:8000"]
    refused = ["https://www.loket-b.nl",  # B lists its origins: its website alone is not one
               "https://evil.example", "null", "https://www.loket-a.nl.evil.example", "http://www.loket-a.nl",
               "https://www.loket-a.nl:8443", "*"]
    for origin in allowed:
        resp = await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "hoi"},
                                 headers={**auth, "Origin": origin})
        assert resp.headers.get("Access-Control-Allow-Origin") == origin, origin
        pre = await client.options("/api/v1/chat", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
        assert pre.status == 204, origin
    for origin in refused:
        resp = await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "hoi"},
                                 headers={**auth, "Origin": origin})
        assert "Access-Control-Allow-Origin" not in resp.headers, origin
        assert resp.headers["Vary"] == "Origin"
        pre = await client.options("/api/v1/chat", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
        assert pre.status == 403 and "Access-Control-Allow-Origin" not in pre.headers, origin
    # No Origin (same-site page, curl): no CORS headers at all.
    assert "Access-Control-Allow-Origin" not in (await client.post("/api/v1/chat")).headers


async def test_a_wildcard_in_the_environment_is_ignored(aiohttp_client, settings, fake_rasa, lokets_file):
    settings = dataclasses.replace(settings, extra={"KOERS_WIDGET_ORIGINS": "*, https://extra.example.nl/"})
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    star = await client.get("/api/v1/lokets/a", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in star.headers
    extra = await client.get("/api/v1/lokets/a", headers={"Origin": "https://extra.example.nl"})
    assert extra.headers["Access-Control-Allow-Origin"] == "https://extra.example.nl"


def test_origin_parsing_and_bad_loket_origins(tmp_path, monkeypatch):
    assert origin_of("https://WWW.Loket.nl/pad?x=1") == "https://www.loket.nl"
    assert origin_of("http://localhost:8000/") == "http://localhost:8000"
    for bad in ("*", "www.loket.nl", "ftp://loket.nl", "https://*.loket.nl", "https://loket.nl:99999"):
        assert origin_of(bad) is None, bad
    path = tmp_path / "lokets.yml"
    path.write_text(LOKETS.replace('["https://chat.loket-b.nl", "http://localhost:8000"]', '["*"]'), "utf-8")
    load_lokets.cache_clear()
    try:
        with pytest.raises(LoketConfigError):
            load_lokets(str(path))
    finally:
        load_lokets.cache_clear()


async def test_sequence_numbers_per_conversation(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    auth = chat_auth(client, CID)
    auth_other = chat_auth(client, OTHER)
    first = await (await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "hoi"}, headers=auth)).json()
    assert first["last_seq"] == 2  # the person's message and the bot's reply
    other = await (await client.post(f"/api/v1/chat/{OTHER}/messages", json={"text": "hallo"},
                                     headers=auth_other)).json()
    assert other["last_seq"] == 2  # another conversation counts on its own
    assert "last_id" not in other  # the global id would tell how busy the service is
    await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "ik ben 45"}, headers=auth)
    history = await (await client.get(f"/api/v1/chat/{CID}/messages", headers=auth)).json()
    assert [m["seq"] for m in history["messages"]] == [1, 2, 3, 4]
    assert [m["text"] for m in history["messages"]] == ["hoi", "Je zei: hoi", "ik ben 45", "Je zei: ik ben 45"]
    assert history["last_seq"] == 4
    later = await (await client.get(f"/api/v1/chat/{CID}/messages?after_seq=2", headers=auth)).json()
    assert [m["seq"] for m in later["messages"]] == [3, 4]
    # The person's side never sees the global id, nor pages by it.
    assert all("id" not in m for m in history["messages"])
    ignored = await (await client.get(f"/api/v1/chat/{CID}/messages?after=3", headers=auth)).json()
    assert [m["seq"] for m in ignored["messages"]] == [1, 2, 3, 4]
    for bad in ("-1", "1.5", "abc", "9" * 30):
        assert (await client.get(f"/api/v1/chat/{CID}/messages?after_seq={bad}", headers=auth)).status == 400


async def test_start_reports_the_sequence_number_too(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    started = await (await client.post(f"/api/v1/chat/{CID}/start", json={}, headers=chat_auth(client, CID))).json()
    history = await (await client.get(f"/api/v1/chat/{CID}/messages", headers=chat_auth(client, CID))).json()
    assert started["last_seq"] == len(history["messages"]) == history["last_seq"] >= 1
