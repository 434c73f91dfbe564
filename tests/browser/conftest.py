"""Browser fixtures: the Koers service with a fake Rasa on loopback, Debian's chromium, axe-core.

axe-core comes from npm (``npm ci`` in this folder; ``.ci/run`` does it). No browser is
downloaded: Playwright drives /usr/bin/chromium.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from assistant.advice import build_advice
from assistant.gateway.app import SESSIONS, create_app
from assistant.gateway.handoff.auth import create_adviser
from assistant.gateway.handoff.web import HANDOFF
from assistant.gateway.rasa_client import BotMessage, Button
from assistant.intake.render import render_advice
from assistant.runner import free_port

from ..conftest import FakeRasa
from ..handoff.conftest import OPEN_TIME, PASSWORD, handoff_replies

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARTIFACTS = ROOT / "artifacts"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
PROFILE = {"age": 52, "education_level": "mbo3", "work_status": "werknemer_vast", "employer_size": "mkb",
           "current_sector": "zorg_welzijn", "goal": "bijscholen", "municipality": "Zwolle"}


class AdviceRasa(FakeRasa):
    """A fake Rasa whose every conversation has a finished intake (for the advice document)."""

    async def tracker(self, sender: str) -> dict[str, Any] | None:
        return {"sender_id": sender, "slots": {**PROFILE, "koers_state": {"phase": "advice"}}, "events": []}


def advice_messages() -> list[BotMessage]:
    out = []
    for m in render_advice(build_advice(PROFILE, date.today())):
        buttons = tuple(Button(b["title"], b["payload"]) for b in m.get("buttons", []))
        out.append(BotMessage(text=m["text"], buttons=buttons, custom=m.get("custom")))
    return out


@pytest.fixture
def rasa() -> AdviceRasa:
    r = AdviceRasa()
    r.intent_replies["greet"] = [
        BotMessage(text="Hoi! Ik ben Koers, de digitale assistent. Ik help je met leren en werken."),
        # Buttons send their own title, as the bot's do (typed "/..." is only text).
        BotMessage(text="Wat wil je het liefst?", buttons=(Button("Een opleiding kiezen", "Een opleiding kiezen"),
                                                          Button("Geld voor leren", "Geld voor leren"))),
    ]
    r.replies["Een opleiding kiezen"] = [BotMessage(text="Dit heb ik begrepen: je werkt in de zorg. Klopt dit?",
                                                    buttons=(Button("Ja, klopt", "Ja, klopt"), Button("Nee", "Nee")))]
    r.replies["Ja, klopt"] = advice_messages()
    r.replies["Stuur me dit advies"] = [BotMessage(custom={"advice_document": "requested"})]
    r.replies["ik wil een mens spreken"] = handoff_replies()
    return r


@pytest.fixture
async def server(settings: Any, rasa: AdviceRasa) -> AsyncIterator[str]:
    port = free_port()
    # Links the service hands out (the advice document) must point at this test server.
    settings = dataclasses.replace(settings, public_url=f"http://127.0.0.1:{port}")
    app = create_app(settings, rasa=rasa)  # type: ignore[arg-type]
    app[HANDOFF].now = lambda: OPEN_TIME  # a Monday morning: the loket is open
    create_adviser(app[SESSIONS], "anna", PASSWORD, "admin")
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer het Debian-pakket 'chromium' (.ci/run doet dit).")
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            await b.close()


async def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (open shadow roots included)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} ontbreekt: draai 'npm ci' in tests/browser (.ci/run doet dit).")
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate("async () => JSON.stringify((await axe.run(document)).violations)")
    violations: list[dict[str, Any]] = json.loads(result)
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} -> "
                     + "; ".join(str(n["target"]) for n in v["nodes"][:4]) for v in violations)
