"""The Koers service runs in its own environment on a current aiohttp (issue 10, item 1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.runner import SERVICE_PYTHON_ENV, service_python

ROOT = Path(__file__).resolve().parents[2]


def test_the_service_starts_from_its_own_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SERVICE_PYTHON_ENV, raising=False)
    assert service_python(tmp_path) == sys.executable  # none made: this Python
    own = tmp_path / ".venv-service" / "bin" / "python"
    own.parent.mkdir(parents=True)
    own.write_text("")
    assert service_python(tmp_path) == str(own)
    monkeypatch.setenv(SERVICE_PYTHON_ENV, "/opt/venv-service/bin/python")  # the image's
    assert service_python(tmp_path) == "/opt/venv-service/bin/python"


def test_the_service_environment_has_a_fixed_aiohttp_and_no_rasa() -> None:
    python = ROOT / ".venv-service" / "bin" / "python"
    if not python.exists():
        pytest.skip("no .venv-service here (scripts/bootstrap.sh makes it; make test always does)")
    code = ("import importlib.util, aiohttp; "
            "print(aiohttp.__version__, importlib.util.find_spec('rasa') is None)")
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.split()
    version = tuple(int(p) for p in out[0].split(".")[:3])
    assert version >= (3, 13, 3), out  # CVE-2025-69223 (request decompression) is fixed in 3.13.3
    assert out[1] == "True", "Rasa does not belong in the service's environment"
