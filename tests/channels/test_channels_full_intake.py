"""A whole intake over WhatsApp and over Telegram reaches the same advice as the web chat.

The service runs in-process with the channel APIs faked on loopback; Rasa and the action
server are the real ones (shared ``stack`` fixture). The person answers in free Dutch the
question the bot actually asks (same script as the web personas).
"""

from __future__ import annotations

import dataclasses
import secrets
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from assistant.advice import build_advice
from assistant.gateway.app import SESSIONS, create_app
from assistant.gateway.channels import telegram, whatsapp
from assistant.gateway.channels.common import RateLimiter, keyed_id
from assistant.gateway.rasa_client import RasaClient
from assistant.intake.render import ADVICE_OPENING
from assistant.intake.slots import profile_from_slots
from assistant.storage.models import Message
from tests.e2e.test_personas import PEILDATUM, PERSONAS, pending_question, question_texts

from .conftest import TG_CHAT, WA_USER, post_tg, post_wa, tg_message, wa_text

pytestmark = pytest.mark.e2e

PERSONA = PERSONAS[0]  # werknemer mkb in de thuiszorg: many questions, multi-word answers
MAX_TURNS = 30
ADVICE_START = ADVICE_OPENING


def _bot_messages_after(app: Any, cid: str, after: int) -> tuple[list[dict[str, Any]], int]:
    with app[SESSIONS]() as db:
        rows = db.execute(select(Message).where(Message.conversation_id == cid, Message.id > after)
                          .order_by(Message.id)).scalars().all()
    last = rows[-1].id if rows else after
    return [{"text": m.text} for m in rows if m.sender == "bot"], last


ASKED: set[str] = set()  # the questions the bot asked (a field never asked stays unknown)


async def _run_intake(app: Any, client: Any, cid: str, send: Any) -> list[str]:
    questions = question_texts()
    transcript: list[str] = []
    last = 0
    answer = PERSONA.opening
    for turn in range(MAX_TURNS):
        transcript.append(f"> {answer}")
        assert (await send(turn, answer)).status == 200
        replies, last = _bot_messages_after(app, cid, last)
        texts = [m["text"] or "" for m in replies]
        transcript += [f"< {t}" for t in texts]
        if any(t.startswith(ADVICE_START) for t in texts):
            return transcript
        if any(t.endswith("Klopt dit?") for t in texts):
            answer = "ja, dat klopt"
            continue
        slot = pending_question(replies, questions)
        assert slot is not None, "geen vraag herkend:\n" + "\n".join(transcript)
        ASKED.add(slot)
        answer = PERSONA.answers.get(slot, "weet ik niet")
    raise AssertionError("geen advies binnen het maximum aantal beurten:\n" + "\n".join(transcript))


async def test_whatsapp_and_telegram_intake_end_in_the_same_advice(
        stack, aiohttp_client, channel_settings, graph_api, bot_api):
    # Own conversation ids: the other channel e2e test uses the same phone number and chat id on
    # the shared Rasa, and its answers must not be in this person's tracker.
    channel_settings = dataclasses.replace(channel_settings, secret_key="full-intake-" + secrets.token_hex(16))
    rasa = RasaClient(stack.rasa_url, stack.rasa_token)
    app = create_app(channel_settings, rasa=rasa)
    for key in (whatsapp.WHATSAPP, telegram.TELEGRAM):
        app[key].limiter = RateLimiter(capacity=1000)  # a script types faster than a person
    client = await aiohttp_client(app)
    wa_cid = keyed_id(channel_settings, "wa", WA_USER)
    tg_cid = keyed_id(channel_settings, "tg", str(TG_CHAT))

    async def send_wa(turn: int, text: str) -> Any:
        return await post_wa(client, wa_text(text, f"wamid.FULL{turn}"))

    async def send_tg(turn: int, text: str) -> Any:
        return await post_tg(client, tg_message(7000 + turn, text))

    wa_log = await _run_intake(app, client, wa_cid, send_wa)
    tg_log = await _run_intake(app, client, tg_cid, send_tg)
    assert wa_log == tg_log  # the same conversation, whatever the channel

    # The advice text reached both apps through their APIs.
    assert any(ADVICE_START in (b.get("text", {}).get("body", "") if isinstance(b.get("text"), dict) else "")
               or ADVICE_START in str(b.get("interactive", "")) for b in graph_api[0].bodies())
    assert any(ADVICE_START in str(b.get("text", "")) for b in bot_api[0].bodies("/sendMessage"))

    profiles = []
    for cid in (wa_cid, tg_cid):
        tracker = await rasa.tracker(cid)
        assert tracker is not None
        profiles.append(profile_from_slots(tracker["slots"]))
    await rasa.close()
    assert profiles[0] == profiles[1]
    for key, value in PERSONA.profile.items():
        if key not in ASKED and profiles[0][key] is None:
            continue  # not asked: it cannot change this person's advice (the statuses below prove it)
        assert profiles[0][key] == value, (key, profiles[0][key], value)
    peildatum = date.fromisoformat(PEILDATUM)
    advice = build_advice(profiles[0], peildatum)
    statuses = {s["scheme_id"]: s["status"] for s in advice["schemes"]}
    for scheme_id, status in PERSONA.statuses.items():
        assert statuses[scheme_id] == status, (scheme_id, statuses[scheme_id], status)
