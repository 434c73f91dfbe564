""""Verwijder mijn gegevens": the bot confirms with ``{"privacy": "delete_requested"}``.

The service then deletes the conversation's data (``retention.delete_conversation_data``); the
gateway wires that in (``assistant.gateway.erasure``), privacy only knows the signal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol


class HasCustom(Protocol):
    @property
    def custom(self) -> Mapping[str, Any] | None: ...


def wants_deletion(replies: Iterable[HasCustom]) -> bool:
    return any(m.custom and m.custom.get("privacy") == "delete_requested" for m in replies)
