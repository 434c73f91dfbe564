"""Wires the handoff lifecycle into the service: the manager on the conversation hooks, erasure.

The console that shows and drives it is ``assistant.gateway.console``; its views reach the
manager through ``app[HANDOFF]``.
"""

from __future__ import annotations

from aiohttp import web

from assistant.gateway import erasure
from assistant.gateway.app import RASA, SERVICE, SESSIONS, SHARED
from assistant.gateway.handoff.service import HandoffManager

HANDOFF = web.AppKey("handoff", HandoffManager)


def setup(app: web.Application) -> None:
    manager = HandoffManager(app[SESSIONS], app[SERVICE], app[RASA], updates=app[SHARED].updates)
    manager.install()
    erasure.install(app[SERVICE])
    app[HANDOFF] = manager
