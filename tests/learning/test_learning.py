"""Corrections (domain check, redaction, four-eyes, withdraw), corrections.yml merge, the gate."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.learning import corrections as corr
from assistant.learning import merge
from assistant.learning.gate import Metrics, decide, format_report
from assistant.learning.models import Correction  # noqa: F401  (table on the metadata)
from assistant.storage.db import make_engine, make_session_factory

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sessions(db_url):
    return make_session_factory(make_engine(db_url))


@pytest.fixture
def vocab():
    return corr.load_vocabulary(ROOT)


def _propose(sessions, vocab, text="wat is evc precies", intent="faq/ask_evc", adviser_id=1, **kw):
    return corr.propose(sessions, vocab, conversation_id="c1", text=text, intent=intent,
                        adviser_id=adviser_id, adviser_name=f"a{adviser_id}", **kw)


def test_vocabulary_has_faq_keys_and_entities(vocab):
    assert "faq/ask_evc" in vocab.intents and "greet" in vocab.intents and "faq" not in vocab.intents
    assert "education_level" in vocab.entities


def test_unknown_intent_entity_and_faq_topic_refused(sessions, vocab):
    with pytest.raises(corr.CorrectionError, match="bestaat niet in Koers"):
        _propose(sessions, vocab, intent="ask_lunch")
    with pytest.raises(corr.CorrectionError, match="nieuw onderwerp"):
        _propose(sessions, vocab, intent="faq/ask_mbo_certificaat")
    with pytest.raises(corr.CorrectionError, match="entiteit"):
        _propose(sessions, vocab, text="ik heb mbo 2", intent="inform", entity="diploma", entity_text="mbo 2")
    assert corr.request_faq_topic(sessions, text="mbo certificaat?", topic="ask_mbo_certificaat",
                                  adviser_name="a1") > 0


def test_pii_is_redacted_and_then_refused_as_unsafe(sessions, vocab):
    with pytest.raises(corr.CorrectionError, match="persoonlijke"):
        _propose(sessions, vocab, text="bel me op 0612345678 over evc")


def test_four_eyes_and_self_review(sessions, vocab, monkeypatch):
    cid = _propose(sessions, vocab)
    with pytest.raises(corr.CorrectionError, match="eigen correctie"):
        corr.review(sessions, cid, reviewer_id=1, reviewer_name="a1", verdict="approve")
    monkeypatch.setenv("KOERS_REVIEWS_REQUIRED", "2")
    assert corr.review(sessions, cid, reviewer_id=2, reviewer_name="a2", verdict="approve") == "pending"
    with pytest.raises(corr.CorrectionError, match="al beoordeeld"):
        corr.review(sessions, cid, reviewer_id=2, reviewer_name="a2", verdict="approve")
    assert corr.approved(sessions) == []
    assert corr.review(sessions, cid, reviewer_id=3, reviewer_name="a3", verdict="approve") == "approved"
    [c] = corr.approved(sessions)
    assert c.reviewers == ("a2", "a3") and c.adviser == "a1"


def test_withdraw_drops_it_from_training(sessions, vocab):
    cid = _propose(sessions, vocab)
    corr.review(sessions, cid, reviewer_id=2, reviewer_name="a2", verdict="approve")
    with pytest.raises(corr.CorrectionError):
        corr.withdraw(sessions, cid, by_id=5, by_name="x", is_admin=False)
    corr.withdraw(sessions, cid, by_id=1, by_name="a1", is_admin=False)
    assert corr.approved(sessions) == []


def test_merge_dedups_keeps_provenance_and_is_valid_rasa_yaml(sessions, vocab):
    ids = [_propose(sessions, vocab, text=t, intent=i, **kw) for t, i, kw in (
        ("wat is evc precies", "faq/ask_evc", {}),
        ("Wat is EVC  precies", "faq/ask_evc", {}),
        ("ik heb havo gedaan", "inform", {"entity": "education_level", "entity_text": "havo",
                                          "entity_value": "havo_vwo"}),
    )]
    for i in ids:
        corr.review(sessions, i, reviewer_id=9, reviewer_name="bert", verdict="approve")
    text, merged = merge.render(corr.approved(sessions))
    assert merged == [ids[0], ids[2]]
    assert f"# correction {ids[0]} | conversation c1 | adviser a1 | reviewer bert" in text
    data = yaml.safe_load(text)
    examples = {d["intent"]: d["examples"] for d in data["nlu"]}
    assert "[havo]" in examples["inform"] and '"value": "havo_vwo"' in examples["inform"]
    assert "#" not in examples["faq/ask_evc"]
    assert yaml.safe_load(merge.render([])[0]) == {"version": "3.1", "nlu": []}
    assert "+- intent: inform" in merge.diff(merge.render([])[0], text)


def test_empty_corrections_file_in_repo_is_valid():
    assert yaml.safe_load((ROOT / "data/nlu/corrections.yml").read_text()) == {"version": "3.1", "nlu": []}


LIVE = Metrics(0.96, 0.93, {"greet": 1.0, "inform": 0.9, "faq/ask_evc": 0.8}, {"age": 0.95}, 0)


def test_gate_promotes_when_nothing_worse():
    cand = Metrics(0.962, 0.93, {"greet": 0.98, "inform": 0.92, "faq/ask_evc": 1.0}, {"age": 0.95}, 0)
    d = decide(LIVE, cand)
    assert d.promote and not d.regressions
    assert "faq/ask_evc" in format_report(d)


@pytest.mark.parametrize("cand", [
    Metrics(0.95, 0.93, LIVE.per_intent_f1, LIVE.per_entity_f1, 0),  # accuracy down
    Metrics(0.96, 0.90, LIVE.per_intent_f1, LIVE.per_entity_f1, 0),  # entity F1 down
    Metrics(0.96, 0.93, {"greet": 1.0, "inform": 0.8, "faq/ask_evc": 0.8}, LIVE.per_entity_f1, 0),  # one intent
    Metrics(0.96, 0.93, {"greet": 1.0, "inform": 0.9}, LIVE.per_entity_f1, 0),  # intent lost
    Metrics(0.96, 0.93, LIVE.per_intent_f1, LIVE.per_entity_f1, 1),  # a story fails
])
def test_gate_refuses_any_regression(cand):
    d = decide(LIVE, cand)
    assert not d.promote and d.regressions
    assert "SLECHTER" in format_report(d)


@pytest.mark.parametrize("nlu_only", [False, True])
def test_an_nlu_only_candidate_is_measured_but_never_put_live(sessions, tmp_path, monkeypatch, nlu_only):
    from assistant.learning import improve as imp

    live = tmp_path / "models" / "koers.tar.gz"
    live.parent.mkdir()
    live.write_bytes(b"live")
    (tmp_path / "data" / "nlu").mkdir(parents=True)

    def fake_train(home, name, only, config=None):
        out = tmp_path / "models" / "candidates" / f"{name}.tar.gz"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(b"candidate")
        return out

    monkeypatch.setattr(imp, "train_candidate", fake_train)
    monkeypatch.setattr(imp, "evaluate_nlu", lambda home, model: Metrics(0.96, 0.93, dict(LIVE.per_intent_f1),
                                                                         dict(LIVE.per_entity_f1), None))
    monkeypatch.setattr(imp, "simulator_report", lambda model: None)
    result = imp.improve(sessions, tmp_path, nlu_only=nlu_only, live_model=live, with_stories=False)
    assert result.promoted is (not nlu_only)
    assert live.read_bytes() == (b"live" if nlu_only else b"candidate")
