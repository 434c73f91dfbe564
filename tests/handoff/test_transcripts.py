"""Transcript list/search/filters, the transcript view, annotations, export and the dashboard."""

import argparse
import json
import time
from datetime import timedelta

import yaml
from sqlalchemy import insert, select, update

from assistant.gateway.app import SESSIONS
from assistant.gateway.console import transcripts
from assistant.gateway.handoff import cli
from assistant.gateway.handoff.models import Annotation
from assistant.privacy.rasa_events import EVENTS
from assistant.storage.models import Conversation, Message, utcnow
from assistant.vocabulary import vocabulary
from tests.conftest import chat_auth

from .conftest import handoff_replies, login


def add_events(app, sender, *rows):
    engine = app[SESSIONS].kw["bind"]
    EVENTS.metadata.create_all(engine)
    with engine.begin() as conn:
        for type_name, intent, action, data in rows:
            conn.execute(insert(EVENTS).values(sender_id=sender, type_name=type_name, intent_name=intent,
                                               action_name=action, timestamp=time.time(), data=json.dumps(data)))


async def seed(client, app, fake_rasa):
    """Three conversations: one with advice, one with a fallback and a handoff, one on telegram."""
    auth = chat_auth(client, "web-advies-0000001")
    auth_2 = chat_auth(client, "web-fallback-00001")
    await client.post("/api/v1/chat/web-advies-0000001/messages", json={"text": "Kan ik SLIM krijgen?"}, headers=auth)
    fake_rasa.replies["mens"] = handoff_replies()
    await client.post("/api/v1/chat/web-fallback-00001/messages", json={"text": "blablabla"}, headers=auth_2)
    await client.post("/api/v1/chat/web-fallback-00001/messages", json={"text": "mens"}, headers=auth_2)
    from assistant.gateway.app import SERVICE

    await app[SERVICE].handle_user_message("tg-555", "Wat kost een opleiding?", channel="telegram", loket_id="demo")
    add_events(app, "web-advies-0000001",
               ("user", "faq", None, {"text": "Kan ik SLIM krijgen?", "parse_data": {
                   "intent": {"name": "faq"},
                   "response_selector": {"faq": {"response": {"intent_response_key": "faq/ask_slim"}}}}}),
               ("action", None, "action_turn", {}),
               ("bot", None, None, {"event": "bot", "text": "Dit is je advies.",
                                    "data": {"custom": {"kind": "advice"}}}))
    add_events(app, "web-fallback-00001",
               ("user", "nlu_fallback", None, {"text": "blablabla"}),
               ("user", "request_human", None, {"text": "mens"}))


async def test_filters_and_search(client, app, fake_rasa, advisers):
    await seed(client, app, fake_rasa)
    sessions = app[SESSIONS]

    def ids(**kw):
        rows, total = transcripts.list_conversations(sessions, transcripts.TranscriptFilter(**kw))
        assert total == len(rows)
        return {r.id for r in rows}

    everything = {"web-advies-0000001", "web-fallback-00001", "tg-555"}
    assert ids() == everything
    assert ids(channel="telegram") == {"tg-555"}
    assert ids(loket_id="demo") == {"tg-555"}
    assert ids(handoff=True) == {"web-fallback-00001"}
    assert ids(handoff=False) == {"web-advies-0000001", "tg-555"}
    assert ids(fallback=True) == {"web-fallback-00001"}
    assert ids(outcome="advies") == {"web-advies-0000001"}
    assert ids(outcome="geen") == {"web-fallback-00001", "tg-555"}
    assert ids(query="opleiding") == {"tg-555"}
    assert ids(query="100%_") == set()  # LIKE wildcards are literal
    today = utcnow().date()
    assert ids(date_from=today - timedelta(days=1)) == everything
    assert ids(date_to=today - timedelta(days=2)) == set()
    with sessions.begin() as db:
        db.execute(update(Conversation).where(Conversation.id == "tg-555")
                   .values(created_at=utcnow() - timedelta(days=10)))
    assert ids(date_from=today - timedelta(days=3)) == {"web-advies-0000001", "web-fallback-00001"}

    await login(client, "anna")
    page = await client.get("/console/transcripts?kanaal=telegram")
    html = await page.text()
    assert page.status == 200 and "tg-555" in html and "web-advies-0000001" not in html


