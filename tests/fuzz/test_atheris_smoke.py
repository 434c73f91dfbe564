"""The coverage-guided fuzz target runs (a short, bounded run; `make fuzz` runs it for minutes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")  # the service's environment (make test-service)

ROOT = Path(__file__).resolve().parents[2]


def test_the_parser_machine_and_redaction_survive_a_bounded_fuzz_run() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "fuzz_atheris.py"), "-runs=1500", "-seed=7"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Done 1500 runs" in run.stderr
