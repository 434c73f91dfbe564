"""The learning loop in the console: correct from a bubble, four-eyes review, withdraw, runs, live
model, and the model version recorded on every conversation."""

from __future__ import annotations

import io
import json
import re
import tarfile
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.gateway.app import SESSIONS
from assistant.gateway.handoff.models import AuditEntry
from assistant.gateway.model_version import MODEL_VERSIONS
from assistant.learning.models import Correction, FaqRequest, ImprovementRun
from assistant.storage.models import Conversation, Message
from tests.conftest import chat_auth

from .conftest import login

DOMAIN = """
version: "3.1"
intents:
  - greet
  - ask_advice
  - inform
  - faq
entities:
  - education_level
responses:
  utter_faq/ask_evc:
    - text: "EVC betekent ..."
"""
CID = "web-learning-000001"


@pytest.fixture(autouse=True)
def domain(settings) -> Path:
    folder = Path(settings.home) / "domain"
    folder.mkdir(exist_ok=True)
    (folder / "domain.yml").write_text(DOMAIN, encoding="utf-8")
    return folder


class Status:
    """Stands in for Rasa's /status; the model id can be switched to mimic a model swap."""

    def __init__(self, model_id: str | None) -> None:
        self.model_id = model_id
        self.calls = 0

    async def __call__(self) -> dict[str, str]:
        self.calls += 1
        return {"model_file": "koers.tar.gz", "model_id": self.model_id or ""}


async def chat(client, text: str, cid: str = CID) -> None:
    resp = await client.post(f"/api/v1/chat/{cid}/messages", json={"text": text}, headers=chat_auth(client, cid))
    assert resp.status == 200, await resp.text()


def user_message_ids(app, cid: str = CID) -> list[int]:
    with app[SESSIONS]() as db:
        return [int(i) for i in db.execute(select(Message.id).where(
            Message.conversation_id == cid, Message.sender == "user").order_by(Message.id)).scalars()]


def corrections_in_db(app) -> list[Correction]:
    with app[SESSIONS]() as db:
        return list(db.execute(select(Correction).order_by(Correction.id)).scalars())


async def propose(client, csrf: str, mid: int, **form: str):
    return await client.post(f"/console/learning/messages/{mid}/correct", data={"csrf_token": csrf, **form},
                             allow_redirects=False)


async def test_bubble_action_opens_form_and_unknown_labels_are_refused(client, app, advisers):
    await chat(client, "hoi")
    await chat(client, "wat is evc eigenlijk")
    first, second = user_message_ids(app)
    csrf = await login(client, "anna")
    page = await (await client.get(f"/console/transcripts/{CID}")).text()
    # A short form under each of the person's bubbles (not under Koers' replies), with choices.
    forms = re.findall(r'<details class="msg__fix">\s*<summary>Koers begreep dit niet</summary>\s*'
                       r'<form method="post" action="/console/learning/messages/(\d+)/correct">', page)
    assert forms == [str(first), str(second)]
    assert 'value="faq/ask_evc"' in page and 'value="ask_advice"' in page and 'value="education_level"' in page
    assert "om advies vragen" in page and "Hoogste diploma" in page  # plain Dutch, not names

    form = await (await client.get(f"/console/learning/messages/{second}/correct")).text()
    assert "wat is evc eigenlijk" in form
    assert 'value="faq/ask_evc"' in form and 'value="ask_advice"' in form and 'value="education_level"' in form
    assert 'value="faq"' not in form
    with app[SESSIONS]() as db:
        logged = db.execute(select(AuditEntry.action).where(AuditEntry.conversation_id == CID)).scalars().all()
    assert "learning_view_message" in logged

    resp = await propose(client, csrf, second, intent="ask_lunch")
    assert resp.status == 400 and "bestaat niet in Koers" in await resp.text()
    resp = await propose(client, csrf, second, intent="faq/ask_mbo_certificaat")
    assert resp.status == 400 and "nieuw onderwerp" in await resp.text()
    resp = await propose(client, csrf, second, intent="inform", entity="diploma", entity_text="evc")
    assert resp.status == 400 and "entiteit" in await resp.text()
    resp = await propose(client, csrf, second, intent="inform", entity="education_level", entity_text="mbo 4")
    assert resp.status == 400 and "staan niet in het bericht" in await resp.text()
    resp = await client.post(f"/console/learning/messages/{second}/correct", data={"intent": "faq/ask_evc"},
                             allow_redirects=False)
    assert resp.status == 403  # no CSRF token
    assert corrections_in_db(app) == []

    resp = await propose(client, csrf, second, intent="faq/ask_evc")
    assert resp.status == 302
    saved = await (await client.get(resp.headers["Location"])).text()
    assert "Een collega moet hem nog goedkeuren" in saved
    [row] = corrections_in_db(app)
    assert (row.intent, row.status, row.adviser_name, row.conversation_id, row.message_id) == \
        ("faq/ask_evc", "pending", "anna", CID, second)

    with app[SESSIONS]() as db:
        bot_id = db.execute(select(Message.id).where(Message.sender == "bot")).scalars().first()
    resp = await propose(client, csrf, int(bot_id), intent="greet")
    assert resp.status == 400  # Koers' own replies are not training data


