"""What the person hears first when they asked for an adviser: the truth, before any promise.

The service knows whether the person's loket is open and staffed; it passes that in as plain data
(``Staffing``), so the dialogue stays pure and never says "ik geef je door" to a closed loket.
The words are in the vocabulary (texts ``handoff_*``); the service uses the same ones when it has
to correct the dialogue (an adviser went offline between the two checks).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.vocabulary import vocabulary

STATUSES = ("available", "closed", "unstaffed")
# The key of the service's message metadata that carries the staffing (read by action_turn).
STAFFING_KEY = "koers_staffing"
MAX_PHRASE = 80


@dataclass(frozen=True)
class Staffing:
    status: str  # available | closed | unstaffed (open, but none of the loket's advisers online)
    reopens: str | None = None  # plain Dutch, e.g. "maandag vanaf 9.00 uur"
    holiday: str | None = None  # the holiday that closes the loket today


def staffing_from(raw: Any) -> Staffing | None:
    """Staffing from the service's data, or None when it is missing or not understood."""
    if not isinstance(raw, Mapping) or raw.get("status") not in STATUSES:
        return None

    def phrase(key: str) -> str | None:
        value = raw.get(key)
        return value[:MAX_PHRASE] if isinstance(value, str) and value.strip() else None

    return Staffing(status=str(raw["status"]), reopens=phrase("reopens"), holiday=phrase("holiday"))


def _t(key: str, **kwargs: str) -> str:
    text = vocabulary().texts[key]
    return text.format(**kwargs) if kwargs else text


def first_words(staffing: Staffing | None) -> list[str]:
    """The bot's first messages after the person said yes to an adviser.

    Available: they will be connected. Closed or nobody there: when the loket is open again and
    what can be done now. Unknown (no service, e.g. the simulator): no promise either way.
    """
    if staffing is None:
        return [_t("handoff")]
    if staffing.status == "available":
        return [_t("handoff_connect")]
    if staffing.status == "unstaffed":
        return [_t("handoff_unstaffed"), _t("handoff_now")]
    if staffing.reopens and staffing.holiday:
        closed = _t("handoff_closed_holiday", holiday=staffing.holiday, reopens=staffing.reopens)
    elif staffing.reopens:
        closed = _t("handoff_closed", reopens=staffing.reopens)
    else:
        closed = _t("handoff_closed_no_date")
    return [closed, _t("handoff_now")]
