"""The handoff through the service with a fake Rasa: case, silence, live chat, hand back, close."""

from sqlalchemy import select

from assistant.gateway.app import SERVICE, SESSIONS
from assistant.gateway.handoff import service as handoff_service
from assistant.gateway.handoff.models import HandoffCase
from assistant.gateway.handoff.web import HANDOFF
from assistant.gateway.rasa_client import BotMessage
from assistant.storage.models import Conversation
from assistant.vocabulary import vocabulary
from tests.conftest import chat_auth

from .conftest import CLOSED_TIME, HANDOFF_TEXT, SUMMARY, handoff_replies, login

CID = "web-handoff-test-0001"


async def say(client, text, cid=CID):
    resp = await client.post(f"/api/v1/chat/{cid}/messages", json={"text": text}, headers=chat_auth(client, cid))
    assert resp.status == 200
    return [m.get("text") for m in (await resp.json())["messages"]]


async def chat_history(client, cid=CID):
    resp = await client.get(f"/api/v1/chat/{cid}/messages", headers=chat_auth(client, cid))
    return (await resp.json())["messages"]


def case_of(app, cid=CID) -> HandoffCase:
    with app[SESSIONS]() as db:
        return db.execute(select(HandoffCase).where(HandoffCase.conversation_id == cid)).scalars().one()


def status_of(app, cid=CID) -> str:
    with app[SESSIONS]() as db:
        return db.get(Conversation, cid).status


async def request_handoff(client, fake_rasa):
    fake_rasa.replies["ik wil een mens spreken"] = handoff_replies()
    assert await say(client, "hoi") == ["Je zei: hoi"]
    return await say(client, "ik wil een mens spreken")


async def test_full_handoff_with_an_adviser_online(client, app, fake_rasa, advisers):
    csrf = await login(client, "anna")  # the console is open: an adviser is online
    texts = await request_handoff(client, fake_rasa)
    # The person hears what happens next, in the same reply (so every channel gets it).
    assert texts[0] == HANDOFF_TEXT
    # What the fake dialogue could not know, the service says: an adviser is there.
    assert texts.index(vocabulary().texts["handoff_connect"]) < texts.index(handoff_service.WAITING)
    assert handoff_service.SUMMARY_NOTE in texts
    case = case_of(app)
    assert case.status == "waiting" and case.summary == SUMMARY and case.reason == "user_request"
    assert case.advice["profile"]["work_status"] == "werknemer_flex"
    assert {s["scheme_id"] for s in case.advice["schemes"]}
    assert status_of(app) == "handoff_requested"

    # While waiting and while the adviser talks, the bot is silent and Rasa gets nothing.
    sent_before = len(fake_rasa.sent)
    assert await say(client, "hallo? is daar iemand?") == []

    queue = await (await client.get("/console/api/queue")).json()
    assert [c["id"] for c in queue["cases"]] == [case.id]
    # Labels and values in the vocabulary's Dutch words, never the raw code.
    work = vocabulary()["work_status"]
    assert queue["cases"][0]["summary"][work.label] == work.label_of("werknemer_flex") != "werknemer_flex"
    row = queue["cases"][0]
    assert row["name"] == "onbekend" and row["place"] == "Utrecht" and row["channel"] == "website"
    assert row["status_label"] == "wacht" and row["waiting"] == "0 min" and row["advice_line"]

    headers = {"X-CSRF-Token": csrf}
    resp = await client.post(f"/console/api/cases/{case.id}/takeover", headers=headers)
    assert resp.status == 200 and (await resp.json())["status"] == "active"
    assert fake_rasa.events[-1] == (CID, [{"event": "pause"}])
    assert status_of(app) == "handoff_active"

    resp = await client.post(f"/console/api/cases/{case.id}/reply", headers=headers,
                             json={"text": "Hoi, ik ben Anna van het Leerwerkloket. Waar kan ik je mee helpen?"})
    assert resp.status == 200
    history = await chat_history(client)
    assert history[-1]["sender"] == "adviser"
    assert history[-1]["text"].startswith("Hoi, ik ben Anna")
    assert any(m["sender"] == "system" and m["text"] == handoff_service.TAKEN_OVER for m in history)

    assert await say(client, "Ik wil weten of ik SLIM kan krijgen") == []
    live = await (await client.get(f"/console/api/cases/{case.id}?after=0")).json()
    assert live["messages"][-1]["text"] == "Ik wil weten of ik SLIM kan krijgen"
    assert len(fake_rasa.sent) == sent_before  # nothing reached Rasa during the handoff

    resp = await client.post(f"/console/api/cases/{case.id}/handback", headers=headers)
    assert resp.status == 200 and (await resp.json())["status"] == "returned"
    assert fake_rasa.events[-1] == (CID, [{"event": "resume"}])
    history = await chat_history(client)
    assert [m["text"] for m in history[-2:]] == [handoff_service.HANDED_BACK, "intent handoff_resume"]
    assert status_of(app) == "bot"

    # The bot answers again.
    assert await say(client, "ik werk 24 uur") == ["Je zei: ik werk 24 uur"]


