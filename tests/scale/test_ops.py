"""/livez, /readyz and /metrics of the Koers service."""

from __future__ import annotations

import dataclasses
import re

import pytest

from assistant.gateway.app import SERVICE, create_app
from assistant.gateway.rasa_client import BotMessage
from tests.scale.servers import free_port


def sample(text: str, name: str, labels: str = "") -> float:
    """The value of one sample in Prometheus text format (0 when absent)."""
    pattern = rf"^{re.escape(name)}{re.escape(labels)} ([0-9.e+-]+)$"
    match = re.search(pattern, text, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


@pytest.fixture
async def client(aiohttp_client, settings, fake_rasa):
    return await aiohttp_client(create_app(settings, rasa=fake_rasa))


async def test_livez_needs_nothing_but_the_process(client, fake_rasa) -> None:
    fake_rasa.up = False
    resp = await client.get("/livez")
    assert resp.status == 200 and (await resp.json())["status"] == "ok"


async def test_readyz_reports_each_dependency(client, fake_rasa) -> None:
    resp = await client.get("/readyz")
    body = await resp.json()
    assert resp.status == 200, body
    assert body["components"] == {"database": "ok", "rasa": "ok", "action_server": "ok"}  # no Redis configured
    fake_rasa.up = False
    resp = await client.get("/readyz")
    body = await resp.json()
    assert resp.status == 503 and body["down"] == ["action_server", "rasa"]
    assert body["components"]["database"] == "ok"


async def test_readyz_with_redis_configured(aiohttp_client, settings, fake_rasa, redis, monkeypatch) -> None:
    monkeypatch.setenv("KOERS_SECRET_KEY", "ops-test-secret-key-ops-test-secret")
    up = dataclasses.replace(settings, redis_url=redis.url, mode="production")
    resp = await (await aiohttp_client(create_app(up, rasa=fake_rasa))).get("/readyz")
    assert resp.status == 200 and (await resp.json())["components"]["redis"] == "ok"
    down = dataclasses.replace(settings, redis_url=f"redis://127.0.0.1:{free_port()}/0", mode="production")
    resp = await (await aiohttp_client(create_app(down, rasa=fake_rasa))).get("/readyz")
    body = await resp.json()
    assert resp.status == 503 and body["down"] == ["redis"]


async def test_readyz_when_the_database_is_gone(aiohttp_client, settings, fake_rasa, tmp_path) -> None:
    broken = dataclasses.replace(settings, database_url=f"sqlite:///{tmp_path}/no/such/dir/x.db")
    app = create_app(broken, rasa=fake_rasa)
    (tmp_path / "no" / "such" / "dir").rmdir()  # make_engine created it; now it cannot open the file
    resp = await (await aiohttp_client(app)).get("/readyz")
    body = await resp.json()
    assert resp.status == 503 and body["down"] == ["database"]


async def test_metrics_count_turns_rasa_errors_kept_messages_and_handoffs(client, fake_rasa) -> None:
    service = client.app[SERVICE]
    before = await (await client.get("/metrics")).text()
    assert "koers_turn_seconds" in before
    await service.handle_user_message("web-metrics-1", "hoi", channel="web")
    await service.handle_user_message("web-metrics-1", "nog een vraag", channel="whatsapp")
    fake_rasa.up = False
    await service.handle_user_message("web-metrics-1", "ben je er", channel="web")
    assert await service.retry_pending() == 0  # still down: counted as a retry error
    fake_rasa.up = True
    fake_rasa.replies["ik wil een mens"] = [BotMessage(text="Ik zoek een adviseur."),
                                            BotMessage(custom={"handoff": "requested", "summary": {}})]
    await service.handle_user_message("web-metrics-2", "ik wil een mens", channel="web")
    resp = await client.get("/metrics")
    assert resp.status == 200 and resp.headers["Content-Type"].startswith("text/plain")
    text = await resp.text()
    assert sample(text, "koers_turn_seconds_count", '{channel="web"}') == 3
    assert sample(text, "koers_turn_seconds_count", '{channel="whatsapp"}') == 1
    assert sample(text, "koers_rasa_errors_total", '{stage="turn"}') == 1
    assert sample(text, "koers_rasa_errors_total", '{stage="retry"}') == 1
    assert sample(text, "koers_messages_kept_total") == 1
    assert sample(text, "koers_handoffs_total") == 1
    assert sample(text, "koers_turn_seconds_sum", '{channel="web"}') > 0


async def test_metrics_need_the_token_when_one_is_set(aiohttp_client, settings, fake_rasa) -> None:
    secured = dataclasses.replace(settings, extra={**settings.extra, "KOERS_METRICS_TOKEN": "scrape-me"})
    client = await aiohttp_client(create_app(secured, rasa=fake_rasa))
    assert (await client.get("/metrics")).status == 403
    assert (await client.get("/metrics", headers={"Authorization": "Bearer wrong"})).status == 403
    assert (await client.get("/metrics", headers={"Authorization": "Bearer scrape-me"})).status == 200
