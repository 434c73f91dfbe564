"""Telegram adapter: Update payloads in, Bot API JSON out (fake Bot API on loopback)."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

import pytest
from sqlalchemy import func, select

from assistant.gateway.app import SERVICE, SESSIONS
from assistant.gateway.channels import telegram as tg
from assistant.gateway.channels.common import Outbound, keyed_id
from assistant.gateway.channels.models import ChannelAddress, InboxUpdate
from assistant.gateway.channels.render import TG_TEXT_LIMIT
from assistant.gateway.conversation import APOLOGY, as_plain_text
from assistant.gateway.rasa_client import BotMessage, Button
from assistant.storage.models import Conversation, Message

from .conftest import TG_CHAT, TG_SECRET, TG_TOKEN, post_tg, tg_callback, tg_message


def count(client: Any, model: Any) -> int:
    with client.app[SESSIONS]() as db:
        return int(db.execute(select(func.count()).select_from(model)).scalar_one())


def cid_for(client: Any) -> str:
    return keyed_id(client.app[tg.TELEGRAM].settings, "tg", str(TG_CHAT))


async def test_message_reaches_rasa_and_reply_is_sent(channel_client, fake_rasa, bot_api):
    fake, _ = bot_api
    resp = await post_tg(channel_client, tg_message(1001, "Ik wil iets nieuws leren"))
    assert resp.status == 200
    assert await resp.json() == {}
    cid = cid_for(channel_client)
    assert cid.startswith("tg-") and str(TG_CHAT) not in cid
    assert fake_rasa.sent == [(cid, "Ik wil iets nieuws leren")]
    assert fake.calls == [(f"/bot{TG_TOKEN}/sendMessage", {
        "chat_id": TG_CHAT, "text": "Je zei: Ik wil iets nieuws leren", "parse_mode": "HTML",
        "link_preview_options": {"is_disabled": True},
    })]
    with channel_client.app[SESSIONS]() as db:
        assert db.get(Conversation, cid).channel == "telegram"


async def test_start_command_greets(channel_client, fake_rasa):
    await post_tg(channel_client, tg_message(1002, "/start"))
    assert fake_rasa.sent[-1][1] == "hoi"


async def test_buttons_become_inline_keyboard_and_callback_maps_back(channel_client, fake_rasa, bot_api):
    fake, _ = bot_api
    long_payload = '/inform{"situatie":"' + "werkzoekend met een uitkering" * 3 + '"}'
    fake_rasa.replies["hoi"] = [BotMessage(text="Wat doe je **nu**?", buttons=(
        Button("Ik werk", "/werk"), Button("Ik zoek werk", long_payload)))]
    await post_tg(channel_client, tg_message(1003, "hoi"))
    sent = fake.bodies("/sendMessage")[-1]
    assert sent["text"] == "Wat doe je <b>nu</b>?"
    keyboard = sent["reply_markup"]["inline_keyboard"]
    assert keyboard[0][0] == {"text": "Ik werk", "callback_data": "/werk"}
    key = keyboard[0][1]["callback_data"]
    assert key.startswith("k:") and len(key.encode()) <= 64
    resp = await post_tg(channel_client, tg_callback(1004, key))
    assert resp.status == 200
    # The spinner is stopped in the webhook response: no extra API call per message.
    assert await resp.json() == {"method": "answerCallbackQuery", "callback_query_id": "4382bfdwdsb323b2d91004"}
    assert fake_rasa.sent[-1] == (cid_for(channel_client), as_plain_text(long_payload))
    assert fake.bodies("/answerCallbackQuery") == []
    assert {p.rsplit("/", 1)[1] for p, _ in fake.calls} == {"sendMessage"}


@pytest.mark.parametrize("update", [
    {"update_id": 2001, "edited_message": {"message_id": 5, "from": {"id": TG_CHAT, "is_bot": False, "first_name": "S"},
                                           "chat": {"id": TG_CHAT, "type": "private"}, "date": 1718000000,
                                           "edit_date": 1718000100, "text": "aangepast"}},
    {"update_id": 2002, "my_chat_member": {"chat": {"id": TG_CHAT, "type": "private"},
                                           "from": {"id": TG_CHAT, "is_bot": False, "first_name": "S"},
                                           "date": 1718000000,
                                           "old_chat_member": {"status": "member", "user": {"id": 1, "is_bot": True,
                                                                                          "first_name": "K"}},
                                           "new_chat_member": {"status": "kicked", "user": {"id": 1, "is_bot": True,
                                                                                          "first_name": "K"}}}},
    tg_message(2003, "hallo allemaal", chat_type="group"),
])
async def test_other_updates_are_acknowledged_and_ignored(channel_client, fake_rasa, bot_api, update):
    fake, _ = bot_api
    resp = await post_tg(channel_client, update)
    assert resp.status == 200
    assert fake_rasa.sent == [] and fake.calls == []
    assert count(channel_client, Conversation) == 0


async def test_photo_gets_only_text_reply(channel_client, fake_rasa, bot_api):
    fake, _ = bot_api
    update = tg_message(1005, None, photo=[{"file_id": "AgACAgQ", "file_unique_id": "AQAD", "width": 90,
                                            "height": 90, "file_size": 1234}])
    await post_tg(channel_client, update)
    assert fake_rasa.sent == []
    assert fake.bodies()[-1]["text"] == tg.ONLY_TEXT


@pytest.mark.parametrize(("token", "status"), [(None, 401), ("wrong-token", 403), ("", 401)])
async def test_wrong_or_missing_secret_token_is_refused(channel_client, fake_rasa, bot_api, token, status):
    fake, _ = bot_api
    resp = await post_tg(channel_client, tg_message(1006, "hoi"), token=token)
    assert resp.status == status
    assert fake_rasa.sent == [] and fake.calls == []
    for model in (Conversation, Message, InboxUpdate, ChannelAddress):
        assert count(channel_client, model) == 0


async def test_unconfigured_secret_fails_closed(aiohttp_client, settings, fake_rasa):
    from assistant.gateway.app import create_app

    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    resp = await post_tg(client, tg_message(1007, "hoi"), token="anything")
    assert resp.status == 403
    assert fake_rasa.sent == []
    assert count(client, InboxUpdate) == 0


async def test_redelivered_update_is_processed_once(channel_client, fake_rasa, bot_api):
    fake, _ = bot_api
    for _ in range(2):
        assert (await post_tg(channel_client, tg_message(1008, "Ik wil omscholen"))).status == 200
    assert len(fake_rasa.sent) == 1 and len(fake.calls) == 1


async def test_long_advice_split_at_telegram_limit_with_html_escaped(channel_client, fake_rasa, bot_api):
    fake, _ = bot_api
    para = "Scholing <kost> geld & tijd. " * 60
    fake_rasa.replies["advies"] = [BotMessage(text="\n\n".join([para] * 6))]
    await post_tg(channel_client, tg_message(1009, "advies"))
    texts = [b["text"] for b in fake.bodies("/sendMessage")]
    assert len(texts) >= 3
    assert all(len(t) <= TG_TEXT_LIMIT for t in texts)
    assert "<kost>" not in "".join(texts) and "&lt;kost&gt;" in texts[0]
    assert sum(t.count("Scholing") for t in texts) == 60 * 6


async def test_rasa_down_then_retry_and_adviser_reach_telegram(channel_client, fake_rasa, bot_api):
    fake, _ = bot_api
    fake_rasa.up = False
    await post_tg(channel_client, tg_message(1010, "Welke subsidie?"))
    assert fake.bodies()[-1]["text"] == APOLOGY
    fake_rasa.up = True
    service = channel_client.app[SERVICE]
    assert await service.retry_pending() == 1
    assert fake.bodies()[-1]["text"] == "Je zei: Welke subsidie?"
    service.set_status(cid_for(channel_client), "handoff_active")
    await service.send_adviser_message(cid_for(channel_client), "Hoi, ik ben Daan, adviseur.", adviser="daan")
    assert fake.bodies()[-1] == {"chat_id": TG_CHAT, "text": "Hoi, ik ben Daan, adviseur.", "parse_mode": "HTML",
                                 "link_preview_options": {"is_disabled": True}}


async def test_set_webhook_sends_url_secret_and_allowed_updates(channel_settings, bot_api):
    fake, _ = bot_api
    outbound = Outbound(attempts=1)
    try:
        answer = await tg.set_webhook(channel_settings, "https://koers.example/", outbound)
    finally:
        await outbound.close()
    assert answer["ok"] is True
    assert fake.calls == [(f"/bot{TG_TOKEN}/setWebhook", {
        "url": "https://koers.example/webhooks/telegram", "secret_token": TG_SECRET,
        "allowed_updates": ["message", "callback_query"], "max_connections": 10,
    })]


@pytest.mark.parametrize(("extra", "url", "message"), [
    ({"TELEGRAM_BOT_TOKEN": ""}, "https://koers.example", "TELEGRAM_BOT_TOKEN"),
    ({"TELEGRAM_SECRET_TOKEN": "met spaties!"}, "https://koers.example", "TELEGRAM_SECRET_TOKEN"),
    ({}, "http://koers.example", "https"),
])
async def test_set_webhook_refuses_bad_configuration(channel_settings, bot_api, extra, url, message):
    fake, _ = bot_api
    settings = dataclasses.replace(channel_settings, extra={**channel_settings.extra, **extra})
    with pytest.raises(ValueError, match=message):
        await tg.set_webhook(settings, url)
    assert fake.calls == []


def test_cli_set_webhook_reports_missing_token_in_dutch(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("KOERS_HOME", str(tmp_path))
    monkeypatch.setenv("KOERS_SECRET_KEY", "x" * 32)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert tg.cli_set_webhook(argparse.Namespace(url="https://koers.example")) == 1
    assert "TELEGRAM_BOT_TOKEN is niet ingesteld" in capsys.readouterr().err
