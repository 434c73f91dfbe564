"""The spaCy path really trains and parses.

nl_core_news_sm cannot be installed here (not on PyPI, no internet), so the test builds a
stand-in: a blank Dutch spaCy pipeline saved to disk, put in place of the model name in a
copy of config.spacy.yml. Everything else of the spaCy config is exercised as shipped.
"""

import json
import subprocess
import sys
from pathlib import Path

import spacy
import yaml

from assistant.nlu.training import rasa_executable

ROOT = Path(__file__).resolve().parents[2]

TINY_NLU = """version: "3.1"
nlu:
- intent: greet
  examples: |
    - hoi
    - hallo
    - goedemorgen
    - hey daar
    - hallo koers
- intent: inform
  examples: |
    - ik heb [mbo 3]{"entity": "education_level", "value": "mbo3"}
    - ik heb een diploma [mbo 2]{"entity": "education_level", "value": "mbo2"}
    - alleen [mavo]{"entity": "education_level", "value": "vmbo"}
    - mijn diploma is [havo](education_level)
    - [hbo]{"entity": "education_level", "value": "hbo_bachelor"} gedaan
"""


def test_spacy_config_trains_and_parses_with_a_dutch_spacy_pipeline(tmp_path):
    model_dir = tmp_path / "nl_stand_in"
    spacy.blank("nl").to_disk(model_dir)
    config = yaml.safe_load((ROOT / "config.spacy.yml").read_text())
    for component in config["pipeline"]:
        if component["name"] == "SpacyNLP":
            component["model"] = str(model_dir)
        if component["name"] == "DIETClassifier":
            component["epochs"] = 20
    cfg = tmp_path / "config.yml"
    cfg.write_text(yaml.safe_dump(config))
    nlu = tmp_path / "nlu.yml"
    nlu.write_text(TINY_NLU)
    subprocess.run(
        [rasa_executable(), "train", "nlu", "--config", str(cfg), "--nlu", str(nlu),
         "--out", str(tmp_path / "models"), "--fixed-model-name", "spacy"],
        check=True, capture_output=True, cwd=tmp_path,
    )
    script = (
        "import asyncio, json, sys\n"
        "from rasa.core.agent import Agent\n"
        "agent = Agent.load(sys.argv[1])\n"
        "print(json.dumps(asyncio.run(agent.parse_message('hallo daar'))['intent']))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "models" / "spacy.tar.gz")],
        check=True, capture_output=True, text=True, cwd=tmp_path,
    ).stdout.strip().splitlines()[-1]
    assert json.loads(out)["name"] == "greet"
