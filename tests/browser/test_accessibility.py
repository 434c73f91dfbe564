"""axe-core on every page people and advisers see: 0 violations (WCAG 2.1 A/AA and best practice)."""

from __future__ import annotations

from typing import Any

import pytest

from ..handoff.conftest import PASSWORD
from .conftest import ARTIFACTS, PHONE, axe_violations, describe

pytestmark = pytest.mark.browser


async def check(page: Any, what: str, found: list[str] | None = None) -> None:
    """Assert no violations, or (with ``found``) collect them so one run lists every page's."""
    violations = await axe_violations(page)
    if found is not None:
        found.extend(f"{what}:\n{describe(violations)}" for _ in violations[:1])
        return
    assert not violations, f"{what}:\n{describe(violations)}"


async def test_demo_page_with_the_widget_closed_and_open_and_the_chat_page(server, browser):
    context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL")
    page = await context.new_page()
    await page.goto(f"{server}/demo")
    await page.locator("#koers-widget .launcher").wait_for()
    await check(page, "demo, widget closed")
    await page.locator("#koers-widget .launcher").click()
    await page.get_by_role("button", name="Een opleiding kiezen").wait_for()
    await check(page, "demo, widget open")
    await page.get_by_role("button", name="Een opleiding kiezen").click()
    await page.get_by_role("button", name="Ja, klopt").click()
    await page.get_by_role("button", name="Stuur me dit advies").wait_for()
    await check(page, "demo, widget with the advice")
    await page.get_by_role("button", name="Opnieuw beginnen").first.click()
    await check(page, "demo, restart confirmation")

    chat = await context.new_page()
    await chat.goto(f"{server}/")
    await chat.wait_for_selector("text=Je zei: hoi")
    await check(chat, "chat page")
    await context.close()


async def test_console_pages(server, browser, db_url):
    # The console forbids inline scripts (CSP); the test injects axe-core anyway.
    found: list[str] = []
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", bypass_csp=True)
    page = await context.new_page()
    await page.goto(f"{server}/console/login")
    await check(page, found=found, what="console login")
    await page.fill("#username", "anna")
    await page.fill("#password", PASSWORD)
    await page.click("button[type=submit]")
    await page.wait_for_selector("h1:has-text('Wachtrij')")
    await check(page, found=found, what="console queue, empty")

    person = await context.new_page()
    await person.goto(f"{server}/")
    await person.wait_for_selector("text=Je zei: hoi")
    await person.fill("#input", "ik wil een mens spreken")
    await person.press("#input", "Enter")
    await page.wait_for_selector("a:has-text('Zaak 1')", timeout=20_000)
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "console-queue.png"), full_page=True)
    await check(page, found=found, what="console queue with a case")
    await page.goto(f"{server}/console/queue?status=waiting&sorteer=nieuw")
    await check(page, found=found, what="console queue, filtered")
    await page.click("a:has-text('Zaak 1')")
    await page.wait_for_selector("text=Samenvatting intake")
    await check(page, found=found, what="console case")
    ticket_id = leave_ticket(db_url)
    for path in ("/console/tickets", f"/console/tickets/{ticket_id}", "/console/transcripts", "/console/dashboard",
                 "/console/admin/advisers", "/console/admin/audit"):
        response = await page.goto(f"{server}{path}")
        assert response is not None and (response.ok or "/admin/" in path), f"{path} -> {response and response.status}"
        await check(page, found=found, what=path)
    await page.goto(f"{server}/console/transcripts")
    await page.locator("main a[href^='/console/transcripts/']").first.click()
    await page.wait_for_load_state()
    await check(page, found=found, what="console transcript")
    await page.locator("details.msg__fix summary").first.click()
    await page.locator("details.msg__fix[open] select[name=intent]").wait_for()
    await check(page, found=found, what="console transcript, 'Koers begreep dit niet' open")
    await context.close()
    assert not found, "\n".join(found)


def leave_ticket(db_url: str) -> int:
    """A callback request on the waiting case, as the callback flow stores it."""
    from sqlalchemy import select

    from assistant.gateway.handoff.models import HandoffCase, Ticket
    from assistant.storage.db import make_engine, make_session_factory

    engine = make_engine(db_url)
    try:
        with make_session_factory(engine).begin() as db:
            case = db.execute(select(HandoffCase)).scalars().first()
            ticket = Ticket(conversation_id=case.conversation_id, case_id=case.id, status="open", step="done",
                            kind="callback", consent=True, name="Sanne de Vries", phone="0612345678",
                            preferred_time="dinsdagochtend", retries=0)
            db.add(ticket)
            db.flush()
            return int(ticket.id)
    finally:
        engine.dispose()
