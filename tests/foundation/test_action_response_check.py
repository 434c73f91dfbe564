"""Rasa's check of action-server responses, with its schema compiled once (assistant.rasa_plugins)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("rasa")
pytestmark = pytest.mark.rasa

from jsonschema import ValidationError  # noqa: E402
from rasa.core.actions.action import RemoteAction  # noqa: E402

from assistant.rasa_plugins import action_response  # noqa: E402

VALID: dict[str, Any] = {
    "events": [{"event": "slot", "name": "age", "value": 45, "timestamp": None},
               {"event": "slot", "name": "koers_state", "value": {"open": "goal"}, "timestamp": None}],
    "responses": [{"text": "Hoi", "buttons": [{"title": "Ja", "payload": "Ja"}]}],
}
INVALID: list[dict[str, Any]] = [
    {"events": [{"event": "slot", "value": 1}]},  # a slot event without a name
    {"events": [{"event": "no_such_event"}]},
    {"events": "not a list"},
    {"responses": ["not an object"]},
]


def rasa_errors(result: dict[str, Any]) -> str | None:
    """What Rasa 3.6's own check (jsonschema.validate, schema checked per call) says."""
    from jsonschema import validate

    try:
        validate(result, RemoteAction.action_response_format_spec())
    except ValidationError as e:
        return e.message
    return None


def test_the_rasa_server_gets_the_compiled_check_through_the_tracker_store() -> None:
    import assistant.rasa_plugins.tracker_store  # noqa: F401 - what endpoints.yml makes Rasa import

    assert action_response.installed()


def test_valid_responses_pass_and_invalid_ones_fail_as_in_rasa() -> None:
    action_response.install()
    action = RemoteAction("action_turn", None)
    assert rasa_errors(VALID) is None
    assert action._validate_action_result(VALID) is True
    for bad in INVALID:
        expected = rasa_errors(bad)
        assert expected is not None
        with pytest.raises(ValidationError) as caught:
            action._validate_action_result(bad)
        assert caught.value.message.startswith(expected)
        assert "Failed to validate Action server response" in caught.value.message  # Rasa's own wording


def test_another_rasa_version_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    action_response.install()
    original = RemoteAction._validate_action_result
    # Rasa's own method back for this test only (monkeypatch restores the compiled one).
    monkeypatch.setattr(RemoteAction, "_validate_action_result", original.__wrapped__)
    assert not action_response.installed()
    monkeypatch.setattr(action_response.rasa, "__version__", "3.7.0")
    assert action_response.install() is False
    assert not action_response.installed()
