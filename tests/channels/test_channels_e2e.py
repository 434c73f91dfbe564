"""WhatsApp and Telegram against the real Rasa: the same inputs give the same conversation.

The service runs in-process with the channel APIs faked on loopback; Rasa and the action
server are the real ones from the shared ``stack`` fixture. Each person answers by tapping
the first option offered (or typing the same text when none is offered), and at the end an
adviser takes over both conversations.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from assistant.gateway.app import SERVICE, SESSIONS, create_app
from assistant.gateway.channels import telegram, whatsapp
from assistant.gateway.channels.common import keyed_id
from assistant.gateway.rasa_client import RasaClient
from assistant.storage.models import Message

from .conftest import (
    TG_CHAT,
    WA_USER,
    FakePlatform,
    post_tg,
    post_wa,
    tg_callback,
    tg_message,
    wa_button_reply,
    wa_list_reply,
    wa_text,
)

pytestmark = pytest.mark.e2e

OPENING = "Hoi, ik wil advies over een opleiding"
FALLBACK_ANSWERS = ["Ik ben 45 jaar", "Ik werk in de zorg", "mbo niveau 3", "ja", "nee", "ja"]
TURNS = 6


def _wa_next(fake: FakePlatform, turn: int) -> dict[str, Any]:
    """The WhatsApp webhook payload for 'tap the first option' (or a typed answer)."""
    last = fake.bodies()[-1]
    msg_id = f"wamid.E2E{turn}"
    if last.get("type") == "interactive":
        interactive = last["interactive"]
        if interactive["type"] == "button":
            reply = interactive["action"]["buttons"][0]["reply"]
            return wa_button_reply(reply["id"], reply["title"], msg_id)
        row = interactive["action"]["sections"][0]["rows"][0]
        return wa_list_reply(row["id"], row["title"], msg_id)
    if "Typ het nummer van je keuze." in last.get("text", {}).get("body", ""):
        return wa_text("1", msg_id)
    return wa_text(FALLBACK_ANSWERS[turn % len(FALLBACK_ANSWERS)], msg_id)


def _tg_next(fake: FakePlatform, turn: int) -> dict[str, Any]:
    last = fake.bodies("/sendMessage")[-1]
    keyboard = (last.get("reply_markup") or {}).get("inline_keyboard")
    if keyboard:
        return tg_callback(5000 + turn, keyboard[0][0]["callback_data"])
    return tg_message(5000 + turn, FALLBACK_ANSWERS[turn % len(FALLBACK_ANSWERS)])


def _bot_texts(client: Any, cid: str) -> list[str]:
    with client.app[SESSIONS]() as db:
        rows = db.execute(select(Message).where(Message.conversation_id == cid, Message.sender != "user")
                          .order_by(Message.id)).scalars()
        return [m.text or "" for m in rows]


async def test_whatsapp_and_telegram_reach_the_same_conversation_and_an_adviser(
        stack, aiohttp_client, channel_settings, graph_api, bot_api):
    wa_fake, tg_fake = graph_api[0], bot_api[0]
    rasa = RasaClient(stack.rasa_url)
    app = create_app(channel_settings, rasa=rasa)
    client = await aiohttp_client(app)

    assert (await post_wa(client, wa_text(OPENING, "wamid.E2E-open"))).status == 200
    assert (await post_tg(client, tg_message(4999, OPENING))).status == 200
    for turn in range(TURNS):
        assert (await post_wa(client, _wa_next(wa_fake, turn))).status == 200
        assert (await post_tg(client, _tg_next(tg_fake, turn))).status == 200

    wa_cid = keyed_id(channel_settings, "wa", WA_USER)
    tg_cid = keyed_id(channel_settings, "tg", str(TG_CHAT))
    wa_texts, tg_texts = _bot_texts(client, wa_cid), _bot_texts(client, tg_cid)
    assert len(wa_texts) >= TURNS
    assert wa_texts == tg_texts  # same dialogue whatever the channel
    assert len(wa_fake.calls) >= TURNS and len(tg_fake.calls) >= TURNS

    # An adviser takes over both conversations; the messages reach both apps.
    service = app[SERVICE]
    for cid in (wa_cid, tg_cid):
        service.set_status(cid, "handoff_active")
        await service.send_adviser_message(cid, "Hoi, ik ben Noor, adviseur bij het Leerwerkloket.", "noor")
    assert wa_fake.bodies()[-1]["text"]["body"] == "Hoi, ik ben Noor, adviseur bij het Leerwerkloket."
    assert tg_fake.bodies()[-1]["text"] == "Hoi, ik ben Noor, adviseur bij het Leerwerkloket."
    # While the adviser handles it, the bot stays silent on both channels.
    before = (len(wa_fake.calls), len(tg_fake.calls))
    await post_wa(client, wa_text("Dank je!", "wamid.E2E-thanks"))
    await post_tg(client, tg_message(6000, "Dank je!"))
    assert (len(wa_fake.calls), len(tg_fake.calls)) == before
    assert app[whatsapp.WHATSAPP] is not None and app[telegram.TELEGRAM] is not None
