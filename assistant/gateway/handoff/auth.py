"""Adviser accounts and sessions: argon2 hashes, login delays, expiring sessions, CSRF tokens, roles.

Kept free of aiohttp so the rules (delays, expiry, roles) are unit-tested directly; ``web.py``
maps them onto cookies and HTTP statuses.

Logins cannot stall the service or lock anyone out:
- argon2 runs in a worker thread (``login_async``), at most ``HASH_SLOTS`` at a time, so the
  event loop keeps serving chat and webhooks during a login flood;
- failures count per client address, per (account, address) and per account, in the database
  (``LoginThrottle``) so every replica sees them. The first two refuse further tries for a
  growing time (an attacker only slows down their own address); the account-wide one only makes
  each try wait a little longer, capped, and never refuses the right password: there is no hard
  lock that a stranger can trigger for someone else;
- unknown user, wrong password and a refused (delayed) try get the same status and text, and all
  three do one argon2 verification, so neither answer nor timing tells which names exist.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from weakref import WeakKeyDictionary

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from assistant.gateway.handoff.models import ROLES, Adviser, AdviserLoket, AdviserSession, LoginThrottle
from assistant.gateway.lokets import load_lokets
from assistant.storage.models import utcnow

COOKIE_NAME = "koers_session"
LOGIN_CSRF_COOKIE = "koers_login_csrf"
MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 256
# At most this many password checks at once (each takes ~64 MB and a core for argon2's defaults).
HASH_SLOTS = 2
# Only write "last seen" this often: the console polls every few seconds.
TOUCH_EVERY = timedelta(seconds=15)
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")

# One answer for every refused login: wrong name, wrong password or too many tries.
INVALID_LOGIN = (
    "Inloggen lukt niet. Kijk je gebruikersnaam en wachtwoord na. "
    "Na een paar foute pogingen moet je even wachten."
)


@dataclass(frozen=True)
class ThrottleRule:
    """``free`` failures cost nothing; then the delay doubles from ``base_s`` up to ``cap_s``."""

    kind: str
    free: int
    base_s: float
    cap_s: float
    refuses: bool  # True: tries within the delay are refused; False: they only wait

    def delay_s(self, failures: int) -> float:
        if failures < self.free:
            return 0.0
        return float(min(self.cap_s, self.base_s * 2 ** min(failures - self.free, 30)))


IP_RULE = ThrottleRule("ip", free=10, base_s=1.0, cap_s=15 * 60, refuses=True)
ACCOUNT_IP_RULE = ThrottleRule("account_ip", free=3, base_s=2.0, cap_s=15 * 60, refuses=True)
ACCOUNT_RULE = ThrottleRule("account", free=5, base_s=0.5, cap_s=10.0, refuses=False)
# Failures older than this no longer count (an address or account starts with a clean slate).
FORGET_FAILURES_AFTER = timedelta(hours=1)


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
    status: str  # ok | invalid (also for unknown names and refused tries: callers cannot tell)
    identity: Identity | None = None
    token: str | None = None

    @property
    def message(self) -> str:
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


def validate_lokets(loket_ids: Iterable[str]) -> tuple[str, ...]:
    """Configured loket ids, in order and without doubles; none given means the default loket."""
    lokets, default = load_lokets()
    chosen = tuple(dict.fromkeys(str(lk).strip() for lk in loket_ids if str(lk).strip())) or (default,)
    unknown = [lk for lk in chosen if lk not in lokets]
    if unknown:
        raise AuthError(f"Onbekend loket: {', '.join(unknown)}. Kies uit: {', '.join(sorted(lokets))}.")
    return chosen


def create_adviser(sessions: sessionmaker, username: str, password: str, role: str = "adviser",
                   lokets: Iterable[str] = ()) -> int:
    name = validate_username(username)
    if role not in ROLES:
        raise AuthError(f"Onbekende rol {role!r}. Kies uit: {', '.join(ROLES)}.")
    validate_password(password)
    loket_ids = validate_lokets(lokets)
    with sessions.begin() as db:
        if db.execute(select(Adviser.id).where(Adviser.username == name)).first() is not None:
            raise AuthError(f"Er is al een adviseur met de naam {name!r}.")
        adviser = Adviser(username=name, password_hash=hash_password(password), role=role, active=True,
                          failed_logins=0)
        db.add(adviser)
        db.flush()
        db.add_all(AdviserLoket(adviser_id=adviser.id, loket_id=lk) for lk in loket_ids)
        return int(adviser.id)


def lokets_of(sessions: sessionmaker, adviser_id: int) -> tuple[str, ...]:
    with sessions() as db:
        return tuple(str(lk) for lk in db.execute(
            select(AdviserLoket.loket_id).where(AdviserLoket.adviser_id == adviser_id)
            .order_by(AdviserLoket.loket_id)).scalars())


def set_lokets(sessions: sessionmaker, username: str, lokets: Iterable[str]) -> tuple[str, ...]:
    """Replace the lokets an adviser works for; returns them."""
    with sessions() as db:
        adviser_id = db.execute(select(Adviser.id).where(Adviser.username == _normal_name(username))).scalar()
    if adviser_id is None:
        raise AuthError(f"Er is geen adviseur met de naam {_normal_name(username)!r}.")
    return set_lokets_of(sessions, int(adviser_id), lokets)


def set_lokets_of(sessions: sessionmaker, adviser_id: int, lokets: Iterable[str]) -> tuple[str, ...]:
    loket_ids = validate_lokets(lokets)
    with sessions.begin() as db:
        if db.get(Adviser, adviser_id) is None:
            raise AuthError("Deze adviseur bestaat niet.")
        db.execute(delete(AdviserLoket).where(AdviserLoket.adviser_id == adviser_id))
        db.add_all(AdviserLoket(adviser_id=adviser_id, loket_id=lk) for lk in loket_ids)
    return loket_ids


def lokets_by_adviser(sessions: sessionmaker) -> dict[int, list[str]]:
    with sessions() as db:
        rows = db.execute(select(AdviserLoket.adviser_id, AdviserLoket.loket_id).order_by(AdviserLoket.loket_id))
        out: dict[int, list[str]] = {}
        for adviser_id, loket_id in rows:
            out.setdefault(int(adviser_id), []).append(str(loket_id))
    return out


def session_key(secret: str, token: str) -> str:
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


def _keyed(secret: str, *parts: str) -> str:
    return hmac.new(secret.encode(), "\x00".join(parts).encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def _normal_name(username: str) -> str:
    return (username or "").strip().lower()[:64]


def _throttle_keys(secret: str, name: str, client_ip: str) -> tuple[str, list[tuple[ThrottleRule, str]]]:
    account = _keyed(secret, "account", name)
    return account, [
        (IP_RULE, _keyed(secret, "ip", client_ip)),
        (ACCOUNT_IP_RULE, _keyed(secret, "account_ip", name, client_ip)),
        (ACCOUNT_RULE, account),
    ]


def _live(row: LoginThrottle | None, now: datetime) -> LoginThrottle | None:
    """The row, unless its failures are old enough to be forgotten."""
    if row is None:
        return None
    updated = _aware(row.updated_at)
    return None if updated is None or now - updated > FORGET_FAILURES_AFTER else row


def _blocked_for(row: LoginThrottle | None, now: datetime) -> float:
    blocked_until = _aware(row.blocked_until) if row is not None else None
    return max(0.0, (blocked_until - now).total_seconds()) if blocked_until is not None else 0.0


def _record_failure(db: Session, rule: ThrottleRule, key: str, account: str, now: datetime) -> None:
    row = db.get(LoginThrottle, key)
    failures = int(row.failures or 0) + 1 if _live(row, now) is not None and row is not None else 1
    if row is None:
        row = LoginThrottle(key=key, kind=rule.kind, account=None if rule.kind == "ip" else account)
        db.add(row)
    row.failures = failures
    delay = rule.delay_s(failures)
    row.blocked_until = now + timedelta(seconds=delay) if delay else None
    row.updated_at = now


def login_wait_s(sessions: sessionmaker, secret: str, username: str, now: datetime | None = None) -> float:
    """How long a try for this account waits first (the account-wide delay; never a refusal)."""
    now = now or utcnow()
    with sessions() as db:
        row = _live(db.get(LoginThrottle, _keyed(secret, "account", _normal_name(username))), now)
        return min(ACCOUNT_RULE.cap_s, _blocked_for(row, now))


def login(sessions: sessionmaker, secret: str, username: str, password: str,
          now: datetime | None = None, client_ip: str = "") -> LoginResult:
    """Check a password; failures grow the delays of the address, the account on this address and
    the account. Blocking (argon2): from a coroutine use ``login_async``."""
    try:
        return _login(sessions, secret, username, password, now or utcnow(), client_ip)
    except IntegrityError:
        # Two failures for a new key at once (parallel tries): the other one created the row.
        return _login(sessions, secret, username, password, now or utcnow(), client_ip)


def _login(sessions: sessionmaker, secret: str, username: str, password: str, now: datetime,
           client_ip: str) -> LoginResult:
    name = _normal_name(username)
    password = (password or "")[:MAX_PASSWORD_CHARS]
    account, keys = _throttle_keys(secret, name, client_ip)
    with sessions.begin() as db:
        refused = any(rule.refuses and _blocked_for(_live(db.get(LoginThrottle, key), now), now) > 0
                      for rule, key in keys)
        adviser = db.execute(select(Adviser).where(Adviser.username == name)).scalar_one_or_none()
        ok = False
        if refused or adviser is None or not adviser.active:
            # Same work as a real check, so timing does not reveal which names exist or are delayed.
            with contextlib.suppress(VerificationError, InvalidHashError):
                _hasher().verify(_dummy_hash(), password)
        else:
            try:
                ok = _hasher().verify(str(adviser.password_hash), password)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                ok = False
        if not ok or adviser is None:
            for rule, key in keys:
                _record_failure(db, rule, key, account, now)
            return LoginResult("invalid")
        if _hasher().check_needs_rehash(str(adviser.password_hash)):
            adviser.password_hash = hash_password(password)
        # Success clears this account's counters; the address keeps its own (a valid account
        # must not reset the count of an address that guesses other accounts).
        db.execute(delete(LoginThrottle).where(LoginThrottle.account == account))
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


_hash_slots: WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = WeakKeyDictionary()


def _slots() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    slots = _hash_slots.get(loop)
    if slots is None:
        slots = _hash_slots[loop] = asyncio.Semaphore(HASH_SLOTS)
    return slots


async def login_async(sessions: sessionmaker, secret: str, username: str, password: str, client_ip: str,
                      now: datetime | None = None,
                      sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> LoginResult:
    """``login`` off the event loop: the account-wide delay is awaited (costs no thread), then
    the database work and argon2 run in a worker thread, ``HASH_SLOTS`` at a time."""
    wait = await asyncio.to_thread(login_wait_s, sessions, secret, username, now)
    if wait > 0:
        await sleep(wait)
    async with _slots():
        return await asyncio.to_thread(login, sessions, secret, username, password, now, client_ip)


def delayed_accounts(sessions: sessionmaker, secret: str, now: datetime | None = None) -> set[int]:
    """Advisers whose logins are being delayed now (for the admin page)."""
    now = now or utcnow()
    with sessions() as db:
        advisers = {_keyed(secret, "account", str(a.username)): int(a.id)
                    for a in db.execute(select(Adviser)).scalars()}
        rows = db.execute(select(LoginThrottle).where(LoginThrottle.account.in_(list(advisers)))).scalars()
        return {advisers[str(r.account)] for r in rows if _blocked_for(_live(r, now), now) > 0}


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


def advisers_online(sessions: sessionmaker, loket_id: str | None, now: datetime | None = None,
                    window: timedelta = timedelta(minutes=2)) -> int:
    """How many advisers of this loket had the console open recently (its pages poll, which counts
    as activity). ``loket_id`` None counts every adviser (the admin's overall view)."""
    now = now or utcnow()
    query = (select(func.count(func.distinct(AdviserSession.adviser_id)))
             .join(Adviser, Adviser.id == AdviserSession.adviser_id)
             .where(AdviserSession.last_seen_at >= now - window - TOUCH_EVERY,
                    AdviserSession.expires_at > now, Adviser.active.is_(True)))
    if loket_id is not None:
        query = query.join(AdviserLoket, AdviserLoket.adviser_id == Adviser.id).where(
            AdviserLoket.loket_id == loket_id)
    with sessions() as db:
        count = db.execute(query).scalar_one()
    return int(count or 0)


def unlock(sessions: sessionmaker, adviser_id: int, secret: str) -> bool:
    """Clear an account's login delays (on every address)."""
    with sessions.begin() as db:
        adviser = db.get(Adviser, adviser_id)
        if adviser is None:
            return False
        db.execute(delete(LoginThrottle).where(LoginThrottle.account == _keyed(secret, "account",
                                                                               str(adviser.username))))
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
        # Forgotten failures need no row; a live delay is never longer than the forget window.
        db.execute(delete(LoginThrottle).where(LoginThrottle.updated_at < now - FORGET_FAILURES_AFTER
                                               - timedelta(seconds=max(IP_RULE.cap_s, ACCOUNT_IP_RULE.cap_s))))
        return int(result.rowcount or 0)
