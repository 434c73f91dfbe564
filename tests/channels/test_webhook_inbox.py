"""Webhooks acknowledge first: store, answer 200, process after; recovery; replays; 24-hour window."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select, update

from assistant.gateway.app import SERVICE, SESSIONS
from assistant.gateway.channels import inbox as inbox_module
from assistant.gateway.channels.common import keyed_id
from assistant.gateway.channels.models import InboxUpdate
from assistant.gateway.channels.telegram import TELEGRAM
from assistant.gateway.channels.whatsapp import WHATSAPP
from assistant.gateway.conversation import SENT_AS_TEMPLATE, WINDOW_CLOSED
from assistant.gateway.handoff.auth import create_adviser
from assistant.gateway.rasa_client import BotMessage
from assistant.storage.models import Conversation, Message, utcnow

from .conftest import WA_USER, post_tg, post_wa, tg_message, wa_envelope, wa_message, wa_sign, wa_text

ADVISER_TEXT = "Hoi, ik ben Fatima.\nIk kan je morgen bellen."


class Gate:
    """Makes the fake Rasa wait until the test releases it (a slow turn)."""

    def __init__(self, fake_rasa: Any) -> None:
        self.entered = asyncio.Event()
        self.release = asyncio.Event()
        send = fake_rasa.send

        async def slow_send(sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[BotMessage]:
            self.entered.set()
            await self.release.wait()
            return await send(sender, text, metadata)

        fake_rasa.send = slow_send


@pytest.fixture
def gate(fake_rasa: Any) -> Iterator[Gate]:
    held = Gate(fake_rasa)
    yield held
    held.release.set()  # a failing test must not leave a turn waiting for ever


def rows(client: Any, platform: str = "whatsapp") -> list[InboxUpdate]:
    with client.app[SESSIONS]() as db:
        return list(db.execute(select(InboxUpdate).where(InboxUpdate.platform == platform)
                               .order_by(InboxUpdate.id)).scalars())


async def raw_post_wa(client: Any, payload: dict[str, Any]) -> Any:
    """A delivery as Meta sends it, without waiting for the turn (unlike ``post_wa``)."""
    import json

    body = json.dumps(payload).encode()
    return await client.post("/webhooks/whatsapp", data=body, headers={
        "Content-Type": "application/json", "X-Hub-Signature-256": wa_sign(body)})


async def test_webhook_answers_before_the_turn_finishes(channel_client, fake_rasa, graph_api, gate):
    fake, _ = graph_api
    # Before the inbox the webhook waited for Rasa: this post would not come back in time.
    resp = await asyncio.wait_for(raw_post_wa(channel_client, wa_text("Ik wil omscholen", "wamid.SLOW1")), 5)
    assert resp.status == 200
    await asyncio.wait_for(gate.entered.wait(), 5)  # the turn runs after the answer...
    assert fake.calls == []  # ...and has not answered yet
    assert [r.state for r in rows(channel_client)] == ["pending"]
    gate.release.set()
    await channel_client.app[WHATSAPP].inbox.drain()
    assert fake.bodies()[-1]["text"]["body"] == "Je zei: Ik wil omscholen"
    [row] = rows(channel_client)
    assert row.state == "done" and row.attempts == 1
    assert row.payload is None  # the text and the number are not kept once the turn is done


async def test_telegram_webhook_answers_before_the_turn_finishes(channel_client, fake_rasa, bot_api, gate):
    fake, _ = bot_api
    resp = await asyncio.wait_for(channel_client.post(
        "/webhooks/telegram", json=tg_message(5001, "hallo"),
        headers={"X-Telegram-Bot-Api-Secret-Token": channel_client.app[TELEGRAM].setting("TELEGRAM_SECRET_TOKEN")}), 5)
    assert resp.status == 200
    await asyncio.wait_for(gate.entered.wait(), 5)
    assert fake.calls == []
    gate.release.set()
    await channel_client.app[TELEGRAM].inbox.drain()
    assert fake.bodies("/sendMessage")[-1]["text"] == "Je zei: hallo"


async def test_same_update_delivered_twice_while_the_turn_runs_is_processed_once(channel_client, fake_rasa,
                                                                                 graph_api, gate):
    fake, _ = graph_api
    payload = wa_text("Welke opleiding past bij mij?", "wamid.TWICE1")
    first = await raw_post_wa(channel_client, payload)
    await asyncio.wait_for(gate.entered.wait(), 5)
    second = await raw_post_wa(channel_client, payload)  # Meta retries: the first is still busy
    assert first.status == second.status == 200
    gate.release.set()
    await channel_client.app[WHATSAPP].inbox.drain()
    assert len(fake_rasa.sent) == 1 and len(fake.calls) == 1
    assert len(rows(channel_client)) == 1


async def test_telegram_update_id_seen_before_is_processed_once(channel_client, fake_rasa):
    for _ in range(3):
        assert (await post_tg(channel_client, tg_message(5101, "nog een keer"))).status == 200
    assert len(fake_rasa.sent) == 1


async def test_update_stored_but_not_processed_is_recovered_exactly_once(channel_client, fake_rasa, graph_api,
                                                                         monkeypatch):
    fake, _ = graph_api
    adapter = channel_client.app[WHATSAPP]

    async def crash(_row_id: int) -> bool:  # the process dies right after storing
        return False

    monkeypatch.setattr(adapter.inbox, "run", crash)
    assert (await post_wa(channel_client, wa_text("Ik zoek werk in de zorg", "wamid.CRASH1"))).status == 200
    assert fake_rasa.sent == [] and [r.state for r in rows(channel_client)] == ["pending"]
    monkeypatch.undo()

    adapter.inbox.grace_s = 0  # the recovery need not wait for the (dead) request's own task
    # Two rounds at once (as two replicas would): the claim lets only one of them have the row.
    done = await asyncio.gather(inbox_module.recover_all(channel_client.app),
                                inbox_module.recover_all(channel_client.app))
    assert sorted(done) == [0, 1]
    assert await inbox_module.recover_all(channel_client.app) == 0
    assert fake_rasa.sent == [(keyed_id(adapter.settings, "wa", WA_USER), "Ik zoek werk in de zorg")]
    assert [b["text"]["body"] for b in fake.bodies()] == ["Je zei: Ik zoek werk in de zorg"]
    assert [r.state for r in rows(channel_client)] == ["done"]


async def test_late_task_never_processes_a_row_the_recovery_has(channel_client, fake_rasa, monkeypatch, gate):
    adapter = channel_client.app[WHATSAPP]
    real_run = adapter.inbox.run

    async def slow_start(_row_id: int) -> bool:  # the request's own task has not started yet
        return False

    monkeypatch.setattr(adapter.inbox, "run", slow_start)
    await post_wa(channel_client, wa_text("hoi", "wamid.LATE1"))
    [row] = rows(channel_client)
    adapter.inbox.grace_s = 0
    recovery = asyncio.create_task(adapter.inbox.recover())
    await asyncio.wait_for(gate.entered.wait(), 5)  # the recovery's turn is at Rasa
    assert await asyncio.wait_for(real_run(row.id), 5) is False  # the late task finds the row taken
    gate.release.set()
    assert await recovery == 1
    assert len(fake_rasa.sent) == 1


async def test_update_of_a_worker_that_died_mid_turn_is_taken_over_after_its_lease(channel_client, fake_rasa):
    adapter = channel_client.app[WHATSAPP]
    adapter.inbox.grace_s = 0
    row_id = adapter.inbox.store("wamid.MIDTURN", keyed_id(adapter.settings, "wa", WA_USER),
                                 {"from": WA_USER, "id": "wamid.MIDTURN", "type": "text", "text": {"body": "hoi"}})
    assert row_id is not None
    with channel_client.app[SESSIONS].begin() as db:  # claimed by a worker that is gone now
        db.execute(update(InboxUpdate).where(InboxUpdate.id == row_id).values(
            claimed_at=utcnow() - timedelta(seconds=adapter.inbox.lease_s + 60), attempts=1))
    assert await adapter.inbox.recover() == 1
    assert [text for _, text in fake_rasa.sent] == ["hoi"]
    [row] = rows(channel_client)
    assert row.state == "done" and row.attempts == 2


async def test_update_that_keeps_failing_is_marked_failed_not_retried_for_ever(channel_client, fake_rasa,
                                                                             monkeypatch, caplog):
    adapter = channel_client.app[WHATSAPP]
    adapter.inbox.grace_s = 0
    calls: list[str] = []

    async def broken(_message: dict[str, Any]) -> None:
        calls.append("turn")
        raise RuntimeError("bug in the turn")

    monkeypatch.setattr(adapter.inbox, "process", broken)
    await post_wa(channel_client, wa_text("hoi", "wamid.BROKEN1"))
    for _ in range(adapter.inbox.max_attempts + 3):
        await adapter.inbox.recover()
    assert len(calls) == adapter.inbox.max_attempts
    [row] = rows(channel_client)
    assert row.state == "failed" and row.payload is None
    assert any("failed for good" in r.getMessage() for r in caplog.records)


async def test_replayed_old_signed_whatsapp_delivery_does_nothing(channel_client, fake_rasa, graph_api):
    fake, _ = graph_api
    message = wa_message("text", {"body": "Ik wil een mens spreken"}, "wamid.REPLAY1")
    message["timestamp"] = str(int(time.time()) - 14 * 24 * 3600)  # captured 14 days ago
    resp = await post_wa(channel_client, wa_envelope([message]))
    assert resp.status == 200  # acknowledged: Meta must not retry it
    assert fake_rasa.sent == [] and fake.calls == [] and rows(channel_client) == []
    with channel_client.app[SESSIONS]() as db:
        assert db.execute(select(Conversation)).first() is None


async def test_replayed_old_telegram_message_does_nothing(channel_client, fake_rasa, bot_api):
    fake, _ = bot_api
    update_ = tg_message(5201, "oud bericht")
    update_["message"]["date"] = int(time.time()) - 14 * 24 * 3600
    assert (await post_tg(channel_client, update_)).status == 200
    assert fake_rasa.sent == [] and fake.calls == [] and rows(channel_client, "telegram") == []


async def _person_wrote_25_hours_ago(client: Any) -> str:
    await post_wa(client, wa_text("Ik wil een mens spreken", "wamid.WIN1"))
    cid = keyed_id(client.app[WHATSAPP].settings, "wa", WA_USER)
    with client.app[SESSIONS].begin() as db:
        db.execute(update(InboxUpdate).values(received_at=utcnow() - timedelta(hours=25)))
    client.app[SERVICE].set_status(cid, "handoff_active")
    return cid


async def _console_page(client: Any, cid: str) -> str:
    create_adviser(client.app[SESSIONS], "fatima", "correct horse battery", "adviser")
    resp = await client.post("/api/v1/auth/login", json={"username": "fatima", "password": "correct horse battery"})
    assert resp.status == 200
    page = await client.get(f"/console/transcripts/{cid}")
    assert page.status == 200
    return await page.text()


def _adviser_message(client: Any, cid: str) -> Message:
    with client.app[SESSIONS]() as db:
        return db.execute(select(Message).where(Message.conversation_id == cid,
                                                Message.sender == "adviser")).scalar_one()


async def test_adviser_reply_after_24_hours_goes_out_as_the_template(channel_client, graph_api):
    fake, _ = graph_api
    cid = await _person_wrote_25_hours_ago(channel_client)
    channel_client.app[WHATSAPP].settings.extra["KOERS_WHATSAPP_TEMPLATE"] = "koers_adviseur_bericht"
    sent_before = len(fake.calls)
    note = await channel_client.app[SERVICE].send_adviser_message(cid, ADVISER_TEXT, adviser="fatima")
    assert note == SENT_AS_TEMPLATE
    [body] = fake.bodies()[sent_before:]
    assert body["to"] == WA_USER and body["type"] == "template"
    assert body["template"]["name"] == "koers_adviseur_bericht"
    assert body["template"]["language"] == {"code": "nl"}
    # Meta refuses line breaks in a parameter: the text arrives on one line.
    assert body["template"]["components"] == [{"type": "body", "parameters": [
        {"type": "text", "text": "Hoi, ik ben Fatima. Ik kan je morgen bellen."}]}]
    assert _adviser_message(channel_client, cid).payload["delivery"] == SENT_AS_TEMPLATE
    assert "sjabloonbericht" in await _console_page(channel_client, cid)


async def test_adviser_reply_after_24_hours_without_template_says_not_delivered(channel_client, graph_api):
    fake, _ = graph_api
    cid = await _person_wrote_25_hours_ago(channel_client)
    sent_before = len(fake.calls)
    note = await channel_client.app[SERVICE].send_adviser_message(cid, ADVISER_TEXT, adviser="fatima")
    assert note == WINDOW_CLOSED
    assert fake.calls[sent_before:] == []  # Meta would refuse free text now
    assert _adviser_message(channel_client, cid).text == ADVISER_TEXT  # kept in the transcript
    assert "Niet bezorgd" in await _console_page(channel_client, cid)


async def test_adviser_reply_within_24_hours_is_plain_text(channel_client, graph_api):
    fake, _ = graph_api
    await post_wa(channel_client, wa_text("Ik wil een mens spreken", "wamid.WIN2"))
    cid = keyed_id(channel_client.app[WHATSAPP].settings, "wa", WA_USER)
    channel_client.app[WHATSAPP].settings.extra["KOERS_WHATSAPP_TEMPLATE"] = "koers_adviseur_bericht"
    note = await channel_client.app[SERVICE].send_adviser_message(cid, "Hoi!", adviser="fatima")
    assert note is None
    assert fake.bodies()[-1]["text"]["body"] == "Hoi!"
    assert "delivery" not in _adviser_message(channel_client, cid).payload


async def test_conversation_from_before_the_inbox_uses_its_last_message_for_the_window(channel_client, graph_api):
    fake, _ = graph_api
    await post_wa(channel_client, wa_text("Ik wil een mens spreken", "wamid.OLD1"))
    cid = keyed_id(channel_client.app[WHATSAPP].settings, "wa", WA_USER)
    with channel_client.app[SESSIONS].begin() as db:  # as after the upgrade: no inbox rows yet
        db.execute(delete(InboxUpdate))
    note = await channel_client.app[SERVICE].send_adviser_message(cid, "Hoi!", adviser="fatima")
    assert note is None
    assert fake.bodies()[-1]["text"]["body"] == "Hoi!"


async def test_the_service_runs_the_recovery_loop(aiohttp_client, channel_settings, fake_rasa, monkeypatch):
    from assistant.gateway.app import create_app

    monkeypatch.setattr(inbox_module, "RECOVER_EVERY_S", 0.05)
    client = await aiohttp_client(create_app(channel_settings, rasa=fake_rasa))
    adapter = client.app[WHATSAPP]
    adapter.inbox.grace_s = 0
    adapter.inbox.store("wamid.LOOP1", keyed_id(adapter.settings, "wa", WA_USER),
                        {"from": WA_USER, "id": "wamid.LOOP1", "type": "text", "text": {"body": "na de herstart"}})
    for _ in range(200):  # no one processes the row but the loop
        if fake_rasa.sent:
            break
        await asyncio.sleep(0.05)
    assert [text for _, text in fake_rasa.sent] == ["na de herstart"]


async def test_turn_stopped_mid_way_is_freed_for_the_next_start(channel_client, fake_rasa, gate):
    adapter = channel_client.app[WHATSAPP]
    await raw_post_wa(channel_client, wa_text("hoi", "wamid.STOP1"))
    await asyncio.wait_for(gate.entered.wait(), 5)
    for task in list(adapter.inbox._tasks):  # the service stops while the turn waits for Rasa
        task.cancel()
    await asyncio.gather(*adapter.inbox._tasks, return_exceptions=True)
    [row] = rows(channel_client)
    assert row.state == "pending" and row.claimed_at is None
    gate.release.set()
    adapter.inbox.grace_s = 0
    assert await adapter.inbox.recover() == 1
    assert [text for _, text in fake_rasa.sent] == ["hoi"]
