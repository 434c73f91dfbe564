"""Keeping the advice: secret expiring links, the bot signal that asks for one, feedback.

The bot sends ``{"advice_document": "requested"}`` (optionally with ``"email"``) when the person
taps "Stuur me dit advies". The service answers with the link itself: the profile comes from the
conversation's tracker slots, exactly like the adviser advice API builds it.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from assistant.gateway.conversation import ConversationService
from assistant.gateway.documents.models import AdviceDocument, AdviceFeedback
from assistant.gateway.rasa_client import BotMessage, RasaUnavailable
from assistant.policy.engine import dutch_date
from assistant.storage.models import Conversation

log = logging.getLogger(__name__)

SIGNAL = "advice_document"
DEFAULT_DAYS = 14
TOKEN_BYTES = 24  # 192 bits: not guessable, short enough for a chat message
RATINGS = frozenset({"up", "down"})
FAILED = ("Sorry, het lukt nu niet om je advies klaar te zetten. Probeer het later nog eens. "
          "Of vraag een adviseur om hulp.")
NO_PROFILE = "Ik heb nog geen advies voor je. Beantwoord eerst de vragen. Dan maak ik je advies."

Mailer = Callable[[str, str, bytes, str], Awaitable[None]]  # (to, page url, pdf, expires) -> sent


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Document:
    conversation_id: str
    profile: dict[str, Any]
    peildatum: date
    expires_at: datetime


def wants_document(replies: list[BotMessage]) -> BotMessage | None:
    return next((m for m in replies if m.custom and m.custom.get(SIGNAL) == "requested"), None)


class DocumentService:
    def __init__(self, sessions: sessionmaker, service: ConversationService, public_url: str,
                 days: int = DEFAULT_DAYS, mailer: Mailer | None = None) -> None:
        self.sessions = sessions
        self.service = service
        self.public_url = public_url.rstrip("/")
        self.days = days
        self.mailer = mailer

    # -- links ---------------------------------------------------------------------------------
    def create(self, conversation_id: str, profile: dict[str, Any], peildatum: date, email: str | None = None,
               now: datetime | None = None) -> tuple[str, datetime]:
        """A new secret token for this advice; only its hash is stored."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        expires = (now or datetime.now(timezone.utc)) + timedelta(days=self.days)
        with self.sessions.begin() as db:
            db.add(AdviceDocument(token_hash=token_hash(token), conversation_id=conversation_id, profile=profile,
                                  peildatum=peildatum.isoformat(), expires_at=expires, email=email))
        return token, expires

    def lookup(self, token: str, now: datetime | None = None) -> Document | None:
        """The document behind a token, or None when unknown or expired (the same answer: no oracle)."""
        if not (16 <= len(token) <= 64) or not all(c.isalnum() or c in "-_" for c in token):
            return None
        now = now or datetime.now(timezone.utc)
        with self.sessions() as db:
            row = db.execute(select(AdviceDocument).where(AdviceDocument.token_hash == token_hash(token))
                             ).scalar_one_or_none()
            if row is None or _aware(row.expires_at) <= now:
                return None
            return Document(str(row.conversation_id), dict(row.profile), date.fromisoformat(str(row.peildatum)),
                            _aware(row.expires_at))

    def page_url(self, token: str) -> str:
        return f"{self.public_url}/advies/{token}"

    def pdf_url(self, token: str) -> str:
        return f"{self.public_url}/advies/{token}/advies.pdf"

    # -- the bot's request -----------------------------------------------------------------------
    async def on_bot_signals(self, conversation_id: str, replies: list[BotMessage]) -> list[BotMessage]:
        request = wants_document(replies)
        if request is None:
            return []
        email = request.custom.get("email") if request.custom else None
        return await self.answer(conversation_id, email if isinstance(email, str) and "@" in email else None)

    async def answer(self, conversation_id: str, email: str | None = None) -> list[BotMessage]:
        from assistant.advice import build_advice
        from assistant.intake.profile import ProfileError
        from assistant.intake.slots import profile_from_slots

        try:
            tracker = await self.service.rasa.tracker(conversation_id)
        except RasaUnavailable:
            return [BotMessage(text=FAILED)]
        slots = (tracker or {}).get("slots") or {}
        raw_state = slots.get("koers_state")
        state: dict[str, Any] = raw_state if isinstance(raw_state, dict) else {}
        # The intake machine's phase says whether the advice was given (older trackers: advice_given).
        if not (state.get("phase") == "advice" or slots.get("advice_given")):
            return [BotMessage(text=NO_PROFILE)]
        today = datetime.now(timezone.utc).date()
        try:
            advice = build_advice(profile_from_slots(slots), today)
        except ProfileError:
            log.warning("advice document: invalid profile", extra={"conversation_id": conversation_id})
            return [BotMessage(text=FAILED)]
        token, expires = self.create(conversation_id, advice["profile"], today, email)
        until = dutch_date(expires.date())
        text = (f"Hier is je advies om te bewaren. Je kunt het lezen, printen of als pdf opslaan.\n"
                f"[Bekijk je advies]({self.page_url(token)})\n"
                f"[Download de pdf]({self.pdf_url(token)})\n"
                f"De link werkt tot {until}. Deel hem alleen met wie je vertrouwt.")
        messages = [BotMessage(text=text, custom={"document": {"url": self.pdf_url(token), "page": self.page_url(token),
                                                               "filename": "advies-koers.pdf"}})]
        if email and self.mailer is not None:
            messages.append(await self._mail(conversation_id, token, email, advice, until))
        return messages

    async def _mail(self, conversation_id: str, token: str, email: str, advice: dict[str, Any],
                    until: str) -> BotMessage:
        from assistant.gateway.documents.render import advice_pdf

        assert self.mailer is not None
        try:
            await self.mailer(email, self.page_url(token), advice_pdf(advice), until)
        except Exception:  # the link above still works; say the mail did not go
            log.exception("advice e-mail failed", extra={"conversation_id": conversation_id})
            return BotMessage(text="Het lukte niet om de e-mail te sturen. Gebruik de link hierboven.")
        with self.sessions.begin() as db:
            row = db.execute(select(AdviceDocument).where(AdviceDocument.token_hash == token_hash(token))
                             ).scalar_one()
            row.emailed_at = datetime.now(timezone.utc)
        return BotMessage(text="Ik heb je advies ook gemaild.")

    # -- feedback --------------------------------------------------------------------------------
    def record_feedback(self, conversation_id: str, rating: str) -> bool:
        """Store a thumbs up/down; False for an unknown conversation or rating."""
        if rating not in RATINGS:
            return False
        with self.sessions.begin() as db:
            if db.get(Conversation, conversation_id) is None:
                return False
            db.add(AdviceFeedback(conversation_id=conversation_id, rating=rating))
        return True


def feedback_counts(sessions: sessionmaker, days: int = 30, now: datetime | None = None) -> dict[str, int]:
    """Thumbs up and down on the advice in the last ``days`` days, for the adviser dashboard."""
    since = (now or datetime.now(timezone.utc)) - timedelta(days=days)
    with sessions() as db:
        rows = db.execute(select(AdviceFeedback.rating, func.count()).where(AdviceFeedback.created_at >= since)
                          .group_by(AdviceFeedback.rating)).all()
    counts = {"up": 0, "down": 0}
    counts.update({str(r): int(n) for r, n in rows})
    return counts
