"""The widget starts the talk: what someone types while the bot is still starting is kept."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from assistant.gateway.rasa_client import BotMessage

pytestmark = pytest.mark.browser

W = "#koers-widget"


@pytest.fixture
def rasa(rasa: Any) -> Any:
    slow = rasa.trigger_intent

    async def trigger_intent(sender: str, intent: str, entities: dict[str, Any] | None = None) -> list[BotMessage]:
        await asyncio.sleep(1.5)  # a cold Rasa: the person types before the greeting is in
        result: list[BotMessage] = await slow(sender, intent, entities)
        return result

    rasa.trigger_intent = trigger_intent
    return rasa


async def test_typing_before_the_greeting_is_not_lost(server, browser, rasa):
    page = await browser.new_page(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    await page.goto(f"{server}/demo")
    await page.locator(f"{W} .launcher").click()
    field = page.get_by_label("Typ je bericht")
    await field.fill("Ik zoek een cursus")
    await field.press("Enter")
    await page.get_by_text("Je zei: Ik zoek een cursus").wait_for()
    texts = await page.locator(f"{W} .msg__text").all_inner_texts()
    greeting = next(i for i, t in enumerate(texts) if t.startswith("Hoi! Ik ben Koers"))
    # The bot spoke first (one greeting), then the person's message and its answer.
    assert sum(t.startswith("Hoi! Ik ben Koers") for t in texts) == 1
    assert texts.index("Ik zoek een cursus") > greeting
    assert [s for s, _ in rasa.sent] and rasa.triggered[0][1] == "greet"
    await page.close()
