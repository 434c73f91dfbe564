"""The widget while the bot is down (issue 12, item 3), in a real browser (Debian's chromium).

A kept message shows "even geduld" until its answer comes, also after a reload; what the
person typed is never lost, not when the service is unreachable and not across a reload.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp import web

from assistant.gateway.app import SERVICE, create_app
from assistant.gateway.conversation import APOLOGY
from assistant.runner import free_port

from ..conftest import FakeRasa
from .test_widget_browser import _open_widget, browser  # noqa: F401 - the browser fixture

pytestmark = pytest.mark.browser
KEPT_STATUS = "Even geduld"


@dataclass
class Service:
    url: str
    rasa: FakeRasa
    app: web.Application
    loop: asyncio.AbstractEventLoop

    def retry_pending(self) -> int:
        """What the service's retry loop does every few seconds, run now."""
        return int(asyncio.run_coroutine_threadsafe(self.app[SERVICE].retry_pending(), self.loop).result(30))


@pytest.fixture
def service(settings: Any) -> Iterator[Service]:
    rasa = FakeRasa()
    app = create_app(settings, rasa=rasa)  # type: ignore[arg-type]
    port = free_port()
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app)
    ready = threading.Event()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(timeout=30)
    try:
        yield Service(f"http://127.0.0.1:{port}", rasa, app, loop)
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)


def _status(page: Any) -> str:
    return str(page.locator("#koers-widget .status").inner_text())


def test_a_kept_message_says_even_geduld_until_it_is_answered_also_after_a_reload(browser, service):  # noqa: F811
    page = browser.new_context(locale="nl-NL").new_page()
    page.goto(f"{service.url}/demo")
    _open_widget(page)
    page.locator("#koers-widget .msg--bot").first.wait_for()
    field = page.get_by_label("Typ je bericht")

    service.rasa.up = False
    field.fill("ik ben 52")
    page.keyboard.press("Enter")
    page.get_by_text(APOLOGY).wait_for()
    assert KEPT_STATUS in _status(page)
    assert page.locator("#koers-widget .msg--user.msg--kept .msg__note").inner_text() == "Bewaard"

    field.fill("en ik werk in de zorg")  # typed, not sent yet
    page.reload()
    page.locator("#koers-widget #koers-input").wait_for()  # the widget reopens by itself
    page.get_by_text("ik ben 52").wait_for()
    assert page.get_by_label("Typ je bericht").input_value() == "en ik werk in de zorg"
    assert KEPT_STATUS in _status(page)
    assert page.locator("#koers-widget .msg--user.msg--kept").count() == 1

    service.rasa.up = True
    assert service.retry_pending() == 1
    page.get_by_text("Je zei: ik ben 52").wait_for(timeout=20_000)  # the widget's poll brings it
    assert KEPT_STATUS not in _status(page)
    assert page.locator("#koers-widget .msg--kept").count() == 0


def test_typed_text_survives_an_unreachable_service_and_a_reload(browser, service):  # noqa: F811
    page = browser.new_context(locale="nl-NL").new_page()
    page.goto(f"{service.url}/demo")
    _open_widget(page)
    page.locator("#koers-widget .msg--bot").first.wait_for()
    page.route("**/messages", lambda route: route.abort()
               if route.request.method == "POST" else route.continue_())
    field = page.get_by_label("Typ je bericht")
    field.fill("ik zoek een opleiding\nin de buurt")
    field.press("Enter")
    page.locator("#koers-widget .msg--failed").wait_for()
    assert field.input_value() == "ik zoek een opleiding\nin de buurt"  # back in the field
    page.unroute("**/messages")
    page.reload()
    page.locator("#koers-widget #koers-input").wait_for()
    assert page.get_by_label("Typ je bericht").input_value() == "ik zoek een opleiding\nin de buurt"
    assert service.rasa.sent == []  # never reached the service: nothing to answer twice
    # Sent after all: the draft is gone, a reload does not bring it back.
    page.get_by_label("Typ je bericht").press("Enter")
    page.get_by_text("Je zei: ik zoek een opleiding").wait_for()
    page.reload()
    page.get_by_text("Je zei: ik zoek een opleiding").wait_for()
    assert page.get_by_label("Typ je bericht").input_value() == ""
