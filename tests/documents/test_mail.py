"""The advice by e-mail, against a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

import email
from email.message import Message as EmailMessage
from typing import Any

import pytest
from sqlalchemy import select

from assistant.gateway.app import SESSIONS, create_app
from assistant.gateway.documents.models import AdviceDocument
from assistant.gateway.rasa_client import BotMessage
from assistant.runner import free_port
from assistant.storage.models import Message
from tests.conftest import chat_auth

from .test_documents import CID, SLOTS

ADDRESS = "jan.jansen@example.nl"


class Inbox:
    def __init__(self) -> None:
        self.mails: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # the name aiosmtpd calls
        self.mails.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch):
    from aiosmtpd.controller import Controller

    box = Inbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("KOERS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("KOERS_SMTP_PORT", str(port))
    monkeypatch.setenv("KOERS_SMTP_STARTTLS", "false")
    monkeypatch.setenv("KOERS_SMTP_FROM", "koers@leerwerkloket.example")
    try:
        yield box
    finally:
        controller.stop()


@pytest.fixture
async def client(aiohttp_client, settings, fake_rasa, inbox):
    fake_rasa.slots[CID] = dict(SLOTS)
    fake_rasa.replies["mail me"] = [BotMessage(text="Ik stuur je advies."),
                                    BotMessage(custom={"advice_document": "requested", "email": ADDRESS})]
    app = create_app(settings, rasa=fake_rasa)
    return app, await aiohttp_client(app)


async def test_the_advice_is_mailed_with_the_pdf_and_the_address_stays_on_the_request(client, inbox):
    app, http = client
    resp = await http.post(f"/api/v1/chat/{CID}/messages", json={"text": "mail me"}, headers=chat_auth(http, CID))
    texts = [m.get("text") or "" for m in (await resp.json())["messages"]]
    assert "Ik heb je advies ook gemaild." in texts
    [(to, mail)] = inbox.mails
    assert to == [ADDRESS] and mail["Subject"] == "Je advies van Koers"
    parts = {p.get_content_type(): p for p in mail.walk()}
    pdf = parts["application/pdf"].get_payload(decode=True)
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF-")
    body = parts["text/plain"].get_payload(decode=True).decode()
    with app[SESSIONS]() as db:
        row = db.execute(select(AdviceDocument)).scalar_one()
        assert row.email == ADDRESS and row.emailed_at is not None
        stored = " ".join(f"{m.text} {m.payload}" for m in db.execute(select(Message)).scalars())
    assert "/advies/" in body  # the link to the page is in the mail
    assert ADDRESS not in stored  # the transcript keeps no address


async def test_a_failing_mail_server_still_leaves_the_link(client):
    app, http = client
    from assistant.gateway.documents.web import DOCUMENTS

    async def broken(*_args: Any) -> None:
        raise OSError("SMTP down")

    app[DOCUMENTS].mailer = broken
    resp = await http.post(f"/api/v1/chat/{CID}/messages", json={"text": "mail me"}, headers=chat_auth(http, CID))
    texts = " ".join(m.get("text") or "" for m in (await resp.json())["messages"])
    assert "Bekijk je advies" in texts and "Het lukte niet om de e-mail te sturen" in texts
