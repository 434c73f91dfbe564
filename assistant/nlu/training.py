"""``koers train``: train the Rasa model with the selected pipeline, only when needed.

Rasa fingerprints data, domain and config and skips training when nothing changed, so
repeated calls (make run, make test, CI) train once.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

from assistant.logging_setup import configure_logging
from assistant.nlu.pipeline import select_pipeline
from assistant.settings import Settings

log = logging.getLogger(__name__)

MODEL_DIR = "models"
MODEL_NAME = "koers"


def rasa_executable() -> str:
    candidate = Path(sys.executable).parent / "rasa"
    return str(candidate) if candidate.exists() else "rasa"


def model_path(home: Path) -> Path:
    return home / MODEL_DIR / f"{MODEL_NAME}.tar.gz"


def train(home: Path, force: bool = False) -> Path:
    choice = select_pipeline(home)
    print(f"NLU-pipeline: {choice.config.name} ({choice.reason})", flush=True)
    cmd = [
        rasa_executable(), "train",
        "--config", str(choice.config),
        "--domain", str(home / "domain"),
        "--data", str(home / "data"),
        "--out", str(home / MODEL_DIR),
        "--fixed-model-name", MODEL_NAME,
    ]
    if force:
        cmd.append("--force")
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # Seeds in the config make results reproducible; hash seed fixes set ordering too.
    env.setdefault("PYTHONHASHSEED", "0")
    env.setdefault("TF_DETERMINISTIC_OPS", "1")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")  # no usage data to Rasa unless asked for
    subprocess.run(cmd, cwd=home, env=env, check=True)
    return model_path(home)


def cli_train(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    configure_logging(settings.log_level, "text")
    try:
        path = train(settings.home, force=bool(args.force))
    except subprocess.CalledProcessError as exc:
        print(f"Trainen mislukt (code {exc.returncode}). Zie de meldingen hierboven.", file=sys.stderr)
        return 1
    print(f"Model klaar: {path}")
    return 0
