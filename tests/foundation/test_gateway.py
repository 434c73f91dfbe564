"""The Koers service with a fake Rasa: health, chat API, redaction, silence, nothing lost."""

from sqlalchemy import select

from assistant.gateway.app import SERVICE, create_app
from assistant.gateway.conversation import APOLOGY
from assistant.gateway.rasa_client import BotMessage, Button
from assistant.storage.db import make_engine, make_session_factory
from assistant.storage.models import Message
from tests.conftest import chat_auth

CID = "web-test-conversation-1"


async def test_health_ok_when_everything_is_up(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    resp = await client.get("/health")
    assert resp.status == 200
    body = await resp.json()
    assert body["status"] == "ok"
    assert body["components"] == {"database": "ok", "rasa": "ok", "action_server": "ok"}


async def test_health_503_names_what_is_down(aiohttp_client, settings, fake_rasa):
    fake_rasa.up = False
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    resp = await client.get("/health")
    assert resp.status == 503
    body = await resp.json()
    assert body["status"] == "unavailable"
    assert "rasa" in body["down"]


async def test_chat_page_is_served(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    resp = await client.get("/")
    assert resp.status == 200
    html = await resp.text()
    assert '<html lang="nl">' in html and "chat.js" in html
    assert (await client.get("/static/chat.js")).status == 200


async def test_chat_round_trip_with_buttons(aiohttp_client, settings, fake_rasa):
    fake_rasa.replies["hoi"] = [
        BotMessage(text="Wat doe je nu?", buttons=(Button("Ik werk", "Ik werk"),)),
    ]
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    cid = (await (await client.post("/api/v1/chat")).json())["conversation_id"]
    resp = await client.post(f"/api/v1/chat/{cid}/messages", json={"text": "hoi"}, headers=chat_auth(client, cid))
    assert resp.status == 200
    body = await resp.json()
    assert body["messages"] == [{"text": "Wat doe je nu?", "buttons": [{"title": "Ik werk", "payload": "Ik werk"}]}]
    history = await (await client.get(f"/api/v1/chat/{cid}/messages", headers=chat_auth(client, cid))).json()
    assert [m["sender"] for m in history["messages"]] == ["user", "bot"]
    assert history["messages"][1]["buttons"][0]["title"] == "Ik werk"


async def test_personal_data_is_redacted_before_storage_and_rasa(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    auth = chat_auth(client, CID)
    await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "mijn bsn is 111222333 mail: jan@voorbeeld.nl"},
                      headers=auth)
    assert fake_rasa.sent == [(CID, "mijn bsn is [BSN] mail: [EMAIL]")]
    sessions = make_session_factory(make_engine(settings.database_url))
    with sessions() as db:
        texts = db.execute(select(Message.text)).scalars().all()
    assert not any("111222333" in t or "jan@" in t for t in texts)


async def test_message_is_kept_when_rasa_is_down_and_answered_later(aiohttp_client, settings, fake_rasa):
    app = create_app(settings, rasa=fake_rasa)
    client = await aiohttp_client(app)
    auth = chat_auth(client, CID)
    delivered = []

    async def deliver(cid, messages):
        delivered.append((cid, [m.text for m in messages]))

    app[SERVICE].register_channel("web", deliver)
    fake_rasa.up = False
    body = await (await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "ik ben 52"}, headers=auth)).json()
    assert body["messages"] == [{"text": APOLOGY, "kind": "kept"}]
    history = app[SERVICE].history(CID)
    assert history[-1]["text"] == "ik ben 52" and history[-1]["kept"] is True
    assert await app[SERVICE].retry_pending() == 0  # still down: nothing lost, nothing answered
    fake_rasa.up = True
    assert await app[SERVICE].retry_pending() == 1
    assert delivered == [(CID, ["Je zei: ik ben 52"])]
    assert await app[SERVICE].retry_pending() == 0  # answered once only
    assert "kept" not in app[SERVICE].history(CID)[-2]


async def test_bot_is_silent_while_an_adviser_handles_the_conversation(aiohttp_client, settings, fake_rasa):
    fake_rasa.replies["mens"] = [BotMessage(text="Ik geef je door.", custom={"handoff": "requested"})]
    app = create_app(settings, rasa=fake_rasa)
    client = await aiohttp_client(app)
    auth = chat_auth(client, CID)
    await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "mens"}, headers=auth)
    assert app[SERVICE].status(CID) == "handoff_requested"
    app[SERVICE].set_status(CID, "handoff_active")  # an adviser took the case
    body = await (await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "hallo?"}, headers=auth)).json()
    assert body["messages"] == []
    assert [t for _, t in fake_rasa.sent] == ["mens"]
    history = app[SERVICE].history(CID)
    assert history[-1]["text"] == "hallo?" and history[-1]["sender"] == "user"


async def test_bad_input_gets_clear_dutch_errors(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    resp = await client.post(f"/api/v1/chat/{CID}/messages", data="geen json", headers=chat_auth(client, CID))
    assert resp.status == 400 and "JSON" in await resp.text()
    resp = await client.post("/api/v1/chat/x/messages", json={"text": "hoi"}, headers=chat_auth(client, CID))
    assert resp.status == 404 and "bestaat niet" in await resp.text()
    resp = await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "a" * 5000}, headers=chat_auth(client, CID))
    assert (await resp.json())["messages"][0]["text"].startswith("Je bericht is te lang")
    assert fake_rasa.sent == []
    resp = await client.get(f"/api/v1/chat/{CID}/messages?after_seq=abc", headers=chat_auth(client, CID))
    assert resp.status == 400


async def test_only_known_lokets_are_stored(aiohttp_client, settings, fake_rasa):
    from assistant.storage.models import Conversation

    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    auth = chat_auth(client, "web-loket-known")
    auth_2 = chat_auth(client, "web-loket-unknown")
    await client.post("/api/v1/chat/web-loket-known/messages", json={"text": "hoi", "loket_id": "demo"}, headers=auth)
    await client.post("/api/v1/chat/web-loket-unknown/messages", json={"text": "hoi", "loket_id": "<script>"},
                      headers=auth_2)
    sessions = make_session_factory(make_engine(settings.database_url))
    with sessions() as db:
        assert db.get(Conversation, "web-loket-known").loket_id == "demo"
        assert db.get(Conversation, "web-loket-unknown").loket_id is None
