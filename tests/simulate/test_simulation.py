"""The simulator's bars, parser-only and through the trained model.

Progress and safety invariants must hold in every conversation: it ends in the advice or an
asked-for handoff, no prompt comes a third time, no handoff or deletion without a yes, no text
about a scheme the person did not ask about, no crash. Reading invariants (every fact is one
the person gave; an answer is never overruled) are measured and held below a ceiling that is
the measured rate plus a small margin: they are misreadings of free Dutch that the bank of
paraphrases keeps finding, and the ceiling makes sure they only go down.

Parser-only: the intake state machine reads every message with the parser alone (the
simulator's own digressions carry the intent it meant). 10,000 conversations took 185-260 s
on one core (over the suite's ~3 minute budget), so the suite runs 2,000 (about 40 s) and
``make simulate`` (or KOERS_SIMULATE_N=10000) the full 10,000.
NLU: >= 1,000 conversations through the newest model in models/ (in-process Rasa Agent).
"""

from __future__ import annotations

import os
from datetime import date

import pytest

from assistant.simulate.report import render
from assistant.simulate.run import MachineMissing, load_machine, newest_model, nlu_reader, run_many

PARSER_N = int(os.environ.get("KOERS_SIMULATE_N") or 2000)
NLU_N = 1000


@pytest.fixture(scope="module")
def machine():
    try:
        return load_machine()
    except MachineMissing as exc:
        pytest.skip(f"Intake-machine ontbreekt nog: {exc}")


SAFETY = ("no_outcome", "repeated_prompt", "unaccepted_effect", "scheme_mention", "crash")
READING = ("wrong_fact", "answer_overruled")
# Share of conversations with a reading violation. Parser-only: 0 of 10,000 since 2026-12-07
# (results/simulation.md), so the bar is the issue's own: none. NLU: 3.7 % of 1,000 measured on
# 2026-12-02 (results/simulation-nlu.md); the NLU's own misreadings keep a ceiling.
PARSER_READING_MAX = 0.0
NLU_READING_MAX = 0.06


def _assert_bars(summary, name, reading_max):
    report = render(summary, name)[:6000]
    safety = {k: summary.counts.get(k, 0) for k in SAFETY if summary.counts.get(k, 0)}
    assert not safety, f"{safety} in {summary.n} conversations ({name}):\n{report}"
    assert set(summary.counts) <= set(SAFETY) | set(READING), summary.counts
    rate = summary.failed_conversations / summary.n
    assert rate <= reading_max, f"{rate:.1%} of conversations misread (max {reading_max:.1%}) ({name}):\n{report}"


@pytest.mark.simulate
def test_parser_only_conversations_keep_every_invariant(machine):
    summary = run_many(PARSER_N, seed=20261202, machine=machine, today=date.today())
    assert summary.n == PARSER_N and len(summary.questions) == PARSER_N
    _assert_bars(summary, f"parser-only, seed 20261202, n {PARSER_N}", PARSER_READING_MAX)


@pytest.mark.simulate
@pytest.mark.e2e
def test_nlu_conversations_keep_every_invariant(machine):
    model = newest_model()
    if model is None:
        pytest.skip("Geen getraind model in models/: NLU-simulatie overgeslagen (draai 'koers train').")
    summary = run_many(NLU_N, seed=7, machine=machine, reader=nlu_reader(machine, model), mode=str(model),
                       today=date.today())
    _assert_bars(summary, f"NLU {model.name}, seed 7, n {NLU_N}", NLU_READING_MAX)
