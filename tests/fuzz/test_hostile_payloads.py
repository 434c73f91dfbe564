"""Hostile payloads to every public entry of the running service (issue 10, item 10).

Property tests (hypothesis) over HTTP: chat messages, raw bodies, WhatsApp and Telegram webhook
updates. Invariants: never a server error; every chat message is answered (200 with replies) or
refused with a Dutch message in ``error`` (4xx); no accepted message is lost (each one is in
the conversation's stored history). KOERS_FUZZ_EXAMPLES sets the number of cases per property
(`make fuzz` runs thousands).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import EXAMPLES
from .live import TG_SECRET, Live, wa_signature

requests = pytest.importorskip("requests")

FUZZ = settings(max_examples=EXAMPLES * 8, deadline=None, suppress_health_check=list(HealthCheck))
MAX_CHARS = 2000  # KOERS_MAX_MESSAGE_CHARS's default
REFUSALS = {400, 404, 405, 413, 415, 429}
# Dutch words that every refusal of the chat API uses one of ("Stuur …", "Dit gesprek …").
DUTCH = ("je", "het", "niet", "een", "dit", "stuur", "bericht", "gesprek", "te", "is")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)
# What people and attackers type: any Unicode, intent syntax, markup, very long text.
texts = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["/restart", '/inform{"work_status": "zzp"}', "<script>alert(1)</script>", " ", "\u200b",
                     "ik ben 45 en werk in de zorg", "x" * 5000, "\x00", "hoi\r\nhallo"]),
    st.builds(lambda a, b: a + b, st.sampled_from(["/", " /", "\t/"]), st.text(max_size=40)),
)


def _dutch_refusal(resp: Any) -> bool:
    try:
        error = resp.json().get("error", "")
    except ValueError:
        error = resp.text
    words = {w.strip(".,:;!?'\"()").lower() for w in str(error).split()}
    return bool(words & set(DUTCH))


@pytest.fixture(scope="module")
def chat(live: Live) -> dict[str, Any]:
    body = requests.post(f"{live.url}/api/v1/chat", json={}, timeout=30).json()
    return {"id": body["conversation_id"], "auth": {"Authorization": f"Bearer {body['token']}"}, "accepted": 0}


@FUZZ
@given(text=texts)
def test_every_chat_message_is_answered_or_refused_in_dutch(live: Live, chat: dict[str, Any], text: str) -> None:
    # json.dumps writes a lone surrogate as an escape, as a browser's JSON.stringify does.
    resp = requests.post(f"{live.url}/api/v1/chat/{chat['id']}/messages", data=json.dumps({"text": text}),
                         headers={**chat["auth"], "Content-Type": "application/json"}, timeout=30)
    assert resp.status_code < 500, resp.text
    if resp.status_code == 200:
        assert resp.json()["messages"], "an accepted message gets an answer"
        # An empty or too long text is answered with a prompt and not kept (the service's own rule).
        chat["accepted"] += bool(text.strip()) and len(text.strip()) <= MAX_CHARS
    else:
        assert resp.status_code in REFUSALS and _dutch_refusal(resp), (resp.status_code, resp.text)


def test_no_accepted_message_is_lost(live: Live, chat: dict[str, Any]) -> None:
    """Runs after the property above (same module, file order): each accepted message is stored."""
    stored, after = 0, 0
    while True:
        page = requests.get(f"{live.url}/api/v1/chat/{chat['id']}/messages", params={"after_seq": after},
                            headers=chat["auth"], timeout=30).json()["messages"]
        if not page:
            break
        stored += sum(1 for m in page if m["sender"] == "user")
        after = page[-1]["seq"]
    assert chat["accepted"] > 0 and stored == chat["accepted"]


@FUZZ
@given(body=st.one_of(st.binary(max_size=2000), json_values.map(lambda v: json.dumps(v).encode())),
       content_type=st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded",
                                     "multipart/form-data; boundary=x", ""]),
       path=st.sampled_from(["/api/v1/chat", "/api/v1/chat/{cid}/messages", "/api/v1/chat/{cid}/start",
                             "/api/v1/chat/{cid}/feedback", "/api/v1/auth/login", "/webhooks/whatsapp",
                             "/webhooks/telegram"]))
def test_raw_bodies_never_cause_a_server_error(live: Live, chat: dict[str, Any], body: bytes, content_type: str,
                                               path: str) -> None:
    headers = {**chat["auth"], **({"Content-Type": content_type} if content_type else {})}
    resp = requests.post(live.url + path.format(cid=chat["id"]), data=body, headers=headers, timeout=30)
    assert resp.status_code < 500, (path, resp.status_code, resp.text)


wa_messages = st.fixed_dictionaries({
    "from": st.one_of(st.just("31612345678"), st.text(max_size=20)),
    "id": st.one_of(st.text(min_size=1, max_size=40), st.text(min_size=190, max_size=400)),
    "timestamp": st.one_of(st.just("1718000000"), st.text(max_size=12), st.integers().map(str)),
    "type": st.sampled_from(["text", "interactive", "image", "location", "button", "unknown", ""]),
}, optional={"text": st.one_of(st.fixed_dictionaries({"body": texts}), json_values),
             "interactive": json_values, "context": json_values})


@FUZZ
@given(messages=st.lists(wa_messages, max_size=3), value_extra=st.dictionaries(st.text(max_size=8), json_values,
                                                                               max_size=2))
def test_signed_whatsapp_updates_never_cause_a_server_error(live: Live, messages: list[dict[str, Any]],
                                                            value_extra: dict[str, Any]) -> None:
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "106540352242922"},
             "contacts": [{"wa_id": "31612345678", "profile": {"name": "Sanne"}}], "messages": messages,
             **value_extra}
    envelope = {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"value": value,
                                                                                         "field": "messages"}]}]}
    body = json.dumps(envelope).encode()
    resp = requests.post(f"{live.url}/webhooks/whatsapp", data=body, timeout=30,
                         headers={"Content-Type": "application/json", "X-Hub-Signature-256": wa_signature(body)})
    assert resp.status_code < 500, resp.text


@FUZZ
@given(update_id=st.integers(min_value=-10, max_value=2**40), text=texts,
       chat_id=st.one_of(st.integers(), st.text(max_size=10)),
       extra=st.dictionaries(st.sampled_from(["callback_query", "edited_message", "message", "my_chat_member"]),
                             json_values, max_size=2))
def test_telegram_updates_never_cause_a_server_error(live: Live, update_id: int, text: str, chat_id: Any,
                                                     extra: dict[str, Any]) -> None:
    update = {"update_id": update_id,
              "message": {"message_id": 1, "date": 1718000000, "text": text,
                          "chat": {"id": chat_id, "type": "private"}, "from": {"id": chat_id, "is_bot": False}},
              **extra}
    resp = requests.post(f"{live.url}/webhooks/telegram", data=json.dumps(update), timeout=30,
                         headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET, "Content-Type": "application/json"})
    assert resp.status_code < 500, resp.text


def test_every_accepted_webhook_update_was_processed_once_without_an_error(live: Live) -> None:
    """The webhooks answer before the turn (inbox): a crash in the turn shows only here."""
    from sqlalchemy import func, select

    from assistant.gateway.app import SESSIONS
    from assistant.gateway.channels.inbox import INBOXES
    from assistant.gateway.channels.models import InboxUpdate

    async def drain() -> None:
        for inbox in live.app[INBOXES]:
            await inbox.drain()

    live.run(drain())
    with live.app[SESSIONS]() as db:
        rows = dict(db.execute(select(InboxUpdate.state, func.count()).group_by(InboxUpdate.state)).all())
        retried = db.execute(select(func.count()).where(InboxUpdate.attempts > 1)).scalar()
    assert rows.get("done", 0) > 0 and set(rows) == {"done"}, rows
    assert retried == 0
