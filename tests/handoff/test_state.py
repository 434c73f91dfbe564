import pytest

from assistant.gateway.handoff.state import STATES, InvalidTransition, can_transition, check_transition

ALLOWED = [
    ("bot", "handoff_requested"),
    ("handoff_requested", "handoff_active"),
    ("handoff_requested", "bot"),
    ("handoff_requested", "closed"),
    ("handoff_active", "bot"),
    ("handoff_active", "closed"),
    ("closed", "bot"),
    ("closed", "handoff_requested"),
]


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_allowed_transitions(current, target):
    assert check_transition(current, target) == target


def test_everything_else_is_refused():
    for current in (*STATES, None, "unknown"):
        for target in STATES:
            if (current, target) in ALLOWED:
                continue
            assert not can_transition(current, target)
            with pytest.raises(InvalidTransition):
                check_transition(current, target)


def test_refusal_messages_are_dutch_and_specific():
    with pytest.raises(InvalidTransition) as exc:
        check_transition("handoff_active", "handoff_active")
    assert exc.value.message == "Een andere adviseur heeft dit gesprek al overgenomen."
    with pytest.raises(InvalidTransition) as exc:
        check_transition("bot", "handoff_active")
    assert "overgenomen" in exc.value.message
