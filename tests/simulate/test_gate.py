"""The NLU reader and koers improve's plug point, with a stand-in for Rasa's Agent (no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

import assistant.simulate as simulate_pkg
from assistant.learning.improve import simulator_report
from assistant.simulate import run as run_mod


class FakeAgent:
    """Parses like an NLU model that knows no intent but greetings: everything else is inform."""

    loaded: list[str] = []
    parsed: list[str] = []

    @classmethod
    def load(cls, path: str) -> FakeAgent:
        cls.loaded.append(path)
        return cls()

    async def parse_message(self, text: str) -> dict:
        FakeAgent.parsed.append(text)
        intent = "greet" if text in ("hoi", "hallo", "dag") else "inform"
        return {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}


@pytest.fixture
def fake_agent(monkeypatch):
    agent_mod = pytest.importorskip("rasa.core.agent")
    FakeAgent.loaded, FakeAgent.parsed = [], []
    monkeypatch.setattr(agent_mod, "Agent", FakeAgent)
    return FakeAgent


def _machine():
    try:
        return run_mod.load_machine()
    except run_mod.MachineMissing as exc:
        pytest.skip(str(exc))


def test_nlu_reader_sends_every_message_through_the_agent_and_reads_it_with_read_nlu(fake_agent):
    machine = _machine()
    read = run_mod.nlu_reader(machine, Path("models/x.tar.gz"))
    reading = read("ik ben 52", {"intent": "faq"})  # the simulator's meaning is ignored in NLU mode
    assert fake_agent.loaded == ["models/x.tar.gz"] and fake_agent.parsed == ["ik ben 52"]
    assert reading.text == "ik ben 52" and reading.intent == "inform"
    # Intent syntax a person types is text, whatever the model made of it.
    assert read("/restart", None).intent is None


def test_gate_report_is_what_koers_improve_expects(fake_agent, monkeypatch):
    _machine()
    monkeypatch.setattr(simulate_pkg, "GATE_CONVERSATIONS", 6)
    report = simulator_report(Path("models/candidate.tar.gz"))
    assert report is not None
    assert isinstance(report["failures"], int) and report["failures"] >= 0
    assert report["conversations"] == 6
    assert len(fake_agent.parsed) >= 6  # every conversation went through the model
