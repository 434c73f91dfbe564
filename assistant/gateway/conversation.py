"""One path for every channel: record, redact, route to Rasa or an adviser, deliver.

Database work is done by the sync methods here (each opens its own session); the async turn
runs them through ``off_loop`` so no query blocks the event loop, while the turn lock still
orders a conversation's turns.

Channels (web chat, widget, WhatsApp, Telegram) call ``handle_user_message``; the adviser
console calls ``send_adviser_message``. Transcripts, redaction, handoff silence and the
"nothing lost when Rasa is down" behaviour therefore work the same on every channel.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import false, func, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.sql import Select

from assistant.gateway.rasa_client import BotMessage, Button, RasaClient, RasaUnavailable, attach_kinds
from assistant.privacy import redact
from assistant.shared_state import TurnLocks
from assistant.shared_state.memory import MemoryTurnLocks
from assistant.storage.db import off_loop
from assistant.storage.models import Conversation, Message, utcnow

log = logging.getLogger(__name__)

# Statuses in which the bot stays silent: a person (adviser) handles the conversation.
HANDOFF_STATUSES = frozenset({"handoff_requested", "handoff_active"})

APOLOGY = (
    "Even geduld. Ik kan je nu niet antwoorden. Je bericht is bewaard. "
    "Je krijgt antwoord zodra ik weer werk."
)
# The widget shows "even geduld" until the answer comes, also after a reload (history "kept").
KEPT_KIND = "kept"
# At most this many kept messages per conversation: more would only pile up work for later.
DEFAULT_MAX_KEPT = 10
MAX_KEPT_CEILING = 20  # what an operator may set at most (docs/limits.md)
KEPT_FULL = (
    "Ik heb al veel berichten van je bewaard. Ik kan nu niet meer bewaren. "
    "Wacht even. Je krijgt antwoord zodra ik weer werk."
)
# A reply that refuses the message (not stored, not sent on): the web API answers it with 429.
REFUSED_KIND = "refused"
TOO_LONG = "Je bericht is te lang. Kun je het korter opschrijven?"
# A message with only spaces or line breaks: answered, never stored or sent to Rasa.
EMPTY = "Je bericht is leeg. Typ je vraag, of kies een knop."

# Rasa reads text that starts with "/" (after str.strip()) as intent syntax: "/restart",
# '/inform{"age": 99}'. A ZERO WIDTH SPACE in front survives Rasa's strip (it is no whitespace)
# and hides the "/" from its RegexMessageHandler, so the text is classified as text.
ZERO_WIDTH_SPACE = "\u200b"


def as_plain_text(text: str) -> str:
    """What Rasa gets for a person's message: never an intent or entities, on any channel.

    Only the copy for Rasa changes; the transcript keeps (and shows) what the person typed.
    """
    stripped = text.strip()
    if stripped.startswith("/"):
        return ZERO_WIDTH_SPACE + stripped
    return text

# Custom payload fields that carry personal data for a signal handler, never for the transcript.
PRIVATE_CUSTOM_KEYS = frozenset({"email"})

# Delivery notes a channel returns for messages outside a direct reply; the console shows them
# on the adviser's message (None: delivered as sent).
SENT_AS_TEMPLATE = "template"  # WhatsApp's 24-hour window had closed: the template message went
WINDOW_CLOSED = "window_closed"  # ... and no template is configured: not delivered
NOT_DELIVERED = "undelivered"  # the platform refused or stayed unreachable
Deliverer = Callable[[str, list[BotMessage]], Awaitable[str | None]]
Listener = Callable[["ConversationEvent"], Awaitable[None]]
# Reacts to a bot reply (handoff, privacy signals); returns extra messages for the person.
SignalHandler = Callable[[str, list[BotMessage]], Awaitable[list[BotMessage]]]
# May claim a raw user message before redaction (callback flow collecting contact details).
Interceptor = Callable[[str, str, str], Awaitable["Interception | None"]]
# Facts the dialogue needs with each message (the loket's staffing), sent as Rasa message metadata.
MetadataProvider = Callable[[str], dict[str, Any]]


class TurnObserver(Protocol):
    """Counts what operators watch (``/metrics``); the service works the same without one."""

    def turn_done(self, channel: str, seconds: float) -> None: ...

    def rasa_error(self, stage: str) -> None: ...

    def message_kept(self) -> None: ...


class _NoObserver:
    def turn_done(self, channel: str, seconds: float) -> None:
        return None

    def rasa_error(self, stage: str) -> None:
        return None

    def message_kept(self) -> None:
        return None


@dataclass(frozen=True)
class ConversationEvent:
    conversation_id: str
    kind: str  # message | status
    sender: str | None = None
    text: str | None = None
    payload: dict[str, Any] | None = None
    message_id: int | None = None


def until_handoff(replies: list[BotMessage]) -> list[BotMessage]:
    """Drop what the bot says after its handoff signal (e.g. a form re-asking its question):
    from that moment on a person, not the bot, answers."""
    for i, m in enumerate(replies):
        if m.custom and m.custom.get("handoff") == "requested":
            return replies[: i + 1]
    return replies


@dataclass(frozen=True)
class Interception:
    """A user message handled outside Rasa: ``stored_text`` is what the transcript keeps."""

    stored_text: str | None
    replies: list[BotMessage]


# A kept message, as the index on (pending, conversation_id) can answer it.
KEPT = Message.pending == true()
# A user message whose turn is running: pending is False from storing it until its answer is
# stored. Under the conversation's turn lock one still in flight is an orphan (the replica that
# ran its turn died and its lock ran out), answered like a kept one. The retry loop passes over
# a conversation whose lock is held, and looks only at messages in flight for ORPHAN_AFTER_S,
# so it seldom asks for the lock of a turn that still runs.
IN_FLIGHT = Message.pending == false()
WAITING = Message.pending.is_not(None)
ORPHAN_AFTER_S = 2.0
# How many conversations the retry loop answers at once. After a replica dies, its kept and
# orphaned messages are answered side by side instead of one after another. Their people have
# waited longest, so they get a fair share of the surviving Rasa, which serves the live turns
# at the same time (with 4 at once the replica test answered them at about 2 a second);
# bounded, so a long backlog (Rasa down for minutes) does not crowd the live turns out.
RETRY_CONCURRENCY = 8
# Longest a retried turn may take (Rasa cuts a turn off after 25 s): after it the lock is let go.
RETRY_TURN_TIMEOUT_S = 60.0
# Longest a person's turn may take, kept messages before it included (each Rasa call is bounded).
TURN_TIMEOUT_S = 150.0
# How a round of kept messages ended (ConversationService._answer_kept).
ANSWERED, BOT_DOWN, BOT_BUSY = "answered", "down", "busy"


# Sent with each message as Rasa metadata (Rasa keeps it on the user event in its tracker), so
# a retry can tell whether Rasa already heard a message whose answer never reached us.
MESSAGE_ID_KEY = "koers_message_id"


def answer_in_tracker(tracker: dict[str, Any] | None, message_id: int) -> list[BotMessage] | None:
    """The bot's answer to message ``message_id`` as Rasa's tracker holds it; None when Rasa
    never heard it.

    Rasa saves a turn's events together when the turn is done, so a heard message was answered:
    its answer is the bot events up to the next user message, split as Rasa's REST channel
    sends them (text with buttons, then the custom payload, then the image).
    """
    events = (tracker or {}).get("events") or []
    for i, event in enumerate(events):
        if event.get("event") != "user" or (event.get("metadata") or {}).get(MESSAGE_ID_KEY) != message_id:
            continue
        out: list[BotMessage] = []
        for later in events[i + 1:]:
            if later.get("event") == "user":
                break
            if later.get("event") != "bot":
                continue
            data = later.get("data") or {}
            buttons = tuple(Button(title=str(b.get("title", "")), payload=str(b.get("payload", b.get("title", ""))))
                            for b in data.get("buttons") or data.get("quick_replies") or [])
            if buttons or later.get("text"):
                out.append(BotMessage(text=later.get("text"), buttons=buttons))
            if data.get("custom"):
                out.append(BotMessage(custom=data["custom"]))
            if data.get("image"):
                out.append(BotMessage(image=data["image"]))
        return attach_kinds(out)
    return None


def kept_conversations() -> Select:
    """The retry loop's query: conversations with kept messages, oldest kept message first."""
    return select(Message.conversation_id).where(KEPT).order_by(Message.id)


