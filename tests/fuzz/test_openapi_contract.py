"""Schemathesis against docs/openapi.yaml on the running service (issue 10, item 10).

Every documented operation gets generated requests, valid and invalid, from an anonymous client
and from a logged-in adviser (logout is left out, or the session would end halfway). None may
answer with a server error. The chat operations get a real conversation with its token half of
the time, so the fuzzing reaches past the 404 of an unknown conversation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")  # the service's environment (make test-service)

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
schema = schemathesis.openapi.from_path(ROOT / "docs" / "openapi.yaml").exclude(path="/api/v1/auth/logout")


@pytest.fixture(scope="module")
def conversation(live: Any) -> tuple[str, str]:
    import requests

    body = requests.post(f"{live.url}/api/v1/chat", json={}, timeout=30).json()
    return body["conversation_id"], body["token"]


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_with_a_server_error(case: Any, live: Any, adviser_session: Any,
                                                  conversation: tuple[str, str]) -> None:
    headers: dict[str, str] = {}
    if "{conversation_id}" in case.path and case.path.startswith("/api/v1/chat/") \
            and len(repr(case.body)) % 2 == 0:
        case.path_parameters = {**(case.path_parameters or {}), "conversation_id": conversation[0]}
        headers["Authorization"] = f"Bearer {conversation[1]}"
    response = case.call(base_url=live.url, session=adviser_session, headers=headers, timeout=30)
    case.validate_response(response, checks=[not_a_server_error])
