"""The promotion gate: a pure function on two metric reports (live vs candidate).

Bars (a candidate is promoted only if none is worse):
- intent accuracy on the held-out set: may not drop by more than ``ACCURACY_TOLERANCE``;
- entity F1 (weighted) on the held-out set: may not drop by more than ``ENTITY_F1_TOLERANCE``;
- per-intent F1: may not drop by more than ``INTENT_F1_TOLERANCE`` for any intent;
- per-entity F1: same tolerance as per-intent;
- failed test stories: may not go up (when both sides were measured).

Why these tolerances: the held-out set has 386 messages in 31 intents (~12 per intent). One
message more or less right moves accuracy by 0.0026 and a per-intent F1 by ~0.04-0.08. Training is
seeded and deterministic, but new examples shift DIET's decision boundaries a little; allowing one
borderline message overall (0.003) and less than a single message per intent (0.04) tolerates that
noise while any real regression (two messages of one intent, or a few overall) is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACCURACY_TOLERANCE = 0.003
ENTITY_F1_TOLERANCE = 0.005
INTENT_F1_TOLERANCE = 0.04


@dataclass
class Metrics:
    intent_accuracy: float
    entity_f1: float
    per_intent_f1: dict[str, float] = field(default_factory=dict)
    per_entity_f1: dict[str, float] = field(default_factory=dict)
    story_failures: int | None = None  # None: not measured
    simulator: dict[str, Any] | None = None  # the simulator plug point's report, if any

    def to_json(self) -> dict[str, Any]:
        return {"intent_accuracy": self.intent_accuracy, "entity_f1": self.entity_f1,
                "per_intent_f1": self.per_intent_f1, "per_entity_f1": self.per_entity_f1,
                "story_failures": self.story_failures, "simulator": self.simulator}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Metrics:
        return cls(float(data["intent_accuracy"]), float(data["entity_f1"]), dict(data.get("per_intent_f1") or {}),
                   dict(data.get("per_entity_f1") or {}), data.get("story_failures"), data.get("simulator"))


@dataclass
class Decision:
    promote: bool
    regressions: list[str]
    rows: list[dict[str, Any]]  # side-by-side lines for the report


def _row(kind: str, name: str, live: float | None, cand: float | None, tolerance: float,
         higher_is_better: bool = True) -> dict[str, Any]:
    worse = False
    if live is not None and cand is not None:
        delta = cand - live if higher_is_better else live - cand
        worse = delta < -tolerance
    return {"kind": kind, "name": name, "live": live, "candidate": cand, "worse": worse}


def decide(live: Metrics, candidate: Metrics) -> Decision:
    rows = [
        _row("intent", "accuracy", live.intent_accuracy, candidate.intent_accuracy, ACCURACY_TOLERANCE),
        _row("entity", "weighted F1", live.entity_f1, candidate.entity_f1, ENTITY_F1_TOLERANCE),
    ]
    for name in sorted(set(live.per_intent_f1) | set(candidate.per_intent_f1)):
        # An intent the candidate never predicts scores 0, so a missing key is a drop to 0.
        rows.append(_row("intent F1", name, live.per_intent_f1.get(name), candidate.per_intent_f1.get(name, 0.0),
                         INTENT_F1_TOLERANCE))
    for name in sorted(set(live.per_entity_f1) | set(candidate.per_entity_f1)):
        rows.append(_row("entity F1", name, live.per_entity_f1.get(name), candidate.per_entity_f1.get(name, 0.0),
                         INTENT_F1_TOLERANCE))
    if live.story_failures is not None and candidate.story_failures is not None:
        rows.append(_row("stories", "failed stories", float(live.story_failures),
                         float(candidate.story_failures), 0.0, higher_is_better=False))
    ls, cs = live.simulator or {}, candidate.simulator or {}
    if "failures" in ls and "failures" in cs:
        rows.append(_row("simulator", "failures", float(ls["failures"]), float(cs["failures"]), 0.0,
                         higher_is_better=False))
    regressions = [f"{r['kind']} {r['name']}: {r['live']} -> {r['candidate']}" for r in rows if r["worse"]]
    return Decision(promote=not regressions, regressions=regressions, rows=rows)


def format_report(decision: Decision) -> str:
    lines = [f"{'soort':<10} {'naam':<34} {'live':>8} {'kandidaat':>10}"]
    for r in decision.rows:
        live = "-" if r["live"] is None else f"{r['live']:.3f}"
        cand = "-" if r["candidate"] is None else f"{r['candidate']:.3f}"
        mark = "  SLECHTER" if r["worse"] else ""
        lines.append(f"{r['kind']:<10} {r['name']:<34} {live:>8} {cand:>10}{mark}")
    return "\n".join(lines)
