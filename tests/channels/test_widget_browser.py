"""The widget in a real browser: Playwright drives Debian's chromium on the /demo page.

Two runs: against the service with a fake Rasa (fast; also covers keyboard use and the
offline state) and against the real stack (``e2e``). Screenshots go to ``artifacts/``.
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from assistant.gateway.app import create_app
from assistant.gateway.conversation import as_plain_text
from assistant.gateway.rasa_client import BotMessage, Button
from assistant.runner import free_port

from ..conftest import FakeRasa

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer het Debian-pakket 'chromium'.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def fake_service(settings: Any) -> Iterator[str]:
    """The Koers service with a fake Rasa, on a free loopback port in its own thread."""
    rasa = FakeRasa()
    rasa.replies["Hoi, ik wil graag een opleiding volgen"] = [
        BotMessage(text="Hoi! Ik ben **Koers**. Ik help je een opleiding te kiezen."),
        BotMessage(text="Wat doe je nu vooral?", buttons=(
            Button("Ik werk in loondienst", "/inform_situatie"), Button("Ik zoek werk", "/zoek"))),
    ]
    # Button payloads reach Rasa as text (a leading "/" is neutralised), see conversation.as_plain_text.
    rasa.replies[as_plain_text("/inform_situatie")] = [BotMessage(text="Fijn. In welke sector werk je?")]
    # The widget asks the service to start the talk: the bot greets and asks its first question.
    rasa.intent_replies["greet"] = [
        BotMessage(text="Welkom bij het Leerwerkloket. Ik ben Koers, de digitale assistent."),
        BotMessage(text="Wat wil je het liefst?", buttons=(
            Button("Een opleiding kiezen", "/opleiding"), Button("Geld voor leren", "/geld"))),
    ]
    rasa.replies[as_plain_text("/opleiding")] = [BotMessage(text="Goed. Wat doe je nu vooral?")]
    port = free_port()
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(create_app(settings, rasa=rasa))  # type: ignore[arg-type]
    ready = threading.Event()

    def serve() -> None:
        # Playwright's sync API owns the main thread's loop: the service gets its own thread.
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(timeout=30)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)


def _open_widget(page: Any) -> None:
    launcher = page.locator("#koers-widget .launcher")
    launcher.wait_for()
    launcher.click()
    page.locator("#koers-widget #koers-input").wait_for()


def _bot_texts(page: Any) -> list[str]:
    return page.locator("#koers-widget .msg--bot .msg__text").all_inner_texts()


def test_widget_holds_a_conversation_on_a_phone(browser, fake_service):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{fake_service}/demo")

    # Keyboard: the launcher opens with Enter. On a touch screen focus goes to the conversation,
    # not the input, so the phone keyboard does not cover the first question.
    launcher = page.locator("#koers-widget .launcher")
    launcher.wait_for()
    assert "Werkcentrum Demo" in launcher.inner_text()
    assert page.locator("#koers-widget .launcher svg").count() == 1  # an icon that needs no emoji font
    launcher.focus()
    page.keyboard.press("Enter")
    field = page.get_by_label("Typ je bericht")
    field.wait_for()
    page.get_by_role("button", name="Een opleiding kiezen").wait_for()
    assert page.evaluate("document.activeElement.shadowRoot.activeElement.className") == "log"
    # One greeting (the bot's), the first question and its buttons: no empty screen.
    bot = _bot_texts(page)
    assert sum("Welkom" in t for t in bot) == 1 and bot[-1] == "Wat wil je het liefst?"
    page.screenshot(path=str(ARTIFACTS / "widget-phone-start.png"))
    panel = page.locator("#koers-widget .panel")
    box = panel.bounding_box()
    assert box is not None and box["width"] == PHONE["width"]  # full screen on a phone
    assert panel.get_attribute("role") == "dialog"
    assert page.locator("#koers-widget .log").get_attribute("aria-live") == "polite"

    field.fill("Hoi, ik wil graag een opleiding volgen")
    page.keyboard.press("Enter")
    quick = page.get_by_role("button", name="Ik werk in loondienst")
    quick.wait_for()
    assert page.locator("#koers-widget .msg--bot strong").first.inner_text() == "Koers"
    page.screenshot(path=str(ARTIFACTS / "widget-phone-quick-replies.png"))
    quick.click()
    page.get_by_text("In welke sector werk je?").wait_for()
    assert page.locator("#koers-widget .quick").count() == 0  # answered options disappear
    page.screenshot(path=str(ARTIFACTS / "widget-phone-fake-rasa.png"))

    # Reload: the same conversation comes back from the service, the chat stays open.
    page.reload()
    page.get_by_text("In welke sector werk je?").wait_for()
    users = page.locator("#koers-widget .msg--user .msg__text").all_inner_texts()
    assert users == ["Hoi, ik wil graag een opleiding volgen", "Ik werk in loondienst"]
    assert sum("Welkom" in t for t in _bot_texts(page)) == 1  # a reload does not greet again

    # Escape closes and gives focus back to the launcher.
    page.get_by_label("Typ je bericht").focus()
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.shadowRoot.activeElement.className") == "launcher"

    # Offline: the message is marked as not sent and the text is back in the field.
    _open_widget(page)
    context.set_offline(True)
    page.get_by_label("Typ je bericht").fill("Zijn er subsidies?")
    page.keyboard.press("Enter")
    page.locator("#koers-widget .msg--failed .msg__note").wait_for()
    assert re.search("verbinding", page.locator("#koers-widget .status").inner_text(), re.IGNORECASE)
    assert page.get_by_label("Typ je bericht").input_value() == "Zijn er subsidies?"
    context.set_offline(False)
    page.keyboard.press("Enter")
    page.get_by_text("Je zei: Zijn er subsidies?").wait_for()
    assert "Niet verstuurd" in page.locator("#koers-widget .msg--failed").inner_text()
    context.close()

    # Desktop: a panel in the corner of the loket's own page.
    desktop = browser.new_page(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    desktop.goto(f"{fake_service}/demo")
    _open_widget(desktop)
    # Not a touch screen: typing can start right away.
    assert desktop.evaluate("document.activeElement.shadowRoot.activeElement.id") == "koers-input"
    box = desktop.locator("#koers-widget .panel").bounding_box()
    assert box is not None and box["width"] < 500 and box["x"] > 640
    desktop.screenshot(path=str(ARTIFACTS / "widget-desktop.png"))
    desktop.close()


@pytest.mark.e2e
def test_widget_on_the_real_stack(browser, stack):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(60_000)  # the first Rasa turn loads the model's graph
    page.goto(f"{stack.url}/demo")
    _open_widget(page)
    page.get_by_label("Typ je bericht").fill("Hoi! Ik wil graag advies over een opleiding.")
    page.keyboard.press("Enter")
    quick = page.locator("#koers-widget .quick__btn").first
    quick.wait_for()
    before = len(_bot_texts(page))
    title = quick.inner_text()
    quick.click()
    page.wait_for_function(
        "n => document.querySelector('#koers-widget').shadowRoot.querySelectorAll('.msg--bot').length > n",
        arg=before)
    page.screenshot(path=str(ARTIFACTS / "widget-phone-real-stack.png"))
    page.reload()
    page.get_by_text("Hoi! Ik wil graag advies over een opleiding.").wait_for()
    assert len(_bot_texts(page)) > before  # the answers came back after the reload
    assert page.locator("#koers-widget .msg--user").count() >= 2, title
    context.close()