async def test_new_faq_topic_is_a_request_not_training_data(client, app, advisers):
    await chat(client, "krijg ik een mbo certificaat")
    [mid] = user_message_ids(app)
    csrf = await login(client, "anna")
    resp = await client.post(f"/console/learning/messages/{mid}/faq",
                             data={"csrf_token": csrf, "topic": "mbo-certificaat"}, allow_redirects=False)
    assert resp.status == 302
    with app[SESSIONS]() as db:
        [req] = list(db.execute(select(FaqRequest)).scalars())
    assert (req.topic, req.adviser_name, req.conversation_id) == ("mbo-certificaat", "anna", CID)
    assert corrections_in_db(app) == []
    await login(client, "beheer")
    assert "mbo-certificaat" in await (await client.get("/console/admin/learning")).text()


async def test_review_is_four_eyes_and_admin_only(client, app, advisers):
    await chat(client, "ik wil graag advies")
    await chat(client, "wat is evc precies")
    first, second = user_message_ids(app)
    anna = await login(client, "anna")
    assert (await propose(client, anna, first, intent="ask_advice")).status == 302
    resp = await client.get("/console/admin/learning")
    assert resp.status == 403  # advisers do not review here

    admin = await login(client, "beheer")
    assert (await propose(client, admin, second, intent="faq/ask_evc")).status == 302
    own, other = corrections_in_db(app)[1], corrections_in_db(app)[0]
    page = await (await client.get("/console/admin/learning")).text()
    assert "ik wil graag advies" in page and "Jouw correctie" in page
    assert f"/console/admin/learning/corrections/{own.id}/review" not in page  # no buttons on your own

    resp = await client.post(f"/console/admin/learning/corrections/{own.id}/review",
                             data={"csrf_token": admin, "verdict": "approve"}, allow_redirects=False)
    assert resp.status == 400 and "eigen correctie" in await resp.text()
    resp = await client.post(f"/console/admin/learning/corrections/{other.id}/review",
                             data={"csrf_token": admin, "verdict": "approve"}, allow_redirects=False)
    assert resp.status == 302
    statuses = {c.id: c.status for c in corrections_in_db(app)}
    assert statuses == {other.id: "approved", own.id: "pending"}

    resp = await client.post(f"/console/admin/learning/corrections/{other.id}/withdraw",
                             data={"csrf_token": admin}, allow_redirects=False)
    assert resp.status == 302
    assert {c.id: c.status for c in corrections_in_db(app)}[other.id] == "withdrawn"


