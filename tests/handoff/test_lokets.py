"""Advisers per loket: availability, the queue and the CLI count only the advisers of a loket."""

from __future__ import annotations

import argparse
import io
import sys

import pytest
from sqlalchemy import create_engine, inspect, select, text

from assistant.gateway.app import SERVICE, SESSIONS
from assistant.gateway.handoff.auth import AuthError, advisers_online, create_adviser, lokets_of
from assistant.gateway.handoff.models import AdviserLoket
from assistant.gateway.handoff.web import HANDOFF
from assistant.storage.migrate import alembic_config, downgrade
from tests.conftest import chat_auth

from .conftest import OPEN_TIME, PASSWORD, handoff_replies, login


async def say(client, cid, text, loket=None):
    body = {"text": text, **({"loket_id": loket} if loket else {})}
    resp = await client.post(f"/api/v1/chat/{cid}/messages", json=body, headers=chat_auth(client, cid))
    assert resp.status == 200, await resp.text()
    return [m.get("text") for m in (await resp.json())["messages"]]


async def test_an_adviser_of_another_loket_does_not_staff_this_one(aiohttp_client, app, two_lokets):
    sessions = app[SESSIONS]
    create_adviser(sessions, "zoe", PASSWORD, lokets=["zuid"])
    client = await aiohttp_client(app)
    await login(client, "zoe")  # zuid's adviser has the console open
    manager = app[HANDOFF]
    assert manager.availability("zuid").available
    north = manager.availability("noord")
    assert north.open and north.advisers_online == 0 and not north.available
    assert north.status == "unstaffed"
    # Counted over every loket (the old way) zoe would have made noord look staffed.
    assert advisers_online(sessions, None, OPEN_TIME) == 1


async def test_handoff_in_an_unstaffed_loket_offers_a_callback(aiohttp_client, app, fake_rasa, two_lokets):
    from assistant.gateway.handoff import callback

    create_adviser(app[SESSIONS], "zoe", PASSWORD, lokets=["zuid"])
    adviser = await aiohttp_client(app)
    await login(adviser, "zoe")
    person = await aiohttp_client(app)
    fake_rasa.replies["mens"] = handoff_replies()
    app[SERVICE].ensure_conversation("web-noord-persoon-01", "web", "noord")
    texts = await say(person, "web-noord-persoon-01", "mens")
    assert texts[-1] == callback.CONSENT_QUESTION  # nobody of noord is there: no waiting room


async def test_the_queue_shows_an_adviser_the_cases_of_their_lokets(aiohttp_client, app, fake_rasa, two_lokets):
    sessions = app[SESSIONS]
    create_adviser(sessions, "nina", PASSWORD, lokets=["noord"])
    create_adviser(sessions, "zoe", PASSWORD, lokets=["zuid"])
    create_adviser(sessions, "beheer", PASSWORD, "admin", lokets=["noord"])
    fake_rasa.replies["mens"] = handoff_replies()
    person = await aiohttp_client(app)
    for cid, loket in (("web-noord-zaak-0001", "noord"), ("web-zuid-zaak-00001", "zuid")):
        app[SERVICE].ensure_conversation(cid, "web", loket)
        await say(person, cid, "mens")

    async def queue_of(username):
        client = await aiohttp_client(app)
        await login(client, username)
        data = await (await client.get("/console/api/queue")).json()
        page = await (await client.get("/console/queue")).text()
        return {c["conversation_id"] for c in data["cases"]}, page

    nina, nina_page = await queue_of("nina")
    zoe, zoe_page = await queue_of("zoe")
    admin, _ = await queue_of("beheer")
    assert nina == {"web-noord-zaak-0001"}
    assert zoe == {"web-zuid-zaak-00001"}
    assert admin == {"web-noord-zaak-0001", "web-zuid-zaak-00001"}
    assert "web-zuid-zaak-00001" not in nina_page and "web-noord-zaak-0001" not in zoe_page


def test_create_adviser_checks_the_lokets(app, two_lokets):
    sessions = app[SESSIONS]
    with pytest.raises(AuthError, match="Onbekend loket"):
        create_adviser(sessions, "kees", PASSWORD, lokets=["west"])
    both = create_adviser(sessions, "kim", PASSWORD, lokets=["zuid", "noord", "zuid"])
    assert lokets_of(sessions, both) == ("noord", "zuid")
    default = create_adviser(sessions, "dirk", PASSWORD)
    assert lokets_of(sessions, default) == ("noord",)


def test_cli_adds_and_changes_the_lokets(app, settings, two_lokets, monkeypatch, capsys):
    from assistant.gateway.handoff import cli

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    args = argparse.Namespace(username="Lotte", role="adviser", password_stdin=True, loket=["zuid"])
    assert cli.adviser_add(args) == 0
    assert "zuid" in capsys.readouterr().out
    with app[SESSIONS]() as db:
        rows = db.execute(select(AdviserLoket.loket_id)).scalars().all()
    assert rows == ["zuid"]
    assert cli.adviser_lokets(argparse.Namespace(username="lotte", loket=["noord", "zuid"])) == 0
    assert cli.adviser_list(argparse.Namespace()) == 0
    assert "lotte\tadviser\tactief\tnoord, zuid\t" in capsys.readouterr().out
    assert cli.adviser_lokets(argparse.Namespace(username="lotte", loket=["west"])) == 2
    assert cli.adviser_add(argparse.Namespace(username="piet", role="adviser", password_stdin=True,
                                              loket=["west"])) == 2


