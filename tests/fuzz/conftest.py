"""One live service per fuzz module (see live.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import FakeRasa

from .live import Live, live_service

# How many generated cases per operation or property: small in the test suite, large in `make fuzz`.
EXAMPLES = int(os.environ.get("KOERS_FUZZ_EXAMPLES", "25"))


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with live_service(tmp_path_factory.mktemp("fuzz"), FakeRasa()) as service:
        yield service


@pytest.fixture(scope="module")
def adviser_session(live: Live) -> Any:
    """A logged-in admin session (cookie and CSRF header), as a browser of an adviser has."""
    requests = pytest.importorskip("requests")
    from .live import ADVISER

    session = requests.Session()
    resp = session.post(f"{live.url}/api/v1/auth/login", json={"username": ADVISER[0], "password": ADVISER[1]},
                        timeout=30)
    assert resp.status_code == 200, resp.text
    session.headers["X-CSRF-Token"] = resp.json()["csrf_token"]
    return session