async def test_two_reviews_when_configured_and_author_can_withdraw(client, app, advisers, monkeypatch):
    monkeypatch.setenv("KOERS_REVIEWS_REQUIRED", "2")
    from assistant.gateway.handoff.auth import create_adviser

    from .conftest import PASSWORD

    create_adviser(app[SESSIONS], "chef", PASSWORD, "admin")
    await chat(client, "ik wil graag advies")
    [mid] = user_message_ids(app)
    anna = await login(client, "anna")
    await propose(client, anna, mid, intent="ask_advice")
    [row] = corrections_in_db(app)
    for name in ("beheer", "chef"):
        csrf = await login(client, name)
        await client.post(f"/console/admin/learning/corrections/{row.id}/review",
                          data={"csrf_token": csrf, "verdict": "approve"}, allow_redirects=False)
        expected = "pending" if name == "beheer" else "approved"
        assert corrections_in_db(app)[0].status == expected

    bert = await login(client, "bert")
    resp = await client.post(f"/console/learning/corrections/{row.id}/withdraw", data={"csrf_token": bert},
                             allow_redirects=False)
    assert resp.status == 403  # not bert's
    anna = await login(client, "anna")
    resp = await client.post(f"/console/learning/corrections/{row.id}/withdraw", data={"csrf_token": anna},
                             allow_redirects=False)
    assert resp.status == 302
    assert corrections_in_db(app)[0].status == "withdrawn"


def write_model(path: Path, model_id: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps({"model_id": model_id, "trained_at": "2026-01-05T10:00:00"}).encode()
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("metadata.json")
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))


async def test_runs_reports_and_live_model(client, app, advisers, settings, fake_rasa):
    write_model(Path(settings.home) / "models" / "koers.tar.gz", "f00dfeed1234abcd")
    fake_rasa.status = Status("0ldm0del99")
    report = {"merged": [1, 2], "diff": "+    - wat is evc", "notes": [],
              "regressions": ["intent F1 greet: 0.9 -> 0.5"],
              "rows": [{"kind": "intent F1", "name": "greet", "live": 0.9, "candidate": 0.5, "worse": True}]}
    with app[SESSIONS].begin() as db:
        db.add(ImprovementRun(dry_run=False, status="refused", promoted=False, report=report,
                              candidate_model="koers-candidate-x.tar.gz"))
    await login(client, "beheer")
    page = await (await client.get("/console/admin/learning")).text()
    assert "f00dfeed1234abcd" in page and "0ldm0del99" in page
    assert "Live model laden in Rasa" in page  # the file and the running model differ
    assert "niet live gezet" in page
    with app[SESSIONS]() as db:
        run_id = db.execute(select(ImprovementRun.id)).scalar_one()
    run = await (await client.get(f"/console/admin/learning/runs/{run_id}")).text()
    assert "intent F1 greet: 0.9 -&gt; 0.5" in run and "koers-candidate-x.tar.gz" in run
    assert "wat is evc" in run


async def test_admin_loads_the_live_model_into_rasa(client, app, advisers, settings, fake_rasa):
    model = Path(settings.home) / "models" / "koers.tar.gz"
    write_model(model, "n1euw-model")
    status = Status("0ldm0del99")
    fake_rasa.status = status
    loaded: list[str] = []

    async def load_model(path: str) -> None:
        loaded.append(path)
        status.model_id = "n1euw-model"

    fake_rasa.load_model = load_model
    anna = await login(client, "anna")
    resp = await client.post("/console/admin/learning/reload", data={"csrf_token": anna}, allow_redirects=False)
    assert resp.status == 403 and loaded == []
    admin = await login(client, "beheer")
    assert "Live model laden in Rasa" in await (await client.get("/console/admin/learning")).text()
    resp = await client.post("/console/admin/learning/reload", data={"csrf_token": admin}, allow_redirects=False)
    assert resp.status == 302
    assert loaded == [str(model.resolve())]
    page = await (await client.get(resp.headers["Location"])).text()
    assert "Rasa gebruikt nu het live model" in page
    assert "Live model laden in Rasa" not in page  # the cache was dropped: Rasa reports the new id


