"""The deployment path (issue 12, item 4), checked without a container runtime.

What can be validated here is validated: the compose file parses and has the topology, the
Dockerfile follows the rules (pinned tags, non-root, health check, model trained at build),
HAProxy accepts its configuration, and the image's entrypoint builds the right command lines.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from assistant import container
from assistant.container import ContainerError, command

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "deploy" / "compose.yaml"
HAPROXY = ROOT / "deploy" / "haproxy.cfg"
DOCKERFILE = ROOT / "Dockerfile"
KOERS_ROLES = {"rasa": "rasa", "actions": "actions", "service": "service"}
TOKEN = "t" * 32


@pytest.fixture(scope="module")
def compose() -> dict[str, object]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _services(compose: dict[str, object]) -> dict[str, dict[str, object]]:
    services = compose["services"]
    assert isinstance(services, dict)
    return services


def _pinned(image: str) -> bool:
    name, _, tag = image.rpartition(":")
    return bool(name) and tag not in ("", "latest") and bool(re.search(r"\d", tag))


def test_compose_has_the_topology(compose: dict[str, object]) -> None:
    services = _services(compose)
    assert {"postgres", "redis", "haproxy", "migrate", *KOERS_ROLES} <= set(services)
    for name in KOERS_ROLES:
        svc = services[name]
        assert svc["deploy"]["replicas"] == 2, name  # type: ignore[index]
        assert svc["command"] == [KOERS_ROLES[name]]
        assert svc["image"] == services["migrate"]["image"]  # one image for every role
        assert svc["depends_on"]["migrate"]["condition"] == "service_completed_successfully"  # type: ignore[index]
    for name, svc in services.items():
        if name not in ("haproxy", "migrate"):
            test = svc["healthcheck"]["test"]  # type: ignore[index]
            assert test and test[0] in ("CMD", "CMD-SHELL"), name
        for needed in (svc.get("depends_on") or {}):
            assert needed in services, f"{name} depends on unknown {needed}"
        image = str(svc["image"])
        assert _pinned(image.replace("${KOERS_VERSION:-", "").rstrip("}")), image
    assert services["haproxy"]["ports"] == ["${KOERS_HTTP_PORT:-8080}:8080"]  # the only published port
    assert not any(svc.get("ports") for n, svc in services.items() if n != "haproxy")
    mount = services["haproxy"]["volumes"][0].split(":")[0]  # type: ignore[index]
    assert (COMPOSE.parent / mount).resolve() == HAPROXY


def test_every_koers_container_gets_the_production_settings(compose: dict[str, object]) -> None:
    services = _services(compose)
    for name in (*KOERS_ROLES, "migrate"):
        env = services[name]["environment"]
        assert isinstance(env, dict)
        assert env["DATABASE_URL"].startswith("postgresql://") and "@postgres:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"].startswith("redis://") and "@redis:6379/" in env["REDIS_URL"]
        # Secrets come from the operator's env file; compose refuses to start without them.
        for secret in ("KOERS_SECRET_KEY", "RASA_TOKEN"):
            assert env[secret].startswith("${" + secret + ":?"), secret
        assert env["RASA_TELEMETRY_ENABLED"] == "false"
        assert env["ACTION_ENDPOINT_URL"].startswith("http://haproxy:5055")
        assert env["RASA_URL"] == "http://haproxy:5005"


def test_haproxy_balances_every_replica_of_every_role(compose: dict[str, object]) -> None:
    services = _services(compose)
    templates = re.findall(r"^\s*server-template\s+\S+\s+(\d+)\s+([\w-]+):(\d+)", HAPROXY.read_text(), re.M)
    assert {host for _, host, _ in templates} == set(KOERS_ROLES)
    ports = {"rasa": "5005", "actions": "5055", "service": "8080"}
    for count, host, port in templates:
        assert int(count) >= services[host]["deploy"]["replicas"]  # type: ignore[index]
        assert port == ports[host]
    assert "option httpchk GET /livez" in HAPROXY.read_text()  # liveness: the service keeps messages


def test_haproxy_accepts_the_configuration() -> None:
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        pytest.skip("haproxy niet geïnstalleerd (Debian: apt-get install -y haproxy)")
    proc = subprocess.run([haproxy, "-c", "-f", str(HAPROXY)], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    # Outside Docker the replica names do not resolve; that is the only warning allowed.
    warnings = [line for line in proc.stderr.splitlines() if "WARNING" in line]
    assert all("could not resolve address" in line for line in warnings), warnings


def _instructions() -> list[tuple[str, str]]:
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_dockerfile_rules() -> None:
    steps = _instructions()
    froms = [rest.split()[0] for word, rest in steps if word == "FROM"]
    assert froms and all(_pinned(image) for image in froms), froms
    assert all("python:3.10" in image for image in froms)  # Rasa 3.6 needs Python 3.10
    users = [rest for word, rest in steps if word == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert [word for word, _ in steps].index("USER") > max(i for i, (w, _) in enumerate(steps) if w == "RUN")
    assert any(word == "HEALTHCHECK" and "assistant.container" in rest for word, rest in steps)
    assert ("ENTRYPOINT", '["python", "-m", "assistant.container"]') in steps
    assert any(word == "RUN" and "koers train" in rest for word, rest in steps)  # model at build time
    env = " ".join(rest for word, rest in steps if word == "ENV")
    assert "RASA_TELEMETRY_ENABLED=false" in env
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "models", "var", ".git"} <= set(ignored)  # nothing of this machine in the image


def test_docs_name_every_setting_the_compose_file_uses(compose: dict[str, object]) -> None:
    docs = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    env = _services(compose)["service"]["environment"]
    assert isinstance(env, dict)
    variables = set(env) | set(re.findall(r"\$\{(\w+)", COMPOSE.read_text()))
    missing = sorted(v for v in variables if f"`{v}`" not in docs)
    assert not missing, f"docs/deploy.md noemt deze variabelen niet: {missing}"
    example = (ROOT / "deploy" / "koers.env.example").read_text()
    required = set(re.findall(r"\$\{(\w+):\?", COMPOSE.read_text()))
    assert all(re.search(rf"^{v}=", example, re.M) for v in required)


# -- the image's entrypoint ----------------------------------------------------------------

@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "endpoints.yml").write_text((ROOT / "endpoints.yml").read_text())
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "koers.tar.gz").write_bytes(b"model")
    return tmp_path


def test_rasa_role_uses_the_lock_store_and_the_balanced_action_servers(home: Path) -> None:
    from rasa.core.utils import AvailableEndpoints

    env = {"RASA_TOKEN": TOKEN, "REDIS_URL": "redis://:pw@redis:6379/0",
           "ACTION_ENDPOINT_URL": "http://haproxy:5055/webhook", "RASA_PORT": "5005"}
    cmd, extra = command("rasa", env, home)
    assert cmd[1:3] == ["run", "--enable-api"] and f"--auth-token={TOKEN}" in cmd
    assert cmd[cmd.index("--interface") + 1] == "0.0.0.0" and cmd[cmd.index("--port") + 1] == "5005"
    endpoints_file = Path(cmd[cmd.index("--endpoints") + 1])
    assert "pw" not in endpoints_file.read_text() and extra  # the Redis password stays in the environment
    saved = dict(os.environ)
    try:
        os.environ.update(extra)
        endpoints = AvailableEndpoints.read_endpoints(str(endpoints_file))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert endpoints.action.url == "http://haproxy:5055/webhook"
    assert endpoints.lock_store.type == "redis" and endpoints.lock_store.url == "redis"


def test_rasa_role_refuses_without_a_token_or_a_model(home: Path) -> None:
    with pytest.raises(ContainerError, match="RASA_TOKEN"):
        command("rasa", {"RASA_TOKEN": "short"}, home)
    (home / "models" / "koers.tar.gz").unlink()
    with pytest.raises(ContainerError, match="koers train"):
        command("rasa", {"RASA_TOKEN": TOKEN}, home)


def test_other_roles_and_their_ports(home: Path) -> None:
    cmd, _ = command("actions", {"ACTION_PORT": "6055"}, home)
    assert cmd[1:3] == ["run", "actions"] and cmd[-2:] == ["--port", "6055"]
    assert command("service", {}, home)[0][1:] == ["-m", "assistant", "serve"]
    assert command("migrate", {}, home)[0][1:] == ["-m", "assistant", "db", "upgrade"]
    with pytest.raises(ContainerError, match="poortnummer"):
        command("actions", {"ACTION_PORT": "http"}, home)


def test_entrypoint_explains_a_wrong_role_and_health_fails_when_nothing_listens(
        home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.runner import free_port

    monkeypatch.setenv("KOERS_HOME", str(home))
    assert container.main(["webserver"]) == 2
    assert "Onbekende rol" in capsys.readouterr().err
    monkeypatch.setenv("KOERS_PORT", str(free_port()))
    assert container.main(["health", "service"]) == 1
    monkeypatch.setattr(container, "ROLE_FILE", home / "no-role")
    assert container.main(["health"]) == 1


def test_health_passes_when_the_roles_server_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    import http.server
    import threading

    class Ok(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/health" else 404)
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            return None

    server = http.server.HTTPServer(("127.0.0.1", 0), Ok)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = str(server.server_address[1])
        assert container.health("actions", {"ACTION_PORT": port})
        assert not container.health("service", {"KOERS_PORT": port})  # /livez is not /health
    finally:
        server.shutdown()
        server.server_close()
