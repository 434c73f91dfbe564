"""``koers run``: supervise the Rasa server, the action server and the Koers service.

The same ``Stack`` is used by the end-to-end tests and the benchmark, so what they measure is
what a newcomer runs.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from assistant.database import upgrade
from assistant.nlu.training import model_path, rasa_executable, train
from assistant.settings import Settings

STARTUP_TIMEOUT_S = 600.0


class StackError(RuntimeError):
    """Something prevented the stack from starting; the message is for the user (Dutch)."""


def port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class StackPorts:
    rasa: int = 5005
    actions: int = 5055
    koers: int = 8080


@dataclass
class Stack:
    home: Path
    ports: StackPorts = field(default_factory=StackPorts)
    host: str = "127.0.0.1"
    database_url: str | None = None
    log_dir: Path | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    _cmds: dict[str, tuple[list[str], dict[str, str]]] = field(default_factory=dict)
    _logs: list[IO[bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.ports.koers}"

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.ports.rasa}"

    def __post_init__(self) -> None:
        # One token for the whole life of the stack: Rasa and the service must agree on it.
        self.extra_env.setdefault("RASA_TOKEN", os.environ.get("RASA_TOKEN") or secrets.token_urlsafe(24))

    @property
    def rasa_token(self) -> str:
        return self.extra_env["RASA_TOKEN"]

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(self.extra_env)
        env["KOERS_HOME"] = str(self.home)
        env["KOERS_HOST"] = self.host
        env["KOERS_PORT"] = str(self.ports.koers)
        env["RASA_URL"] = self.rasa_url
        env["ACTION_SERVER_URL"] = f"http://{self.host}:{self.ports.actions}"
        env["ACTION_ENDPOINT_URL"] = f"http://{self.host}:{self.ports.actions}/webhook"
        env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        env.setdefault("PYTHONHASHSEED", "0")
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def check_ports(self) -> None:
        for name, port in (("Rasa", self.ports.rasa), ("action server", self.ports.actions),
                           ("Koers-service", self.ports.koers)):
            if port_in_use(self.host, port):
                raise StackError(
                    f"Poort {port} ({name}) is al in gebruik. Stop het andere programma, "
                    f"of kies een andere poort (zie README: KOERS_PORT, RASA_PORT, ACTION_PORT)."
                )

    def _spawn(self, name: str, cmd: Sequence[str], env: dict[str, str]) -> None:
        out: IO[bytes] | int
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            handle = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed in stop()
            self._logs.append(handle)
            out = handle
        else:
            out = subprocess.DEVNULL if name == "rasa" else sys.stderr.fileno()
        self._cmds[name] = (list(cmd), env)
        self.procs[name] = subprocess.Popen(
            list(cmd), cwd=self.home, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start(self) -> None:
        self.check_ports()
        env = self.env()
        model = model_path(self.home)
        if not model.exists():
            raise StackError("Er is nog geen getraind model. Draai eerst: koers train")
        rasa = rasa_executable()
        self._spawn("actions", [rasa, "run", "actions", "--actions", "actions",
                                "--port", str(self.ports.actions)], env)
        self._spawn("rasa", [rasa, "run", "--enable-api", "--auth-token", env["RASA_TOKEN"],
                             "--model", str(model), "--endpoints", "endpoints.yml",
                             "--credentials", "credentials.yml",
                             "--interface", self.host, "--port", str(self.ports.rasa)], env)
        self._spawn("koers", [sys.executable, "-m", "assistant", "serve"], env)

    def restart(self, name: str) -> None:
        """Stop one component and start it again with the same command (restart tests)."""
        proc = self.procs[name]
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        cmd, env = self._cmds[name]
        self._spawn(name, cmd, env)

    def wait_healthy(self, timeout_s: float = STARTUP_TIMEOUT_S, progress: bool = False) -> None:
        deadline = time.monotonic() + timeout_s
        last = ""
        while time.monotonic() < deadline:
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    raise StackError(f"Het onderdeel '{name}' is gestopt (code {proc.returncode}).")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=3) as resp:
                    if resp.status == 200:
                        if progress:
                            print(" klaar.", flush=True)
                        return
            except urllib.error.HTTPError as exc:
                last = exc.read().decode("utf-8", "replace")
            except (urllib.error.URLError, OSError):
                pass
            if progress:
                print(".", end="", flush=True)
            time.sleep(2)
        raise StackError(f"De onderdelen werden niet op tijd gezond. Laatste status: {last}")

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for proc in self.procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.procs.clear()
        for handle in self._logs:
            handle.close()
        self._logs.clear()


def ports_from_env() -> StackPorts:
    return StackPorts(
        rasa=int(os.environ.get("RASA_PORT", "5005")),
        actions=int(os.environ.get("ACTION_PORT", "5055")),
        koers=int(os.environ.get("KOERS_PORT", "8080")),
    )


def _interrupt_on_sigterm() -> None:
    """Treat SIGTERM like Ctrl-C so the children are always stopped with us."""

    def handler(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


def cli_run(args: argparse.Namespace) -> int:
    _interrupt_on_sigterm()
    settings = Settings.from_env()
    stack = Stack(home=settings.home, ports=ports_from_env(), host=settings.host,
                  log_dir=settings.home / "var" / "log")
    try:
        stack.check_ports()
        print("Database bijwerken...", flush=True)
        upgrade(settings.database_url)
        if not args.no_train:
            print("Model trainen (alleen als data of config veranderd is)...", flush=True)
            train(settings.home)
        print("Rasa, action server en Koers-service starten (logs in var/log/)", end="", flush=True)
        stack.start()
        stack.wait_healthy(progress=True)
    except (StackError, subprocess.CalledProcessError) as exc:
        print(f"\nFout: {exc}", file=sys.stderr)
        stack.stop()
        return 1
    except KeyboardInterrupt:
        stack.stop()
        return 130
    print(f"\nKoers draait. Open {stack.url}/ in je browser. Stoppen: Ctrl-C.", flush=True)
    try:
        while all(p.poll() is None for p in stack.procs.values()):
            time.sleep(1)
        dead = [n for n, p in stack.procs.items() if p.poll() is not None]
        print(f"Onderdeel gestopt: {', '.join(dead)}. Zie var/log/. Alles wordt gestopt.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStoppen...", flush=True)
        return 0
    finally:
        stack.stop()
