"""Who may reach a web conversation: the holder of the token it got at creation.

A web conversation id alone opens nothing: ids show up in logs, console URLs and the audit log.
The widget gets a random token with the id and presents it on every call
(``Authorization: Bearer …``). Only a SHA-256 of the token is stored; the token has 256 bits
of randomness, so a fast hash is enough (there is nothing to guess from it).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy.orm import sessionmaker

from assistant.storage.models import Conversation

# Only web conversations may be reached through the web chat API (not WhatsApp/Telegram ones).
WEB_PREFIX = "web-"
TOKEN_BYTES = 32


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_conversation_id() -> str:
    return WEB_PREFIX + secrets.token_urlsafe(18)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def grant(sessions: sessionmaker, conversation_id: str, token: str, loket_id: str | None = None) -> None:
    """Create the web conversation with the hash of its token (for a fresh random id only)."""
    with sessions.begin() as db:
        conv = db.get(Conversation, conversation_id)
        if conv is None:
            conv = Conversation(id=conversation_id, channel="web", loket_id=loket_id, status="bot")
            db.add(conv)
        conv.access_hash = _digest(token)


def bearer_token(authorization: str | None) -> str:
    """The token of an ``Authorization: Bearer <token>`` header, or "" without one."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def may_access(sessions: sessionmaker, conversation_id: str, token: str) -> bool:
    """True only for a web conversation whose stored hash matches ``token`` (constant time)."""
    if not token or not conversation_id.startswith(WEB_PREFIX) or len(token) > 256:
        return False
    with sessions() as db:
        conv = db.get(Conversation, conversation_id)
        stored = None if conv is None or conv.channel != "web" else conv.access_hash
    # Compared even when nothing is stored, so an unknown id takes as long as a wrong token.
    return hmac.compare_digest(_digest(token), str(stored or "0" * 64)) and stored is not None
