"""The adviser console's working lists: rows that say who and why, filters, sorting, paging,
claiming and assigning, and a callback ticket's notes, call attempts and outcome."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from assistant.gateway.app import SESSIONS
from assistant.gateway.console import queries
from assistant.gateway.console.profile_view import profile_rows, value_label
from assistant.gateway.console.queries import ListFilter, list_cases, list_tickets
from assistant.gateway.handoff import casework
from assistant.gateway.handoff.auth import Identity
from assistant.gateway.handoff.models import Adviser, AuditEntry, CallAttempt, HandoffCase, Ticket, TicketNote
from assistant.gateway.handoff.service import HandoffError
from assistant.gateway.handoff.web import HANDOFF
from assistant.gateway.rasa_client import BotMessage
from assistant.storage.models import Conversation
from assistant.vocabulary import vocabulary
from tests.conftest import chat_auth

from .conftest import CLOSED_TIME, OPEN_TIME, SUMMARY, login

ADVICE = {"peildatum": "2025-03-03", "headline": "Een goede eerste stap: een mbo-diploma.", "paths": [],
          "schemes": [{"name": "Levenlanglerenkrediet", "status": "eligible", "reasons": []},
                      {"name": "SLIM-regeling", "status": "uncertain", "reasons": []}]}


def add_case(app, cid, *, channel="web", status="waiting", minutes_ago=0, summary=None, name=None,
             ticket_status=None, notes=None):
    """A conversation with a handoff case (and a ticket when asked), created ``minutes_ago``."""
    created = OPEN_TIME - timedelta(minutes=minutes_ago)
    with app[SESSIONS].begin() as db:
        db.add(Conversation(id=cid, channel=channel, status="handoff_requested", created_at=created,
                            updated_at=created))
        db.flush()
        case = HandoffCase(conversation_id=cid, status=status, reason="user_request", summary=summary or SUMMARY,
                           advice=ADVICE, intake_notes=notes, created_at=created, updated_at=created)
        db.add(case)
        db.flush()
        if ticket_status is not None:
            db.add(Ticket(conversation_id=cid, case_id=case.id, status=ticket_status, step="done", kind="callback",
                          consent=True, name=name, phone="0612345678", retries=0, created_at=created))
        return int(case.id)


def identity(app, username) -> Identity:
    with app[SESSIONS]() as db:
        adviser = db.execute(select(Adviser).where(Adviser.username == username)).scalar_one()
        return Identity(adviser_id=int(adviser.id), username=username, role=str(adviser.role), session_id="s",
                        csrf_token="c")


def ticket_of(app, cid) -> Ticket:
    with app[SESSIONS]() as db:
        return db.execute(select(Ticket).where(Ticket.conversation_id == cid)).scalar_one()


# -- rows -------------------------------------------------------------------------------------
def test_a_queue_row_says_who_why_where_and_what_was_advised(app):
    add_case(app, "web-row-1", minutes_ago=75, summary={**SUMMARY, "goal": "omscholen"})
    [row], total = list_cases(app[SESSIONS], ListFilter(), now=OPEN_TIME)
    assert total == 1
    assert row.name == "onbekend"  # no callback request: Koers does not know a name
    assert row.goal == vocabulary()["goal"].label_of("omscholen") != "omscholen"
    assert row.place == "Utrecht" and row.channel == "website" and row.status_label == "wacht"
    assert row.waiting_minutes == 75 and row.waiting == "1 u 15 min"
    assert row.advice_line.startswith(ADVICE["headline"]) and "Levenlanglerenkrediet" in row.advice_line


def test_a_ticket_row_carries_the_name_the_person_left_but_no_contact_details(app):
    add_case(app, "web-row-2", status="ticket", ticket_status="open", name="Sanne de Vries")
    [row], _ = list_tickets(app[SESSIONS], ListFilter(), now=OPEN_TIME)
    assert row.name == "Sanne de Vries" and row.kind == "terugbellen" and row.status_label == "open"
    assert "0612345678" not in str(row.as_json())


def test_advice_line_without_advice_or_fitting_money():
    assert queries.advice_line(None) == "nog geen advies"
    only_maybe = {"schemes": [{"name": "SLIM", "status": "uncertain"}, {"name": "X", "status": "not_eligible"}]}
    assert queries.advice_line(only_maybe) == "Misschien: SLIM."
    assert queries.advice_line({"schemes": [{"name": "X", "status": "ended"}]}) == "Geen regeling die zeker past."


# -- filters, sorting, paging ------------------------------------------------------------------
def test_queue_filters_by_status_channel_and_assignee(app, advisers):
    waiting = add_case(app, "web-f-1", channel="web")
    active = add_case(app, "wa-f-2", channel="whatsapp", status="active")
    add_case(app, "web-f-3", status="closed")  # closed cases never show in the queue
    anna = identity(app, "anna")
    casework.claim(app[SESSIONS], "case", active, anna)
    ids = lambda flt, me=None: [r.id for r in list_cases(app[SESSIONS], flt, me, OPEN_TIME)[0]]  # noqa: E731
    assert sorted(ids(ListFilter())) == sorted([waiting, active])
    assert ids(ListFilter(status="waiting")) == [waiting]
    assert ids(ListFilter(status="active")) == [active]
    assert ids(ListFilter(channel="whatsapp")) == [active]
    assert ids(ListFilter(assignee="mij"), anna.adviser_id) == [active]
    assert ids(ListFilter(assignee="mij"), identity(app, "bert").adviser_id) == []
    assert ids(ListFilter(assignee="niemand")) == [waiting]


def test_queue_sorts_longest_waiting_first_or_newest_first(app):
    old = add_case(app, "web-s-1", minutes_ago=30)
    new = add_case(app, "web-s-2", minutes_ago=2)
    mid = add_case(app, "web-s-3", minutes_ago=10)
    ids = lambda sort: [r.id for r in list_cases(app[SESSIONS], ListFilter(sort=sort), now=OPEN_TIME)[0]]  # noqa: E731
    assert ids("") == [old, mid, new]
    assert ids("nieuw") == [new, mid, old]


def test_queue_pages_through_many_cases(app):
    made = [add_case(app, f"web-p-{i:02d}", minutes_ago=100 - i) for i in range(7)]
    first, total = list_cases(app[SESSIONS], ListFilter(page=1), now=OPEN_TIME, page_size=3)
    third, _ = list_cases(app[SESSIONS], ListFilter(page=3), now=OPEN_TIME, page_size=3)
    assert total == 7
    assert [r.id for r in first] == made[:3] and [r.id for r in third] == made[6:]
    beyond, _ = list_cases(app[SESSIONS], ListFilter(page=9), now=OPEN_TIME, page_size=3)
    assert beyond == []


async def test_queue_page_shows_rows_filters_and_page_links(client, app, advisers, monkeypatch):
    monkeypatch.setattr(queries, "PAGE_SIZE", 2)
    for i in range(3):
        add_case(app, f"web-html-{i}", minutes_ago=10 - i)
    await login(client, "anna")
    html = await (await client.get("/console/queue")).text()
    assert html.count('class="case case--waiting"') == 2 and "Pagina 1 van 2" in html
    assert "Utrecht" in html and "Levenlanglerenkrediet" in html and "onbekend" in html
    second = await (await client.get("/console/queue?pagina=2")).text()
    assert second.count('class="case case--waiting"') == 1
    live = await (await client.get("/console/queue/live?status=active")).text()
    assert "Niemand wacht op dit moment." in live and "<html" not in live


async def test_ticket_list_filters_open_and_done(client, app, advisers):
    add_case(app, "web-t-1", status="ticket", ticket_status="open", name="Open Persoon")
    add_case(app, "web-t-2", status="closed", ticket_status="done", name="Klaar Persoon")
    await login(client, "anna")
    open_html = await (await client.get("/console/tickets")).text()
    done_html = await (await client.get("/console/tickets?status=done")).text()
    assert "Open Persoon" in open_html and "Klaar Persoon" not in open_html
    assert "Klaar Persoon" in done_html and "Open Persoon" not in done_html


# -- claim and assign --------------------------------------------------------------------------
def test_of_two_advisers_claiming_one_wins(app, advisers):
    case_id = add_case(app, "web-c-1")
    anna, bert = identity(app, "anna"), identity(app, "bert")
    casework.claim(app[SESSIONS], "case", case_id, anna)
    casework.claim(app[SESSIONS], "case", case_id, anna)  # claiming your own again is harmless
    with pytest.raises(HandoffError) as refused:
        casework.claim(app[SESSIONS], "case", case_id, bert)
    assert refused.value.message == casework.CLAIMED_BY_OTHER
    [row], _ = list_cases(app[SESSIONS], ListFilter(), now=OPEN_TIME)
    assert row.assignee == "anna"


def test_assigning_gives_a_case_to_a_colleague_or_to_nobody(app, advisers):
    case_id = add_case(app, "web-c-2")
    anna, bert = identity(app, "anna"), identity(app, "bert")
    casework.claim(app[SESSIONS], "case", case_id, anna)
    casework.assign(app[SESSIONS], "case", case_id, bert.adviser_id)
    assert list_cases(app[SESSIONS], ListFilter(), now=OPEN_TIME)[0][0].assignee == "bert"
    casework.assign(app[SESSIONS], "case", case_id, None)
    assert list_cases(app[SESSIONS], ListFilter(), now=OPEN_TIME)[0][0].assignee is None
    with pytest.raises(HandoffError):
        casework.assign(app[SESSIONS], "case", case_id, 9999)
    with pytest.raises(HandoffError):
        casework.claim(app[SESSIONS], "case", 9999, anna)


async def test_claim_and_assign_through_the_console_come_back_and_are_audited(client, app, advisers):
    case_id = add_case(app, "web-c-3")
    csrf = await login(client, "anna")
    resp = await client.post(f"/console/cases/{case_id}/claim", allow_redirects=False,
                             data={"csrf_token": csrf, "terug": "/console/queue?status=waiting"})
    assert resp.status == 302 and resp.headers["Location"] == "/console/queue?status=waiting"
    bert = identity(app, "bert")
    resp = await client.post(f"/console/cases/{case_id}/assign", allow_redirects=False,
                             data={"csrf_token": csrf, "adviser_id": str(bert.adviser_id), "terug": "https://evil.example"})
    assert resp.status == 302 and resp.headers["Location"] == "/console/queue"  # no open redirect
    with app[SESSIONS]() as db:
        assert db.get(HandoffCase, case_id).assignee_id == bert.adviser_id
        actions = list(db.execute(select(AuditEntry.action)).scalars())
    assert "case_claim" in actions and "case_assign" in actions
    # Without the CSRF token nothing changes.
    assert (await client.post(f"/console/cases/{case_id}/claim", data={})).status == 403


async def test_taking_over_the_chat_claims_an_unclaimed_case(client, app, advisers, fake_rasa):
    auth = chat_auth(client, "web-take-1")
    fake_rasa.replies["mens"] = [BotMessage(text="Ik geef je door."),
                                 BotMessage(custom={"handoff": "requested", "reason": "user_request",
                                                    "summary": SUMMARY})]
    csrf = await login(client, "anna")
    await client.post("/api/v1/chat/web-take-1/messages", json={"text": "mens"}, headers=auth)
    with app[SESSIONS]() as db:
        case_id = db.execute(select(HandoffCase.id)).scalar_one()
    resp = await client.post(f"/console/api/cases/{case_id}/takeover", headers={"X-CSRF-Token": csrf})
    assert resp.status == 200
    with app[SESSIONS]() as db:
        assert db.get(HandoffCase, case_id).assignee_id == identity(app, "anna").adviser_id


# -- a ticket's notes, call attempts and outcome ----------------------------------------------
def test_ticket_notes_attempts_and_outcome(app, advisers):
    add_case(app, "web-w-1", status="ticket", ticket_status="open", name="Sanne")
    ticket = ticket_of(app, "web-w-1")
    anna = identity(app, "anna")
    casework.add_attempt(app[SESSIONS], ticket.id, anna, "no_answer")
    assert ticket_of(app, "web-w-1").assignee_id == anna.adviser_id  # the first call claims it
    casework.add_attempt(app[SESSIONS], ticket.id, anna, "reached", "Belt morgen terug over BBL")
    casework.add_note(app[SESSIONS], ticket.id, anna, "Wil in de zorg werken.")
    with pytest.raises(HandoffError):
        casework.add_attempt(app[SESSIONS], ticket.id, anna, "gezellig")
    with pytest.raises(HandoffError):
        casework.add_note(app[SESSIONS], ticket.id, anna, "   ")
    [row], _ = list_tickets(app[SESSIONS], ListFilter(), now=OPEN_TIME)
    assert row.attempts == 2
    casework.set_outcome(app[SESSIONS], ticket.id, anna, "appointment")
    done = ticket_of(app, "web-w-1")
    assert (done.status, done.outcome, done.handled_by) == ("done", "appointment", anna.adviser_id)
    with app[SESSIONS]() as db:
        assert db.execute(select(HandoffCase.status)).scalar_one() == "closed"
    assert list_tickets(app[SESSIONS], ListFilter(), now=OPEN_TIME)[1] == 0
    [closed], _ = list_tickets(app[SESSIONS], ListFilter(status="done"), now=OPEN_TIME)
    assert closed.status_label == "afgehandeld: afspraak gemaakt"
    casework.reopen(app[SESSIONS], ticket.id)
    assert (ticket_of(app, "web-w-1").status, ticket_of(app, "web-w-1").outcome) == ("open", None)
    with pytest.raises(HandoffError):
        casework.set_outcome(app[SESSIONS], ticket.id, anna, "weet niet")


async def test_ticket_page_shows_the_full_intake_and_takes_notes_attempts_and_outcome(client, app, advisers):
    summary = {**SUMMARY, "goal": "omscholen", "sector_interests": ["zorg_welzijn"]}
    add_case(app, "web-w-2", status="ticket", ticket_status="open", name="Piet", summary=summary)
    ticket = ticket_of(app, "web-w-2")
    csrf = await login(client, "anna")
    html = await (await client.get(f"/console/tickets/{ticket.id}")).text()
    for field, value in summary.items():  # every field of the summary, in Dutch
        assert vocabulary()[field].label in html and value_label(field, value) in html
    assert "mbo2" not in html and "werknemer_flex" not in html
    base = f"/console/tickets/{ticket.id}"
    for action, data in (("notes", {"comment": "Belt liever na 17 uur."}),
                         ("attempts", {"result": "voicemail", "comment": "ingesproken"}),
                         ("outcome", {"outcome": "advised"})):
        resp = await client.post(f"{base}/{action}", data={"csrf_token": csrf, **data}, allow_redirects=False)
        assert resp.status == 302, action
    bad = await client.post(f"{base}/attempts", data={"csrf_token": csrf, "result": "x"})
    assert bad.status == 400 and "Kies wat de poging opleverde." in await bad.text()
    page = await (await client.get(base)).text()
    assert "Belt liever na 17 uur." in page and "voicemail ingesproken" in page and "advies gegeven" in page
    with app[SESSIONS]() as db:
        assert db.execute(select(TicketNote.text)).scalar_one() == "Belt liever na 17 uur."
        assert db.execute(select(CallAttempt.result)).scalar_one() == "voicemail"
        assert db.get(Ticket, ticket.id).outcome == "advised"


def test_notes_and_attempts_go_with_the_conversation(app, advisers):
    from assistant.privacy.retention import delete_conversation_data

    add_case(app, "web-w-3", status="ticket", ticket_status="open", name="Weg")
    ticket = ticket_of(app, "web-w-3")
    anna = identity(app, "anna")
    casework.add_note(app[SESSIONS], ticket.id, anna, "persoonlijk")
    casework.add_attempt(app[SESSIONS], ticket.id, anna, "reached")
    delete_conversation_data(app[SESSIONS], "web-w-3")
    with app[SESSIONS]() as db:
        assert db.execute(select(TicketNote)).first() is None
        assert db.execute(select(CallAttempt)).first() is None


# -- labels and marks --------------------------------------------------------------------------
def test_profile_values_in_the_vocabularys_dutch():
    vocab = vocabulary()
    assert value_label("education_level", "mbo2") == vocab["education_level"].label_of("mbo2") != "mbo2"
    assert value_label("sector_interests", ["zorg_welzijn", "groen"]) == ", ".join(
        vocab["sector_interests"].label_of(v) for v in ("zorg_welzijn", "groen"))
    assert value_label("age", 38) == "38"
    assert value_label("goal", None) == "onbekend"


def test_corrected_and_uncertain_fields_are_marked():
    profile = {"age": 47, "education_level": "mbo2", "literacy_need": True, "municipality": "Zwolle",
               "current_sector": "zorg_welzijn"}
    notes = {"sources": {"age": "corrected", "education_level": "asked", "literacy_need": "derived",
                         "municipality": "asked", "current_sector": "volunteered"},
             "unknown": ["employer_size"], "own_words": {"municipality": "bij Zwolle in de buurt"}}
    rows = {r.field: r for r in profile_rows(profile, notes)}
    assert rows["age"].mark == "corrected" and not rows["age"].uncertain
    assert rows["education_level"].mark is None
    assert rows["literacy_need"].mark == "derived" and rows["literacy_need"].uncertain
    assert rows["current_sector"].mark == "volunteered" and rows["current_sector"].uncertain
    assert rows["municipality"].mark == "own_words" and rows["municipality"].said == "bij Zwolle in de buurt"
    assert rows["employer_size"].value == "onbekend" and rows["employer_size"].mark == "unknown"
    assert "goal" not in rows  # neither known nor skipped: not listed
    assert [r.field for r in profile_rows(profile, notes)] == [f for f in vocabulary().fields if f in rows]


async def test_the_case_keeps_the_machines_intake_notes_and_the_console_marks_them(client, app, advisers, fake_rasa):
    auth = chat_auth(client, "web-marks-1")
    app[HANDOFF].now = lambda: CLOSED_TIME
    notes = {"sources": {"age": "corrected", "education_level": "volunteered"}, "unknown": ["goal"], "own_words": {}}
    fake_rasa.replies["mens"] = [BotMessage(custom={"handoff": "requested", "reason": "user_request",
                                                    "summary": SUMMARY, "intake_notes": notes})]
    for text in ("mens", "ja", "Henk", "henk@example.nl", "ochtend"):
        await client.post("/api/v1/chat/web-marks-1/messages", json={"text": text}, headers=auth)
    with app[SESSIONS]() as db:
        case = db.execute(select(HandoffCase)).scalar_one()
        ticket = db.execute(select(Ticket)).scalar_one()
    assert case.intake_notes == notes
    await login(client, "anna")
    html = await (await client.get(f"/console/tickets/{ticket.id}")).text()
    assert 'class="mark mark--corrected"' in html and 'class="mark mark--volunteered"' in html
    assert 'class="mark mark--unknown"' in html
    case_html = await (await client.get(f"/console/cases/{case.id}")).text()
    assert 'class="mark mark--corrected"' in case_html


async def test_the_transcript_marks_fields_from_the_machine_state_in_the_tracker(client, app, advisers, fake_rasa):
    cid = "web-marks-2"
    await client.post(f"/api/v1/chat/{cid}/messages", json={"text": "hoi"}, headers=chat_auth(client, cid))
    state = {"v": 1, "answers": {"age": 47, "education_level": "mbo2"},
             "sources": {"age": "corrected", "education_level": "asked"}, "unknown": ["goal"], "own_words": {}}
    fake_rasa.slots[cid] = {"age": 47, "education_level": "mbo2", "koers_state": state}
    await login(client, "anna")
    html = await (await client.get(f"/console/transcripts/{cid}")).text()
    assert 'class="mark mark--corrected"' in html and 'class="mark mark--unknown"' in html
    assert value_label("education_level", "mbo2") in html