async def test_waiting_person_hears_their_place_in_the_queue(client, app, fake_rasa, advisers):
    await login(client, "anna")
    fake_rasa.replies["ik wil een mens spreken"] = handoff_replies()
    await say(client, "ik wil een mens spreken", cid="web-first-in-line-01")
    texts = await say(client, "ik wil een mens spreken", cid="web-second-in-line-2")
    assert "Er wacht nog 1 persoon voor je." in texts


async def test_two_advisers_cannot_both_take_a_case(aiohttp_client, app, fake_rasa, advisers):
    anna = await aiohttp_client(app)
    bert = await aiohttp_client(app)
    csrf_a = await login(anna, "anna")
    csrf_b = await login(bert, "bert")
    await request_handoff(anna, fake_rasa)
    case = case_of(app)
    assert (await anna.post(f"/console/api/cases/{case.id}/takeover", headers={"X-CSRF-Token": csrf_a})).status == 200
    resp = await bert.post(f"/console/api/cases/{case.id}/takeover", headers={"X-CSRF-Token": csrf_b})
    assert resp.status == 409
    assert (await resp.json())["error"] == "Een andere adviseur heeft dit gesprek al overgenomen."
    assert case_of(app).adviser_id is not None


async def test_reply_on_a_waiting_case_takes_it_over(client, app, fake_rasa, advisers):
    csrf = await login(client, "anna")
    await request_handoff(client, fake_rasa)
    case = case_of(app)
    resp = await client.post(f"/console/api/cases/{case.id}/reply", headers={"X-CSRF-Token": csrf},
                             json={"text": "Ik kijk even mee."})
    assert resp.status == 200 and (await resp.json())["status"] == "active"
    assert fake_rasa.events[-1] == (CID, [{"event": "pause"}])


async def test_close_a_case(client, app, fake_rasa, advisers):
    csrf = await login(client, "anna")
    await request_handoff(client, fake_rasa)
    case = case_of(app)
    headers = {"X-CSRF-Token": csrf}
    await client.post(f"/console/api/cases/{case.id}/takeover", headers=headers)
    resp = await client.post(f"/console/api/cases/{case.id}/close", headers=headers)
    assert resp.status == 200 and (await resp.json())["status"] == "closed"
    assert status_of(app) == "closed"
    assert fake_rasa.events[-1] == (CID, [{"event": "resume"}])  # the bot can answer later messages
    assert (await chat_history(client))[-1]["text"] == handoff_service.CLOSED_BY_ADVISER
    # A closed case cannot be handed back or replied to.
    assert (await client.post(f"/console/api/cases/{case.id}/handback", headers=headers)).status == 409
    reply = await client.post(f"/console/api/cases/{case.id}/reply", headers=headers, json={"text": "nog iets"})
    assert reply.status == 409
    # The person can talk to the bot again, and ask for a human again: a new case.
    assert await say(client, "nog een vraag") == ["Je zei: nog een vraag"]
    await say(client, "ik wil een mens spreken")
    with app[SESSIONS]() as db:
        assert len(db.execute(select(HandoffCase).where(HandoffCase.conversation_id == CID)).all()) == 2


