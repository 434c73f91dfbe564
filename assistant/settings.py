"""One place for configuration: environment variables with safe local defaults."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path


class SettingsError(ValueError):
    """A setting that prevents a safe start; the message says what to do (Dutch, then English)."""


MIN_SECRET_CHARS = 24
SECRET_REQUIRED = (
    "KOERS_SECRET_KEY ontbreekt of is korter dan {n} tekens. Buiten de lokale modus (PostgreSQL, Redis "
    "of KOERS_MODE=production) moeten alle replica's dezelfde geheime sleutel hebben. Maak er een met: "
    "python -c 'import secrets; print(secrets.token_urlsafe(32))' "
    "/ KOERS_SECRET_KEY is missing or shorter than {n} characters. Outside local mode every replica "
    "must share the same secret key (it signs cookies and keys WhatsApp/Telegram conversation ids)."
)


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


def database_url_from_env(home: Path | None = None) -> str:
    """DATABASE_URL, or the SQLite file under var/ (also read by the Rasa tracker store)."""
    home = home or project_home()
    return os.environ.get("DATABASE_URL") or f"sqlite:///{home / 'var' / 'koers.db'}"


def deployment_mode(database_url: str, redis_url: str) -> str:
    """"local" (one machine, SQLite, in-process state) or "production" (shared infrastructure).

    KOERS_MODE decides when set; otherwise PostgreSQL or Redis means replicas may exist.
    """
    explicit = os.environ.get("KOERS_MODE", "").strip().lower()
    if explicit in ("local", "production"):
        return explicit
    if explicit:
        raise SettingsError(f"KOERS_MODE moet 'local' of 'production' zijn, niet {explicit!r}.")
    return "production" if redis_url or not database_url.startswith("sqlite") else "local"


def _secret(home: Path, mode: str) -> str:
    """Session secret: from the environment; only in local mode generated once under var/.

    A key generated per host would break cookies across replicas and split one WhatsApp user
    into two conversations, so outside local mode it must be given.
    """
    env = os.environ.get("KOERS_SECRET_KEY", "")
    if mode != "local":
        if len(env) < MIN_SECRET_CHARS:
            raise SettingsError(SECRET_REQUIRED.format(n=MIN_SECRET_CHARS))
        return env
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
    redis_url: str = ""
    mode: str = "local"
    max_kept_messages: int = 10
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> Settings:
        home = project_home()
        database_url = database_url_from_env(home)
        redis_url = os.environ.get("REDIS_URL", "").strip()
        mode = deployment_mode(database_url, redis_url)
        host = os.environ.get("KOERS_HOST", "127.0.0.1")
        port = _int("KOERS_PORT", 8080)
        return cls(
            home=home,
            database_url=database_url,
            rasa_url=os.environ.get("RASA_URL", "http://127.0.0.1:5005").rstrip("/"),
            rasa_token=os.environ.get("RASA_TOKEN", ""),
            action_server_url=os.environ.get("ACTION_SERVER_URL", "http://127.0.0.1:5055").rstrip("/"),
            host=host,
            port=port,
            log_level=os.environ.get("KOERS_LOG_LEVEL", "INFO").upper(),
            log_format=os.environ.get("KOERS_LOG_FORMAT", "json"),
            secret_key=_secret(home, mode),
            retention_days=_int("KOERS_RETENTION_DAYS", 90),
            max_message_chars=_int("KOERS_MAX_MESSAGE_CHARS", 2000),
            public_url=os.environ.get("KOERS_PUBLIC_URL", f"http://{host}:{port}").rstrip("/"),
            redis_url=redis_url,
            mode=mode,
            max_kept_messages=_int("KOERS_MAX_KEPT_MESSAGES", 10),
        )
