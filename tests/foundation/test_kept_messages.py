"""While Rasa or its action server is down the service keeps each message and answers it, in
order, once the bot is back (issue 12, item 3). A fake Rasa stands in; no Rasa needed."""

from __future__ import annotations

import asyncio
from typing import Any

from assistant.gateway.app import SERVICE, create_app
from assistant.gateway.conversation import APOLOGY
from assistant.gateway.rasa_client import BotMessage
from tests.conftest import FakeRasa, chat_auth

CID = "web-kept-messages-conversation"


class RasaWithActionServer(FakeRasa):
    """Like Rasa: with its action server down it answers 200 with no messages."""

    def __init__(self) -> None:
        super().__init__()
        self.actions_up = True
        self.probed: list[str | None] = []

    async def send(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[BotMessage]:
        replies = await super().send(sender, text, metadata)
        return replies if self.actions_up else []

    async def is_up(self, url: str | None = None) -> bool:
        self.probed.append(url)
        if url and url.endswith("/health"):
            return self.actions_up
        return self.up


async def _post(client: Any, text: str) -> list[str]:
    auth = chat_auth(client, CID)
    body = await (await client.post(f"/api/v1/chat/{CID}/messages", json={"text": text}, headers=auth)).json()
    return [m["text"] for m in body["messages"]]


async def test_the_next_message_answers_the_kept_ones_first_in_order(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    fake_rasa.up = False
    assert await _post(client, "ik ben 52") == [APOLOGY]
    assert await _post(client, "ik werk in de zorg") == [APOLOGY]
    fake_rasa.up = True
    # Back before the retry loop ran: the person's next message brings the kept ones along.
    assert await _post(client, "ik wil leren") == [
        "Je zei: ik ben 52", "Je zei: ik werk in de zorg", "Je zei: ik wil leren"]
    assert [t for _, t in fake_rasa.sent] == ["ik ben 52", "ik werk in de zorg", "ik wil leren"]
    assert await client.app[SERVICE].retry_pending() == 0  # nothing answered twice
    history = client.app[SERVICE].history(CID)
    assert [m["text"] for m in history if m["sender"] == "bot"][-3:] == [
        "Je zei: ik ben 52", "Je zei: ik werk in de zorg", "Je zei: ik wil leren"]


async def test_an_empty_answer_with_the_action_server_down_is_kept_not_lost(aiohttp_client, settings):
    rasa = RasaWithActionServer()
    app = create_app(settings, rasa=rasa)  # type: ignore[arg-type]
    client = await aiohttp_client(app)
    delivered: list[list[str]] = []

    async def deliver(_cid: str, messages: list[BotMessage]) -> None:
        delivered.append([m.text or "" for m in messages])

    app[SERVICE].register_channel("web", deliver)
    rasa.actions_up = False
    assert await _post(client, "ik ben 52") == [APOLOGY]
    assert f"{settings.action_server_url}/health" in rasa.probed
    assert await app[SERVICE].retry_pending() == 0  # still down
    rasa.actions_up = True
    assert await app[SERVICE].retry_pending() == 1
    assert delivered == [["Je zei: ik ben 52"]]


async def test_an_empty_answer_with_the_action_server_up_is_just_silence(aiohttp_client, settings):
    rasa = RasaWithActionServer()
    rasa.replies["stil"] = []
    client = await aiohttp_client(create_app(settings, rasa=rasa))  # type: ignore[arg-type]
    assert await _post(client, "stil") == []
    assert await client.app[SERVICE].retry_pending() == 0


async def test_a_kept_message_that_asks_for_a_person_stops_the_bot(aiohttp_client, settings, fake_rasa):
    fake_rasa.replies["mens"] = [BotMessage(text="Ik geef je door.", custom={"handoff": "requested"})]
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    fake_rasa.up = False
    await _post(client, "mens")
    fake_rasa.up = True
    replies = await _post(client, "hallo?")
    assert replies[0] == "Ik geef je door." and "Je zei: hallo?" not in replies
    assert [t for _, t in fake_rasa.sent] == ["mens"]  # "hallo?" is for the adviser
    assert client.app[SERVICE].status(CID) == "handoff_requested"


async def test_the_retry_loop_waits_for_a_running_turn(aiohttp_client, settings, fake_rasa):
    """Retry and the person's next message take the same turn lock: each kept message once."""
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    fake_rasa.up = False
    await _post(client, "eerste")
    fake_rasa.up = True
    answered, replies = await asyncio.gather(client.app[SERVICE].retry_pending(), _post(client, "tweede"))
    assert [t for _, t in fake_rasa.sent] == ["eerste", "tweede"]
    assert answered + replies.count("Je zei: eerste") == 1
