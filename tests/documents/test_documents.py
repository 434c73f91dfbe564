"""'Stuur me dit advies': the bot's signal, the secret expiring link, the page, the PDF, feedback."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from assistant.gateway.app import SESSIONS, create_app
from assistant.gateway.channels.render import render_telegram, render_whatsapp
from assistant.gateway.documents.models import AdviceDocument, AdviceFeedback
from assistant.gateway.documents.service import feedback_counts, token_hash
from assistant.gateway.documents.web import DOCUMENTS
from assistant.gateway.rasa_client import BotMessage
from assistant.privacy.retention import delete_conversation_data
from assistant.storage.models import Message
from tests.conftest import chat_auth

CID = "web-documenttest-0001"
SLOTS = {"age": 52, "education_level": "mbo3", "work_status": "werknemer_vast", "employer_size": "mkb",
         "current_sector": "zorg_welzijn", "goal": "bijscholen", "municipality": "Zwolle",
         "koers_state": {"phase": "advice"}}
ASK = "Stuur me dit advies"
LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")


@pytest.fixture
def app(settings, fake_rasa):
    fake_rasa.slots[CID] = dict(SLOTS)
    fake_rasa.replies[ASK] = [BotMessage(text="Ik zet je advies klaar."),
                              BotMessage(custom={"advice_document": "requested"})]
    fake_rasa.replies["mail"] = [BotMessage(custom={"advice_document": "requested", "email": "jan@example.nl"})]
    return create_app(settings, rasa=fake_rasa)


@pytest.fixture
async def client(aiohttp_client, app):
    return await aiohttp_client(app)


async def ask(client) -> dict[str, str]:
    resp = await client.post(f"/api/v1/chat/{CID}/messages", json={"text": ASK}, headers=chat_auth(client, CID))
    assert resp.status == 200
    texts = [m.get("text") or "" for m in (await resp.json())["messages"]]
    links = {label: url for t in texts for label, url in LINK.findall(t)}
    return links


def local(url: str) -> str:
    return "/" + url.split("/", 3)[3]


async def test_the_request_answers_with_a_page_and_a_pdf_behind_a_secret_link(client, app):
    links = await ask(client)
    page, pdf = links["Bekijk je advies"], links["Download de pdf"]
    token = page.rsplit("/", 1)[1]
    assert len(token) >= 30 and pdf == f"{page}/advies.pdf"
    with app[SESSIONS]() as db:
        row = db.execute(select(AdviceDocument)).scalar_one()
        # Only the hash of the token is stored, with the profile from the tracker slots.
        assert row.token_hash == token_hash(token) and token not in row.token_hash
        assert row.profile["municipality"] == "Zwolle" and row.email is None

    resp = await client.get(local(page))
    assert resp.status == 200
    body = await resp.text()
    assert "Jouw advies van Koers" in body and "Verpleegkundige" in body and "Zwolle" in body
    assert 'href="https://www.werkcentrum.nl"' in body and 'href="https://www.leeroverzicht.nl"' in body
    assert resp.headers["Referrer-Policy"] == "no-referrer" and "no-store" in resp.headers["Cache-Control"]

    resp = await client.get(local(pdf))
    assert resp.status == 200 and resp.content_type == "application/pdf"
    data = await resp.read()
    assert data.startswith(b"%PDF-") and b"/URI (https://www.werkcentrum.nl)" in data


async def test_each_request_gets_its_own_token_and_wrong_tokens_get_nothing(client):
    first, second = await ask(client), await ask(client)
    assert first["Bekijk je advies"] != second["Bekijk je advies"]
    for path in ("/advies/" + "A" * 32, "/advies/kort", "/advies/" + "A" * 32 + "/advies.pdf"):
        resp = await client.get(path)
        assert resp.status == 404 and "Link verlopen" in await resp.text()


async def test_the_link_expires(client, app):
    links = await ask(client)
    token = links["Bekijk je advies"].rsplit("/", 1)[1]
    docs = app[DOCUMENTS]
    assert docs.lookup(token) is not None
    later = datetime.now(timezone.utc) + timedelta(days=docs.days, minutes=1)
    assert docs.lookup(token, now=later) is None
    with app[SESSIONS].begin() as db:
        db.execute(select(AdviceDocument)).scalar_one().expires_at = datetime.now(timezone.utc) - timedelta(seconds=1)
    assert (await client.get(local(links["Bekijk je advies"]))).status == 404


async def test_no_advice_yet_means_no_link(client, fake_rasa):
    fake_rasa.slots[CID] = {"age": 30}
    assert await ask(client) == {}
    resp = await client.get(f"/api/v1/chat/{CID}/messages", headers=chat_auth(client, CID))
    assert any("Beantwoord eerst de vragen" in (m["text"] or "") for m in (await resp.json())["messages"])


async def test_the_email_address_is_kept_on_the_request_only(client, app, fake_rasa):
    fake_rasa.slots[CID] = dict(SLOTS)
    resp = await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "mail"}, headers=chat_auth(client, CID))
    assert resp.status == 200
    with app[SESSIONS]() as db:
        assert db.execute(select(AdviceDocument)).scalar_one().email == "jan@example.nl"
        stored = " ".join(str(m.payload) + str(m.text) for m in db.execute(select(Message)).scalars())
    assert "jan@example.nl" not in stored


async def test_verwijder_mijn_gegevens_deletes_documents_and_feedback(client, app):
    auth = chat_auth(client, CID)
    await ask(client)
    assert (await client.post(f"/api/v1/chat/{CID}/feedback", json={"rating": "up"}, headers=auth)).status == 200
    delete_conversation_data(app[SESSIONS], CID)
    with app[SESSIONS]() as db:
        assert db.execute(select(AdviceDocument)).first() is None
        assert db.execute(select(AdviceFeedback)).first() is None


async def test_feedback_is_stored_and_counted(client, app):
    auth = chat_auth(client, CID)
    await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "hoi"}, headers=auth)
    for rating in ("up", "up", "down"):
        assert (await client.post(f"/api/v1/chat/{CID}/feedback", json={"rating": rating}, headers=auth)).status == 200
    assert (await client.post(f"/api/v1/chat/{CID}/feedback", json={"rating": "meh"}, headers=auth)).status == 400
    # An id nobody created is not found, even with a token (another conversation's).
    unknown = await client.post("/api/v1/chat/web-onbekend-000001/feedback", json={"rating": "up"}, headers=auth)
    assert unknown.status == 404
    assert feedback_counts(app[SESSIONS]) == {"up": 2, "down": 1}


async def test_the_widget_start_greets_once(client, fake_rasa):
    auth = chat_auth(client, CID)
    auth_2 = chat_auth(client, "web-documenttest-0002")
    resp = await client.post(f"/api/v1/chat/{CID}/start", json={}, headers=auth)
    assert [m["text"] for m in (await resp.json())["messages"]] == ["intent greet"]
    again = await client.post(f"/api/v1/chat/{CID}/start", json={}, headers=auth)
    assert (await again.json())["messages"] == []
    fake_rasa.up = False
    other = await client.post("/api/v1/chat/web-documenttest-0002/start", json={}, headers=auth_2)
    assert other.status == 200 and (await other.json())["messages"] == []


def test_whatsapp_and_telegram_send_the_pdf_as_a_file_and_keep_the_link():
    message = BotMessage(text="[Download de pdf](https://koers.example/advies/abc/advies.pdf)",
                         custom={"document": {"url": "https://koers.example/advies/abc/advies.pdf",
                                              "filename": "advies-koers.pdf"}})
    wa = render_whatsapp([message]).bodies
    assert wa[0] == {"type": "document", "document": {"link": "https://koers.example/advies/abc/advies.pdf",
                                                      "filename": "advies-koers.pdf"}}
    assert "https://koers.example/advies/abc/advies.pdf" in wa[1]["text"]["body"]
    tg = render_telegram([message]).bodies
    assert tg[0] == {"method": "sendDocument", "document": "https://koers.example/advies/abc/advies.pdf"}
    assert 'href="https://koers.example/advies/abc/advies.pdf"' in tg[1]["text"]


async def test_the_dashboard_shows_the_thumbs(client, app):
    from assistant.gateway.handoff.auth import create_adviser

    from ..handoff.conftest import PASSWORD, login

    await client.post(f"/api/v1/chat/{CID}/messages", json={"text": "hoi"}, headers=chat_auth(client, CID))
    for rating in ("up", "down", "down"):
        await client.post(f"/api/v1/chat/{CID}/feedback", json={"rating": rating}, headers=chat_auth(client, CID))
    create_adviser(app[SESSIONS], "anna", PASSWORD, "adviser")
    await login(client, "anna")
    body = await (await client.get("/console/dashboard")).text()
    assert re.search(r'id="kpi-feedback-up">1</strong> vond het advies nuttig', body)
    assert re.search(r'id="kpi-feedback-down">2</strong> vond het advies niet nuttig', body)