async def test_transcript_view_shows_profile_and_advice_and_is_audited(client, app, fake_rasa, advisers):
    fake_rasa.slots["web-advies-0000001"] = {"age": 30, "work_status": "zzp"}
    await seed(client, app, fake_rasa)
    await login(client, "anna")
    resp = await client.get("/console/transcripts/web-advies-0000001")
    html = await resp.text()
    assert resp.status == 200
    assert "Kan ik SLIM krijgen?" in html
    assert "zzp" in html and "Peildatum" in html
    from assistant.gateway.handoff.models import AuditEntry

    with app[SESSIONS]() as db:
        seen = db.execute(select(AuditEntry).where(AuditEntry.action == "view_transcript")).scalars().one()
    assert seen.conversation_id == "web-advies-0000001"
    assert (await client.get("/console/transcripts/web-bestaat-niet-1")).status == 404


async def test_annotations_and_nlu_export(client, app, fake_rasa, advisers, tmp_path, monkeypatch):
    await seed(client, app, fake_rasa)
    csrf = await login(client, "anna")
    sessions = app[SESSIONS]
    with sessions() as db:
        msg_id = db.execute(select(Message.id).where(Message.text == "blablabla")).scalar_one()
        q_id = db.execute(select(Message.id).where(Message.text == "Wat kost een opleiding?")).scalar_one()
    url = "/console/transcripts/web-fallback-00001/annotations"
    form = {"csrf_token": csrf, "kind": "misunderstood", "message_id": str(msg_id), "intent": "out_of_scope",
            "comment": "onzin"}
    resp = await client.post(url, data=form, allow_redirects=False)
    assert resp.status == 302
    # A message from another conversation is refused.
    other = await client.post(url, data={**form, "message_id": str(q_id)}, allow_redirects=False)
    assert other.status == 400
    # Entity correction with a canonical value on the telegram question.
    resp = await client.post("/console/transcripts/tg-555/annotations", allow_redirects=False, data={
        "csrf_token": csrf, "kind": "misunderstood", "message_id": str(q_id), "intent": "faq/ask_cost",
        "entity": "goal", "entity_text": "opleiding", "entity_value": "diploma_halen"})
    assert resp.status == 302
    for data in ({"kind": "advice", "verdict": "wrong", "comment": "SLIM is voor werkgevers"},
                 {"kind": "tag", "tag": "schulden"}):
        resp = await client.post("/console/transcripts/web-advies-0000001/annotations", allow_redirects=False,
                                 data={"csrf_token": csrf, **data})
        assert resp.status == 302
    bad = await client.post("/console/transcripts/web-advies-0000001/annotations", allow_redirects=False,
                            data={"csrf_token": csrf, "kind": "advice", "verdict": "misschien"})
    assert bad.status == 400
    with sessions() as db:
        kinds = sorted(a.kind for a in db.execute(select(Annotation)).scalars())
    assert kinds == ["advice", "misunderstood", "misunderstood", "tag"]

    nlu = transcripts.export_nlu(sessions)
    data = yaml.safe_load(nlu.yaml_text)
    examples = {item["intent"]: item["examples"] for item in data["nlu"]}
    assert examples["out_of_scope"].strip() == "- blablabla"
    assert examples["faq/ask_cost"].strip() == '- Wat kost een [opleiding]{"entity": "goal", "value": "diploma_halen"}?'
    assert nlu.examples == 2

    # The CLI writes the same files.
    monkeypatch.setenv("DATABASE_URL", str(sessions.kw["bind"].url))
    out = tmp_path / "nlu.yml"
    assert cli.export_transcripts(argparse.Namespace(since=None, format="rasa-nlu", output=str(out))) == 0
    assert yaml.safe_load(out.read_text()) == data
    out = tmp_path / "t.jsonl"
    assert cli.export_transcripts(argparse.Namespace(since="2000-01-01", format="jsonl", output=str(out))) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    by_id = {c["conversation_id"]: c for c in lines}
    assert set(by_id) == {"web-advies-0000001", "web-fallback-00001", "tg-555"}
    assert by_id["web-fallback-00001"]["handoff"] is True and by_id["web-fallback-00001"]["fallback"] is True
    assert by_id["web-advies-0000001"]["outcome"] == "advies"
    assert {a["kind"] for a in by_id["web-advies-0000001"]["annotations"]} == {"advice", "tag"}
    assert by_id["web-fallback-00001"]["handoff_cases"][0]["summary"]["age"] == 38
    assert cli.export_transcripts(argparse.Namespace(since="gisteren", format="jsonl", output="-")) == 2


