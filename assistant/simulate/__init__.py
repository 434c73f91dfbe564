"""Conversation simulator: generated people talk to the intake state machine; invariants are checked.

``koers simulate`` runs it from the command line; ``gate_report`` is the promotion bar of
``koers improve`` (assistant/learning/improve.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

GATE_CONVERSATIONS = 1000
GATE_SEED = 7


def gate_report(model_path: Path) -> dict[str, Any]:
    """Invariant failures of ~1,000 conversations read by the given model (NLU mode)."""
    from assistant.simulate.run import load_machine, nlu_reader, run_many

    machine = load_machine()
    summary = run_many(GATE_CONVERSATIONS, GATE_SEED, machine=machine, reader=nlu_reader(machine, Path(model_path)),
                       mode=str(model_path))
    return summary.as_dict()


__all__ = ["gate_report"]
