"""Logins that cannot stall the service or lock anyone out (issue 10, item 2).

Growing delays per address, per (account, address) and per account, stored in the database;
one answer for unknown name, wrong password and a delayed try; argon2 off the event loop.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta

from sqlalchemy import func, select

from assistant.gateway.app import SESSIONS
from assistant.gateway.handoff import auth
from assistant.gateway.handoff.models import Adviser, LoginThrottle
from assistant.storage.db import make_engine, make_session_factory
from assistant.storage.models import utcnow

from .conftest import PASSWORD

SECRET = "login-throttle-test-secret"
WRONG = "dit is niet het wachtwoord"


def fail(sessions, n, username="anna", ip="198.51.100.7", now=None):
    for _ in range(n):
        assert auth.login(sessions, SECRET, username, WRONG, now=now, client_ip=ip).status == "invalid"


def test_one_address_guessing_one_account_is_delayed_but_the_owner_elsewhere_is_not(app, advisers):
    sessions, t0 = app[SESSIONS], utcnow()
    fail(sessions, auth.ACCOUNT_IP_RULE.free + 1, now=t0)
    # From the guessing address even the right password is refused now ...
    assert auth.login(sessions, SECRET, "anna", PASSWORD, now=t0, client_ip="198.51.100.7").status == "invalid"
    # ... but not from the owner's address: no lock anyone can trigger.
    assert auth.login(sessions, SECRET, "anna", PASSWORD, now=t0, client_ip="203.0.113.9").status == "ok"


def test_delays_grow_and_expire(app, advisers):
    sessions, t0 = app[SESSIONS], utcnow()
    rule = auth.ACCOUNT_IP_RULE
    assert [rule.delay_s(n) for n in range(rule.free, rule.free + 4)] == [rule.base_s * 2 ** i for i in range(4)]
    assert rule.delay_s(10_000) == rule.cap_s
    ip = "198.51.100.7"
    fail(sessions, rule.free + 1, now=t0)  # the second delayed failure: 2 * base
    first = timedelta(seconds=rule.delay_s(rule.free + 1))
    second = timedelta(seconds=1)
    refused_at = t0 + first - second
    assert auth.login(sessions, SECRET, "anna", PASSWORD, now=refused_at, client_ip=ip).status == "invalid"
    # The refused try counted too: the next, longer wait starts from there.
    longer = timedelta(seconds=rule.delay_s(rule.free + 2))
    assert auth.login(sessions, SECRET, "anna", PASSWORD, now=refused_at + longer - second,
                      client_ip=ip).status == "invalid"
    assert auth.login(sessions, SECRET, "anna", PASSWORD,
                      now=refused_at + longer - second + timedelta(seconds=rule.delay_s(rule.free + 3)) + second,
                      client_ip=ip).status == "ok"


def test_one_address_guessing_many_accounts_is_delayed(app, advisers):
    sessions, t0 = app[SESSIONS], utcnow()
    for i in range(auth.IP_RULE.free + 1):
        fail(sessions, 1, username=f"gok{i}", now=t0)
    assert auth.login(sessions, SECRET, "bert", PASSWORD, now=t0, client_ip="198.51.100.7").status == "invalid"
    assert auth.login(sessions, SECRET, "bert", PASSWORD, now=t0, client_ip="203.0.113.9").status == "ok"


def test_account_wide_delay_waits_but_never_refuses(app, advisers):
    sessions, t0 = app[SESSIONS], utcnow()
    # Many addresses, each below its own limit, all guessing anna.
    for i in range(auth.ACCOUNT_RULE.free + 6):
        fail(sessions, 1, ip=f"192.0.2.{i}", now=t0)
    wait = auth.login_wait_s(sessions, SECRET, "anna", now=t0)
    assert 0 < wait <= auth.ACCOUNT_RULE.cap_s
    assert auth.login_wait_s(sessions, SECRET, "bert", now=t0) == 0
    # Unknown names get the same delays: the delay does not reveal which names exist.
    for i in range(auth.ACCOUNT_RULE.free + 6):
        fail(sessions, 1, username="bestaat-niet", ip=f"192.0.2.{100 + i}", now=t0)
    assert auth.login_wait_s(sessions, SECRET, "bestaat-niet", now=t0) == wait
    # The right password from a fresh address still works, and clears the account's counters.
    assert auth.login(sessions, SECRET, "anna", PASSWORD, now=t0, client_ip="203.0.113.9").status == "ok"
    assert auth.login_wait_s(sessions, SECRET, "anna", now=t0) == 0


def test_failures_are_forgotten_after_a_while(app, advisers):
    sessions, t0 = app[SESSIONS], utcnow()
    fail(sessions, auth.ACCOUNT_IP_RULE.free + 1, now=t0)
    much_later = t0 + auth.FORGET_FAILURES_AFTER + timedelta(seconds=auth.ACCOUNT_IP_RULE.cap_s + 1)
    # One more failure after the forget window counts as the first, not as the next.
    fail(sessions, 1, now=much_later)
    assert auth.login(sessions, SECRET, "anna", PASSWORD, now=much_later, client_ip="198.51.100.7").status == "ok"


def test_delays_are_shared_through_the_database(app, advisers, db_url):
    """A second replica (its own engine and sessions on the same database) sees the delay."""
    t0 = utcnow()
    fail(app[SESSIONS], auth.ACCOUNT_IP_RULE.free + 1, now=t0)
    other = make_session_factory(make_engine(db_url))
    assert auth.login(other, SECRET, "anna", PASSWORD, now=t0, client_ip="198.51.100.7").status == "invalid"
    with other() as db:
        stored = [str(k) for k in db.execute(select(LoginThrottle.key)).scalars()]
    # Neither the address nor the typed name is stored as such.
    assert stored and all("198.51" not in k and "anna" not in k for k in stored)


def test_admin_sees_and_clears_a_delay(app, advisers):
    sessions, t0 = app[SESSIONS], utcnow()
    fail(sessions, auth.ACCOUNT_IP_RULE.free + 1)
    with sessions() as db:
        anna = db.execute(select(Adviser.id).where(Adviser.username == "anna")).scalar_one()
    assert auth.delayed_accounts(sessions, SECRET) == {anna}
    assert auth.unlock(sessions, anna, SECRET)
    assert auth.delayed_accounts(sessions, SECRET) == set()
    assert auth.login(sessions, SECRET, "anna", PASSWORD, now=t0, client_ip="198.51.100.7").status == "ok"


async def test_same_status_and_body_for_unknown_wrong_and_delayed(client, app, advisers):
    answers = []
    for username, password in (("niemand", PASSWORD), ("anna", WRONG), ("bert", WRONG)):
        resp = await client.post("/api/v1/auth/login", json={"username": username, "password": password})
        answers.append((resp.status, await resp.json(), "Retry-After" in resp.headers))
    # 127.0.0.1 guessing bert until this address is delayed for bert: then the right password.
    for _ in range(auth.ACCOUNT_IP_RULE.free):
        await client.post("/api/v1/auth/login", json={"username": "bert", "password": WRONG})
    resp = await client.post("/api/v1/auth/login", json={"username": "bert", "password": PASSWORD})
    answers.append((resp.status, await resp.json(), "Retry-After" in resp.headers))
    assert answers == [(401, {"error": auth.INVALID_LOGIN}, False)] * 4
    # The HTML form answers the same way.
    page = await client.get("/console/login")
    csrf = page.cookies[auth.LOGIN_CSRF_COOKIE].value
    form = await client.post("/console/login", data={"username": "bert", "password": PASSWORD, "csrf_token": csrf})
    assert form.status == 401 and auth.INVALID_LOGIN in await form.text()


def test_every_refusal_does_one_password_check(app, advisers, monkeypatch):
    """Timing alike: unknown name, wrong password and a delayed try all verify one argon2 hash."""
    calls: list[str] = []
    hasher = auth._hasher()

    class Counting:
        def verify(self, hashed, password):
            calls.append(hashed)
            return hasher.verify(hashed, password)

        def check_needs_rehash(self, hashed):
            return False

    monkeypatch.setattr(auth, "_hasher", lambda: Counting())
    sessions, t0 = app[SESSIONS], utcnow()
    fail(sessions, auth.ACCOUNT_IP_RULE.free + 1, now=t0)
    calls.clear()
    auth.login(sessions, SECRET, "niemand", WRONG, now=t0, client_ip="203.0.113.1")
    auth.login(sessions, SECRET, "bert", WRONG, now=t0, client_ip="203.0.113.1")
    auth.login(sessions, SECRET, "anna", PASSWORD, now=t0, client_ip="198.51.100.7")  # delayed
    assert len(calls) == 3


async def test_password_hashing_runs_off_the_event_loop(app, advisers, monkeypatch):
    """A password check that blocks until the event loop has done other work: on the loop it
    could never finish (its wait would time out); in a worker thread it does."""
    hasher = auth._hasher()
    loop_thread = threading.get_ident()
    released = threading.Event()
    lock = threading.Lock()
    running = peak = 0
    threads: set[int] = set()

    class Blocking:
        def verify(self, hashed, password):
            nonlocal running, peak
            with lock:
                running += 1
                peak = max(peak, running)
                threads.add(threading.get_ident())
            try:
                assert released.wait(timeout=10), "the event loop was blocked"
                return hasher.verify(hashed, password)
            finally:
                with lock:
                    running -= 1

        def check_needs_rehash(self, hashed):
            return False

    monkeypatch.setattr(auth, "_hasher", lambda: Blocking())
    logins = [asyncio.create_task(auth.login_async(app[SESSIONS], SECRET, "anna", WRONG, client_ip=f"192.0.2.{i}"))
              for i in range(6)]
    for _ in range(1000):  # the loop is free while the checks wait
        if peak >= auth.HASH_SLOTS:
            break
        await asyncio.sleep(0.01)
    released.set()
    results = await asyncio.gather(*logins)
    assert [r.status for r in results] == ["invalid"] * 6
    assert loop_thread not in threads
    assert peak <= auth.HASH_SLOTS  # a flood of logins uses at most this many cores


async def test_login_async_awaits_the_account_wide_delay(app, advisers):
    sessions = app[SESSIONS]
    for i in range(auth.ACCOUNT_RULE.free + 2):
        fail(sessions, 1, ip=f"192.0.2.{i}")
    waited: list[float] = []

    async def record(seconds: float) -> None:
        waited.append(seconds)

    result = await auth.login_async(sessions, SECRET, "anna", PASSWORD, client_ip="203.0.113.9", sleep=record)
    assert result.status == "ok"
    assert len(waited) == 1 and 0 < waited[0] <= auth.ACCOUNT_RULE.cap_s
    with sessions() as db:
        assert db.execute(select(func.count()).select_from(LoginThrottle)
                          .where(LoginThrottle.kind == "account")).scalar_one() == 0
