"""``koers improve``: merge reviewed corrections, train a candidate, gate it, promote or keep the old model.

Simulator plug point: if ``assistant.simulate`` is importable and has
``gate_report(model_path: pathlib.Path) -> dict`` returning at least ``{"failures": int}``, it is
called for the live and the candidate model and the failure count becomes a gate bar. Otherwise the
report says it was skipped.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy.orm import sessionmaker

from assistant.learning import corrections, merge
from assistant.learning.gate import Decision, Metrics, decide, format_report
from assistant.learning.models import ImprovementRun
from assistant.nlu.pipeline import select_pipeline
from assistant.nlu.training import MODEL_DIR, model_path, rasa_executable

CORRECTIONS_FILE = Path("data") / "nlu" / "corrections.yml"
HELDOUT = Path("tests") / "nlu" / "heldout.yml"
CANDIDATE_DIR = Path(MODEL_DIR) / "candidates"
SIMULATOR_MODULE = "assistant.simulate"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("PYTHONHASHSEED", "0")
    env.setdefault("TF_DETERMINISTIC_OPS", "1")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    return env


def train_candidate(home: Path, name: str, nlu_only: bool, config: Path | None = None) -> Path:
    """Train into models/candidates/ (never over the live model)."""
    cfg = config or select_pipeline(home).config
    out = home / CANDIDATE_DIR
    if nlu_only:
        cmd = [rasa_executable(), "train", "nlu", "--config", str(cfg), "--nlu", str(home / "data" / "nlu"),
               "--domain", str(home / "domain")]
    else:
        cmd = [rasa_executable(), "train", "--config", str(cfg), "--domain", str(home / "domain"),
               "--data", str(home / "data")]
    cmd += ["--out", str(out), "--fixed-model-name", name]
    subprocess.run(cmd, cwd=home, env=_env(), check=True)
    return out / f"{name}.tar.gz"


def evaluate_nlu(home: Path, model: Path) -> Metrics:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([rasa_executable(), "test", "nlu", "--model", str(model), "--nlu", str(home / HELDOUT),
                        "--out", tmp, "--no-plot"], cwd=home, env=_env(), check=True, capture_output=True)
        return metrics_from_reports(Path(tmp))


def metrics_from_reports(out: Path) -> Metrics:
    intents = json.loads((out / "intent_report.json").read_text(encoding="utf-8"))
    ent_path = out / "DIETClassifier_report.json"
    entities = json.loads(ent_path.read_text(encoding="utf-8")) if ent_path.exists() else {}
    summary = {"accuracy", "macro avg", "weighted avg", "micro avg"}
    per_intent = {k: round(float(v["f1-score"]), 4) for k, v in intents.items()
                  if k not in summary and isinstance(v, dict)}
    rs_path = out / "response_selection_report.json"
    if rs_path.exists():  # faq/<key> are scored by the ResponseSelector
        for k, v in json.loads(rs_path.read_text(encoding="utf-8")).items():
            if k not in summary and isinstance(v, dict):
                per_intent[k if "/" in k else f"faq/{k}"] = round(float(v["f1-score"]), 4)
    per_entity = {k: round(float(v["f1-score"]), 4) for k, v in entities.items()
                  if k not in summary and k != "no_entity" and isinstance(v, dict)}
    return Metrics(intent_accuracy=round(float(intents["accuracy"]), 4),
                   entity_f1=round(float((entities.get("weighted avg") or {}).get("f1-score", 0.0)), 4),
                   per_intent_f1=per_intent, per_entity_f1=per_entity)


def story_failures(home: Path, model: Path) -> int | None:
    """Failed test stories, or None when not measurable (NLU-only model or no action server)."""
    if os.environ.get("KOERS_IMPROVE_STORIES", "1") == "0":
        return None
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run([rasa_executable(), "test", "core", "--model", str(model), "--stories",
                                 str(home / "tests" / "stories"), "--endpoints", str(home / "endpoints.yml"),
                                 "--out", tmp, "--no-plot"], cwd=home, env=_env(), capture_output=True, text=True)
        failed = Path(tmp) / "failed_test_stories.yml"
        if result.returncode != 0:
            return None
        return failed.read_text(encoding="utf-8").count("- story:") if failed.exists() else 0


def simulator_report(model: Path) -> dict[str, Any] | None:
    """The plug point for the conversation simulator (another module); None if not available."""
    try:
        module = importlib.import_module(SIMULATOR_MODULE)
    except ModuleNotFoundError:
        return None
    fn = getattr(module, "gate_report", None)
    if fn is None:
        return None
    report: dict[str, Any] = dict(fn(model))
    return report


@dataclass
class RunResult:
    run_id: int
    merged: list[int]
    diff: str
    promoted: bool = False
    decision: Decision | None = None
    notes: list[str] = field(default_factory=list)
    candidate: Path | None = None


def _record(sessions: sessionmaker, run_id: int, **values: Any) -> None:
    with sessions.begin() as db:
        row = db.get(ImprovementRun, run_id)
        for k, v in values.items():
            setattr(row, k, v)


def improve(sessions: sessionmaker, home: Path, *, dry_run: bool = False, nlu_only: bool = False,
            live_model: Path | None = None, config: Path | None = None, with_stories: bool = True) -> RunResult:
    live = live_model or model_path(home)
    with sessions.begin() as db:
        run = ImprovementRun(dry_run=dry_run, status="running", promoted=False)
        db.add(run)
        db.flush()
        run_id = int(run.id)
    reviewed = corrections.approved(sessions)
    new_text, merged = merge.render(reviewed)
    path = home / CORRECTIONS_FILE
    old_text = path.read_text(encoding="utf-8") if path.exists() else ""
    result = RunResult(run_id=run_id, merged=merged, diff=merge.diff(old_text, new_text))
    if dry_run:
        _record(sessions, run_id, status="dry_run", finished_at=datetime.now(timezone.utc),
                report={"merged": merged, "diff": result.diff})
        return result
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    name = f"koers-candidate-{stamp}"
    try:
        if not live.exists():
            raise FileNotFoundError(f"Geen live model: {live}")
        merge.write(path, new_text)
        try:
            candidate = train_candidate(home, name, nlu_only, config)
        except BaseException:
            merge.write(path, old_text)  # a failed run leaves the training data as it was
            raise
        result.candidate = candidate
        live_m, cand_m = evaluate_nlu(home, live), evaluate_nlu(home, candidate)
        if with_stories and not nlu_only:
            live_m.story_failures, cand_m.story_failures = story_failures(home, live), story_failures(home, candidate)
        if cand_m.story_failures is None:
            result.notes.append("Test stories niet gemeten (alleen NLU getraind of geen action server).")
        live_m.simulator, cand_m.simulator = simulator_report(live), simulator_report(candidate)
        if cand_m.simulator is None:
            result.notes.append(f"Simulator overgeslagen: {SIMULATOR_MODULE}.gate_report is er (nog) niet.")
        decision = decide(live_m, cand_m)
        result.decision = decision
        if nlu_only and decision.promote:
            # An NLU-only model has no dialogue policies: it is measured, never put live.
            result.notes.append("Alleen NLU getraind: gemeten, niet live gezet. "
                                "Draai zonder --nlu-only om het model live te zetten.")
            decision = replace(decision, promote=False)
            result.decision = decision
        if decision.promote:
            backup = live.parent / "previous"
            backup.mkdir(parents=True, exist_ok=True)
            shutil.copy2(live, backup / f"{live.stem}-{stamp}.tar.gz")
            shutil.copy2(candidate, live)
        else:
            merge.write(path, old_text)  # keep training data in step with the live model
        result.promoted = decision.promote
        report = {"merged": merged, "diff": result.diff, "live": live_m.to_json(), "candidate": cand_m.to_json(),
                  "rows": decision.rows, "regressions": decision.regressions, "notes": result.notes}
        _record(sessions, run_id, status="promoted" if decision.promote else "refused", promoted=decision.promote,
                candidate_model=candidate.name, finished_at=datetime.now(timezone.utc), report=report)
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        _record(sessions, run_id, status="failed", finished_at=datetime.now(timezone.utc),
                report={"merged": merged, "error": str(exc)})
        raise
    return result


def cli_improve(args: argparse.Namespace) -> int:
    from assistant.settings import Settings
    from assistant.storage.db import make_engine, make_session_factory

    settings = Settings.from_env()
    sessions = make_session_factory(make_engine(settings.database_url))
    try:
        result = improve(sessions, settings.home, dry_run=bool(args.dry_run), nlu_only=bool(args.nlu_only))
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        print(f"Verbeteren mislukt: {exc}. Het oude model blijft live.", file=sys.stderr)
        return 1
    print(f"Correcties samengevoegd: {len(result.merged)} (ids: {', '.join(map(str, result.merged)) or '-'})")
    print(result.diff or "Geen wijziging in data/nlu/corrections.yml.")
    if args.dry_run:
        print("Proefrun: niets getraind.")
        return 0
    assert result.decision is not None
    print(format_report(result.decision))
    for note in result.notes:
        print(f"Let op: {note}")
    if result.promoted:
        print(f"Kandidaat {result.candidate} is nu live.")
        return 0
    print("Kandidaat NIET live gezet. Slechter geworden:")
    for line in result.decision.regressions:
        print(f"  - {line}")
    return 3
