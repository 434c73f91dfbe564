"""The handoff state machine of a conversation.

    bot --request--> handoff_requested --takeover--> handoff_active --hand back--> bot
                          |   \\--(ticket left / declined)--> bot            \\--close--> closed
                          \\--close--> closed
    closed --(person writes again / asks again)--> bot | handoff_requested

Anything else is refused, so two advisers cannot take the same case and a closed case cannot be
handed back.
"""

from __future__ import annotations

STATES = ("bot", "handoff_requested", "handoff_active", "closed")

TRANSITIONS: dict[str, frozenset[str]] = {
    "bot": frozenset({"handoff_requested"}),
    "handoff_requested": frozenset({"handoff_active", "bot", "closed"}),
    "handoff_active": frozenset({"bot", "closed"}),
    "closed": frozenset({"bot", "handoff_requested"}),
}

# Dutch explanation for the console when an adviser's action does not fit the current state.
REFUSALS = {
    "handoff_active": "Dit gesprek kan nu niet worden overgenomen.",
    "bot": "Dit gesprek kan nu niet worden teruggegeven aan Koers.",
    "closed": "Dit gesprek kan nu niet worden gesloten.",
    "handoff_requested": "Voor dit gesprek kan nu geen adviseur worden gevraagd.",
}


class InvalidTransition(ValueError):
    def __init__(self, current: str | None, target: str) -> None:
        self.current = current
        self.target = target
        super().__init__(f"{current} -> {target} is not allowed")

    @property
    def message(self) -> str:
        if self.current == self.target == "handoff_active":
            return "Een andere adviseur heeft dit gesprek al overgenomen."
        return REFUSALS.get(self.target, "Deze stap kan nu niet.")


def can_transition(current: str | None, target: str) -> bool:
    return target in TRANSITIONS.get(current or "", frozenset())


def check_transition(current: str | None, target: str) -> str:
    """Return ``target`` when allowed, else raise InvalidTransition."""
    if not can_transition(current, target):
        raise InvalidTransition(current, target)
    return target