async def test_hand_back_is_refused_while_rasa_is_down(client, app, fake_rasa, advisers):
    csrf = await login(client, "anna")
    await request_handoff(client, fake_rasa)
    case = case_of(app)
    headers = {"X-CSRF-Token": csrf}
    await client.post(f"/console/api/cases/{case.id}/takeover", headers=headers)

    async def down(*_a, **_k):
        from assistant.gateway.rasa_client import RasaUnavailable

        raise RasaUnavailable("down")

    fake_rasa.append_events = down
    resp = await client.post(f"/console/api/cases/{case.id}/handback", headers=headers)
    assert resp.status == 503
    assert "niet bereikbaar" in (await resp.json())["error"]
    assert status_of(app) == "handoff_active"  # nothing changed: the person keeps the adviser


async def test_adviser_messages_reach_other_channels(client, app, fake_rasa, advisers):
    delivered = []

    async def deliver(cid, messages):
        delivered.append((cid, [m.text for m in messages]))

    app[SERVICE].register_channel("telegram", deliver)
    csrf = await login(client, "anna")
    fake_rasa.replies["mens"] = handoff_replies()
    replies = await app[SERVICE].handle_user_message("tg-123456789", "mens", channel="telegram")
    assert handoff_service.WAITING in [r.text for r in replies]
    case = case_of(app, "tg-123456789")
    await client.post(f"/console/api/cases/{case.id}/reply", headers={"X-CSRF-Token": csrf},
                      json={"text": "Goedemiddag!"})
    assert ("tg-123456789", ["Goedemiddag!"]) in delivered
    assert ("tg-123456789", [handoff_service.TAKEN_OVER]) in delivered


async def test_long_poll_wakes_up_on_a_new_message(client, app, fake_rasa, advisers):
    import asyncio

    await login(client, "anna")
    await request_handoff(client, fake_rasa)
    case = case_of(app)
    last = (await (await client.get(f"/console/api/cases/{case.id}")).json())["messages"][-1]["id"]
    poll = asyncio.ensure_future(client.get(f"/console/api/cases/{case.id}?after={last}&wait=20"))
    await asyncio.sleep(0.2)
    assert not poll.done()
    await app[SERVICE].handle_user_message(CID, "Hallo?", channel="web")
    resp = await asyncio.wait_for(poll, timeout=5)
    assert [m["text"] for m in (await resp.json())["messages"]] == ["Hallo?"]


async def test_handoff_summary_may_be_missing_or_odd(client, app, fake_rasa, advisers):
    await login(client, "anna")
    fake_rasa.replies["mens"] = [BotMessage(custom={"handoff": "requested", "summary": {"age": "veertig"}})]
    texts = await say(client, "mens")
    assert handoff_service.WAITING in texts
    assert case_of(app).advice is None  # an invalid profile does not block the handoff


async def test_outside_opening_hours_the_person_is_told_when_we_open(client, app, fake_rasa, advisers):
    app[HANDOFF].now = lambda: CLOSED_TIME
    await login(client, "anna")
    texts = await request_handoff(client, fake_rasa)
    # Said by the service, since this fake dialogue did not know: when, and what can be done now.
    assert "Het Werkcentrum is nu dicht. We zijn er weer morgen vanaf 9.00 uur." in texts
    assert vocabulary().texts["handoff_now"] in texts
    assert texts[-1].startswith("Wil je dat een adviseur contact met je opneemt?")


async def test_bot_says_nothing_after_its_handoff_signal(client, app, fake_rasa, advisers):
    await login(client, "anna")
    # A form that re-asks its question after action_handoff must not reach the person.
    fake_rasa.replies["mens"] = [*handoff_replies(), BotMessage(text="Wat doe je nu vooral?")]
    texts = await say(client, "mens")
    assert "Wat doe je nu vooral?" not in texts
    assert texts[0] == HANDOFF_TEXT and handoff_service.WAITING in texts
    assert "Wat doe je nu vooral?" not in [m["text"] for m in await chat_history(client)]
