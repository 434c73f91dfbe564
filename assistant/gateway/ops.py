"""Operations endpoints: ``/livez``, ``/readyz`` and ``/metrics`` (Prometheus text format).

- ``/livez``: the process answers. No dependencies, so an orchestrator restarts only a hung
  process, not one whose database is briefly away.
- ``/readyz``: the database, Redis (when configured), Rasa and the action server answer; a
  load balancer sends traffic only to a ready replica. 503 with the parts that are down.
- ``/metrics``: with ``KOERS_METRICS_TOKEN`` set it needs ``Authorization: Bearer <token>``,
  otherwise it answers only on loopback.

Each app has its own Prometheus registry: several apps in one process (tests) do not clash.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging
import os

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from assistant import __version__
from assistant.gateway.app import ENGINE, RASA, SERVICE, SETTINGS, SHARED
from assistant.gateway.console.security import allow_public
from assistant.gateway.conversation import ConversationEvent

log = logging.getLogger(__name__)

# A turn through Rasa takes tens of milliseconds to seconds; a kept message returns at once.
TURN_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class Metrics:
    """The counters operators watch; implements the service's ``TurnObserver``."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.turns = Histogram("koers_turn_seconds", "Time to answer one user message (service, Rasa, actions).",
                               ["channel"], buckets=TURN_BUCKETS, registry=self.registry)
        self.rasa_errors = Counter("koers_rasa_errors", "Rasa could not be reached or answered with an error.",
                                   ["stage"], registry=self.registry)
        self.kept = Counter("koers_messages_kept", "User messages kept for a later answer because Rasa was down.",
                            registry=self.registry)
        self.handoffs = Counter("koers_handoffs", "Conversations handed to an adviser (handoff requested).",
                                registry=self.registry)

    # TurnObserver
    def turn_done(self, channel: str, seconds: float) -> None:
        self.turns.labels(channel=channel).observe(seconds)

    def rasa_error(self, stage: str) -> None:
        self.rasa_errors.labels(stage=stage).inc()

    def message_kept(self) -> None:
        self.kept.inc()

    async def on_event(self, event: ConversationEvent) -> None:
        if event.kind == "status" and (event.payload or {}).get("status") == "handoff_requested":
            self.handoffs.inc()


METRICS = web.AppKey("ops.metrics", Metrics)


async def livez(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "version": __version__})


def _database_ok(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception as exc:  # any database error means "not ready"
        log.warning("readiness: database down", extra={"error": str(exc)})
        return False


async def readyz(request: web.Request) -> web.Response:
    app = request.app
    rasa = app[RASA]
    action_url = f"{app[SETTINGS].action_server_url}/health"
    # All checks at once; the database check runs in a thread, off the event loop.
    checks: dict[str, asyncio.Future[bool]] = {
        "database": asyncio.ensure_future(asyncio.to_thread(_database_ok, app[ENGINE])),
        "rasa": asyncio.ensure_future(rasa.is_up()),
        "action_server": asyncio.ensure_future(rasa.is_up(action_url)),
    }
    if app[SHARED].kind != "memory":
        checks["redis"] = asyncio.ensure_future(app[SHARED].ping())
    await asyncio.gather(*checks.values(), return_exceptions=True)
    components = {name: "ok" if not f.exception() and f.result() else "down" for name, f in checks.items()}
    down = sorted(k for k, v in components.items() if v != "ok")
    body: dict[str, object] = {"status": "ok" if not down else "unavailable", "components": components}
    if down:
        body["down"] = down
    return web.json_response(body, status=200 if not down else 503)


def _metrics_allowed(request: web.Request) -> bool:
    token = os.environ.get("KOERS_METRICS_TOKEN", "") or request.app[SETTINGS].extra.get("KOERS_METRICS_TOKEN", "")
    if token:
        given = request.headers.get("Authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    try:
        return ipaddress.ip_address(request.remote or "").is_loopback
    except ValueError:
        return False


async def metrics(request: web.Request) -> web.Response:
    if not _metrics_allowed(request):
        return web.json_response({"error": "Niet toegestaan."}, status=403)
    body = generate_latest(request.app[METRICS].registry)
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def setup(app: web.Application) -> None:
    observer = Metrics()
    app[METRICS] = observer
    service = app[SERVICE]
    service.observer = observer
    service.subscribe(observer.on_event)
    for path in ("/livez", "/readyz", "/metrics"):
        allow_public(app, path)
    app.router.add_get("/livez", livez)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
