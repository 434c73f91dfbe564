"""Real browser (Debian's chromium via Playwright): the adviser logs in to the console, picks up a
waiting person from the live queue, replies, sees the person's answer arrive live, and hands back.

Runs the Koers service in-process on a free loopback port with a fake Rasa, so it is fast and does
not depend on the trained model; the person uses the real chat page in a second browser context.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp import web

from assistant.gateway.app import SESSIONS, create_app
from assistant.gateway.handoff import service as handoff_service
from assistant.gateway.handoff.auth import INVALID_LOGIN, create_adviser
from assistant.gateway.handoff.web import HANDOFF
from assistant.runner import free_port

from .conftest import OPEN_TIME, PASSWORD, handoff_replies

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_MS = 20_000


@pytest.fixture
async def server(settings, fake_rasa):
    app = create_app(settings, rasa=fake_rasa)
    app[HANDOFF].now = lambda: OPEN_TIME  # a Monday morning: the loket is open
    create_adviser(app[SESSIONS], "anna", PASSWORD)
    fake_rasa.replies["ik wil een mens spreken"] = handoff_replies()
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def test_console_login_and_live_reply(server):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium (.ci/run does this).")
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            adviser_ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
            adviser = await adviser_ctx.new_page()
            # Not logged in: the console sends the adviser to the login page.
            await adviser.goto(f"{server}/console/queue")
            assert "/console/login" in adviser.url
            await adviser.fill("#username", "anna")
            await adviser.fill("#password", "niet mijn wachtwoord")
            await adviser.click("button[type=submit]")
            await adviser.wait_for_selector(f"text={INVALID_LOGIN.split('.')[0]}")
            await adviser.fill("#password", PASSWORD)
            await adviser.click("button[type=submit]")
            await adviser.wait_for_selector("h1:has-text('Wachtrij')")
            await adviser.wait_for_selector("text=Niemand wacht op dit moment.")

            person_ctx = await browser.new_context(viewport={"width": 390, "height": 800})
            person = await person_ctx.new_page()
            await person.goto(f"{server}/")
            await person.wait_for_selector("text=Je zei: hoi", timeout=WAIT_MS)
            await person.fill("#input", "ik wil een mens spreken")
            await person.press("#input", "Enter")
            await person.wait_for_selector(f"text={handoff_service.WAITING}", timeout=WAIT_MS)

            # The queue refreshes by itself; the case shows the intake summary.
            await adviser.wait_for_selector("a:has-text('Zaak 1')", timeout=WAIT_MS)
            await adviser.click("a:has-text('Zaak 1')")
            await adviser.wait_for_selector("text=Samenvatting intake")
            summary = await adviser.inner_text("aside .summary")
            assert "Werk" in summary and "in loondienst, flexibel contract" in summary and "Utrecht" in summary

            await adviser.fill("#reply", "Hoi, ik ben Anna van het Leerwerkloket. Hoe kan ik helpen?")
            await adviser.click("#send")
            await adviser.wait_for_selector("#feedback:has-text('Verstuurd.')", timeout=WAIT_MS)
            # The person receives it on the chat page without doing anything.
            await person.wait_for_selector("text=Hoi, ik ben Anna van het Leerwerkloket.", timeout=WAIT_MS)
            assert await person.locator(".msg--adviser").count() == 1

            # The person answers; the bot stays silent and the adviser sees it live.
            bot_before = await person.locator(".msg--bot").count()
            await person.fill("#input", "Ik wil graag weten of ik een opleiding betaald kan krijgen")
            await person.press("#input", "Enter")
            await adviser.wait_for_selector("text=Ik wil graag weten of ik een opleiding betaald kan krijgen",
                                            timeout=WAIT_MS)
            assert await person.locator(".msg--bot").count() == bot_before

            Path(ROOT / "artifacts").mkdir(exist_ok=True)
            await adviser.screenshot(path=str(ROOT / "artifacts" / "console-live-chat.png"), full_page=True)

            await adviser.click("#handback")
            await adviser.wait_for_selector("#case-status:has-text('terug bij Koers')", timeout=WAIT_MS)
            await person.wait_for_selector(f"text={handoff_service.HANDED_BACK}", timeout=WAIT_MS)
            await person.screenshot(path=str(ROOT / "artifacts" / "console-person-side.png"), full_page=True)
            assert await adviser.is_disabled("#send")
        finally:
            await browser.close()
