"""Two of everything behind a real HAProxy, as processes on loopback (the topology of deploy/).

2 Rasa servers (one model, Rasa's RedisLockStore, the SQL tracker store on the shared
PostgreSQL), 2 action servers and 2 Koers services (one ``KOERS_SECRET_KEY``, ``DATABASE_URL``
and ``REDIS_URL``), and HAProxy with three frontends like deploy/haproxy.cfg: the Koers services
(the public one), the Rasa servers (the services reach Rasa through it) and the action servers
(Rasa reaches its actions through it), generated from deploy/haproxy.cfg. The processes are
started with the same commands as ``koers run`` (assistant.runner), under one ``Stack`` whose
ports are HAProxy's frontends.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from assistant.nlu.training import model_path, rasa_executable
from assistant.runner import Stack, StackPorts, free_port, rasa_endpoints, rasa_server_command, service_python
from tests.scale.servers import missing

# The shipped configuration (deploy/haproxy.cfg, for Docker) is what runs here, with loopback
# addresses: each bind on a free port, each server-template as this test's servers, no DNS.
DEPLOY_HAPROXY = "deploy/haproxy.cfg"


def loopback_haproxy_config(source: str, binds: dict[str, int], servers: dict[str, dict[str, int]]) -> str:
    """``source`` with ``bind`` per frontend name and ``server-template`` per backend name replaced."""
    out: list[str] = []
    section: list[str] = []
    used: set[str] = set()
    for line in source.splitlines():
        stripped = line.strip()
        if line and not line[0].isspace() and not stripped.startswith("#"):
            section = stripped.split()
            if section[0] == "resolvers":  # Docker's DNS: not on loopback
                continue
        elif section and section[0] == "resolvers":
            continue
        if stripped.startswith("bind "):
            line = f"    bind 127.0.0.1:{binds[section[1]]}"
            used.add(section[1])
        elif stripped.startswith("server-template "):
            line = "\n".join(f"    server {name} 127.0.0.1:{port}" for name, port in servers[section[1]].items())
            used.add(section[1])
        elif stripped.startswith("default-server "):
            line = re.sub(r"\s+(init-addr|resolvers) \S+", "", line)
        out.append(line)
    missing_parts = (set(binds) | set(servers)) - used
    if missing_parts:
        raise ValueError(f"{DEPLOY_HAPROXY} has no frontend or backend named {sorted(missing_parts)}")
    return "\n".join(out) + "\n"


NAMES = ("a", "b")  # the replicas of each component, unless a stack names its own
# An HAProxy httplog line: ... frontend backend/server timers status ... "METHOD path HTTP/1.1"
LOG_LINE = re.compile(r'\s(\S+)/(\S+) \S+ (\d{3}) .*"(\w+) (\S+) HTTP')


def _get(url: str, timeout: float = 3.0) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, OSError):
        return 0


@dataclass
class ReplicaStack:
    home: Path
    run_dir: Path
    database_url: str
    redis_url: str
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    # One Rasa server, action server and Koers service per name ("rasa-a", "koers-a", ...).
    names: tuple[str, ...] = NAMES
    # A free port per name, for each name not given here.
    koers_ports: dict[str, int] = field(default_factory=dict)
    rasa_ports: dict[str, int] = field(default_factory=dict)
    action_ports: dict[str, int] = field(default_factory=dict)
    stack: Stack = field(init=False)

    def __post_init__(self) -> None:
        if not self.names:
            raise ValueError("a replica stack needs at least one name")
        for ports in (self.koers_ports, self.rasa_ports, self.action_ports):
            for n in self.names:
                ports.setdefault(n, free_port())
        # The Stack's ports are HAProxy's frontends: its env() points every component at them.
        self.stack = Stack(
            home=self.home,
            ports=StackPorts(rasa=free_port(), actions=free_port(), koers=free_port()),
            database_url=self.database_url,
            log_dir=self.run_dir / "logs",
            extra_env={
                "KOERS_SECRET_KEY": self.secret_key,
                "REDIS_URL": self.redis_url,
                "KOERS_LOG_FORMAT": "json",
                # Every scripted person comes through HAProxy from 127.0.0.1: one address for all.
                "KOERS_CHAT_RATE_BURST": "200",
                "KOERS_IP_RATE_BURST": "100000",
                "KOERS_NEW_CHAT_BURST": "10000",
            },
        )

    # -- addresses ----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """HAProxy's Koers frontend: what the public reaches."""
        return self.stack.url

    def koers_url(self, name: str) -> str:
        """One Koers replica directly (bypassing HAProxy)."""
        return f"http://127.0.0.1:{self.koers_ports[name]}"

    @property
    def haproxy_log(self) -> Path:
        return self.run_dir / "logs" / "haproxy.log"

    def env(self) -> dict[str, str]:
        env = self.stack.env()
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(self.home), env.get("PYTHONPATH", "")) if p)
        return env

    # -- life cycle ---------------------------------------------------------------------------
    def haproxy_config(self) -> Path:
        def named(prefix: str, ports: dict[str, int]) -> dict[str, int]:
            return {f"{prefix}-{n}": p for n, p in ports.items()}

        ports = self.stack.ports
        text = loopback_haproxy_config(
            (self.home / DEPLOY_HAPROXY).read_text(encoding="utf-8"),
            binds={"koers": ports.koers, "rasa": ports.rasa, "actions": ports.actions},
            servers={"koers_service": named("koers", self.koers_ports), "rasa_servers": named("rasa", self.rasa_ports),
                     "action_servers": named("actions", self.action_ports)},
        )
        path = self.run_dir / "haproxy.cfg"
        path.write_text(text, encoding="utf-8")
        return path

    def start(self) -> None:
        """Start every process at once (the two Rasa servers load their model in parallel)."""
        haproxy = shutil.which("haproxy")
        if haproxy is None:
            missing("haproxy")  # skips locally, fails in CI
            raise AssertionError  # unreachable
        model = model_path(self.home)
        if not model.exists():
            raise RuntimeError("Geen getraind model: draai eerst 'koers train'.")
        env = self.env()
        config = self.haproxy_config()
        subprocess.run([haproxy, "-c", "-q", "-f", str(config)], check=True, capture_output=True)
        self.stack.add("haproxy", [haproxy, "-db", "-f", str(config)], env)
        endpoints, lock_env = rasa_endpoints(self.home, self.redis_url, env["ACTION_ENDPOINT_URL"])
        rasa = rasa_executable()
        for n in self.names:
            self.stack.add(f"rasa-{n}", rasa_server_command(env["RASA_TOKEN"], model, endpoints, "127.0.0.1",
                                                            self.rasa_ports[n]), {**env, **lock_env})
            self.stack.add(f"actions-{n}", [rasa, "run", "actions", "--actions", "actions",
                                            "--port", str(self.action_ports[n])], env)
            self.stack.add(f"koers-{n}", [service_python(self.home), "-m", "assistant", "serve"],
                           {**env, "KOERS_PORT": str(self.koers_ports[n])})

    def wait_ready(self, timeout_s: float) -> float:
        """Until every Koers replica says ready (DB, Redis, Rasa and actions through HAProxy),
        every Rasa and action server answers directly and HAProxy's public frontend reaches a
        Koers service; returns the seconds it took."""
        started = time.monotonic()
        deadline = started + timeout_s
        while time.monotonic() < deadline:
            for name, proc in self.stack.procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} stopte (code {proc.returncode}); zie {self.run_dir / 'logs'}")
            urls = ([f"http://127.0.0.1:{p}/" for p in self.rasa_ports.values()]
                    + [f"http://127.0.0.1:{p}/health" for p in self.action_ports.values()]
                    + [f"{self.koers_url(n)}/readyz" for n in self.names]
                    + [f"{self.url}/livez"])
            if all(_get(u) == 200 for u in urls):
                return time.monotonic() - started
            time.sleep(2)
        raise RuntimeError(f"niet op tijd klaar ({timeout_s} s); zie {self.run_dir / 'logs'}")

    def kill(self, name: str) -> None:
        """kill -9 of one component (its whole process group), as a crash would end it."""
        proc = self.stack.procs[name]
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()

    def stop(self) -> None:
        self.stack.stop()

    # -- what happened ------------------------------------------------------------------------
    def served(self) -> dict[str, Counter[str]]:
        """Per backend, how many requests each server answered, from HAProxy's log: the Koers
        services' chat messages and the Rasa servers' webhook turns."""
        out: dict[str, Counter[str]] = {"koers": Counter(), "rasa": Counter()}
        if not self.haproxy_log.exists():
            return out
        for line in self.haproxy_log.read_text(encoding="utf-8", errors="replace").splitlines():
            match = LOG_LINE.search(line)
            if match is None:
                continue
            backend, server, status, method, path = match.groups()
            if status != "200" or method != "POST":
                continue
            if backend == "koers_service" and path.endswith("/messages"):
                out["koers"][server] += 1
            elif backend == "rasa_servers" and path.startswith("/webhooks/rest/webhook"):
                out["rasa"][server] += 1
        return out

    def add_adviser(self, username: str, password: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "assistant", "adviser", "add", "--username", username, "--password-stdin"],
            input=password + "\n", text=True, env=self.env(), cwd=self.home, capture_output=True, timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"adviser add: {done.stderr}")

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.run_dir / "logs" / f"{name}.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
