"""The widget keeps its conversation's token; a conversation kept without one starts anew quietly."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.gateway.lokets import load_lokets

pytestmark = pytest.mark.browser

W = "#koers-widget"
OLD = "web-kept-before-tokens-1"


async def open_with_stored(browser: Any, server: str, stored: dict[str, str]) -> tuple[Any, list[str]]:
    page = await browser.new_page(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    await page.goto(f"{server}/demo")
    prefix = f"koers:{server}:{load_lokets()[1]}:"  # the widget's key: service origin and loket
    await page.evaluate("([prefix, items]) => { for (const [k, v] of Object.entries(items)) "
                        "localStorage.setItem(prefix + k, v); }", [prefix, {**stored, "open": "1"}])
    await page.reload()
    await page.locator(f"{W} .msg__text").first.wait_for()
    return page, requests


async def stored_item(page: Any, server: str, name: str) -> str | None:
    key = f"koers:{server}:{load_lokets()[1]}:{name}"
    value: str | None = await page.evaluate("(k) => localStorage.getItem(k)", key)
    return value


@pytest.mark.parametrize("stored", [{"cid": OLD}, {"cid": OLD, "token": "a-token-of-a-deleted-conversation"}])
async def test_an_unreachable_kept_conversation_starts_a_new_one_without_error(server, browser, rasa, stored):
    page, requests = await open_with_stored(browser, server, stored)
    await page.get_by_text("Hoi! Ik ben Koers").wait_for()
    assert await page.locator(f"{W} .status--warn").count() == 0  # no error shown
    cid = await stored_item(page, server, "cid")
    token = await stored_item(page, server, "token")
    assert cid and cid != OLD and token and token != stored.get("token")
    if "token" not in stored:
        assert not [u for u in requests if OLD in u]  # no call with an id it cannot open
    # The new conversation works: the person's message is answered.
    field = page.get_by_label("Typ je bericht")
    await field.fill("Ik zoek een cursus")
    await field.press("Enter")
    await page.get_by_text("Je zei: Ik zoek een cursus").wait_for()
    assert [s for s, _ in rasa.sent] == [cid]
    await page.close()
