"""Rasa's /status through the real RasaClient (a loopback stand-in for Rasa) and its cache."""

from __future__ import annotations

import pytest
from aiohttp import web

from assistant.gateway.model_version import ModelVersions
from assistant.gateway.rasa_client import RasaClient
from assistant.storage.db import make_engine, make_session_factory
from assistant.storage.models import Conversation


async def fake_rasa_server(aiohttp_server, state: dict[str, str]):
    async def status(request: web.Request) -> web.Response:
        if request.query.get("token") != "geheim":
            return web.json_response({"message": "User is not authenticated."}, status=401)
        return web.json_response({"model_file": "koers.tar.gz", "model_id": state["model_id"],
                                  "num_active_training_jobs": 0})

    async def load(request: web.Request) -> web.Response:
        if request.query.get("token") != "geheim":
            return web.json_response({"message": "User is not authenticated."}, status=401)
        state["model_id"] = "loaded:" + (await request.json())["model_file"]
        return web.Response(status=204)

    app = web.Application()
    app.router.add_get("/status", status)
    app.router.add_put("/model", load)
    return await aiohttp_server(app)


async def test_status_uses_the_token_and_the_cache_follows_a_model_swap(aiohttp_server, db_url):
    state = {"model_id": "aaa111"}
    server = await fake_rasa_server(aiohttp_server, state)
    sessions = make_session_factory(make_engine(db_url))
    with sessions.begin() as db:
        db.add(Conversation(id="web-status-000001", channel="web"))
    now = [0.0]
    good = RasaClient(str(server.make_url("")), token="geheim")
    versions = ModelVersions(sessions, good, ttl_s=10.0, clock=lambda: now[0])
    try:
        await versions.on_reply("web-status-000001", [])
        state["model_id"] = "bbb222"
        now[0] = 5.0
        assert (await versions.running()).model_id == "aaa111"  # still cached
        with sessions() as db:
            assert db.get(Conversation, "web-status-000001").model_id == "aaa111"
        now[0] = 11.0
        await versions.on_reply("web-status-000001", [])
        with sessions() as db:
            assert db.get(Conversation, "web-status-000001").model_id == "bbb222"
    finally:
        await good.close()

    wrong = RasaClient(str(server.make_url("")), token="fout")
    try:
        assert await ModelVersions(sessions, wrong).running() is None  # refused: unknown, not a crash
    finally:
        await wrong.close()


async def test_load_model_puts_the_path_with_the_token(aiohttp_server):
    from assistant.gateway.rasa_client import RasaUnavailable

    state = {"model_id": "aaa111"}
    server = await fake_rasa_server(aiohttp_server, state)
    good, wrong = RasaClient(str(server.make_url("")), "geheim"), RasaClient(str(server.make_url("")), "fout")
    try:
        await good.load_model("/srv/koers/models/koers.tar.gz")
        assert (await good.status())["model_id"] == "loaded:/srv/koers/models/koers.tar.gz"
        with pytest.raises(RasaUnavailable):
            await wrong.load_model("/elders.tar.gz")
        assert state["model_id"] == "loaded:/srv/koers/models/koers.tar.gz"
    finally:
        await good.close()
        await wrong.close()
