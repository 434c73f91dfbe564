"""The simulator's bars: 0 invariant violations, parser-only and through the trained model.

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


def _assert_clean(summary, name):
    if summary.failures:
        # The report with example transcripts is the useful failure message.
        pytest.fail(f"{summary.failures} violations in {summary.n} conversations ({name}):\n"
                    + render(summary, name)[:6000])


@pytest.mark.simulate
def test_parser_only_conversations_keep_every_invariant(machine):
    summary = run_many(PARSER_N, seed=20261202, machine=machine, today=date.today())
    assert summary.n == PARSER_N and len(summary.questions) == PARSER_N
    _assert_clean(summary, f"parser-only, seed 20261202, n {PARSER_N}")


@pytest.mark.simulate
@pytest.mark.e2e
def test_nlu_conversations_keep_every_invariant(machine):
    model = newest_model()
    if model is None:
        pytest.skip("Geen getraind model in models/: NLU-simulatie overgeslagen (draai 'koers train').")
    summary = run_many(NLU_N, seed=7, machine=machine, reader=nlu_reader(machine, model), mode=str(model),
                       today=date.today())
    _assert_clean(summary, f"NLU {model.name}, seed 7, n {NLU_N}")
