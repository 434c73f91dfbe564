"""``koers advise`` via a subprocess, exactly as api.md describes it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.policy.schemes import SPEC_SCHEME_IDS

ROOT = Path(__file__).parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "assistant", "advise", *args],
        input=None if stdin is None else stdin.encode(),
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


@pytest.fixture()
def profile_file(tmp_path: Path) -> Path:
    p = tmp_path / "p.json"
    p.write_text(
        json.dumps(
            {
                "age": 24,
                "education_level": "vmbo",
                "work_status": "werkzoekend_bijstand",
                "sector_interests": ["zorg_welzijn"],
            }
        ),
        encoding="utf-8",
    )
    return p


def test_json_shape(profile_file: Path) -> None:
    proc = run("--profile", str(profile_file), "--date", "2025-06-01", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    out: dict[str, Any] = json.loads(proc.stdout.decode("utf-8"))
    # api.md's keys first; then what build_advice decided to say (optional, additive).
    assert list(out)[:5] == ["peildatum", "profile", "schemes", "paths", "next_steps"]
    assert {"headline", "courses", "funding", "open_points", "offer_adviser", "note"} <= set(out)
    assert out["peildatum"] == "2025-06-01"
    ids = [s["scheme_id"] for s in out["schemes"]]
    assert len(ids) == len(set(ids)) and set(SPEC_SCHEME_IDS) <= set(ids)
    for s in out["schemes"]:
        keys = ["scheme_id", "name", "status", "route", "reasons", "sources", "amount", "notes", "verified_on"]
        assert list(s)[:9] == keys and set(list(s)[9:]) <= {"application"}
    status = {s["scheme_id"]: s["status"] for s in out["schemes"]}
    # Bijstand, no paid job: the SLIM-scholingssubsidie only works with a job (Stcrt 2025-7276).
    assert status["ontwikkelpaden_scholingssubsidie"] == "uncertain"
    assert status["gemeente_reintegratie"] == "eligible"
    assert status["stap_budget"] == "ended"
    path = out["paths"][0]
    assert list(path) == ["sector", "from_function", "to_function", "step", "courses"]
    assert path["step"] == "instroom" and path["courses"][0]["name"] == "Helpende Zorg en Welzijn"
    assert list(path["courses"][0]) == ["name", "level", "nlqf", "form", "duration"]
    assert "bbl" in path["courses"][0]["form"]
    assert not any("gratis" in s.lower() and "SLIM" in s for s in out["next_steps"])
    assert all(f["scheme_id"] != "ontwikkelpaden_scholingssubsidie" for f in out["funding"])
    assert any("Leeroverzicht.nl" in s for s in out["next_steps"])


def test_stdin_and_text(profile_file: Path) -> None:
    proc = run("--profile", "-", "--date", "2025-06-01", "--format", "text", stdin=profile_file.read_text())
    assert proc.returncode == 0
    text = proc.stdout.decode("utf-8")
    assert "Regelingen" in text and "Helpende Zorg en Welzijn" in text and "Wat kun je nu doen?" in text


def test_default_date_is_today() -> None:
    proc = run("--profile", "-", stdin="{}")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["peildatum"] == time.strftime("%Y-%m-%d")


@pytest.mark.parametrize(
    ("stdin", "args", "needle"),
    [
        ('{"age": 130}', [], "age"),
        ('{"age": 14}', [], "age"),
        ('{"foo": 1}', [], "foo"),
        ('{"work_status": "boer"}', [], "work_status"),
        ('{"sector_interests": ["ruimtevaart"]}', [], "sector_interests"),
        ('{"current_function": "astronaut"}', [], "current_function"),
        ('{"age": 30', [], "JSON"),
        ("", [], "JSON"),
        ("[1, 2]", [], "profiel"),
        ("{}", ["--date", "2025-02-30"], "--date"),
        ("{}", ["--date", "morgen"], "--date"),
    ],
)
def test_invalid_input_exit_2(stdin: str, args: list[str], needle: str) -> None:
    proc = run("--profile", "-", *args, stdin=stdin)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert needle in proc.stderr.decode("utf-8")
    assert "Traceback" not in proc.stderr.decode("utf-8")


def test_missing_file_exit_2(tmp_path: Path) -> None:
    proc = run("--profile", str(tmp_path / "nope.json"))
    assert proc.returncode == 2 and proc.stdout == b"" and b"--profile" in proc.stderr


def test_fast_and_no_rasa_or_db(profile_file: Path) -> None:
    code = (
        "import sys;"
        "from assistant.cli import main;"
        f"rc = main(['advise', '--profile', {str(profile_file)!r}, '--date', '2025-06-01']);"
        "assert rc == 0;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('rasa', 'sqlalchemy', 'alembic')];"
        "assert not bad, bad;"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    # No timing asserted (tests never assert time): the heavy imports it stays clear of are checked.
    assert proc.returncode == 0, proc.stderr


def test_current_function_decides_the_doorstroom_path() -> None:
    base = {"work_status": "werknemer_vast", "current_sector": "zorg_welzijn", "education_level": "mbo3"}
    proc = run("--profile", "-", "--date", "2026-12-02", stdin=json.dumps({**base, "current_function": "helpende"}))
    assert proc.returncode == 0, proc.stderr
    paths = json.loads(proc.stdout)["paths"]
    assert paths and {p["from_function"] for p in paths} == {"Helpende zorg en welzijn"}
    assert json.loads(proc.stdout)["profile"]["current_function"] == "helpende"
