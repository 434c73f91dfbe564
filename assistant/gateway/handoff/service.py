"""Handoff orchestration: cases, availability, the callback flow and the adviser's actions.

Hooked into ``ConversationService``: ``on_bot_signals`` sees the action's ``{"handoff": "requested"}``
payload and returns what the person is told next (so every channel gets it in the same reply);
``intercept`` runs the callback flow on raw text before redaction, so contact details reach only
the ticket; ``notify`` wakes the console's long-polls when a message arrives.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from assistant.gateway.conversation import ConversationEvent, ConversationService, Interception
from assistant.gateway.handoff import callback
from assistant.gateway.handoff.auth import Identity
from assistant.gateway.handoff.availability import Availability, check_availability, local
from assistant.gateway.handoff.models import HandoffCase, Ticket
from assistant.gateway.handoff.state import InvalidTransition, check_transition
from assistant.gateway.lokets import get_loket, of_lokets
from assistant.gateway.rasa_client import BotMessage, RasaClient, RasaUnavailable
from assistant.intake.handoff import STAFFING_KEY, first_words, staffing_from
from assistant.privacy import redact
from assistant.shared_state import LiveUpdates
from assistant.shared_state.memory import MemoryLiveUpdates
from assistant.storage.models import Conversation, utcnow

log = logging.getLogger(__name__)

MAX_SUMMARY_CHARS = 20_000
MAX_ADVISER_MESSAGE_CHARS = 2000

WAITING = (
    "Ik zoek een adviseur voor je. Dat duurt meestal een paar minuten. "
    "Blijf in dit gesprek: je krijgt hier antwoord."
)
WAITING_QUEUE = "Er {verb} nog {n} {people} voor je."
SUMMARY_NOTE = (
    "De adviseur krijgt een korte samenvatting van wat je al vertelde. Dan hoef je dat niet opnieuw te zeggen."
)
TAKEN_OVER = "Je praat nu met een adviseur van het Werkcentrum."
HANDED_BACK = "De adviseur geeft je terug aan Koers. Je kunt verdergaan waar je was."
CLOSED_BY_ADVISER = (
    "De adviseur heeft het gesprek afgesloten. Bedankt voor je vragen! "
    "Heb je nog een vraag? Typ hem gerust, dan helpt Koers je verder."
)
AFTER_TICKET = "Je kunt nu ook verder met Koers."
RASA_DOWN_HANDBACK = (
    "Koers is nu niet bereikbaar, daarom kan het gesprek nog niet terug naar de bot. "
    "Probeer het over een minuut opnieuw."
)


class HandoffError(ValueError):
    """An adviser action that cannot be done; ``message`` is Dutch for the console."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class CaseView:
    id: int
    conversation_id: str
    status: str
    adviser_id: int | None


def _json_size_ok(value: Any) -> bool:
    try:
        return len(json.dumps(value, ensure_ascii=False, default=str)) <= MAX_SUMMARY_CHARS
    except (TypeError, ValueError):
        return False


def build_case_advice(summary: dict[str, Any], today: datetime) -> dict[str, Any] | None:
    """The advice the bot would give for this summary, or None when the profile does not validate."""
    if not summary:
        return None
    try:
        from assistant.advice import build_advice

        advice: dict[str, Any] = build_advice(summary, local(today).date())
        return advice
    except Exception as exc:  # an odd summary must not stop the handoff
        log.warning("advice for handoff summary failed", extra={"error": str(exc)})
        return None


