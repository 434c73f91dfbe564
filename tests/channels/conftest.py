"""Fakes for the channel tests: WhatsApp Graph API and Telegram Bot API on loopback.

Webhook payloads below follow the shapes of Meta's "messages webhook reference" and the
Telegram Bot API "Update" object; they are written from the documentation, with made-up ids.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import time
from typing import Any

import pytest
from aiohttp import web

from assistant.gateway.app import create_app
from assistant.gateway.channels import telegram, whatsapp

WA_SECRET = "wa-app-secret-for-tests"
WA_VERIFY = "wa-verify-token"
WA_TOKEN = "wa-access-token"
WA_PHONE_ID = "106540352242922"
WA_USER = "31612345678"
TG_TOKEN = "123456:TEST-token"
TG_SECRET = "tg-secret_token-1"
TG_CHAT = 987654321


class FakePlatform:
    """Records the JSON the service posts; can fail the next calls to test retries."""

    def __init__(self, ok_body: dict[str, Any], auth: tuple[str, str] | None = None) -> None:
        self.ok_body = ok_body
        self.auth = auth  # (header, expected value)
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.fail: list[int] = []  # statuses to answer with before succeeding

    async def handle(self, request: web.Request) -> web.Response:
        if self.auth and request.headers.get(self.auth[0]) != self.auth[1]:
            return web.json_response({"error": "unauthorized"}, status=401)
        body = await request.json()
        self.calls.append((request.path, body))
        if self.fail:
            return web.json_response({"error": {"message": "fake failure"}}, status=self.fail.pop(0))
        return web.json_response(self.ok_body)

    def bodies(self, suffix: str = "") -> list[dict[str, Any]]:
        return [b for p, b in self.calls if p.endswith(suffix)]


@pytest.fixture
async def graph_api(aiohttp_server: Any) -> tuple[FakePlatform, str]:
    fake = FakePlatform(
        {"messaging_product": "whatsapp", "contacts": [{"input": WA_USER, "wa_id": WA_USER}],
         "messages": [{"id": "wamid.OUTBOUND"}]},
        auth=("Authorization", f"Bearer {WA_TOKEN}"),
    )
    app = web.Application()
    app.router.add_post("/v20.0/{phone_number_id}/messages", fake.handle)
    server = await aiohttp_server(app)
    return fake, str(server.make_url("/v20.0"))


@pytest.fixture
async def bot_api(aiohttp_server: Any) -> tuple[FakePlatform, str]:
    fake = FakePlatform({"ok": True, "result": {"message_id": 1}})
    app = web.Application()

    async def route(request: web.Request) -> web.Response:
        if request.match_info["token"] != TG_TOKEN:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        return await fake.handle(request)

    app.router.add_post("/bot{token}/{method}", route)
    server = await aiohttp_server(app)
    return fake, str(server.make_url(""))


async def _no_sleep(_seconds: float) -> None:
    return None


@pytest.fixture
def channel_settings(settings: Any, graph_api: tuple[FakePlatform, str], bot_api: tuple[FakePlatform, str]) -> Any:
    return dataclasses.replace(settings, extra={
        "WHATSAPP_APP_SECRET": WA_SECRET,
        "WHATSAPP_VERIFY_TOKEN": WA_VERIFY,
        "WHATSAPP_ACCESS_TOKEN": WA_TOKEN,
        "WHATSAPP_PHONE_NUMBER_ID": WA_PHONE_ID,
        "WHATSAPP_API_BASE": graph_api[1],
        "TELEGRAM_BOT_TOKEN": TG_TOKEN,
        "TELEGRAM_SECRET_TOKEN": TG_SECRET,
        "TELEGRAM_API_BASE": bot_api[1],
    })


class FrozenClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def channel_client(aiohttp_client: Any, channel_settings: Any, fake_rasa: Any) -> Any:
    app = create_app(channel_settings, rasa=fake_rasa)
    for key in (whatsapp.WHATSAPP, telegram.TELEGRAM):
        app[key].outbound.sleep = _no_sleep
        app[key].limiter.clock = FrozenClock()
    return await aiohttp_client(app)


# -- WhatsApp webhook payloads ----------------------------------------------------------------
def wa_envelope(messages: list[dict[str, Any]] | None = None,
                statuses: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550783881", "phone_number_id": WA_PHONE_ID},
    }
    if messages is not None:
        value["contacts"] = [{"profile": {"name": "Sanne"}, "wa_id": WA_USER}]
        value["messages"] = messages
    if statuses is not None:
        value["statuses"] = statuses
    return {"object": "whatsapp_business_account",
            "entry": [{"id": "102290129340398", "changes": [{"value": value, "field": "messages"}]}]}


def wa_message(kind: str, content: dict[str, Any], msg_id: str, sender: str = WA_USER) -> dict[str, Any]:
    # Sent now: an old timestamp is a replay and is ignored.
    return {"from": sender, "id": msg_id, "timestamp": str(int(time.time())), "type": kind, kind: content}


def wa_text(body: str, msg_id: str = "wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzQTAx") -> dict[str, Any]:
    return wa_envelope([wa_message("text", {"body": body}, msg_id)])


def wa_button_reply(button_id: str, title: str, msg_id: str) -> dict[str, Any]:
    msg = wa_message("interactive", {"type": "button_reply", "button_reply": {"id": button_id, "title": title}},
                     msg_id)
    msg["context"] = {"from": "15550783881", "id": "wamid.OUTBOUND"}
    return wa_envelope([msg])


def wa_list_reply(row_id: str, title: str, msg_id: str) -> dict[str, Any]:
    msg = wa_message("interactive", {"type": "list_reply",
                                     "list_reply": {"id": row_id, "title": title, "description": ""}}, msg_id)
    msg["context"] = {"from": "15550783881", "id": "wamid.OUTBOUND"}
    return wa_envelope([msg])


def wa_location(msg_id: str) -> dict[str, Any]:
    return wa_envelope([wa_message("location", {"latitude": 52.0907, "longitude": 5.1214,
                                                "name": "Stadhuis", "address": "Stadhuisbrug 1, Utrecht"}, msg_id)])


def wa_image(msg_id: str) -> dict[str, Any]:
    return wa_envelope([wa_message("image", {"caption": "mijn cv", "mime_type": "image/jpeg",
                                             "sha256": "c4f4fa1f0e9d4b2a", "id": "1479537139650973"}, msg_id)])


def wa_status(status: str = "delivered") -> dict[str, Any]:
    return wa_envelope(statuses=[{
        "id": "wamid.OUTBOUND", "status": status, "timestamp": "1718000001", "recipient_id": WA_USER,
        "conversation": {"id": "c0a8f7e6d5", "origin": {"type": "service"}},
        "pricing": {"billable": False, "pricing_model": "PMP", "category": "service"},
    }])


def wa_sign(body: bytes, secret: str = WA_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


async def post_wa(client: Any, payload: dict[str, Any], signature: str | None = "auto") -> Any:
    body = json.dumps(payload).encode()
    headers = {"Content-Type": "application/json"}
    if signature == "auto":
        headers["X-Hub-Signature-256"] = wa_sign(body)
    elif signature is not None:
        headers["X-Hub-Signature-256"] = signature
    resp = await client.post("/webhooks/whatsapp", data=body, headers=headers)
    await client.app[whatsapp.WHATSAPP].inbox.drain()  # the turn runs after the answer
    return resp


# -- Telegram updates -------------------------------------------------------------------------
def tg_user() -> dict[str, Any]:
    return {"id": TG_CHAT, "is_bot": False, "first_name": "Sanne", "language_code": "nl"}


def tg_chat(chat_type: str = "private") -> dict[str, Any]:
    if chat_type == "private":
        return {"id": TG_CHAT, "first_name": "Sanne", "type": "private"}
    return {"id": -100123456, "title": "Groep", "type": chat_type}


def tg_message(update_id: int, text: str | None = None, chat_type: str = "private",
               **extra: Any) -> dict[str, Any]:
    message: dict[str, Any] = {"message_id": update_id % 1000, "from": tg_user(), "chat": tg_chat(chat_type),
                               "date": int(time.time()), **extra}
    if text is not None:
        message["text"] = text
    return {"update_id": update_id, "message": message}


def tg_callback(update_id: int, data: str) -> dict[str, Any]:
    return {"update_id": update_id, "callback_query": {
        "id": f"4382bfdwdsb323b2d9{update_id}", "from": tg_user(), "chat_instance": "-8723478234",
        "message": {"message_id": 77, "from": {"id": 123456, "is_bot": True, "first_name": "Koers"},
                    "chat": tg_chat(), "date": 1718000000, "text": "Wat doe je nu?"},
        "data": data,
    }}


async def post_tg(client: Any, update: dict[str, Any], token: str | None = TG_SECRET) -> Any:
    headers = {} if token is None else {"X-Telegram-Bot-Api-Secret-Token": token}
    resp = await client.post("/webhooks/telegram", json=update, headers=headers)
    await client.app[telegram.TELEGRAM].inbox.drain()  # the turn runs after the answer
    return resp
