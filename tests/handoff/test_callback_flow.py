"""Outside hours or with nobody online: consent, name, phone or e-mail, preferred time, ticket.

Contact details must end up on the ticket only: not in the transcript, not at Rasa.
"""

from sqlalchemy import select

from assistant.gateway.app import SESSIONS
from assistant.gateway.handoff import callback
from assistant.gateway.handoff.callback import FlowState, advance, normalise_phone, parse_contact, parse_name
from assistant.gateway.handoff.models import HandoffCase, Ticket
from assistant.gateway.handoff.web import HANDOFF
from assistant.storage.models import Conversation, Message
from assistant.vocabulary import vocabulary
from tests.conftest import chat_auth

from .conftest import CLOSED_TIME, handoff_replies, login

CID = "web-callback-test-001"


async def say(client, text):
    resp = await client.post(f"/api/v1/chat/{CID}/messages", json={"text": text}, headers=chat_auth(client, CID))
    assert resp.status == 200
    return [m.get("text") for m in (await resp.json())["messages"]]


def stored_texts(app) -> str:
    with app[SESSIONS]() as db:
        return "\n".join(str(t) for t in db.execute(select(Message.text).where(Message.conversation_id == CID))
                         .scalars())


async def test_callback_request_outside_opening_hours(client, app, fake_rasa):
    app[HANDOFF].now = lambda: CLOSED_TIME
    fake_rasa.replies["ik wil iemand spreken"] = handoff_replies()
    texts = await say(client, "ik wil iemand spreken")
    assert texts[-1] == callback.CONSENT_QUESTION
    assert await say(client, "ja, bel of mail me") == [callback.NAME_QUESTION]
    assert await say(client, "Ik heet Sanne de Vries") == [callback.CONTACT_QUESTION]
    assert await say(client, "hmm weet ik niet") == [callback.CONTACT_INVALID]
    assert await say(client, "06 12 34 56 78 of sanne@example.nl") == [callback.TIME_QUESTION_CALLBACK]
    texts = await say(client, "dinsdagochtend na 10 uur")
    assert texts[0] == callback.DONE_CALLBACK
    assert texts[-1] == "intent handoff_resume"  # the bot picks up the intake again

    with app[SESSIONS]() as db:
        ticket = db.execute(select(Ticket)).scalars().one()
        case = db.execute(select(HandoffCase)).scalars().one()
        conv = db.get(Conversation, CID)
    assert (ticket.status, ticket.kind, ticket.consent) == ("open", "callback", True)
    assert ticket.consent_at is not None
    assert (ticket.name, ticket.phone, ticket.email) == ("Sanne de Vries", "0612345678", "sanne@example.nl")
    assert ticket.preferred_time == "dinsdagochtend na 10 uur"
    assert case.status == "ticket" and ticket.case_id == case.id
    assert conv.status == "bot"

    transcript = stored_texts(app)
    for secret in ("Sanne", "Vries", "12 34 56", "0612345678", "sanne@example.nl"):
        assert secret not in transcript
    assert "[NAAM]" in transcript and "[CONTACTGEGEVENS]" in transcript
    for _sender, text in fake_rasa.sent:
        assert "Sanne" not in text and "06" not in text and "@" not in text

    # The bot talks again after the ticket.
    assert await say(client, "ik ben 45") == ["Je zei: ik ben 45"]


async def test_ticket_contact_details_need_login_and_are_audited(client, app, fake_rasa, advisers):
    app[HANDOFF].now = lambda: CLOSED_TIME
    fake_rasa.replies["mens"] = handoff_replies()
    for text in ("mens", "ja, maak een afspraak", "Piet", "piet@example.nl", "maakt niet uit"):
        await say(client, text)
    with app[SESSIONS]() as db:
        ticket = db.execute(select(Ticket)).scalars().one()
    assert ticket.kind == "appointment"
    anonymous = await client.get(f"/console/tickets/{ticket.id}", allow_redirects=False)
    assert anonymous.status == 302
    csrf = await login(client, "anna")
    queue = await (await client.get("/console/api/queue")).json()
    assert [t["id"] for t in queue["tickets"]] == [ticket.id]
    assert "piet@example.nl" not in str(queue)  # the queue itself shows no contact details
    page = await client.get(f"/console/tickets/{ticket.id}")
    assert page.status == 200 and "piet@example.nl" in await page.text()
    from assistant.gateway.handoff.models import AuditEntry

    with app[SESSIONS]() as db:
        assert db.execute(select(AuditEntry.action).where(AuditEntry.action == "view_ticket")).first()
    done = await client.post(f"/console/tickets/{ticket.id}/done", data={"csrf_token": csrf}, allow_redirects=False)
    assert done.status == 302
    with app[SESSIONS]() as db:
        assert db.get(Ticket, ticket.id).status == "done"
        assert db.execute(select(HandoffCase.status)).scalar_one() == "closed"


