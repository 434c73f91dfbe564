"""Engine, session factory and declarative base (SQLAlchemy 1.4 in 2.0 style)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import declarative_base, sessionmaker
from sqlalchemy.pool import QueuePool

# Stable constraint names keep Alembic migrations portable between SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Base: Any = declarative_base(metadata=MetaData(naming_convention=NAMING))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL + busy timeout: Rasa, the action server and the service share one SQLite file.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str, future: bool = True, pooled: bool = False) -> Engine:
    """``future=False``: for Rasa's tracker store, which uses SQLAlchemy's 1.x API.

    ``pooled``: a SQLite file keeps a pool of open connections (as SQLAlchemy 2.0 does) instead of
    opening and setting one up for every session; for the tracker store, one thread at a time per
    connection, so sqlite3's same-thread check is off."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    kwargs: dict[str, Any] = {}
    if pooled and parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        kwargs["poolclass"] = QueuePool
        kwargs["connect_args"] = {"check_same_thread": False}
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() == "psycopg2":
        # Timestamps come back in UTC whatever the server's TimeZone, as SQLite gives them.
        kwargs["connect_args"] = {"options": "-c timezone=UTC"}
    engine = create_engine(url, future=future, pool_pre_ping=True, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


P = ParamSpec("P")
T = TypeVar("T")


async def off_loop(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run blocking database work (a sync function that opens its own session) in a worker thread.

    The one way async code reaches the database: a slow query or a held SQLite lock then delays
    only the caller, never every other request on the event loop.
    """
    return await asyncio.to_thread(fn, *args, **kwargs)
