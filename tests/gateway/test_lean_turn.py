"""A lean turn (issue 12, item 6): database work off the event loop, bounded reads per message."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from assistant.gateway.app import SERVICE, create_app
from assistant.gateway.conversation import ConversationService
from tests.conftest import new_chat

# Only a safety net, never asserted: without it a write that blocks the loop would hang the test.
HOLD_LIMIT_S = 10


async def test_a_held_database_write_leaves_other_requests_served(aiohttp_client, settings, fake_rasa,
                                                                  monkeypatch) -> None:
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    slow, slow_auth = await new_chat(client)
    other, other_auth = await new_chat(client)
    entered, release = threading.Event(), threading.Event()
    released_by_test: list[bool] = []
    original = ConversationService._store

    def held_store(self: ConversationService, conversation_id: str, sender: str, text: str | None,
                   payload: dict[str, Any] | None) -> int:
        if conversation_id == slow and sender == "user" and text == "eerste":
            entered.set()
            # On the event loop this wait would stop every request until it times out.
            released_by_test.append(release.wait(HOLD_LIMIT_S))
        return original(self, conversation_id, sender, text, payload)

    monkeypatch.setattr(ConversationService, "_store", held_store)
    first = asyncio.create_task(client.post(f"/api/v1/chat/{slow}/messages", json={"text": "eerste"},
                                            headers=slow_auth))
    assert await asyncio.to_thread(entered.wait, HOLD_LIMIT_S)
    second = asyncio.create_task(client.post(f"/api/v1/chat/{slow}/messages", json={"text": "tweede"},
                                             headers=slow_auth))
    try:
        live = await client.get("/livez")
        answered = await client.post(f"/api/v1/chat/{other}/messages", json={"text": "hallo"}, headers=other_auth)
        read = await client.get(f"/api/v1/chat/{other}/messages", headers=other_auth)
        assert (live.status, answered.status, read.status) == (200, 200, 200)
        assert [m["text"] for m in (await read.json())["messages"]] == ["hallo", "Je zei: hallo"]
    finally:
        release.set()
    assert (await first).status == 200 and (await second).status == 200
    assert released_by_test == [True]  # the other requests were served while the write was held
    # The turn lock still orders the held conversation: its second message waited for the first.
    history = client.app[SERVICE].history(slow)
    assert [m["text"] for m in history] == ["eerste", "Je zei: eerste", "tweede", "Je zei: tweede"]
    assert [text for sender, text in fake_rasa.sent if sender == slow] == ["eerste", "tweede"]