async def test_declining_stores_nothing(client, app, fake_rasa):
    app[HANDOFF].now = lambda: CLOSED_TIME
    fake_rasa.replies["mens"] = handoff_replies()
    await say(client, "mens")
    texts = await say(client, "nee, liever niet")
    assert texts[0] == callback.DECLINED
    with app[SESSIONS]() as db:
        assert db.execute(select(Ticket)).first() is None
        assert db.get(Conversation, CID).status == "bot"


async def test_stop_halfway_deletes_the_draft(client, app, fake_rasa):
    app[HANDOFF].now = lambda: CLOSED_TIME
    fake_rasa.replies["mens"] = handoff_replies()
    for text in ("mens", "ja", "Fatima"):
        await say(client, text)
    assert (await say(client, "stop"))[0] == callback.DECLINED
    with app[SESSIONS]() as db:
        assert db.execute(select(Ticket)).first() is None


async def test_nobody_online_during_opening_hours(client, app, fake_rasa):
    fake_rasa.replies["mens"] = handoff_replies()
    texts = await say(client, "mens")
    assert vocabulary().texts["handoff_unstaffed"] in texts
    assert texts[-1] == callback.CONSENT_QUESTION


async def test_adviser_who_logs_in_during_the_flow_can_still_take_over(client, app, fake_rasa, advisers):
    fake_rasa.replies["mens"] = handoff_replies()
    await say(client, "mens")
    await say(client, "ja")
    csrf = await login(client, "anna")
    with app[SESSIONS]() as db:
        case_id = db.execute(select(HandoffCase.id)).scalar_one()
    resp = await client.post(f"/console/api/cases/{case_id}/takeover", headers={"X-CSRF-Token": csrf})
    assert resp.status == 200
    with app[SESSIONS]() as db:
        assert db.execute(select(Ticket)).first() is None  # the half-filled draft is gone
    assert await say(client, "Jan") == []  # now it is an ordinary message for the adviser


def test_flow_unit_retries_then_gives_up():
    state = FlowState(step="consent")
    for _ in range(callback.MAX_RETRIES - 1):
        result = advance(state, "misschien")
        assert result.outcome is None and result.replies[0].text == callback.CONSENT_UNCLEAR
        state = result.state
    result = advance(state, "misschien")
    assert result.outcome == "declined" and result.replies[0].text == callback.GIVE_UP


def test_name_parsing():
    assert parse_name("Ik heet Sanne") == "Sanne"
    assert parse_name("mijn naam is Jan-Willem van 't Hof.") == "Jan-Willem van 't Hof"
    assert parse_name("Zoë") == "Zoë"
    assert parse_name("06 12345678") is None
    assert parse_name("sanne@example.nl") is None
    assert parse_name("x" * 101) is None


def test_contact_parsing():
    assert parse_contact("bel me op 06-1234 5678") == ("0612345678", None)
    assert parse_contact("+31 (0)20 123 4567") == ("0201234567", None)
    assert parse_contact("Jan@Example.NL") == (None, "jan@example.nl")
    assert parse_contact("ik ben 45 en werk 32 uur") == (None, None)
    assert normalise_phone("0032 470 12 34 56") == "+32470123456"
    assert normalise_phone("12345") is None


def test_bsn_is_never_asked_and_not_stored_in_transcript():
    result = advance(FlowState(step="time", kind="callback", consent=True, name="A", phone="0612345678"),
                     "morgen, mijn bsn is 111222333")
    assert "[BSN]" in result.stored_text and "111222333" not in result.stored_text
    for text in (callback.CONSENT_QUESTION, callback.NAME_QUESTION, callback.CONTACT_QUESTION):
        assert "BSN" not in text and "burgerservicenummer" not in text.lower()
