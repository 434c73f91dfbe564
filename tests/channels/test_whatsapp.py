"""WhatsApp Cloud API adapter: webhook payloads in, Graph API JSON out (fake Graph API on loopback)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlalchemy import func, select

from assistant.gateway.app import SERVICE, SESSIONS
from assistant.gateway.channels.common import RATE_LIMITED, keyed_id
from assistant.gateway.channels.models import ChannelAddress, InboxUpdate
from assistant.gateway.channels.render import NUMBER_HINT, WA_TEXT_LIMIT
from assistant.gateway.channels.whatsapp import LOCATION, ONLY_TEXT, WHATSAPP
from assistant.gateway.conversation import APOLOGY, as_plain_text
from assistant.gateway.rasa_client import BotMessage, Button
from assistant.storage.models import Conversation, Message

from .conftest import (
    WA_PHONE_ID,
    WA_USER,
    WA_VERIFY,
    post_wa,
    wa_button_reply,
    wa_envelope,
    wa_image,
    wa_list_reply,
    wa_location,
    wa_message,
    wa_sign,
    wa_status,
    wa_text,
)


def count(client: Any, model: Any) -> int:
    with client.app[SESSIONS]() as db:
        return int(db.execute(select(func.count()).select_from(model)).scalar_one())


def cid_for(client: Any, user: str = WA_USER) -> str:
    return keyed_id(client.app[WHATSAPP].settings, "wa", user)


async def test_verification_handshake_echoes_the_challenge(channel_client):
    resp = await channel_client.get("/webhooks/whatsapp", params={
        "hub.mode": "subscribe", "hub.verify_token": WA_VERIFY, "hub.challenge": "1158201444"})
    assert resp.status == 200
    assert await resp.text() == "1158201444"


@pytest.mark.parametrize("params", [
    {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
    {"hub.mode": "unsubscribe", "hub.verify_token": WA_VERIFY, "hub.challenge": "1"},
    {"hub.challenge": "1"},
])
async def test_verification_refuses_wrong_token_or_mode(channel_client, params):
    resp = await channel_client.get("/webhooks/whatsapp", params=params)
    assert resp.status == 403
    assert await resp.text() != "1"


async def test_text_message_reaches_rasa_and_reply_reaches_graph_api(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    resp = await post_wa(channel_client, wa_text("Hoi, ik wil een opleiding doen"))
    assert resp.status == 200
    cid = cid_for(channel_client)
    assert cid.startswith("wa-") and WA_USER not in cid
    assert fake_rasa.sent == [(cid, "Hoi, ik wil een opleiding doen")]
    assert fake.calls == [(f"/v20.0/{WA_PHONE_ID}/messages", {
        "messaging_product": "whatsapp", "recipient_type": "individual", "to": WA_USER,
        "type": "text", "text": {"body": "Je zei: Hoi, ik wil een opleiding doen", "preview_url": False},
    })]
    with channel_client.app[SESSIONS]() as db:
        conv = db.get(Conversation, cid)
        assert conv is not None and conv.channel == "whatsapp"
        # The phone number is kept only as the delivery address, never in the transcript.
        assert db.get(ChannelAddress, cid).address == WA_USER
        texts = [m.text for m in db.execute(select(Message)).scalars()]
        assert all(WA_USER not in (t or "") for t in texts)


async def test_reply_buttons_and_button_reply_payload(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    fake_rasa.replies["hoi"] = [BotMessage(text="Wat doe je nu?", buttons=(
        Button("Ik werk", '/inform{"situatie":"werk"}'), Button("Ik zoek werk", '/inform{"situatie":"zoek"}')))]
    await post_wa(channel_client, wa_text("hoi", "wamid.A1"))
    assert fake.bodies()[-1]["interactive"] == {
        "type": "button",
        "body": {"text": "Wat doe je nu?"},
        "action": {"buttons": [
            {"type": "reply", "reply": {"id": '/inform{"situatie":"werk"}', "title": "Ik werk"}},
            {"type": "reply", "reply": {"id": '/inform{"situatie":"zoek"}', "title": "Ik zoek werk"}},
        ]},
    }
    await post_wa(channel_client, wa_button_reply('/inform{"situatie":"zoek"}', "Ik zoek werk", "wamid.A2"))
    # The payload maps back, but reaches Rasa as text, never as intent syntax.
    assert fake_rasa.sent[-1] == (cid_for(channel_client), as_plain_text('/inform{"situatie":"zoek"}'))


async def test_more_than_three_options_become_a_list_and_list_reply_maps_back(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    sectors = ["Zorg", "Techniek", "Onderwijs", "ICT", "Logistiek en transport vervoer"]
    fake_rasa.replies["sector"] = [BotMessage(text="In welke sector?", buttons=tuple(
        Button(s, f"/kies_sector{{\"sector\":\"{s.lower()}\"}}") for s in sectors))]
    await post_wa(channel_client, wa_text("sector", "wamid.L1"))
    interactive = fake.bodies()[-1]["interactive"]
    assert interactive["type"] == "list"
    assert interactive["body"] == {"text": "In welke sector?"}
    assert len(interactive["action"]["button"]) <= 20
    rows = interactive["action"]["sections"][0]["rows"]
    assert [r["id"] for r in rows] == [f"/kies_sector{{\"sector\":\"{s.lower()}\"}}" for s in sectors]
    assert all(len(r["title"]) <= 24 for r in rows)
    assert rows[4]["description"] == "Logistiek en transport vervoer"
    await post_wa(channel_client, wa_list_reply(rows[3]["id"], rows[3]["title"], "wamid.L2"))
    assert fake_rasa.sent[-1][1] == as_plain_text('/kies_sector{"sector":"ict"}')


async def test_many_options_become_numbered_text_answered_by_number(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    fake_rasa.replies["opleiding"] = [BotMessage(text="Welke opleiding?", buttons=tuple(
        Button(f"Opleiding {i}", f"/kies{{\"n\":{i}}}") for i in range(1, 13)))]
    await post_wa(channel_client, wa_text("opleiding", "wamid.N1"))
    body = fake.bodies()[-1]
    assert body["type"] == "text"
    text = body["text"]["body"]
    assert text.startswith("Welke opleiding?\n\n1. Opleiding 1\n2. Opleiding 2\n")
    assert "12. Opleiding 12" in text and text.endswith(NUMBER_HINT)
    await post_wa(channel_client, wa_text("2", "wamid.N2"))
    assert fake_rasa.sent[-1][1] == as_plain_text('/kies{"n":2}')
    # The reply to "2" had no options: a later "2" is just the number (e.g. years of experience).
    await post_wa(channel_client, wa_text("2", "wamid.N3"))
    assert fake_rasa.sent[-1][1] == "2"


async def test_payload_too_long_for_a_button_id_is_kept_by_key(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    long_payload = "/inform" + '{"omschrijving":"' + "x" * 300 + '"}'
    fake_rasa.replies["lang"] = [
        BotMessage(text="Klopt dit?", buttons=(Button("Ja", long_payload), Button("Nee", "/deny")))]
    await post_wa(channel_client, wa_text("lang", "wamid.K1"))
    buttons = fake.bodies()[-1]["interactive"]["action"]["buttons"]
    key = buttons[0]["reply"]["id"]
    assert key.startswith("k:") and len(key) <= 256
    await post_wa(channel_client, wa_button_reply(key, "Ja", "wamid.K2"))
    assert fake_rasa.sent[-1][1] == as_plain_text(long_payload)


async def test_location_gets_a_polite_reply_and_is_not_stored(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    resp = await post_wa(channel_client, wa_location("wamid.LOC1"))
    assert resp.status == 200
    assert fake_rasa.sent == []
    assert fake.bodies()[-1]["text"]["body"] == LOCATION
    assert count(channel_client, Message) == 0  # coordinates are personal data: not kept


async def test_media_gets_only_text_reply(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    await post_wa(channel_client, wa_image("wamid.IMG1"))
    assert fake_rasa.sent == []
    assert fake.bodies()[-1]["text"]["body"] == ONLY_TEXT
    assert "alleen tekst" in ONLY_TEXT


async def test_statuses_are_ignored(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    for status in ("sent", "delivered", "read"):
        resp = await post_wa(channel_client, wa_status(status))
        assert resp.status == 200
    assert fake.calls == [] and fake_rasa.sent == []
    assert count(channel_client, Conversation) == 0


async def test_redelivered_message_id_is_processed_once(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    payload = wa_text("Ik wil omscholen", "wamid.DUP1")
    for _ in range(3):
        assert (await post_wa(channel_client, payload)).status == 200
    assert len(fake_rasa.sent) == 1
    assert len(fake.calls) == 1
    assert count(channel_client, InboxUpdate) == 1


@pytest.mark.parametrize(("signature", "status"), [
    (None, 401),
    ("sha256=" + "0" * 64, 403),
    ("md5=abc", 401),
    ("wrong-secret", 403),
])
async def test_bad_signature_is_refused_and_changes_nothing(channel_client, fake_rasa, graph_api, signature, status):
    fake, _ = graph_api
    payload = wa_text("hoi", "wamid.SIG1")
    if signature == "wrong-secret":
        import json
        signature = wa_sign(json.dumps(payload).encode(), "not-the-app-secret")
    resp = await post_wa(channel_client, payload, signature=signature)
    assert resp.status == status
    assert fake_rasa.sent == [] and fake.calls == []
    for model in (Conversation, Message, InboxUpdate, ChannelAddress):
        assert count(channel_client, model) == 0


async def test_missing_app_secret_fails_closed(aiohttp_client, settings, fake_rasa):
    from assistant.gateway.app import create_app

    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))  # no WhatsApp config at all
    resp = await post_wa(client, wa_text("hoi", "wamid.NOSECRET"))
    assert resp.status == 403
    assert fake_rasa.sent == []
    assert count(client, InboxUpdate) == 0


async def test_long_advice_is_split_at_whatsapp_limit_and_markdown_adapted(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    paragraph = "**Regeling** " + " ".join(["Je kunt subsidie aanvragen voor je opleiding."] * 30)
    fake_rasa.replies["advies"] = [BotMessage(text="\n\n".join([paragraph] * 8))]
    await post_wa(channel_client, wa_text("advies", "wamid.LONG1"))
    bodies = [b["text"]["body"] for b in fake.bodies()]
    assert len(bodies) >= 3
    assert all(len(b) <= WA_TEXT_LIMIT for b in bodies)
    assert all(b.startswith("*Regeling* ") for b in bodies)
    assert "**" not in "".join(bodies)
    # Nothing lost: every sentence arrives.
    assert sum(b.count("Je kunt subsidie aanvragen") for b in bodies) == 30 * 8


async def test_rasa_down_apology_then_retried_answer_is_delivered(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    fake_rasa.up = False
    await post_wa(channel_client, wa_text("Welke subsidie past bij mij?", "wamid.DOWN1"))
    assert fake.bodies()[-1]["text"]["body"] == APOLOGY
    fake_rasa.up = True
    answered = await channel_client.app[SERVICE].retry_pending()
    assert answered == 1
    assert fake.bodies()[-1]["text"]["body"] == "Je zei: Welke subsidie past bij mij?"
    assert fake.bodies()[-1]["to"] == WA_USER


async def test_adviser_message_reaches_whatsapp(channel_client, graph_api):
    fake, _ = graph_api
    await post_wa(channel_client, wa_text("Ik wil een mens spreken", "wamid.ADV1"))
    service = channel_client.app[SERVICE]
    cid = cid_for(channel_client)
    service.set_status(cid, "handoff_active")
    await service.send_adviser_message(cid, "Hoi, ik ben Fatima van het Leerwerkloket.", adviser="fatima")
    assert fake.bodies()[-1] == {
        "messaging_product": "whatsapp", "recipient_type": "individual", "to": WA_USER,
        "type": "text", "text": {"body": "Hoi, ik ben Fatima van het Leerwerkloket.", "preview_url": False},
    }


async def test_rate_limit_per_sender_with_one_dutch_notice(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    capacity = int(channel_client.app[WHATSAPP].limiter.capacity)
    for i in range(capacity + 3):
        await post_wa(channel_client, wa_text(f"bericht {i}", f"wamid.RL{i}"))
    assert len(fake_rasa.sent) == capacity
    notices = [b for b in fake.bodies() if b.get("text", {}).get("body") == RATE_LIMITED]
    assert len(notices) == 1
    # Another person is not affected.
    await post_wa(channel_client, wa_envelope([wa_message("text", {"body": "hoi"}, "wamid.OTHER", "31687654321")]))
    assert fake_rasa.sent[-1][1] == "hoi"
    # After a while the bucket refills.
    channel_client.app[WHATSAPP].limiter.clock.now += 60
    await post_wa(channel_client, wa_text("weer terug", "wamid.RLBACK"))
    assert fake_rasa.sent[-1][1] == "weer terug"


async def test_outbound_retries_server_errors_with_backoff(channel_client, graph_api):
    fake, _ = graph_api
    fake.fail = [500, 503]
    slept: list[float] = []

    async def record_sleep(seconds: float) -> None:
        slept.append(seconds)

    channel_client.app[WHATSAPP].outbound.sleep = record_sleep
    await post_wa(channel_client, wa_text("hoi", "wamid.RETRY1"))
    assert len(fake.calls) == 3  # two failures, then delivered
    assert len(slept) == 2 and slept[1] > slept[0]


async def test_outbound_client_errors_are_not_retried(channel_client, graph_api):
    fake, _ = graph_api
    fake.fail = [400]
    await post_wa(channel_client, wa_text("hoi", "wamid.RETRY2"))
    assert len(fake.calls) == 1


async def test_outbound_gives_up_after_bounded_attempts(channel_client, graph_api):
    fake, _ = graph_api
    attempts = channel_client.app[WHATSAPP].outbound.attempts
    fake.fail = [500] * 10
    resp = await post_wa(channel_client, wa_text("hoi", "wamid.RETRY3"))
    assert resp.status == 200  # Meta must not redeliver; the reply is in the transcript
    assert len(fake.calls) == attempts


async def test_logs_hold_no_phone_number_or_message_text(channel_client, caplog):
    caplog.set_level(logging.DEBUG)
    await post_wa(channel_client, wa_text("mijn nummer is geheim", "wamid.LOG1"))
    records = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "whatsapp message" in records
    assert WA_USER not in records
    assert "geheim" not in records