async def test_dashboard(client, app, fake_rasa, advisers):
    await seed(client, app, fake_rasa)
    data = transcripts.dashboard(app[SESSIONS], days=7)
    assert data.total == 3
    assert data.completion_rate == round(1 / 3, 3)
    assert data.handoff_rate == round(1 / 3, 3)
    assert data.fallback_rate == round(1 / 3, 3)
    assert sum(n for _d, n in data.per_day) == 3 and len(data.per_day) == 7
    assert dict(data.top_intents) == {"faq/ask_slim": 1, "request_human": 1}
    assert dict(data.top_questions) == {"kan ik slim krijgen?": 1, "wat kost een opleiding?": 1}
    await login(client, "anna")
    page = await client.get("/console/dashboard")
    html = await page.text()
    assert page.status == 200 and "vraag over slim" in html and "een adviseur willen spreken" in html
    assert "faq/ask_slim" not in html and "request_human" not in html  # plain Dutch, no intent names


def test_dashboard_leaves_out_test_conversations_and_junk_texts(app):
    sessions = app[SESSIONS]
    texts = {"web-real-1": ["hoe vraag ik slim aan?", "test?", "asdf asdf?", "????"],
             "web-real-2": ["hoe vraag ik slim aan?", "dit is een test?", "heeeeeel raar?"],
             "web-tagged-1": ["wat kost een opleiding bij jullie?"]}
    with sessions.begin() as db:
        for cid, said in texts.items():
            db.add(Conversation(id=cid, channel="web"))
            db.flush()
            for text in said:
                db.add(Message(conversation_id=cid, sender="user", text=text))
        db.add(Annotation(conversation_id="web-tagged-1", kind="tag", tag="Test"))
    data = transcripts.dashboard(sessions, days=7)
    assert dict(data.top_questions) == {"hoe vraag ik slim aan?": 2}
    assert data.total == 2  # the conversation labelled as a test does not count at all
    assert transcripts.is_junk("testtest 123?") and not transcripts.is_junk("is het testament geldig?")


async def test_transcript_rows_say_who_goal_and_place_and_sort(client, app, fake_rasa, advisers):
    await seed(client, app, fake_rasa)
    add_events(app, "tg-555",
               ("slot", None, None, {"event": "slot", "name": "goal", "value": "bijscholen"}),
               ("slot", None, None, {"event": "slot", "name": "municipality", "value": "Zwolle"}))
    sessions = app[SESSIONS]
    rows = {r.id: r for r in transcripts.list_conversations(sessions, transcripts.TranscriptFilter())[0]}
    assert (rows["tg-555"].goal, rows["tg-555"].place, rows["tg-555"].name) == ("bijscholen", "Zwolle", "onbekend")
    # Without tracker slots the handoff summary tells the place.
    assert rows["web-fallback-00001"].place == "Utrecht" and rows["web-fallback-00001"].case_advice
    with sessions.begin() as db:
        db.execute(update(Conversation).where(Conversation.id == "web-advies-0000001")
                   .values(created_at=utcnow() - timedelta(days=2)))
    oldest = transcripts.list_conversations(sessions, transcripts.TranscriptFilter(sort="oud"))[0]
    newest = transcripts.list_conversations(sessions, transcripts.TranscriptFilter(sort="nieuw"))[0]
    assert oldest[0].id == "web-advies-0000001" and newest[-1].id == "web-advies-0000001"
    await login(client, "anna")
    html = await (await client.get("/console/transcripts?sorteer=oud")).text()
    assert "Zwolle" in html and vocabulary()["goal"].label_of("bijscholen") in html and "bijscholen" not in html
