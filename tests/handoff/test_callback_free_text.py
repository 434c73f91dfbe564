"""The call-back flow's free-text answers: redacted in every adviser view but the audited ticket page."""

from sqlalchemy import select

from assistant.gateway.app import SESSIONS
from assistant.gateway.handoff.callback import FlowState, advance
from assistant.gateway.handoff.models import AuditEntry, Ticket
from assistant.gateway.handoff.web import HANDOFF
from assistant.storage.models import Message
from tests.conftest import chat_auth

from .conftest import CLOSED_TIME, handoff_replies, login

CID = "web-callback-free-text-01"
WHEN = "dinsdag na 16 uur, met Anna Jansen, of bel +32 475 12 34 56"


async def say(client, text):
    resp = await client.post(f"/api/v1/chat/{CID}/messages", json={"text": text}, headers=chat_auth(client, CID))
    assert resp.status == 200


async def test_preferred_time_is_redacted_in_queue_and_raw_only_on_the_audited_ticket(client, app, fake_rasa,
                                                                                       advisers):
    app[HANDOFF].now = lambda: CLOSED_TIME
    fake_rasa.replies["mens"] = handoff_replies()
    for text in ("mens", "ja, bel of mail me", "Anna", "anna@example.nl", WHEN):
        await say(client, text)
    with app[SESSIONS]() as db:
        ticket = db.execute(select(Ticket)).scalars().one()
        transcript = " ".join(str(t) for t in db.execute(select(Message.text)).scalars())
    assert ticket.preferred_time == WHEN  # the ticket keeps the answer as given
    for secret in ("Jansen", "475 12 34 56"):
        assert secret not in transcript

    await login(client, "anna")
    queue = await (await client.get("/console/api/queue")).json()
    [row] = queue["tickets"]
    assert row["preferred_time"] == "dinsdag na 16 uur, met [NAAM], of bel [TELEFOON]"
    html = await (await client.get("/console/queue")).text()
    assert "Jansen" not in html and "475 12 34 56" not in html
    with app[SESSIONS]() as db:
        assert not db.execute(select(AuditEntry).where(AuditEntry.action == "view_ticket")).first()

    page = await (await client.get(f"/console/tickets/{ticket.id}")).text()
    assert "Anna Jansen" in page and "+32 475 12 34 56" in page
    with app[SESSIONS]() as db:
        assert db.execute(select(AuditEntry).where(AuditEntry.action == "view_ticket")).first()


def test_answers_starting_with_met_are_names_in_the_flow():
    consent = advance(FlowState(), "Ja, met Henk de Boer. Bel me maar")
    assert consent.state.step == "name"
    assert consent.stored_text is not None and "Henk" not in consent.stored_text and "Boer" not in consent.stored_text
    name = advance(consent.state, "met Henk de Boer")
    assert name.state.name == "Henk de Boer"
