"""Rasa's REST channel splits ``utter_message(text, json_message)``; the client puts kinds back."""

from __future__ import annotations

from assistant.gateway.channels.render import render_widget
from assistant.gateway.rasa_client import BotMessage, Button, attach_kinds


def test_a_kind_payload_goes_back_onto_its_text() -> None:
    raw = [
        BotMessage(text="Dit is mijn advies in het kort."),
        BotMessage(custom={"kind": "advice"}),
        BotMessage(text="**Wat kun je doen?**"),
        BotMessage(custom={"kind": "advice_detail", "title": "Wat kun je doen?"}),
        BotMessage(text="Let op.", buttons=(Button("Opnieuw beginnen", "Opnieuw beginnen"),)),
    ]
    merged = attach_kinds(raw)
    assert [m.text for m in merged] == ["Dit is mijn advies in het kort.", "**Wat kun je doen?**", "Let op."]
    assert merged[0].custom == {"kind": "advice"}
    assert merged[1].custom == {"kind": "advice_detail", "title": "Wat kun je doen?"}
    widget = render_widget(merged)
    assert widget[0]["kind"] == "advice" and widget[1]["title"] == "Wat kun je doen?"


def test_other_payloads_stay_separate() -> None:
    handoff = BotMessage(custom={"handoff": "requested", "summary": {"age": 40}})
    raw = [BotMessage(text="Ik geef je door."), handoff, BotMessage(custom={"kind": "advice"})]
    merged = attach_kinds(raw)
    # The handoff signal keeps its own message; a kind with no text before it stays alone too.
    assert merged == raw
    assert "summary" not in str(render_widget(merged))
