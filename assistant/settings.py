"""One place for configuration: environment variables with safe local defaults."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"Omgevingsvariabele {name} moet een heel getal zijn, niet {raw!r}.") from exc


def project_home() -> Path:
    """Directory that holds var/, models/ and the Rasa project files."""
    return Path(os.environ.get("KOERS_HOME", Path.cwd())).resolve()


def _secret(home: Path) -> str:
    """Session secret: from the environment, else generated once and kept under var/."""
    env = os.environ.get("KOERS_SECRET_KEY")
    if env:
        return env
    path = home / "var" / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(32)
    path.write_text(value)
    path.chmod(0o600)
    return value


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    rasa_url: str
    rasa_token: str
    action_server_url: str
    host: str
    port: int
    log_level: str
    log_format: str
    secret_key: str
    retention_days: int
    max_message_chars: int
    public_url: str
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> Settings:
        home = project_home()
        default_db = f"sqlite:///{home / 'var' / 'koers.db'}"
        host = os.environ.get("KOERS_HOST", "127.0.0.1")
        port = _int("KOERS_PORT", 8080)
        return cls(
            home=home,
            database_url=os.environ.get("DATABASE_URL", default_db),
            rasa_url=os.environ.get("RASA_URL", "http://127.0.0.1:5005").rstrip("/"),
            rasa_token=os.environ.get("RASA_TOKEN", ""),
            action_server_url=os.environ.get("ACTION_SERVER_URL", "http://127.0.0.1:5055").rstrip("/"),
            host=host,
            port=port,
            log_level=os.environ.get("KOERS_LOG_LEVEL", "INFO").upper(),
            log_format=os.environ.get("KOERS_LOG_FORMAT", "json"),
            secret_key=_secret(home),
            retention_days=_int("KOERS_RETENTION_DAYS", 90),
            max_message_chars=_int("KOERS_MAX_MESSAGE_CHARS", 2000),
            public_url=os.environ.get("KOERS_PUBLIC_URL", f"http://{host}:{port}").rstrip("/"),
        )
