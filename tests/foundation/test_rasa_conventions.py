"""Rasa's own commands work in the repo as the Rasa docs show them (issue 12, item 5).

``rasa run``/``shell``/``test`` read endpoints.yml and domain.yml from the working directory
without any environment variable; ``koers run`` passes Rasa a copy with its own ports.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from assistant.runner import Stack, StackPorts, free_port, rasa_endpoints

ROOT = Path(__file__).resolve().parents[2]


def _read_with_rasa(path: Path) -> object:
    from rasa.core.utils import AvailableEndpoints

    return AvailableEndpoints.read_endpoints(str(path))


def test_endpoints_yml_loads_with_rasas_reader_without_env_vars(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [k for k in os.environ if k.startswith(("ACTION_", "KOERS_LOCK"))]:
        monkeypatch.delenv(name)
    endpoints = _read_with_rasa(ROOT / "endpoints.yml")
    assert endpoints.action.url == "http://localhost:5055/webhook"  # type: ignore[attr-defined]
    assert endpoints.tracker_store.type == "assistant.rasa_plugins.tracker_store.KoersTrackerStore"  # type: ignore[attr-defined]
    assert "${" not in (ROOT / "endpoints.yml").read_text(encoding="utf-8")


def test_the_override_points_rasa_at_this_stacks_action_server(tmp_path: Path) -> None:
    (tmp_path / "endpoints.yml").write_text((ROOT / "endpoints.yml").read_text())
    a_port, b_port = free_port(), free_port()
    a, env = rasa_endpoints(tmp_path, "", f"http://127.0.0.1:{a_port}/webhook")
    b, _ = rasa_endpoints(tmp_path, "", f"http://127.0.0.1:{b_port}/webhook")
    assert env == {} and a != b  # two replicas on one machine never share (or clobber) one file
    assert _read_with_rasa(a).action.url == f"http://127.0.0.1:{a_port}/webhook"  # type: ignore[attr-defined]
    assert _read_with_rasa(b).action.url == f"http://127.0.0.1:{b_port}/webhook"  # type: ignore[attr-defined]
    original = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    assert yaml.safe_load(a.read_text())["tracker_store"] == original["tracker_store"]
    assert rasa_endpoints(tmp_path, "", f"http://127.0.0.1:{a_port}/webhook")[0] == a  # same content, same file
    # The repo's own default needs no copy.
    assert rasa_endpoints(tmp_path, "", original["action_endpoint"]["url"]) == (tmp_path / "endpoints.yml", {})


def test_koers_run_overrides_the_ports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command lines ``koers run`` starts: every component on the stack's own ports."""
    (tmp_path / "endpoints.yml").write_text((ROOT / "endpoints.yml").read_text())
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "koers.tar.gz").write_bytes(b"not read here")
    monkeypatch.delenv("REDIS_URL", raising=False)
    ports = StackPorts(rasa=free_port(), actions=free_port(), koers=free_port())
    stack = Stack(home=tmp_path, ports=ports)
    started: dict[str, tuple[list[str], dict[str, str]]] = {}
    monkeypatch.setattr(stack, "_spawn", lambda name, cmd, env: started.__setitem__(name, (list(cmd), env)))
    stack.start()
    assert set(started) == {"rasa", "actions", "koers"}
    actions_cmd = started["actions"][0]
    assert actions_cmd[actions_cmd.index("--port") + 1] == str(ports.actions)
    rasa_cmd, rasa_env = started["rasa"]
    assert rasa_cmd[rasa_cmd.index("--port") + 1] == str(ports.rasa)
    endpoints = Path(rasa_cmd[rasa_cmd.index("--endpoints") + 1])
    assert endpoints != tmp_path / "endpoints.yml"
    assert _read_with_rasa(endpoints).action.url == f"http://127.0.0.1:{ports.actions}/webhook"  # type: ignore[attr-defined]
    assert started["koers"][1]["KOERS_PORT"] == str(ports.koers)
    assert started["koers"][1]["RASA_URL"] == f"http://127.0.0.1:{ports.rasa}"
    assert rasa_env["RASA_TELEMETRY_ENABLED"] == started["actions"][1]["RASA_TELEMETRY_ENABLED"] == "false"


def test_domain_yml_is_the_domain_directory() -> None:
    """Rasa looks for domain.yml by default; it is the split domain of domain/, not a copy."""
    from rasa.shared.core.domain import Domain

    entry = ROOT / "domain.yml"
    assert entry.is_symlink() and entry.resolve() == (ROOT / "domain").resolve()
    assert Domain.load(str(entry)).as_dict() == Domain.load(str(ROOT / "domain")).as_dict()


def test_git_keeps_domain_yml_as_a_link() -> None:
    """A clone (CI, the container build) gets the link, not a stale file."""
    try:
        out = subprocess.run(["git", "ls-files", "-s", "domain.yml"], cwd=ROOT, capture_output=True, text=True,
                             timeout=30, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("geen git-checkout")
    if not out:
        pytest.skip("domain.yml is nog niet gecommit")
    assert out.split()[0] == "120000"  # git's mode for a symbolic link
