"""Adviser accounts and sessions: argon2 hashes, lockout, expiring sessions, CSRF tokens, roles.

Kept free of aiohttp so the rules (lockout, expiry, roles) are unit-tested directly; ``web.py``
maps them onto cookies and HTTP statuses.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import sessionmaker

from assistant.gateway.handoff.models import ROLES, Adviser, AdviserSession
from assistant.storage.models import utcnow

COOKIE_NAME = "koers_session"
LOGIN_CSRF_COOKIE = "koers_login_csrf"
MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 256
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
# Only write "last seen" this often: the console polls every few seconds.
TOUCH_EVERY = timedelta(seconds=15)
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")

INVALID_LOGIN = "Gebruikersnaam of wachtwoord klopt niet."
LOCKED_LOGIN = (
    "Dit account is tijdelijk geblokkeerd na te veel pogingen. "
    "Probeer het over {minutes} minuten opnieuw, of vraag een beheerder om het te deblokkeren."
)


def _env_minutes(name: str, default: int) -> timedelta:
    raw = os.environ.get(name, "")
    try:
        return timedelta(minutes=int(raw)) if raw else timedelta(minutes=default)
    except ValueError as exc:
        raise ValueError(f"Omgevingsvariabele {name} moet een heel getal zijn, niet {raw!r}.") from exc


def session_idle_timeout() -> timedelta:
    return _env_minutes("KOERS_SESSION_IDLE_MINUTES", 30)


def session_max_age() -> timedelta:
    return _env_minutes("KOERS_SESSION_MAX_MINUTES", 12 * 60)


class AuthError(ValueError):
    """A rule about accounts was broken; the message is Dutch and meant for the user."""


@dataclass(frozen=True)
class Identity:
    adviser_id: int
    username: str
    role: str
    session_id: str
    csrf_token: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class LoginResult:
    status: str  # ok | invalid | locked
    identity: Identity | None = None
    token: str | None = None
    retry_after_s: int = 0

    @property
    def message(self) -> str:
        if self.status == "locked":
            return LOCKED_LOGIN.format(minutes=max(1, -(-self.retry_after_s // 60)))
        return INVALID_LOGIN if self.status != "ok" else ""


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher().hash(secrets.token_urlsafe(16))


def _aware(value: datetime | None) -> datetime | None:
    # SQLite returns naive datetimes even for timezone=True columns; they are stored as UTC.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=timezone.utc)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def validate_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME_RE.match(name):
        raise AuthError(
            "Een gebruikersnaam heeft 3 tot 64 tekens: kleine letters, cijfers, punt, streepje of liggend streepje."
        )
    return name


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AuthError(f"Het wachtwoord moet minstens {MIN_PASSWORD_CHARS} tekens hebben.")
    if len(password) > MAX_PASSWORD_CHARS:
        raise AuthError(f"Het wachtwoord mag hoogstens {MAX_PASSWORD_CHARS} tekens hebben.")


def create_adviser(sessions: sessionmaker, username: str, password: str, role: str = "adviser") -> int:
    name = validate_username(username)
    if role not in ROLES:
        raise AuthError(f"Onbekende rol {role!r}. Kies uit: {', '.join(ROLES)}.")
    validate_password(password)
    with sessions.begin() as db:
        if db.execute(select(Adviser.id).where(Adviser.username == name)).first() is not None:
            raise AuthError(f"Er is al een adviseur met de naam {name!r}.")
        adviser = Adviser(username=name, password_hash=hash_password(password), role=role, active=True,
                          failed_logins=0)
        db.add(adviser)
        db.flush()
        return int(adviser.id)


def session_key(secret: str, token: str) -> str:
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


def login(sessions: sessionmaker, secret: str, username: str, password: str,
          now: datetime | None = None) -> LoginResult:
    """Check a password; count failures and lock the account after ``MAX_FAILED_LOGINS``."""
    now = now or utcnow()
    name = (username or "").strip().lower()[:64]
    password = (password or "")[:MAX_PASSWORD_CHARS]
    with sessions.begin() as db:
        adviser = db.execute(select(Adviser).where(Adviser.username == name)).scalar_one_or_none()
        if adviser is None or not adviser.active:
            # Same work as a real check, so timing does not reveal which names exist.
            with contextlib.suppress(VerificationError):
                _hasher().verify(_dummy_hash(), password)
            return LoginResult("invalid")
        locked_until = _aware(adviser.locked_until)
        if locked_until is not None and locked_until > now:
            return LoginResult("locked", retry_after_s=int((locked_until - now).total_seconds()))
        try:
            _hasher().verify(str(adviser.password_hash), password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            adviser.failed_logins = int(adviser.failed_logins or 0) + 1
            if adviser.failed_logins >= MAX_FAILED_LOGINS:
                adviser.locked_until = now + LOCKOUT
                adviser.failed_logins = 0
                return LoginResult("locked", retry_after_s=int(LOCKOUT.total_seconds()))
            return LoginResult("invalid")
        if _hasher().check_needs_rehash(str(adviser.password_hash)):
            adviser.password_hash = hash_password(password)
        adviser.failed_logins = 0
        adviser.locked_until = None
        adviser.last_login_at = now
        token = secrets.token_urlsafe(32)
        row = AdviserSession(
            id=session_key(secret, token), adviser_id=adviser.id, csrf_token=secrets.token_urlsafe(32),
            created_at=now, last_seen_at=now, expires_at=now + session_max_age(),
        )
        db.add(row)
        identity = Identity(int(adviser.id), str(adviser.username), str(adviser.role), str(row.id),
                            str(row.csrf_token))
        return LoginResult("ok", identity=identity, token=token)


def authenticate(sessions: sessionmaker, secret: str, token: str | None,
                 now: datetime | None = None) -> Identity | None:
    """The adviser behind a session cookie, or None (unknown, expired, idle too long, disabled)."""
    if not token or len(token) > 128:
        return None
    now = now or utcnow()
    key = session_key(secret, token)
    with sessions.begin() as db:
        row = db.get(AdviserSession, key)
        if row is None:
            return None
        adviser = db.get(Adviser, row.adviser_id)
        expires_at = _aware(row.expires_at)
        last_seen = _aware(row.last_seen_at)
        if (adviser is None or not adviser.active or expires_at is None or expires_at <= now
                or last_seen is None or now - last_seen > session_idle_timeout()):
            db.delete(row)
            return None
        if now - last_seen >= TOUCH_EVERY:
            row.last_seen_at = now
        return Identity(int(adviser.id), str(adviser.username), str(adviser.role), key, str(row.csrf_token))


def logout(sessions: sessionmaker, session_id: str) -> None:
    with sessions.begin() as db:
        db.execute(delete(AdviserSession).where(AdviserSession.id == session_id))


def csrf_ok(identity: Identity, supplied: str | None) -> bool:
    return bool(supplied) and hmac.compare_digest(identity.csrf_token, str(supplied))


def advisers_online(sessions: sessionmaker, now: datetime | None = None,
                    window: timedelta = timedelta(minutes=2)) -> int:
    """How many advisers had the console open recently (its pages poll, which counts as activity)."""
    now = now or utcnow()
    with sessions() as db:
        count = db.execute(
            select(func.count(func.distinct(AdviserSession.adviser_id)))
            .join(Adviser, Adviser.id == AdviserSession.adviser_id)
            .where(AdviserSession.last_seen_at >= now - window - TOUCH_EVERY,
                   AdviserSession.expires_at > now, Adviser.active.is_(True))
        ).scalar_one()
    return int(count or 0)


def unlock(sessions: sessionmaker, adviser_id: int) -> bool:
    with sessions.begin() as db:
        adviser = db.get(Adviser, adviser_id)
        if adviser is None:
            return False
        adviser.locked_until = None
        adviser.failed_logins = 0
        return True


def set_active(sessions: sessionmaker, adviser_id: int, active: bool) -> bool:
    """Disable or enable an account; disabling ends its sessions at once."""
    with sessions.begin() as db:
        adviser = db.get(Adviser, adviser_id)
        if adviser is None:
            return False
        adviser.active = active
        if not active:
            db.execute(delete(AdviserSession).where(AdviserSession.adviser_id == adviser_id))
        return True


def purge_expired_sessions(sessions: sessionmaker, now: datetime | None = None) -> int:
    now = now or utcnow()
    with sessions.begin() as db:
        result = db.execute(
            delete(AdviserSession).where(
                (AdviserSession.expires_at <= now)
                | (AdviserSession.last_seen_at < now - session_idle_timeout())
            )
        )
        return int(result.rowcount or 0)
