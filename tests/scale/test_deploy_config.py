"""Operating with replicas: the shared secret is required, Rasa gets a Redis lock store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assistant.runner import (
    LOCK_PASSWORD_ENV,
    RASA_TICKET_LIFETIME_S,
    RASA_TURN_LIMIT_S,
    StackError,
    lock_store_config,
    rasa_endpoints,
)
from assistant.settings import MIN_SECRET_CHARS, Settings, SettingsError
from tests.scale.servers import redis_server

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("DATABASE_URL", "REDIS_URL", "KOERS_SECRET_KEY", "KOERS_MODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KOERS_HOME", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("env", [
    {"DATABASE_URL": "postgresql://koers@db.internal/koers"},
    {"REDIS_URL": "redis://cache.internal:6379/0"},
    {"KOERS_MODE": "production"},
])
def test_secret_key_is_required_outside_local_mode(clean_env: Path, monkeypatch, env: dict[str, str]) -> None:
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    with pytest.raises(SettingsError, match="KOERS_SECRET_KEY") as info:
        Settings.from_env()
    assert "replica" in str(info.value)  # says why, in Dutch and English
    assert not (clean_env / "var" / "secret_key").exists()  # and makes no per-host key
    monkeypatch.setenv("KOERS_SECRET_KEY", "x" * (MIN_SECRET_CHARS - 1))
    with pytest.raises(SettingsError):
        Settings.from_env()
    monkeypatch.setenv("KOERS_SECRET_KEY", "k" * MIN_SECRET_CHARS)
    settings = Settings.from_env()
    assert settings.mode == "production" and settings.secret_key == "k" * MIN_SECRET_CHARS


def test_local_mode_still_generates_and_keeps_a_key(clean_env: Path) -> None:
    settings = Settings.from_env()
    assert settings.mode == "local" and settings.redis_url == ""
    assert Settings.from_env().secret_key == settings.secret_key


def test_bad_mode_is_refused(clean_env: Path, monkeypatch) -> None:
    monkeypatch.setenv("KOERS_MODE", "prod")
    with pytest.raises(SettingsError, match="KOERS_MODE"):
        Settings.from_env()


def test_koers_serve_explains_the_missing_secret(clean_env: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "KOERS_HOME": str(clean_env), "DATABASE_URL": "postgresql://k@127.0.0.1:1/k"}
    proc = subprocess.run([sys.executable, "-m", "assistant", "serve"], env=env, capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 2
    assert "KOERS_SECRET_KEY" in proc.stderr and "Traceback" not in proc.stderr


def test_lock_store_section_from_redis_url() -> None:
    section, env = lock_store_config("rediss://koers:s%40cret@cache.internal:6380/2")
    assert section == {"type": "redis", "url": "cache.internal", "port": 6380, "db": 2,
                       "key_prefix": "koersrasa", "use_ssl": True, "username": "koers",
                       "password": "${" + LOCK_PASSWORD_ENV + "}"}
    assert env == {LOCK_PASSWORD_ENV: "s@cret", "TICKET_LOCK_LIFETIME": str(RASA_TICKET_LIFETIME_S)}
    # A living ticket means Rasa may still work on the turn: it outlives the longest turn.
    assert RASA_TICKET_LIFETIME_S > RASA_TURN_LIMIT_S
    with pytest.raises(StackError, match="REDIS_URL"):
        lock_store_config("http://cache.internal")


def test_endpoints_unchanged_without_redis(tmp_path: Path) -> None:
    (tmp_path / "endpoints.yml").write_text((ROOT / "endpoints.yml").read_text())
    path, env = rasa_endpoints(tmp_path, "")
    assert path == tmp_path / "endpoints.yml" and env == {}


@pytest.mark.rasa
def test_rasa_uses_a_redis_lock_store_from_the_generated_endpoints(tmp_path: Path, monkeypatch) -> None:
    """Rasa itself reads the generated file and locks conversations in a real (password) Redis."""
    import asyncio

    import redis as redis_sync
    from rasa.core.lock_store import LockStore, RedisLockStore
    from rasa.core.utils import AvailableEndpoints

    (tmp_path / "endpoints.yml").write_text((ROOT / "endpoints.yml").read_text())
    with redis_server(password="lock-store-secret") as server:
        path, env = rasa_endpoints(tmp_path, server.url)
        config = yaml.safe_load(path.read_text())
        assert config["tracker_store"] == yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]
        assert "lock-store-secret" not in path.read_text()  # the password stays in the environment
        for k, v in {**env, "ACTION_ENDPOINT_URL": "http://127.0.0.1:5055/webhook"}.items():
            monkeypatch.setenv(k, v)
        endpoints = AvailableEndpoints.read_endpoints(str(path))
        store = LockStore.create(endpoints.lock_store)
        assert isinstance(store, RedisLockStore)

        async def take() -> list[bytes]:
            async with store.lock("web-lock-1"):
                return list(redis_sync.Redis.from_url(server.url).keys("koersrasa*"))

        held = asyncio.run(take())
        assert held and all(b"web-lock-1" in key for key in held)


@pytest.mark.parametrize("names", [("a",), ("a", "b", "c")])
def test_replica_stack_runs_one_of_each_component_per_name(tmp_path: Path, names: tuple[str, ...]) -> None:
    """The bench's one-replica stack and larger ones: HAProxy balances over exactly these servers."""
    import re
    import shutil

    from tests.scale.replica_stack import ReplicaStack

    stack = ReplicaStack(home=ROOT, run_dir=tmp_path, database_url="postgresql://k@127.0.0.1:1/k",
                         redis_url="redis://127.0.0.1:1/0", names=names)
    config = stack.haproxy_config().read_text()
    for prefix, ports in (("koers", stack.koers_ports), ("rasa", stack.rasa_ports),
                          ("actions", stack.action_ports)):
        assert sorted(ports) == sorted(names)
        listed = re.findall(rf"^\s+server {prefix}-(\w+) 127\.0\.0\.1:(\d+)$", config, flags=re.M)
        assert sorted(listed) == sorted((n, str(ports[n])) for n in names)
    haproxy = shutil.which("haproxy")
    if haproxy is not None:  # the config HAProxy will run is valid
        subprocess.run([haproxy, "-c", "-q", "-f", str(tmp_path / "haproxy.cfg")], check=True, capture_output=True)
