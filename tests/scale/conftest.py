"""Real PostgreSQL and Redis servers for the scale tests (one of each per test session)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.scale.servers import Postgres, Redis, postgres_server, redis_server


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    with postgres_server() as server:
        yield server


@pytest.fixture(scope="session")
def redis() -> Iterator[Redis]:
    with redis_server() as server:
        yield server


@pytest.fixture
def pg_url(postgres: Postgres) -> str:
    """A fresh, empty database per test."""
    return postgres.create_database(f"koers_{uuid.uuid4().hex[:12]}")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.scale.figures import LINES

    if LINES:
        terminalreporter.section("scale figures")
        for line in LINES:
            terminalreporter.write_line(line)
