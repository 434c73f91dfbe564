"""Wires "verwijder mijn gegevens" into the conversation service.

The action's confirmation text still reaches the person (it is the direct reply); only what was
stored is removed, including that reply itself.
"""

from __future__ import annotations

from assistant.gateway.conversation import ConversationService
from assistant.gateway.rasa_client import BotMessage
from assistant.privacy.erasure import wants_deletion
from assistant.privacy.retention import delete_conversation_data
from assistant.storage.db import off_loop


def install(service: ConversationService) -> None:
    async def on_bot_signals(conversation_id: str, replies: list[BotMessage]) -> list[BotMessage]:
        if wants_deletion(replies):
            await off_loop(delete_conversation_data, service.sessions, conversation_id)
        return []

    service.add_signal_handler(on_bot_signals)
