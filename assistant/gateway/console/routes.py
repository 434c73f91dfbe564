"""Wires the console into the service: the login wall first, then every page and API."""

from __future__ import annotations

from aiohttp import web

from assistant.gateway.console import (
    admin_views,
    advice_api,
    learning_views,
    login,
    queue_views,
    security,
    transcript_views,
)
from assistant.gateway.console.pages import HERE


def setup(app: web.Application) -> None:
    security.install(app)
    login.setup(app)
    advice_api.setup(app)
    queue_views.setup(app)
    transcript_views.setup(app)
    admin_views.setup(app)
    app.router.add_static("/console/static/", HERE / "static", name="console_static")
    learning_views.setup(app)
