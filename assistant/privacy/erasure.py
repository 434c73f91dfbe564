""""Verwijder mijn gegevens": when the bot confirms with ``{"privacy": "delete_requested"}``, the
service deletes the conversation's data (transcript, tickets, cases, annotations, Rasa tracker).

The action's confirmation text still reaches the person (it is the direct reply); only what was
stored is removed, including that reply itself.
"""

from __future__ import annotations

import logging

from assistant.gateway.conversation import ConversationService
from assistant.gateway.rasa_client import BotMessage
from assistant.privacy.retention import delete_conversation_data

log = logging.getLogger(__name__)


def wants_deletion(replies: list[BotMessage]) -> bool:
    return any(m.custom and m.custom.get("privacy") == "delete_requested" for m in replies)


def install(service: ConversationService) -> None:
    async def on_bot_signals(conversation_id: str, replies: list[BotMessage]) -> list[BotMessage]:
        if wants_deletion(replies):
            delete_conversation_data(service.sessions, conversation_id)
        return []

    service.add_signal_handler(on_bot_signals)
