"""The real stack on loopback: Koers service -> Rasa -> action server, over HTTP."""

import json
import urllib.request

import pytest

pytestmark = pytest.mark.e2e


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def _open(stack) -> tuple[str, str]:
    """A new conversation as the widget makes one: its id and the token that opens it."""
    req = urllib.request.Request(f"{stack.url}/api/v1/chat", data=b"", method="POST")
    with urllib.request.urlopen(req, timeout=30) as resp:
        body = json.loads(resp.read())
    return body["conversation_id"], body["token"]


def _chat(stack, conversation: tuple[str, str], text: str) -> list[dict]:
    cid, token = conversation
    req = urllib.request.Request(
        f"{stack.url}/api/v1/chat/{cid}/messages",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read())["messages"]


def test_health_reports_every_component_up(stack):
    status, body = _get(f"{stack.url}/health")
    assert status == 200
    assert body["components"] == {"database": "ok", "rasa": "ok", "action_server": "ok"}


def test_first_dutch_conversation(stack):
    conversation = _open(stack)
    replies = _chat(stack, conversation, "hallo")
    texts = " ".join(m.get("text", "") for m in replies)
    assert "Koers" in texts  # introduces itself
    assert texts.strip().endswith("?") or any(m.get("buttons") for m in replies)  # asks a first question
    # Not understood: a graceful reply, never silence or an error.
    assert _chat(stack, conversation, "qwzx vlrp gnarf")
    # Stop ends the conversation politely.
    stop = " ".join(m.get("text", "") for m in _chat(stack, conversation, "stop"))
    assert stop


def test_conversation_survives_a_rasa_restart(stack):
    conversation = _open(stack)
    cid = conversation[0]
    _chat(stack, conversation, "hallo")
    before = _tracker_events(stack, cid)
    assert before, "Rasa kept no events"
    stack.restart("rasa")
    stack.wait_healthy(timeout_s=300)
    after = _tracker_events(stack, cid)
    assert len(after) >= len(before)
    assert [e["event"] for e in after[: len(before)]] == [e["event"] for e in before]


def _tracker_events(stack, cid: str) -> list[dict]:
    from sqlalchemy import create_engine, text

    # Read Rasa's tracker store table directly: proves it lives in Koers' own database.
    engine = create_engine(stack.database_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": cid}).all()
    engine.dispose()
    return [json.loads(r[0]) for r in rows]
