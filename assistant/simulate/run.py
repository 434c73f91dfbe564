"""Run many simulated conversations, parser-only or through a trained Rasa model, and sum them up."""

from __future__ import annotations

import asyncio
import importlib
import logging
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from assistant.simulate.conversation import ROOT, Machine, Reader, Transcript, parser_reader, simulate
from assistant.simulate.invariants import KINDS, Violation, check
from assistant.simulate.people import generate_people

log = logging.getLogger(__name__)
MACHINE_MODULE = "assistant.intake.machine"
EXAMPLES_PER_KIND = 3


class MachineMissing(RuntimeError):
    """The intake state machine is not (yet) in this tree."""


def load_machine() -> Machine:
    try:
        module: Any = importlib.import_module(MACHINE_MODULE)
    except ModuleNotFoundError as exc:
        raise MachineMissing(f"{MACHINE_MODULE} is er nog niet ({exc}).") from exc
    return module


def newest_model(home: Path = ROOT) -> Path | None:
    models = sorted((home / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def _quiet_rasa() -> None:
    """Rasa logs every parse at debug level; thousands of conversations need only the progress lines."""
    logging.getLogger("rasa").setLevel(logging.WARNING)
    try:
        from rasa.utils.log_utils import configure_structlog
        configure_structlog(logging.WARNING)
    except Exception:  # older or newer Rasa without it: only noisier
        log.debug("structlog not configured", exc_info=True)


def nlu_reader(machine: Machine, model_path: Path) -> Reader:
    """NLU reading: every message through the trained model in-process (Rasa Agent), then read_nlu."""
    from rasa.core.agent import Agent  # heavy; only for NLU mode

    _quiet_rasa()
    loop = asyncio.new_event_loop()
    agent = Agent.load(str(model_path))
    read_nlu: Callable[[dict[str, Any]], Any] = machine.read_nlu  # type: ignore[attr-defined]

    def read(text: str, meant: dict[str, Any] | None) -> Any:
        parsed = loop.run_until_complete(agent.parse_message(text))
        return read_nlu(parsed)
    return read


@dataclass
class Summary:
    mode: str
    n: int
    seed: int
    typo_rate: float
    seconds: float = 0.0
    counts: Counter[str] = field(default_factory=Counter)
    failed_conversations: int = 0
    questions: list[int] = field(default_factory=list)
    lost_facts: int = 0                    # facts the person gave that the profile does not have
    by_field: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, field) for fact failures
    after_typo: int = 0                    # fact failures on a message with a typo
    outcomes: Counter[str] = field(default_factory=Counter)  # advice | handoff | none
    commit: str = ""                       # the code the run was made with (set at its start)
    examples: dict[str, list[tuple[Transcript, Violation]]] = field(default_factory=dict)

    @property
    def failures(self) -> int:
        return sum(self.counts.values())

    def question_median(self) -> float:
        return float(statistics.median(self.questions)) if self.questions else 0.0

    def question_p90(self) -> int:
        if not self.questions:
            return 0
        ordered = sorted(self.questions)
        return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]

    def as_dict(self) -> dict[str, Any]:
        return {"failures": self.failures, "conversations": self.n, "failed_conversations": self.failed_conversations,
                "mode": self.mode, "seed": self.seed, "counts": {k: self.counts.get(k, 0) for k in KINDS},
                "questions_median": self.question_median(), "questions_p90": self.question_p90(),
                "lost_facts": self.lost_facts, "outcomes": dict(self.outcomes), "seconds": round(self.seconds, 1)}


def _lost(t: Transcript) -> int:
    return sum(1 for f, (v, _) in t.given.items()
               if v != "<unknown>" and t.profile.get(f) in (None, []))


def _commit() -> str:
    """The commit the run was made on, so a report can be reproduced (empty outside a git checkout)."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def _outcome(t: Transcript) -> str:
    if any(turn.shown == "advice" for turn in t.turns):
        return "advice"
    if any(kind == "handoff" for turn in t.turns for kind, _ in turn.effects):
        return "handoff"
    return "none"


def run_many(n: int, seed: int, machine: Machine | None = None, reader: Reader | None = None,
             mode: str = "parser", typo_rate: float = 0.1, today: date | None = None,
             progress: Callable[[int, Summary], None] | None = None) -> Summary:
    machine = machine or load_machine()
    reader = reader or parser_reader(machine)
    today = today or date.today()
    summary = Summary(mode=mode, n=n, seed=seed, typo_rate=typo_rate, commit=_commit())
    start = time.monotonic()
    for i, person in enumerate(generate_people(n, seed, typo_rate)):
        transcript = simulate(person, machine, reader, today)
        violations = check(transcript)
        summary.questions.append(transcript.questions())
        summary.lost_facts += _lost(transcript)
        summary.outcomes[_outcome(transcript)] += 1
        if violations:
            summary.failed_conversations += 1
        for v in violations:
            summary.counts[v.kind] += 1
            if v.field:
                summary.by_field[(v.kind, v.field)] += 1
                summary.after_typo += "with a typo" in v.detail
            examples = summary.examples.setdefault(v.kind, [])
            if len(examples) < EXAMPLES_PER_KIND:
                examples.append((transcript, v))
        if progress is not None:
            progress(i + 1, summary)
    summary.seconds = time.monotonic() - start
    return summary


def print_progress(every: int = 500) -> Callable[[int, Summary], None]:
    def show(done: int, summary: Summary) -> None:
        if done % every == 0 or done == summary.n:
            counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.counts.items())) or "geen fouten"
            print(f"  {done}/{summary.n} gesprekken: {counts}", file=sys.stderr, flush=True)
    return show
