"""The NLU pipeline is chosen automatically: spaCy model when installed, offline otherwise."""

import importlib.util
import logging
from pathlib import Path

import yaml

from assistant.nlu import pipeline

ROOT = Path(__file__).resolve().parents[2]


def _components(config: Path) -> list[str]:
    return [c["name"] for c in yaml.safe_load(config.read_text())["pipeline"]]


def test_fallback_is_used_when_spacy_model_is_absent(monkeypatch, caplog):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec",
        lambda name, *a: None if name == "nl_core_news_sm" else real_find_spec(name, *a),
    )
    with caplog.at_level(logging.INFO):
        choice = pipeline.select_pipeline(ROOT)
    assert choice.config.name == "config.yml"
    assert not choice.uses_spacy
    assert "SpacyNLP" not in _components(choice.config)
    assert any("nlu pipeline selected" in r.getMessage() for r in caplog.records)


def test_spacy_pipeline_is_used_when_model_is_installed(monkeypatch):
    real_find_spec = importlib.util.find_spec
    sentinel = real_find_spec("json")
    monkeypatch.setattr(
        importlib.util, "find_spec",
        lambda name, *a: sentinel if name == "nl_core_news_sm" else real_find_spec(name, *a),
    )
    choice = pipeline.select_pipeline(ROOT)
    assert choice.config.name == "config.spacy.yml"
    assert choice.uses_spacy
    components = _components(choice.config)
    assert components[:2] == ["SpacyNLP", "SpacyTokenizer"]


def test_this_machine_reports_what_is_really_installed():
    # CI has no nl_core_news_sm (not on PyPI): the real check must say so, not a constant.
    assert pipeline.spacy_model_available() == (importlib.util.find_spec("nl_core_news_sm") is not None)


def test_both_configs_share_seeds_and_classifiers():
    for name in ("config.yml", "config.spacy.yml"):
        cfg = yaml.safe_load((ROOT / name).read_text())
        assert cfg["language"] == "nl"
        seeded = [c for c in cfg["pipeline"] + cfg["policies"] if "random_seed" in c]
        assert {c["name"] for c in seeded} >= {"DIETClassifier", "ResponseSelector"}
        assert all(c["random_seed"] == 42 for c in seeded)
        # The dialogue is the state machine behind action_turn: only the RulePolicy routes to it.
        assert [p["name"] for p in cfg["policies"]] == ["RulePolicy"]