class HandoffManager:
    def __init__(self, sessions: sessionmaker, service: ConversationService, rasa: RasaClient,
                 now: Callable[[], datetime] = utcnow, updates: LiveUpdates | None = None) -> None:
        self.sessions = sessions
        self.service = service
        self.rasa = rasa
        self.now = now
        # Wakes the console's long-polls; through Redis pub/sub on every replica when configured.
        self.updates: LiveUpdates = updates if updates is not None else MemoryLiveUpdates()

    def install(self) -> None:
        self.service.add_signal_handler(self.on_bot_signals)
        self.service.add_interceptor(self.intercept)
        self.service.add_metadata_provider(self.dialogue_metadata)
        self.service.subscribe(self.notify)

    # -- live updates for the console ----------------------------------------------------------
    async def notify(self, event: ConversationEvent) -> None:
        await self.updates.publish(event.conversation_id)

    async def wait_for_change(self, conversation_id: str, timeout_s: float) -> None:
        await self.updates.wait(conversation_id, timeout_s)

    def _touch(self, conversation_id: str) -> None:
        self.updates.publish_nowait(conversation_id)

    # -- the person asks for a human ------------------------------------------------------------
    def availability(self, loket_id: str | None) -> Availability:
        return check_availability(self.sessions, loket_id, self.now())

    def dialogue_metadata(self, conversation_id: str) -> dict[str, Any]:
        """Sent with every message, so the dialogue knows the truth before it promises an adviser."""
        with self.sessions() as db:
            conv = db.get(Conversation, conversation_id)
            loket_id = None if conv is None else conv.loket_id
        return {STAFFING_KEY: self.availability(loket_id).as_data(self.now())}

    def _first_words(self, availability: Availability) -> list[str]:
        return first_words(staffing_from(availability.as_data(self.now())))

    async def on_bot_signals(self, conversation_id: str, replies: list[BotMessage]) -> list[BotMessage]:
        request = next((m.custom for m in replies if m.custom and m.custom.get("handoff") == "requested"), None)
        if request is None:
            return []
        raw_summary = request.get("summary")
        summary: dict[str, Any] = raw_summary if isinstance(raw_summary, dict) else {}
        if not _json_size_ok(summary):
            summary = {}
        reason = str(request.get("reason") or "user_request")[:32]
        told = request.get("told")  # what the dialogue already said about the loket, if anything
        raw_notes = request.get("intake_notes")
        notes = raw_notes if isinstance(raw_notes, dict) and _json_size_ok(raw_notes) else None
        now = self.now()
        with self.sessions.begin() as db:
            conv = db.get(Conversation, conversation_id)
            if conv is None:
                return []
            loket_id = conv.loket_id
            case = self._open_case(db, conversation_id)
            if case is None:
                case = HandoffCase(conversation_id=conversation_id, status="waiting", reason=reason,
                                   loket_id=loket_id, summary=summary, intake_notes=notes,
                                   advice=build_case_advice(summary, now), created_at=now, updated_at=now)
                db.add(case)
                db.flush()
            case_id = int(case.id)
            # The queue of this loket: another loket's waiting people are not ahead of this one.
            waiting_before = db.execute(
                select(func.count(HandoffCase.id)).where(HandoffCase.status == "waiting", HandoffCase.id < case_id,
                                                         of_lokets(HandoffCase.loket_id, [get_loket(loket_id).id]))
            ).scalar_one()
        log.info("handoff requested", extra={"conversation_id": conversation_id, "case_id": case_id,
                                              "reason": reason})
        self._touch(conversation_id)
        availability = self.availability(loket_id)
        if availability.available:
            # Said only when the dialogue did not know (or knew otherwise): an adviser is there.
            messages = [] if told == "available" else [BotMessage(text=t) for t in self._first_words(availability)]
            messages.append(BotMessage(text=WAITING))
            if waiting_before:
                n = int(waiting_before)
                messages.append(BotMessage(text=WAITING_QUEUE.format(
                    verb="wacht" if n == 1 else "wachten", n=n, people="persoon" if n == 1 else "mensen")))
            if summary:
                messages.append(BotMessage(text=SUMMARY_NOTE))
            return messages
        return self._start_callback(conversation_id, case_id, availability, announce=told != availability.status)

    def _start_callback(self, conversation_id: str, case_id: int, availability: Availability,
                        announce: bool = True) -> list[BotMessage]:
        """The callback flow; ``announce``: first say when the loket is open and what can be done now
        (not when the dialogue already said exactly that)."""
        with self.sessions.begin() as db:
            draft = self._draft_ticket(db, conversation_id)
            if draft is None:
                db.add(Ticket(conversation_id=conversation_id, case_id=case_id, status="draft", step="consent",
                              consent=False, retries=0, created_at=self.now()))
        said = [BotMessage(text=t) for t in self._first_words(availability)] if announce else []
        return [*said, callback.consent_question()]

    @staticmethod
    def _open_case(db: Session, conversation_id: str) -> HandoffCase | None:
        found: HandoffCase | None = db.execute(
            select(HandoffCase)
            .where(HandoffCase.conversation_id == conversation_id, HandoffCase.status.in_(("waiting", "active")))
            .order_by(HandoffCase.id.desc())
        ).scalars().first()
        return found

    @staticmethod
    def _draft_ticket(db: Session, conversation_id: str) -> Ticket | None:
        found: Ticket | None = db.execute(
            select(Ticket).where(Ticket.conversation_id == conversation_id, Ticket.status == "draft")
            .order_by(Ticket.id.desc())
        ).scalars().first()
        return found

    # -- the callback flow (raw text, before redaction) ----------------------------------------
    async def intercept(self, conversation_id: str, text: str, status: str) -> Interception | None:
        if status != "handoff_requested":
            return None
        with self.sessions() as db:
            draft = self._draft_ticket(db, conversation_id)
            case = self._open_case(db, conversation_id)
            loket_id = case.loket_id if case is not None else None
            case_id = int(case.id) if case is not None else None
            waiting = case is not None and case.status == "waiting"
        if draft is None:
            # Waiting for an adviser who is no longer there (went offline, loket closed): offer a callback.
            if waiting and case_id is not None:
                availability = self.availability(loket_id)
                if not availability.available:
                    return Interception(redact(text), self._start_callback(conversation_id, case_id, availability))
            return None
        state = callback.FlowState(step=str(draft.step), kind=draft.kind, consent=bool(draft.consent),
                                   name=draft.name, phone=draft.phone, email=draft.email,
                                   preferred_time=draft.preferred_time, retries=int(draft.retries or 0))
        result = callback.advance(state, text)
        replies = list(result.replies)
        now = self.now()
        with self.sessions.begin() as db:
            ticket = db.get(Ticket, draft.id)
            if ticket is None:
                return None
            new = result.state
            if result.outcome == "declined":
                db.delete(ticket)
            else:
                ticket.step = new.step
                ticket.kind = new.kind
                if new.consent and not ticket.consent:
                    ticket.consent_at = now
                ticket.consent = new.consent
                ticket.name = new.name
                ticket.phone = new.phone
                ticket.email = new.email
                ticket.preferred_time = new.preferred_time
                ticket.retries = new.retries
                if result.outcome == "stored":
                    ticket.status = "open"
            if result.outcome is not None and case_id is not None:
                case_row = db.get(HandoffCase, case_id)
                if case_row is not None and case_row.status == "waiting":
                    case_row.status = "ticket" if result.outcome == "stored" else "closed"
                    case_row.closed_at = now if result.outcome != "stored" else None
        if result.outcome is not None:
            # The flow is over: the bot may talk again and picks up the intake where it was.
            self.service.set_status(conversation_id, check_transition("handoff_requested", "bot"))
            # After a request was left the dialogue asks whether to go on, instead of asking on.
            after = {"after": "ticket"} if result.outcome == "stored" else None
            replies.extend(await self._resume_messages(conversation_id, lead=AFTER_TICKET, entities=after))
        self._touch(conversation_id)
        return Interception(result.stored_text, replies)

    async def _resume_messages(self, conversation_id: str, lead: str | None = None,
                               entities: dict[str, Any] | None = None) -> list[BotMessage]:
        try:
            resumed = await self.rasa.trigger_intent(conversation_id, "handoff_resume", entities)
        except RasaUnavailable as exc:
            log.warning("handoff_resume could not be triggered", extra={"conversation_id": conversation_id,
                                                                         "error": str(exc)})
            resumed = []
        return ([BotMessage(text=lead)] if lead and not resumed else []) + resumed

    # -- the adviser's actions -------------------------------------------------------------------
    def _case(self, case_id: int) -> tuple[CaseView, str | None]:
        with self.sessions() as db:
            case = db.get(HandoffCase, case_id)
            if case is None:
                raise HandoffError("Deze zaak bestaat niet (meer).", status=404)
            conv = db.get(Conversation, case.conversation_id)
            return (CaseView(int(case.id), str(case.conversation_id), str(case.status), case.adviser_id),
                    None if conv is None else str(conv.status))

    async def take_over(self, case_id: int, adviser: Identity) -> None:
        case, conv_status = self._case(case_id)
        if case.status == "active" and case.adviser_id == adviser.adviser_id:
            return  # already ours: taking over twice is harmless
        try:
            check_transition(conv_status, "handoff_active")
        except InvalidTransition as exc:
            raise HandoffError(exc.message) from exc
        now = self.now()
        with self.sessions.begin() as db:
            # Conditional update: of two advisers clicking at once, exactly one wins.
            won = db.execute(
                update(HandoffCase).where(HandoffCase.id == case_id, HandoffCase.status == "waiting")
                .values(status="active", adviser_id=adviser.adviser_id, taken_at=now, updated_at=now)
            ).rowcount
            if not won:
                raise HandoffError("Een andere adviseur heeft dit gesprek al overgenomen.")
            conv = db.get(Conversation, case.conversation_id)
            if conv is not None:
                conv.status = "handoff_active"
                conv.updated_at = now
            draft = self._draft_ticket(db, case.conversation_id)
            if draft is not None:
                db.delete(draft)  # a person is here now; no need to collect contact details
        try:
            await self.rasa.append_events(case.conversation_id, [{"event": "pause"}])
        except RasaUnavailable as exc:
            # The service already keeps the bot silent; the pause only mirrors that in Rasa.
            log.warning("pause event not stored", extra={"conversation_id": case.conversation_id,
                                                          "error": str(exc)})
        await self.service.post_messages(case.conversation_id, [BotMessage(text=TAKEN_OVER)], sender="system")
        log.info("handoff taken over", extra={"case_id": case_id, "adviser": adviser.username})

    async def reply(self, case_id: int, adviser: Identity, text: str) -> None:
        text = (text or "").strip()
        if not text:
            raise HandoffError("Typ eerst een bericht.", status=400)
        if len(text) > MAX_ADVISER_MESSAGE_CHARS:
            raise HandoffError(f"Je bericht is te lang (meer dan {MAX_ADVISER_MESSAGE_CHARS} tekens).", status=400)
        case, _ = self._case(case_id)
        if case.status == "waiting":
            await self.take_over(case_id, adviser)
            case, _ = self._case(case_id)
        if case.status != "active":
            raise HandoffError("Dit gesprek is niet (meer) bij een adviseur.")
        await self.service.send_adviser_message(case.conversation_id, text, adviser.username)

    async def hand_back(self, case_id: int, adviser: Identity) -> None:
        case, conv_status = self._case(case_id)
        if case.status not in ("waiting", "active"):
            raise HandoffError("Dit gesprek kan nu niet worden teruggegeven aan Koers.")
        try:
            check_transition(conv_status, "bot")
        except InvalidTransition as exc:
            raise HandoffError(exc.message) from exc
        await self._resume_rasa(case.conversation_id, required=case.status == "active")
        self._finish(case_id, case.conversation_id, case_status="returned", conv_status="bot")
        resumed = await self._resume_messages(case.conversation_id)
        await self.service.post_messages(case.conversation_id, [BotMessage(text=HANDED_BACK)], sender="system")
        await self.service.post_messages(case.conversation_id, resumed, sender="bot")
        log.info("handoff handed back", extra={"case_id": case_id, "adviser": adviser.username})

    async def close(self, case_id: int, adviser: Identity) -> None:
        case, conv_status = self._case(case_id)
        if case.status == "closed":
            return
        if case.status in ("waiting", "active"):
            try:
                check_transition(conv_status, "closed")
            except InvalidTransition as exc:
                raise HandoffError(exc.message) from exc
            await self._resume_rasa(case.conversation_id, required=case.status == "active")
            self._finish(case_id, case.conversation_id, case_status="closed", conv_status="closed")
            await self.service.post_messages(case.conversation_id, [BotMessage(text=CLOSED_BY_ADVISER)],
                                             sender="system")
        else:  # returned / ticket: only the case is archived, the conversation is left alone
            self._finish(case_id, case.conversation_id, case_status="closed", conv_status=None)
        log.info("handoff closed", extra={"case_id": case_id, "adviser": adviser.username})

    async def _resume_rasa(self, conversation_id: str, required: bool) -> None:
        try:
            await self.rasa.append_events(conversation_id, [{"event": "resume"}])
        except RasaUnavailable as exc:
            if required:  # a still-paused tracker would leave the person without any answer
                raise HandoffError(RASA_DOWN_HANDBACK, status=503) from exc
            log.warning("resume event not stored", extra={"conversation_id": conversation_id, "error": str(exc)})

    def _finish(self, case_id: int, conversation_id: str, case_status: str, conv_status: str | None) -> None:
        now = self.now()
        with self.sessions.begin() as db:
            case = db.get(HandoffCase, case_id)
            if case is not None:
                case.status = case_status
                case.closed_at = now
                case.updated_at = now
            if conv_status is not None:
                conv = db.get(Conversation, conversation_id)
                if conv is not None:
                    conv.status = conv_status
                    conv.updated_at = now
            draft = self._draft_ticket(db, conversation_id)
            if draft is not None:
                db.delete(draft)
        self._touch(conversation_id)

    def mark_ticket_done(self, ticket_id: int, adviser: Identity) -> None:
        with self.sessions.begin() as db:
            ticket = db.get(Ticket, ticket_id)
            if ticket is None or ticket.status == "draft":
                raise HandoffError("Dit verzoek bestaat niet (meer).", status=404)
            ticket.status = "done"
            ticket.handled_by = adviser.adviser_id
            ticket.handled_at = self.now()
            if ticket.case_id is not None:
                case = db.get(HandoffCase, ticket.case_id)
                if case is not None and case.status == "ticket":
                    case.status = "closed"
                    case.closed_at = self.now()
