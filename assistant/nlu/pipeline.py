"""Choose the Dutch NLU pipeline: spaCy's nl_core_news_sm when installed, else offline.

nl_core_news_sm is not on PyPI, so a fresh machine (and CI) normally trains with the offline
pipeline in config.yml. The choice is logged so a trained model's origin is never a guess.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SPACY_MODEL = "nl_core_news_sm"
SPACY_CONFIG = "config.spacy.yml"
OFFLINE_CONFIG = "config.yml"


@dataclass(frozen=True)
class PipelineChoice:
    config: Path
    uses_spacy: bool
    reason: str


def spacy_model_available(model: str = SPACY_MODEL) -> bool:
    try:
        return importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):
        return False


def select_pipeline(home: Path) -> PipelineChoice:
    if spacy_model_available():
        choice = PipelineChoice(home / SPACY_CONFIG, True, f"spaCy-model {SPACY_MODEL} is geïnstalleerd")
    else:
        choice = PipelineChoice(
            home / OFFLINE_CONFIG, False,
            f"spaCy-model {SPACY_MODEL} ontbreekt; offline Nederlandse pipeline gebruikt",
        )
    log.info("nlu pipeline selected", extra={"config": choice.config.name, "reason": choice.reason})
    return choice