async def test_loading_fails_cleanly_when_rasa_is_down(client, app, advisers, settings, fake_rasa):
    from assistant.gateway.rasa_client import RasaUnavailable

    write_model(Path(settings.home) / "models" / "koers.tar.gz", "n1euw-model")

    async def load_model(path: str) -> None:
        raise RasaUnavailable("connection refused")

    fake_rasa.load_model = load_model
    admin = await login(client, "beheer")
    resp = await client.post("/console/admin/learning/reload", data={"csrf_token": admin}, allow_redirects=False)
    assert resp.status == 502 and "Het oude model blijft" in await resp.text()


async def test_every_conversation_records_the_model_that_answered(client, app, advisers, fake_rasa):
    status = Status("model-a-111111111111")
    fake_rasa.status = status
    versions = app[MODEL_VERSIONS]
    await chat(client, "hoi", cid="web-model-a-00001")
    await chat(client, "nog een vraag", cid="web-model-a-00001")
    assert status.calls == 1  # cached between turns
    status.model_id = "model-b-222222222222"
    versions.ttl_s = 0.0  # the cache expires: the next turn sees the new model
    await chat(client, "hallo", cid="web-model-b-00001")
    with app[SESSIONS]() as db:
        models = {c.id: c.model_id for c in db.execute(select(Conversation)).scalars()}
    assert models == {"web-model-a-00001": "model-a-111111111111", "web-model-b-00001": "model-b-222222222222"}
    await chat(client, "en nu?", cid="web-model-a-00001")
    with app[SESSIONS]() as db:
        assert db.get(Conversation, "web-model-a-00001").model_id == "model-b-222222222222"

    await login(client, "anna")
    page = await (await client.get("/console/transcripts/web-model-b-00001")).text()
    assert "model-b-2222" in page
    await login(client, "beheer")
    export = await (await client.get("/console/admin/export?format=jsonl")).text()
    exported = {d["conversation_id"]: d["model_id"] for d in map(json.loads, export.splitlines())}
    assert exported == {"web-model-a-00001": "model-b-222222222222", "web-model-b-00001": "model-b-222222222222"}


async def test_model_unknown_when_rasa_cannot_tell(client, app, advisers):
    # The fake Rasa has no /status: the conversation works and the model shows as unknown.
    await chat(client, "hoi")
    with app[SESSIONS]() as db:
        assert db.get(Conversation, CID).model_id is None
    await login(client, "anna")
    page = await (await client.get(f"/console/transcripts/{CID}")).text()
    assert "model: onbekend" in page


async def test_the_short_form_under_a_bubble_saves_and_comes_back_to_the_conversation(client, app, advisers):
    await chat(client, "wat is evc eigenlijk")
    [mid] = user_message_ids(app)
    csrf = await login(client, "anna")
    back = f"/console/transcripts/{CID}"
    resp = await client.post(f"/console/learning/messages/{mid}/correct", allow_redirects=False,
                             data={"csrf_token": csrf, "intent": "faq/ask_evc", "terug": back})
    assert resp.status == 302 and resp.headers["Location"] == f"{back}?opgeslagen=correctie#m{mid}"
    with app[SESSIONS]() as db:
        [(intent, status)] = db.execute(select(Correction.intent, Correction.status)).all()
    assert (intent, status) == ("faq/ask_evc", "pending")
    page = await (await client.get(resp.headers["Location"])).text()
    assert "Je correctie is opgeslagen." in page
    # Anywhere else than a console conversation: the correction page, never another site.
    resp = await client.post(f"/console/learning/messages/{mid}/correct", allow_redirects=False,
                             data={"csrf_token": csrf, "intent": "ask_advice", "terug": "https://evil.example/"})
    assert resp.headers["Location"] == f"/console/learning/messages/{mid}/correct?opgeslagen=correctie"
