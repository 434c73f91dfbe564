"""Rasa's own test tools as quality gates in the suite.

- the end-to-end test stories (tests/stories/) with user text pass with
  ``--fail-on-prediction-errors`` against the trained model and the real action server;
- the held-out NLU set (tests/nlu/heldout.yml, never used in training) meets the bars of
  issue 4: intent accuracy >= 0.95 and entity F1 >= 0.92 (weighted average).
"""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.nlu.training import model_path, rasa_executable
from assistant.runner import free_port, rasa_endpoints

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
MIN_INTENT_ACCURACY = 0.95
MIN_ENTITY_F1 = 0.92


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": f"sqlite:///{tmp_path / 'stories.db'}",
        "KOERS_HOME": str(ROOT),
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONHASHSEED": "0",
    })
    return env


@pytest.fixture(scope="module")
def trained_model() -> Path:
    path = model_path(ROOT)
    if not path.exists():
        pytest.fail("Geen getraind model: draai eerst 'koers train' (make test doet dit).")
    return path


def test_story_tests_pass_without_prediction_errors(tmp_path, trained_model):
    port = free_port()
    env = _env(tmp_path)
    actions = subprocess.Popen(
        [rasa_executable(), "run", "actions", "--actions", "actions", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or actions.poll() is not None:
                    pytest.fail("De action server startte niet.")
                time.sleep(1)
        out = tmp_path / "results"
        # endpoints.yml names the default port; this action server runs on a free one.
        endpoints, _ = rasa_endpoints(ROOT, "", f"http://127.0.0.1:{port}/webhook")
        result = subprocess.run(
            [rasa_executable(), "test", "core", "--model", str(trained_model), "--stories", "tests/stories",
             "--endpoints", str(endpoints), "--out", str(out), "--fail-on-prediction-errors", "--no-plot"],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )
        failed = (out / "failed_test_stories.yml")
        detail = failed.read_text()[:4000] if failed.exists() else result.stdout[-4000:]
        assert result.returncode == 0, f"Test stories faalden:\n{detail}\n{result.stderr[-2000:]}"
        stories = list((ROOT / "tests" / "stories").glob("*.yml"))
        count = sum(f.read_text().count("- story:") for f in stories)
        assert count >= 40
    finally:
        actions.terminate()
        actions.wait(timeout=30)


def test_heldout_nlu_meets_the_quality_bars(tmp_path, trained_model):
    out = tmp_path / "nlu"
    subprocess.run(
        [rasa_executable(), "test", "nlu", "--model", str(trained_model), "--nlu", "tests/nlu/heldout.yml",
         "--out", str(out), "--no-plot"],
        cwd=ROOT, env=_env(tmp_path), check=True, capture_output=True,
    )
    intents = json.loads((out / "intent_report.json").read_text())
    entities = json.loads((out / "DIETClassifier_report.json").read_text())
    assert intents["accuracy"] >= MIN_INTENT_ACCURACY, intents["accuracy"]
    assert entities["weighted avg"]["f1-score"] >= MIN_ENTITY_F1, entities["weighted avg"]
