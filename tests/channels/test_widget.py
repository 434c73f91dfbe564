"""Widget delivery: script, styles, /demo page, public loket config, CORS and rate limits."""

from __future__ import annotations

import dataclasses

from assistant.gateway.app import create_app
from assistant.gateway.channels.common import RATE_LIMITED
from assistant.gateway.channels.web import CHAT_LIMITER, accessible_colors, contrast_ratio
from tests.conftest import chat_auth

from .conftest import FrozenClock


async def test_widget_script_and_styles_are_served(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    js = await client.get("/widget.js")
    assert js.status == 200
    assert js.headers["Content-Type"].startswith("application/javascript")
    assert "max-age" in js.headers["Cache-Control"]
    source = await js.text()
    assert "data-loket" in source and "/api/v1/chat" in source and "localStorage" in source
    assert ".innerHTML" not in source and "insertAdjacentHTML" not in source  # bot text is never parsed as HTML
    css = await client.get("/widget.css")
    assert css.status == 200 and css.headers["Content-Type"].startswith("text/css")


async def test_demo_page_embeds_the_one_line_snippet(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    resp = await client.get("/demo")
    assert resp.status == 200
    page = await resp.text()
    assert '<html lang="nl">' in page
    assert '<script src="/widget.js" data-loket="demo" defer></script>' in page
    assert f"&lt;script src=&quot;{settings.public_url}/widget.js&quot; data-loket=&quot;demo&quot;" in page
    assert "Werkcentrum Demo" in page
    # An unknown loket in the query falls back to the default, never echoes the input.
    page = await (await client.get("/demo", params={"loket": '"><script>x</script>'})).text()
    assert "<script>x</script>" not in page and 'data-loket="demo"' in page


async def test_public_loket_config(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    resp = await client.get("/api/v1/lokets/demo")
    assert resp.status == 200
    body = await resp.json()
    assert body == {
        "id": "demo", "name": "Werkcentrum Demo",
        "greeting": "Welkom bij het Leerwerkloket. Ik ben Koers, de digitale assistent.",
        "colors": {"primary": "#0b5cad", "text_on_primary": "#ffffff"},
        "website": "https://www.lerenenwerken.nl",
    }
    missing = await client.get("/api/v1/lokets/bestaat-niet")
    assert missing.status == 404
    assert (await missing.json())["error"] == "Dit loket bestaat niet."


def test_loket_colours_are_corrected_to_wcag_contrast():
    assert contrast_ratio("#ffffff", "#000000") == 21.0
    assert accessible_colors({"primary": "#0b5cad", "text_on_primary": "#ffffff"})["text_on_primary"] == "#ffffff"
    # Yellow with white text is unreadable (1.07:1): black is chosen instead.
    fixed = accessible_colors({"primary": "#ffeb3b", "text_on_primary": "#ffffff"})
    assert fixed["text_on_primary"] == "#000000"
    assert contrast_ratio(fixed["primary"], fixed["text_on_primary"]) >= 4.5
    assert accessible_colors({"primary": "red; background: url(x)"})["primary"] == "#0b5cad"


async def test_cors_lets_a_loket_website_use_the_chat_api(aiohttp_client, settings, fake_rasa):
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    site = "https://www.lerenenwerken.nl"  # the demo loket's configured origin
    origin = {"Origin": site}
    pre = await client.options("/api/v1/chat/web-abcdefgh12/messages", headers={
        **origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert pre.status == 204
    assert pre.headers["Access-Control-Allow-Origin"] == site and pre.headers["Vary"] == "Origin"
    assert "POST" in pre.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in pre.headers["Access-Control-Allow-Headers"]
    assert "Authorization" in pre.headers["Access-Control-Allow-Headers"]  # the conversation's token
    created = await client.post("/api/v1/chat", headers=origin)
    assert created.headers["Access-Control-Allow-Origin"] == site
    bad = await client.post("/api/v1/chat/x/messages", json={"text": "hoi"}, headers=origin)
    assert bad.status == 404 and bad.headers["Access-Control-Allow-Origin"] == site
    # Other routes get no CORS headers.
    assert "Access-Control-Allow-Origin" not in (await client.get("/health", headers=origin)).headers


async def test_cors_can_be_extended_with_configured_sites(aiohttp_client, settings, fake_rasa):
    allowed = "https://www.leerwerkloket-voorbeeld.nl"
    settings = dataclasses.replace(settings, extra={"KOERS_WIDGET_ORIGINS": allowed})
    client = await aiohttp_client(create_app(settings, rasa=fake_rasa))
    ok = await client.get("/api/v1/lokets/demo", headers={"Origin": allowed})
    assert ok.headers["Access-Control-Allow-Origin"] == allowed and ok.headers["Vary"] == "Origin"
    other = await client.get("/api/v1/lokets/demo", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    pre = await client.options("/api/v1/chat", headers={"Origin": "https://evil.example",
                                                        "Access-Control-Request-Method": "POST"})
    assert pre.status == 403


async def test_web_chat_is_rate_limited_per_conversation(aiohttp_client, settings, fake_rasa):
    app = create_app(settings, rasa=fake_rasa)
    app[CHAT_LIMITER].clock = FrozenClock()
    client = await aiohttp_client(app)
    auth_2 = chat_auth(client, "web-ratelimit-test-2")
    cid = "web-ratelimit-test-1"
    auth = chat_auth(client, cid)
    capacity = int(app[CHAT_LIMITER].capacity)
    statuses = [(await client.post(f"/api/v1/chat/{cid}/messages", json={"text": f"hoi {i}"}, headers=auth)).status
                for i in range(capacity + 2)]
    assert statuses == [200] * capacity + [429, 429]
    refused = await client.post(f"/api/v1/chat/{cid}/messages", json={"text": "nog een"}, headers=auth)
    assert (await refused.json())["error"] == RATE_LIMITED
    assert len(fake_rasa.sent) == capacity  # refused messages never reach Rasa
    other = await client.post("/api/v1/chat/web-ratelimit-test-2/messages", json={"text": "hoi"}, headers=auth_2)
    assert other.status == 200