def orphaned_conversations(before: datetime) -> Select:
    """Conversations with a message in flight since before ``before`` (its replica died?)."""
    return select(Message.conversation_id).where(IN_FLIGHT, Message.created_at < before).order_by(Message.id)


class ConversationService:
    def __init__(
        self,
        session_factory: sessionmaker,
        rasa: RasaClient,
        max_message_chars: int = 2000,
        locks: TurnLocks | None = None,
        action_server_url: str | None = None,
        max_kept: int = DEFAULT_MAX_KEPT,
    ) -> None:
        self.sessions = session_factory
        self.rasa = rasa
        # Checked only when Rasa answers nothing: Rasa does that when its action server is down.
        self.action_server_url = action_server_url
        self.max_message_chars = max_message_chars
        self.max_kept = max(1, min(max_kept, MAX_KEPT_CEILING))
        self._deliverers: dict[str, Deliverer] = {}
        self._listeners: list[Listener] = []
        self._signal_handlers: list[SignalHandler] = []
        self._interceptors: list[Interceptor] = []
        self._metadata_providers: list[MetadataProvider] = []
        # One lock per conversation keeps user turns in order (Rasa needs that too); with
        # replicas it is a Redis lock (assistant.shared_state).
        self.locks: TurnLocks = locks if locks is not None else MemoryTurnLocks()
        self.observer: TurnObserver = _NoObserver()
        # Whether Rasa still works on a conversation (with replicas: its Redis lock store); a
        # kept message is not sent again while it may still be in Rasa's hands.
        self.bot_busy: Callable[[str], Awaitable[bool]] | None = None

    # -- wiring ---------------------------------------------------------------------------
    def register_channel(self, channel: str, deliver: Deliverer) -> None:
        """``deliver`` pushes messages that are not a direct reply (adviser, retried turns)."""
        self._deliverers[channel] = deliver

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def add_signal_handler(self, handler: SignalHandler) -> None:
        self._signal_handlers.append(handler)

    def add_interceptor(self, interceptor: Interceptor) -> None:
        self._interceptors.append(interceptor)

    def add_metadata_provider(self, provider: MetadataProvider) -> None:
        self._metadata_providers.append(provider)

    def _metadata(self, conversation_id: str, metadata: dict[str, Any] | None) -> dict[str, Any] | None:
        merged = dict(metadata or {})
        for provider in self._metadata_providers:
            try:
                merged.update(provider(conversation_id))
            except Exception:  # missing facts make the dialogue careful, never silent
                log.exception("metadata provider failed", extra={"conversation_id": conversation_id})
        return merged or None

    async def _publish(self, event: ConversationEvent) -> None:
        for listener in list(self._listeners):
            try:
                await listener(event)
            except Exception:  # a broken listener must not break the conversation
                log.exception("listener failed", extra={"conversation_id": event.conversation_id})

    # -- storage helpers --------------------------------------------------------------------
    def ensure_conversation(self, conversation_id: str, channel: str, loket_id: str | None = None) -> Conversation:
        try:
            return self._ensure_conversation(conversation_id, channel, loket_id)
        except IntegrityError:  # two worker threads created it at once (two webhooks): it exists now
            return self._ensure_conversation(conversation_id, channel, loket_id)

    def _ensure_conversation(self, conversation_id: str, channel: str, loket_id: str | None) -> Conversation:
        with self.sessions.begin() as db:
            conv = db.get(Conversation, conversation_id)
            if conv is None:
                conv = Conversation(id=conversation_id, channel=channel, loket_id=loket_id, status="bot")
                db.add(conv)
            elif conv.loket_id is None and loket_id is not None:
                conv.loket_id = loket_id  # a web conversation is created before its first turn
            return conv

    def status(self, conversation_id: str) -> str | None:
        with self.sessions() as db:
            conv = db.get(Conversation, conversation_id)
            return None if conv is None else str(conv.status)

    def set_status(self, conversation_id: str, status: str) -> None:
        with self.sessions.begin() as db:
            conv = db.get(Conversation, conversation_id)
            if conv is not None:
                conv.status = status
                conv.updated_at = utcnow()

    def _store(self, conversation_id: str, sender: str, text: str | None, payload: dict[str, Any] | None,
               in_flight: bool = False, answers: int | None = None) -> int:
        """Store one message; ``in_flight``: a user message on its way to the bot (see
        ``IN_FLIGHT``); ``answers`` (a user message's id) marks that message answered in the
        same transaction."""
        with self.sessions.begin() as db:
            # Touching the conversation first takes its lock (SQLite's write lock, PostgreSQL's row
            # lock): two messages of one conversation stored at once cannot get the same seq.
            db.execute(update(Conversation).where(Conversation.id == conversation_id).values(updated_at=utcnow())
                       .execution_options(synchronize_session=False))
            last = db.execute(select(func.max(Message.seq)).where(Message.conversation_id == conversation_id)).scalar()
            msg = Message(conversation_id=conversation_id, sender=sender, text=text, payload=payload,
                          seq=int(last or 0) + 1, pending=False if in_flight else None)
            db.add(msg)
            if answers is not None:
                db.execute(update(Message).where(Message.id == answers).values(pending=None)
                           .execution_options(synchronize_session=False))
            db.flush()
            return int(msg.id)

    def history(self, conversation_id: str, after_id: int = 0, limit: int = 200,
                after_seq: int = 0) -> list[dict[str, Any]]:
        """Messages after a global ``after_id`` and/or a per-conversation ``after_seq``.

        ``seq`` numbers a conversation's messages 1, 2, 3, ...: clients can page and spot gaps
        without the global id, which tells how busy the service is. Stored with each message, so
        a read touches only the rows it returns (index on conversation_id, seq).
        """
        with self.sessions() as db:
            rows = db.execute(
                select(Message)
                .where(Message.conversation_id == conversation_id, Message.seq > after_seq, Message.id > after_id)
                .order_by(Message.seq)
                .limit(limit)
            ).scalars().all()
            return [
                {
                    "id": m.id,
                    "seq": int(m.seq),
                    "sender": m.sender,
                    "text": m.text,
                    "buttons": (m.payload or {}).get("buttons", []),
                    "custom": (m.payload or {}).get("custom"),
                    "created_at": m.created_at.isoformat() if m.created_at else None,
                    **({KEPT_KIND: True} if m.pending else {}),
                }
                for m in rows
            ]

    def position(self, conversation_id: str) -> tuple[int, int]:
        """(last global message id, last per-conversation ``seq``) of a conversation."""
        with self.sessions() as db:
            last = db.execute(
                select(Message.id, Message.seq).where(Message.conversation_id == conversation_id)
                .order_by(Message.seq.desc()).limit(1)
            ).first()
            return (0, 0) if last is None else (int(last.id), int(last.seq))

    async def _record_bot(self, conversation_id: str, messages: list[BotMessage], sender: str = "bot",
                          answers: int | None = None) -> None:
        """Store and publish the bot's messages; ``answers``: the user message they answer (in
        flight or kept), done from the moment its answer is stored (one transaction, so a
        replica that dies in between leaves it answered or waiting, never both or neither)."""
        if not messages and answers is not None:
            await off_loop(self._mark_pending, answers, False)
        for m in messages:
            payload = {k: v for k, v in m.to_json().items() if k != "text"} or None
            if payload and isinstance(payload.get("custom"), dict):
                # An address the bot passes on (e-mail the advice) is for the request only: the
                # transcript and the console's live view get it redacted.
                custom = payload["custom"]
                payload["custom"] = {k: redact(v) if k in PRIVATE_CUSTOM_KEYS and isinstance(v, str) else v
                                     for k, v in custom.items()}
            mid = await off_loop(self._store, conversation_id, sender, m.text, payload, False, answers)
            answers = None
            await self._publish(ConversationEvent(conversation_id, "message", sender, m.text, payload, mid))

    # -- the turn ---------------------------------------------------------------------------
    async def handle_user_message(
        self,
        conversation_id: str,
        text: str,
        channel: str = "web",
        loket_id: str | None = None,
        metadata: dict[str, Any] | None = None,
        replayed: bool = False,
    ) -> list[BotMessage]:
        """Process one user message and return the bot's direct reply (empty when silent).

        ``replayed``: the channel runs the whole update again when its turn stops mid-way
        (the WhatsApp and Telegram webhook inbox), so the message is not marked in flight.
        """
        text = (text or "").strip()
        if len(text) > self.max_message_chars:
            return [BotMessage(text=TOO_LONG)]
        if not text:
            return [BotMessage(text=EMPTY)]
        started = time.perf_counter()
        try:
            # Bounded: a turn that hangs lets go of the conversation's lock; its message stays in
            # flight, so the retry loop answers it (the person sees "even geduld" meanwhile).
            return await asyncio.wait_for(
                self._turn(conversation_id, text, channel, loket_id, metadata, replayed), timeout=TURN_TIMEOUT_S)
        except asyncio.TimeoutError:
            log.warning("turn took too long; message kept for retry", extra={"conversation_id": conversation_id})
            return [BotMessage(text=APOLOGY, custom={"kind": KEPT_KIND})]
        finally:
            self.observer.turn_done(channel, time.perf_counter() - started)

    async def _turn(self, conversation_id: str, text: str, channel: str, loket_id: str | None,
                    metadata: dict[str, Any] | None, replayed: bool = False) -> list[BotMessage]:
        async with self.locks.hold(conversation_id):
            conv = await off_loop(self.ensure_conversation, conversation_id, channel, loket_id)
            for intercept in self._interceptors:
                claimed = await intercept(conversation_id, text, str(conv.status))
                if claimed is not None:
                    mid = await off_loop(self._store, conversation_id, "user", claimed.stored_text,
                                         {"intercepted": True})
                    await self._publish(ConversationEvent(conversation_id, "message", "user",
                                                          claimed.stored_text, None, mid))
                    await self._record_bot(conversation_id, claimed.replies, sender="system")
                    return claimed.replies
            if len(await off_loop(self._kept_messages, conversation_id, None)) >= self.max_kept:
                return [BotMessage(text=KEPT_FULL, custom={"kind": REFUSED_KIND})]
            clean = redact(text)
            # In flight until its answer is stored: when this replica dies mid-turn (kill -9,
            # out of memory), another replica answers it (see IN_FLIGHT).
            to_bot = conv.status not in HANDOFF_STATUSES and not replayed
            mid = await off_loop(self._store, conversation_id, "user", clean, None, to_bot)
            await self._publish(ConversationEvent(conversation_id, "message", "user", clean, None, mid))
            if conv.status in HANDOFF_STATUSES:
                return []  # an adviser answers; the bot stays silent
            return await self._forward(conversation_id, clean, mid, metadata)

    async def start_conversation(self, conversation_id: str, channel: str = "web",
                                 loket_id: str | None = None) -> list[BotMessage]:
        """The bot opens a new conversation (intent ``greet``): greeting, first question, buttons.

        Only once: a conversation that has messages gets nothing (a reload must not greet again).
        """
        async with self.locks.hold(conversation_id):
            await off_loop(self.ensure_conversation, conversation_id, channel, loket_id)
            if await off_loop(self.history, conversation_id, limit=1):
                return []
            try:
                replies = until_handoff(await self.rasa.trigger_intent(conversation_id, "greet"))
            except RasaUnavailable as exc:
                log.warning("rasa unavailable; conversation not started",
                            extra={"conversation_id": conversation_id, "error": str(exc)})
                return []
            await self._record_bot(conversation_id, replies)
            extra = await self._apply_bot_signals(conversation_id, replies)
            return replies + extra

    async def _forward(
        self, conversation_id: str, clean: str, message_id: int, metadata: dict[str, Any] | None
    ) -> list[BotMessage]:
        # Messages kept while the bot was down go first: Rasa must read them in the order typed.
        earlier, _, state = await self._answer_kept(conversation_id, before=message_id)
        if state != ANSWERED:
            return earlier + await self._keep(conversation_id, message_id, "earlier kept messages still unanswered")
        if earlier and await off_loop(self.status, conversation_id) in HANDOFF_STATUSES:
            await off_loop(self._mark_pending, message_id, False)  # the adviser reads it
            return earlier  # a kept message asked for a person: the bot says no more
        try:
            replies = await self._ask_bot(conversation_id, clean, {**(metadata or {}), MESSAGE_ID_KEY: message_id})
        except RasaUnavailable as exc:
            return earlier + await self._keep(conversation_id, message_id, str(exc))
        await self._record_bot(conversation_id, replies, answers=message_id)
        extra = await self._apply_bot_signals(conversation_id, replies)
        return earlier + replies + extra

    async def _ask_bot(self, conversation_id: str, text: str,
                       metadata: dict[str, Any] | None = None) -> list[BotMessage]:
        # Metadata providers read the database (the loket's staffing).
        merged = await off_loop(self._metadata, conversation_id, metadata)
        replies = await self.rasa.send(conversation_id, as_plain_text(text), merged)
        # With its action server down Rasa logs the error, drops the action and answers 200 with
        # nothing. That is no answer: the message is kept like when Rasa itself is down.
        if not replies and self.action_server_url and not await self.rasa.is_up(f"{self.action_server_url}/health"):
            raise RasaUnavailable("action server unreachable")
        return until_handoff(replies)

    async def _keep(self, conversation_id: str, message_id: int, why: str) -> list[BotMessage]:
        log.warning("rasa unavailable; message kept for retry", extra={"conversation_id": conversation_id,
                                                                        "error": why})
        self.observer.rasa_error("turn")
        self.observer.message_kept()
        await off_loop(self._mark_pending, message_id, True)
        return [BotMessage(text=APOLOGY, custom={"kind": KEPT_KIND})]

    def _kept_messages(self, conversation_id: str, before: int | None) -> list[tuple[int, str]]:
        """The conversation's kept user messages (before message ``before``), oldest first.

        With orphans: the caller holds the turn lock, so no turn of this conversation runs."""
        query = select(Message.id, Message.text).where(WAITING, Message.conversation_id == conversation_id)
        if before is not None:
            query = query.where(Message.id < before)
        with self.sessions() as db:
            return [(int(mid), text or "") for mid, text in db.execute(query.order_by(Message.id)).all()]

    async def _answer_kept(self, conversation_id: str, before: int | None) -> tuple[list[BotMessage], int, str]:
        """Send the conversation's kept messages to the bot, in order; the caller holds its turn lock.

        Returns the replies (with the signal handlers' extras), how many were answered, and
        ANSWERED, BOT_DOWN (the rest stays kept) or BOT_BUSY (Rasa still works on this
        conversation, maybe on a kept message whose caller died: all stay kept for now).
        """
        out: list[BotMessage] = []
        done = 0
        kept = await off_loop(self._kept_messages, conversation_id, before)
        if kept and self.bot_busy is not None and await self.bot_busy(conversation_id):
            return out, done, BOT_BUSY
        for message_id, text in kept:
            if await off_loop(self.status, conversation_id) in HANDOFF_STATUSES:
                break  # an adviser answers from here on
            try:
                # Rasa may have heard it: its replica or our call to it died before the answer
                # was stored. Then its tracker holds the answer: never make it hear a message twice.
                heard = answer_in_tracker(await self.rasa.tracker(conversation_id), message_id)
                if heard is not None:
                    log.info("kept message was heard by rasa; answer taken from its tracker",
                             extra={"conversation_id": conversation_id})
                replies = until_handoff(heard) if heard is not None else \
                    await self._ask_bot(conversation_id, text, {MESSAGE_ID_KEY: message_id})
            except RasaUnavailable:
                self.observer.rasa_error("retry")
                await off_loop(self._mark_pending, message_id, True)  # an orphan is kept from now on
                return out, done, BOT_DOWN
            await self._record_bot(conversation_id, replies, answers=message_id)
            out.extend(replies + await self._apply_bot_signals(conversation_id, replies))
            done += 1
        return out, done, ANSWERED

    def _mark_pending(self, message_id: int, pending: bool) -> None:
        with self.sessions.begin() as db:
            msg = db.get(Message, message_id)
            if msg is not None:
                msg.pending = True if pending else None  # NULL keeps the index to kept messages small

    async def _apply_bot_signals(self, conversation_id: str, replies: list[BotMessage]) -> list[BotMessage]:
        """Actions signal a handoff with a custom payload ``{"handoff": "requested"}``.

        Returns the signal handlers' extra messages (recorded as ``system``) for the person.
        """
        for m in replies:
            if m.custom and m.custom.get("handoff") == "requested":
                await off_loop(self.set_status, conversation_id, "handoff_requested")
                await self._publish(
                    ConversationEvent(conversation_id, "status", payload={"status": "handoff_requested"})
                )
        extra: list[BotMessage] = []
        for handler in list(self._signal_handlers):
            try:
                extra.extend(await handler(conversation_id, replies))
            except Exception:  # a broken handler must not lose the bot's reply
                log.exception("signal handler failed", extra={"conversation_id": conversation_id})
        if extra and await off_loop(self.status, conversation_id) is not None:
            await self._record_bot(conversation_id, extra, sender="system")
        return extra

    async def retry_pending(self) -> int:
        """Answer messages kept while Rasa was down, and orphans; returns how many were answered.

        Per conversation under its turn lock, so a retry never races the person's next message:
        a conversation whose lock is held is passed over (its running turn answers the kept
        messages first; else the next round does). Up to RETRY_CONCURRENCY conversations at
        once, the one with the oldest kept message first.
        """
        todo = iter(await off_loop(self._conversations_with_kept))
        answered: list[int] = []
        down = asyncio.Event()  # Rasa is still down: start no more (the next round tries again)

        async def worker() -> None:
            for conversation_id in todo:  # shared: each conversation goes to one worker
                if down.is_set():
                    return
                try:
                    answered.append(await self._retry_conversation(conversation_id, down))
                except Exception:  # one conversation's error must not stop the others
                    log.exception("retry of kept messages failed", extra={"conversation_id": conversation_id})

        await asyncio.gather(*(worker() for _ in range(RETRY_CONCURRENCY)))
        return sum(answered)

    async def _retry_conversation(self, conversation_id: str, down: asyncio.Event) -> int:
        async with self.locks.try_hold(conversation_id) as held:
            if not held:
                return 0
            # Bounded: a retry that hangs must not hold the conversation (or the round) for good.
            replies, done, state = await asyncio.wait_for(
                self._answer_kept(conversation_id, before=None), timeout=RETRY_TURN_TIMEOUT_S)
        if state == BOT_DOWN:
            down.set()
        await self.deliver(conversation_id, replies)
        return done

    def _conversations_with_kept(self) -> list[str]:
        """Conversations with kept messages, the one with the oldest kept message first; then
        those with an orphaned message."""
        before = utcnow() - timedelta(seconds=ORPHAN_AFTER_S)
        with self.sessions() as db:
            return list(dict.fromkeys([*db.execute(kept_conversations()).scalars(),
                                       *db.execute(orphaned_conversations(before)).scalars()]))

    def _channel(self, conversation_id: str) -> str | None:
        with self.sessions() as db:
            conv = db.get(Conversation, conversation_id)
            return None if conv is None else str(conv.channel)

    async def send_adviser_message(self, conversation_id: str, text: str, adviser: str) -> str | None:
        """Deliver, then record with the channel's delivery note: the console says how it went."""
        note = await self.deliver(conversation_id, [BotMessage(text=text)])
        payload: dict[str, Any] = {"adviser": adviser, **({"delivery": note} if note else {})}
        mid = await off_loop(self._store, conversation_id, "adviser", text, payload)
        await self._publish(ConversationEvent(conversation_id, "message", "adviser", text, payload, mid))
        return note

    async def post_messages(self, conversation_id: str, messages: list[BotMessage], sender: str = "bot") -> None:
        """Record messages that are not a reply to the person (e.g. after a hand back) and push them."""
        await self._record_bot(conversation_id, messages, sender=sender)
        await self.deliver(conversation_id, messages)

    async def deliver(self, conversation_id: str, messages: list[BotMessage]) -> str | None:
        """Push messages outside a direct reply to the conversation's channel; the delivery note."""
        if not messages:
            return None
        channel = await off_loop(self._channel, conversation_id)
        deliver = self._deliverers.get(channel or "")
        if deliver is not None:
            return await deliver(conversation_id, messages)
        return None
