"""The advice on a phone in a real browser: from opening the widget to a kept advice.

The first advice message fits the screen with the chat scrolled to its start, details are
folded, links open real addresses, the thumbs are stored, "Stuur me dit advies" gives a page
that opens, and restarting asks first.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, text

from assistant.intake.render import AFTER_ADVICE_BUTTONS

from .conftest import ARTIFACTS, PHONE, axe_violations, describe

pytestmark = pytest.mark.browser

W = "#koers-widget"


async def test_from_opening_the_widget_to_a_kept_advice(server, browser, settings):
    ARTIFACTS.mkdir(exist_ok=True)
    # The advice page forbids all scripts (CSP); the test still injects axe-core into it.
    context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL",
                                        bypass_csp=True)
    page = await context.new_page()
    await page.goto(f"{server}/demo")
    await page.locator(f"{W} .launcher").click()
    await page.get_by_role("button", name="Een opleiding kiezen").click()
    await page.get_by_role("button", name="Ja, klopt").click()
    await page.get_by_role("button", name="Stuur me dit advies").wait_for()

    # The three buttons after the advice, with exactly these titles.
    titles = await page.locator(f"{W} .quick__btn").all_inner_texts()
    assert titles == list(AFTER_ADVICE_BUTTONS)

    # The log is scrolled to the advice's first message, which is fully visible: no scrolling needed.
    advice = page.locator(f"{W} .msg--advice")
    assert await advice.count() == 1
    log_box = await page.locator(f"{W} .log").bounding_box()
    box = await advice.bounding_box()
    assert log_box and box
    assert log_box["y"] <= box["y"] <= log_box["y"] + 40
    assert box["y"] + box["height"] <= log_box["y"] + log_box["height"]
    assert "Eerste stap:" in await advice.inner_text()
    await page.screenshot(path=str(ARTIFACTS / "widget-phone-advice.png"))

    # Details are folded: their titles show, their text opens on a tap.
    details = page.locator(f"{W} .msg--detail details")
    assert await details.count() >= 2
    assert not await details.first.get_attribute("open")
    await details.first.locator("summary").click()
    assert await details.first.get_attribute("open") is not None

    # Links are real links to https addresses, opened in a new tab.
    hrefs = await page.locator(f"{W} .msg a").evaluate_all("els => els.map(e => [e.href, e.target])")
    assert ["https://www.werkcentrum.nl/", "_blank"] in hrefs
    assert all(h.startswith("https://") and t == "_blank" for h, t in hrefs)

    # A thumbs up is stored.
    await page.get_by_role("button", name="Ja, nuttig").click()
    await page.get_by_text("Dank je voor je mening.").wait_for()
    with create_engine(settings.database_url).connect() as db:
        assert db.execute(text("select rating from advice_feedback")).scalars().all() == ["up"]

    # Keep the advice: the link opens the printable page.
    await page.get_by_role("button", name="Stuur me dit advies").click()
    link = page.locator(f"{W} a", has_text="Bekijk je advies")
    await link.wait_for()
    href = await link.get_attribute("href")
    assert href and re.search(r"/advies/[A-Za-z0-9_-]{30,}$", href)
    kept = await context.new_page()
    await kept.goto(href)
    assert await kept.locator("h1").inner_text() == "Jouw advies van Koers"
    assert await kept.locator("a", has_text="Download als pdf").count() == 1
    await kept.screenshot(path=str(ARTIFACTS / "advice-page-phone.png"), full_page=True)
    violations = await axe_violations(kept)
    assert not violations, describe(violations)
    pdf = await kept.request.get(f"{href}/advies.pdf")
    assert pdf.ok and (await pdf.body()).startswith(b"%PDF-")

    # Restart asks first; "Nee" keeps the conversation.
    before = await page.locator(f"{W} .msg").count()
    await page.get_by_role("button", name="Opnieuw beginnen").first.click()
    await page.get_by_text("Opnieuw beginnen? Wat je hebt verteld, wordt gewist.").wait_for()
    await page.get_by_role("button", name="Nee, ga door").click()
    assert await page.locator(f"{W} .confirm").is_hidden()
    assert await page.locator(f"{W} .msg").count() == before
    await context.close()
