"""GET /api/v1/conversations/{id}/advice: 401 without login, 404 unknown, 200 = koers advise."""

from datetime import date

from sqlalchemy import select

from assistant.advice import build_advice
from assistant.gateway.app import SESSIONS
from assistant.gateway.handoff.models import AuditEntry
from assistant.intake.slots import profile_from_slots
from tests.conftest import chat_auth

from .conftest import login

CID = "web-advice-api-test-01"
SLOTS = {"age": 38, "work_status": "werknemer_vast", "education_level": "mbo2", "employer_size": "mkb",
         "hours_per_week": 32, "sector_interests": ["zorg_welzijn"], "goal": "omscholen",
         "handoff_offered": False, "requested_slot": None}


async def start_conversation(client, fake_rasa):
    fake_rasa.slots[CID] = SLOTS
    await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "hoi"}, headers=chat_auth(client, CID))


async def test_requires_login(client, fake_rasa):
    await start_conversation(client, fake_rasa)
    resp = await client.get(f"/api/v1/conversations/{CID}/advice")
    assert resp.status == 401
    assert "adviseur" in (await resp.json())["error"]


async def test_unknown_conversation_is_404(client, advisers):
    await login(client, "anna")
    resp = await client.get("/api/v1/conversations/web-does-not-exist-123/advice")
    assert resp.status == 404


async def test_same_json_as_koers_advise(client, fake_rasa, advisers):
    await start_conversation(client, fake_rasa)
    await login(client, "anna")
    resp = await client.get(f"/api/v1/conversations/{CID}/advice?date=2025-03-01")
    assert resp.status == 200
    body = await resp.json()
    assert body == build_advice(profile_from_slots(SLOTS), date(2025, 3, 1))
    assert body["peildatum"] == "2025-03-01"
    assert body["profile"]["work_status"] == "werknemer_vast"
    assert "handoff_offered" not in body["profile"]
    # api.md's keys, plus the optional fields build_advice adds (headline, courses, funding, ...).
    assert {"peildatum", "profile", "schemes", "paths", "next_steps"} <= set(body)


async def test_known_to_rasa_only(client, fake_rasa, advisers):
    """A conversation driven over Rasa's REST channel directly has a tracker but no transcript."""
    fake_rasa.slots["rest-only-sender-1"] = {"age": 50}
    await login(client, "anna")
    resp = await client.get("/api/v1/conversations/rest-only-sender-1/advice")
    # The fake tracker has no user events: unknown.
    assert resp.status == 404


async def test_bad_date_and_audit(client, app, fake_rasa, advisers):
    await start_conversation(client, fake_rasa)
    await login(client, "anna")
    assert (await client.get(f"/api/v1/conversations/{CID}/advice?date=1-3-2025")).status == 400
    assert (await client.get(f"/api/v1/conversations/{CID}/advice")).status == 200
    with app[SESSIONS]() as db:
        entry = db.execute(select(AuditEntry).where(AuditEntry.action == "view_advice")).scalars().one()
    assert entry.conversation_id == CID and entry.username == "anna"


async def test_rasa_down_is_503(client, fake_rasa, advisers):
    await start_conversation(client, fake_rasa)
    await login(client, "anna")

    async def down(_sender):
        from assistant.gateway.rasa_client import RasaUnavailable

        raise RasaUnavailable("down")

    fake_rasa.tracker = down
    resp = await client.get(f"/api/v1/conversations/{CID}/advice")
    assert resp.status == 503
