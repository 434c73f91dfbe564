"""Entrypoint of the container image: one image, one role per container (see docs/deploy.md).

``python -m assistant.container ROLE`` with ROLE one of ``rasa``, ``actions``, ``service`` or
``migrate``; ``health [ROLE]`` is the image's health check. Every role replaces this process
(``exec``), so signals from the container runtime reach Rasa or the service directly. The
command lines are the ones ``koers run`` uses, with the addresses from the environment.
"""

from __future__ import annotations

import contextlib
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path

from assistant.nlu.training import model_path, rasa_executable
from assistant.runner import TELEMETRY_ENV, StackError, rasa_endpoints, rasa_server_command, service_python
from assistant.settings import project_home

ROLES = ("rasa", "actions", "service", "migrate")
# The role this container runs, for the health check (a separate process started by the runtime).
ROLE_FILE = Path(os.environ.get("KOERS_ROLE_FILE", "/tmp/koers-role"))

# What answers "I am up" per role: Rasa's root page, rasa_sdk's /health, the service's /livez.
HEALTH_PATHS = {"rasa": ("RASA_PORT", 5005, "/"), "actions": ("ACTION_PORT", 5055, "/health"),
                "service": ("KOERS_PORT", 8080, "/livez")}


class ContainerError(RuntimeError):
    """A setting the role needs is missing or wrong; the message is for the operator."""


def _port(env: Mapping[str, str], name: str, default: int) -> str:
    raw = env.get(name, str(default))
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ContainerError(f"{name} moet een poortnummer zijn, niet {raw!r}.")
    return raw


def command(role: str, env: Mapping[str, str], home: Path) -> tuple[list[str], dict[str, str]]:
    """The command line of ``role`` and the extra environment it needs."""
    if role == "actions":
        return [rasa_executable(), "run", "actions", "--actions", "actions",
                "--port", _port(env, "ACTION_PORT", 5055)], {}
    if role == "service":
        return [service_python(home), "-m", "assistant", "serve"], {}
    if role == "migrate":
        return [sys.executable, "-m", "assistant", "db", "upgrade"], {}
    if role != "rasa":
        raise ContainerError(f"Onbekende rol {role!r}. Kies uit: {', '.join(ROLES)} (of health).")
    token = env.get("RASA_TOKEN", "")
    if len(token) < 24:
        # Rasa's HTTP API can replace conversations: never open, and the same token on every replica.
        raise ContainerError("RASA_TOKEN ontbreekt of is korter dan 24 tekens (Rasa's HTTP-API).")
    model = model_path(home)
    if not model.exists():
        raise ContainerError(f"Geen model in {model}: het image traint het bij de build (koers train).")
    action_url = env.get("ACTION_ENDPOINT_URL") or env.get("ACTION_SERVER_URL", "http://127.0.0.1:5055").rstrip(
        "/") + "/webhook"
    try:
        endpoints, lock_env = rasa_endpoints(home, env.get("REDIS_URL", ""), action_url)
    except StackError as exc:
        raise ContainerError(str(exc)) from exc
    # Inside the container network; the host publishes only the load balancer.
    return rasa_server_command(token, model, endpoints, env.get("RASA_INTERFACE", "0.0.0.0"),
                               _port(env, "RASA_PORT", 5005)), lock_env


def health(role: str, env: Mapping[str, str], timeout_s: float = 4.0) -> bool:
    """True when the role's own server answers on this container's loopback."""
    if role == "migrate":
        return True  # a one-shot job: its exit code is its health
    name, default, path = HEALTH_PATHS[role]
    url = f"http://127.0.0.1:{_port(env, name, default)}{path}"
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as resp:
            return bool(resp.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    role = args[0] if args else "service"
    env = dict(os.environ)
    env.setdefault(TELEMETRY_ENV, "false")
    try:
        if role == "health":
            checked = args[1] if len(args) > 1 else (ROLE_FILE.read_text().strip() if ROLE_FILE.exists() else "")
            if checked not in ROLES:
                print(f"health: onbekende rol {checked!r}", file=sys.stderr)
                return 1
            return 0 if health(checked, env) else 1
        home = project_home()
        cmd, extra = command(role, env, home)
    except ContainerError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    with contextlib.suppress(OSError):  # only the image's default health check reads it
        ROLE_FILE.write_text(role + "\n")
    os.chdir(home)
    os.execvpe(cmd[0], cmd, {**env, **extra})


if __name__ == "__main__":
    raise SystemExit(main())