def test_migration_links_existing_advisers_and_downgrades_on_sqlite(tmp_path, two_lokets):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'migratie.db'}"
    command.upgrade(alembic_config(url), "0007_console")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO advisers (username, password_hash, role, active, failed_logins, created_at) "
                          "VALUES ('oud', 'x', 'adviser', 1, 0, '2025-01-01 00:00:00')"))
    command.upgrade(alembic_config(url), "0009_adviser_lokets")
    with engine.connect() as conn:
        linked = sorted(conn.execute(text("SELECT loket_id FROM adviser_lokets")).scalars())
    # An adviser from before keeps serving every configured loket until the operator narrows it.
    assert linked == ["noord", "zuid"]
    downgrade(url, "0007_console")
    assert "adviser_lokets" not in inspect(create_engine(url)).get_table_names()
    command.upgrade(alembic_config(url), "0009_adviser_lokets")
    assert "adviser_lokets" in inspect(create_engine(url)).get_table_names()
    engine.dispose()


async def test_the_place_in_the_queue_counts_only_the_same_loket(aiohttp_client, app, fake_rasa, two_lokets):
    create_adviser(app[SESSIONS], "nina", PASSWORD, lokets=["noord", "zuid"])
    adviser = await aiohttp_client(app)
    await login(adviser, "nina")
    fake_rasa.replies["mens"] = handoff_replies()
    person = await aiohttp_client(app)
    for cid, loket in (("web-zuid-eerste-0001", "zuid"), ("web-noord-eerste-001", "noord"),
                       ("web-noord-tweede-001", "noord")):
        app[SERVICE].ensure_conversation(cid, "web", loket)
    await say(person, "web-zuid-eerste-0001", "mens")
    first_north = await say(person, "web-noord-eerste-001", "mens")
    assert not any(t and t.startswith("Er wacht") for t in first_north)  # zuid's person is not ahead
    second_north = await say(person, "web-noord-tweede-001", "mens")
    assert "Er wacht nog 1 persoon voor je." in second_north


async def test_another_lokets_case_and_ticket_are_not_found(aiohttp_client, app, fake_rasa, two_lokets):
    from assistant.gateway.handoff.models import HandoffCase, Ticket

    create_adviser(app[SESSIONS], "nina", PASSWORD, lokets=["noord"])
    create_adviser(app[SESSIONS], "zoe", PASSWORD, lokets=["zuid"])
    # All clients first: starting the app again runs its clean-up, which would purge the test's old dates.
    person, nina, zoe = [await aiohttp_client(app) for _ in range(3)]
    fake_rasa.replies["mens"] = handoff_replies()
    cid = "web-zuid-ticket-0001"
    app[SERVICE].ensure_conversation(cid, "web", "zuid")
    for answer in ("mens", "ja, bel of mail me", "Sanne", "0612345678", "ochtend"):  # nobody online: a ticket
        await say(person, cid, answer)
    with app[SESSIONS]() as db:
        case_id = db.execute(select(HandoffCase.id)).scalar_one()
        ticket_id = db.execute(select(Ticket.id).where(Ticket.status == "open")).scalar_one()
    csrf = await login(nina, "nina")
    assert (await nina.get(f"/console/cases/{case_id}")).status == 404
    assert (await nina.get(f"/console/tickets/{ticket_id}")).status == 404
    claim = await nina.post(f"/console/tickets/{ticket_id}/claim", data={"csrf_token": csrf},
                            headers={"X-CSRF-Token": csrf}, allow_redirects=False)
    assert claim.status == 404
    await login(zoe, "zoe")
    assert (await zoe.get(f"/console/tickets/{ticket_id}")).status == 200
    assert (await zoe.get(f"/console/cases/{case_id}")).status == 200


async def test_the_admin_page_sets_an_advisers_lokets(aiohttp_client, app, two_lokets):
    sessions = app[SESSIONS]
    create_adviser(sessions, "beheer", PASSWORD, "admin")
    client = await aiohttp_client(app)
    csrf = await login(client, "beheer")
    resp = await client.post("/console/admin/advisers", data={
        "csrf_token": csrf, "username": "zara", "password": PASSWORD, "role": "adviser", "loket": "zuid"})
    assert resp.status == 200
    with sessions() as db:
        from assistant.gateway.handoff.models import Adviser

        zara = db.execute(select(Adviser.id).where(Adviser.username == "zara")).scalar_one()
    assert lokets_of(sessions, zara) == ("zuid",)
    page = await resp.text()
    assert "Werkcentrum Zuid" in page and "Loketten van zara" in page
    resp = await client.post(f"/console/admin/advisers/{zara}/lokets",
                             data=[("csrf_token", csrf), ("loket", "noord"), ("loket", "zuid")])
    assert resp.status == 200
    assert lokets_of(sessions, zara) == ("noord", "zuid")
    bad = await client.post(f"/console/admin/advisers/{zara}/lokets", data={"csrf_token": csrf, "loket": "west"})
    assert bad.status == 400 and "Onbekend loket" in await bad.text()
    assert lokets_of(sessions, zara) == ("noord", "zuid")
