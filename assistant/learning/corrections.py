"""Corrections as reviewed training data: domain-checked, redacted, four-eyes reviewed, withdrawable."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from assistant.learning.models import Correction, CorrectionReview, FaqRequest
from assistant.privacy.redact import redact

DEFAULT_REVIEWS_REQUIRED = 1
# Redacted placeholders and markup characters would be read as entity annotations by Rasa.
UNSAFE = re.compile(r"\[[A-Z?]+\]|[\[\]{}]")


class CorrectionError(ValueError):
    """A refused correction or review; the message is Dutch (B1) and shown to the adviser."""


@dataclass(frozen=True)
class Vocabulary:
    intents: frozenset[str]  # plain intents plus faq/<key> retrieval intents
    entities: frozenset[str]


def load_vocabulary(home: Path) -> Vocabulary:
    """Intents, entities and ``faq/...`` response keys declared in ``domain/*.yml``."""
    intents: set[str] = set()
    entities: set[str] = set()
    for path in sorted(Path(home, "domain").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, target in (("intents", intents), ("entities", entities)):
            for item in data.get(key) or []:
                target.update([item] if isinstance(item, str) else [str(k) for k in item])
        for name in data.get("responses") or {}:
            if str(name).startswith("utter_faq/"):
                intents.add("faq/" + str(name)[len("utter_faq/"):])
    # "faq" alone is the retrieval group, not a label a sentence can have.
    intents.discard("faq")
    return Vocabulary(frozenset(intents), frozenset(entities))


def reviews_required() -> int:
    try:
        return max(1, int(os.environ.get("KOERS_REVIEWS_REQUIRED", DEFAULT_REVIEWS_REQUIRED)))
    except ValueError:
        return DEFAULT_REVIEWS_REQUIRED


def _now() -> datetime:
    return datetime.now(timezone.utc)


def check_label(vocab: Vocabulary, intent: str, entities: list[dict[str, Any]]) -> None:
    if intent not in vocab.intents:
        if intent.startswith("faq/"):
            raise CorrectionError(
                f"Het FAQ-onderwerp '{intent}' bestaat niet. Kies een bestaand onderwerp, "
                "of vraag een nieuw onderwerp aan bij de beheerder.")
        raise CorrectionError(f"De intent '{intent}' bestaat niet in Koers. Kies er een uit de lijst.")
    for ent in entities:
        if ent.get("entity") not in vocab.entities:
            raise CorrectionError(f"De entiteit '{ent.get('entity')}' bestaat niet in Koers. Kies er een uit de lijst.")


def propose(sessions: sessionmaker, vocab: Vocabulary, *, conversation_id: str, text: str, intent: str,
            adviser_id: int | None, adviser_name: str, entity: str | None = None,
            entity_text: str | None = None, entity_value: str | None = None,
            message_id: int | None = None, annotation_id: int | None = None) -> int:
    """Store a correction (pending review). The text is redacted first; unknown labels are refused."""
    clean = " ".join(redact(text or "").split())
    if not clean:
        raise CorrectionError("Dit bericht is leeg en kan niet gebruikt worden.")
    if UNSAFE.search(clean):
        raise CorrectionError("Dit bericht bevat persoonlijke gegevens of haakjes. Het kan niet gebruikt worden.")
    entities: list[dict[str, Any]] = []
    if entity:
        span = (entity_text or "").strip()
        start = clean.lower().find(span.lower()) if span else -1
        if start < 0:
            raise CorrectionError("De woorden van de entiteit staan niet in het bericht.")
        ent: dict[str, Any] = {"entity": entity, "start": start, "end": start + len(span)}
        if entity_value and entity_value != clean[start:start + len(span)]:
            ent["value"] = entity_value
        entities.append(ent)
    check_label(vocab, intent, entities)
    with sessions.begin() as db:
        row = Correction(conversation_id=conversation_id, message_id=message_id, annotation_id=annotation_id,
                         text=clean, intent=intent, entities=entities, adviser_id=adviser_id,
                         adviser_name=adviser_name, status="pending")
        db.add(row)
        db.flush()
        return int(row.id)


def request_faq_topic(sessions: sessionmaker, *, text: str, topic: str, adviser_name: str,
                      conversation_id: str | None = None) -> int:
    """A new FAQ topic needs an answer written by a maintainer: a request, never training data."""
    with sessions.begin() as db:
        row = FaqRequest(conversation_id=conversation_id, text=redact(text)[:2000], topic=topic[:96],
                         adviser_name=adviser_name, status="open")
        db.add(row)
        db.flush()
        return int(row.id)


def review(sessions: sessionmaker, correction_id: int, *, reviewer_id: int, reviewer_name: str,
           verdict: str, required: int | None = None) -> str:
    """Record one adviser's verdict; returns the correction's new status."""
    if verdict not in ("approve", "reject"):
        raise CorrectionError("Kies goedkeuren of afwijzen.")
    needed = required or reviews_required()
    with sessions.begin() as db:
        row = db.get(Correction, correction_id)
        if row is None:
            raise CorrectionError("Deze correctie bestaat niet (meer).")
        if row.status != "pending":
            raise CorrectionError("Deze correctie is al beoordeeld of ingetrokken.")
        if row.adviser_id is not None and row.adviser_id == reviewer_id:
            raise CorrectionError("Je kunt je eigen correctie niet beoordelen. Vraag een collega.")
        done = db.execute(select(CorrectionReview).where(CorrectionReview.correction_id == correction_id)).scalars()
        if any(r.reviewer_id == reviewer_id for r in done):
            raise CorrectionError("Je hebt deze correctie al beoordeeld.")
        db.add(CorrectionReview(correction_id=correction_id, reviewer_id=reviewer_id,
                                reviewer_name=reviewer_name, verdict=verdict))
        db.flush()
        approvals = db.execute(select(CorrectionReview).where(CorrectionReview.correction_id == correction_id,
                                                              CorrectionReview.verdict == "approve")).scalars()
        if verdict == "reject":
            row.status, row.decided_at = "rejected", _now()
        elif len(list(approvals)) >= needed:
            row.status, row.decided_at = "approved", _now()
        return str(row.status)


def withdraw(sessions: sessionmaker, correction_id: int, *, by_id: int, by_name: str, is_admin: bool) -> None:
    with sessions.begin() as db:
        row = db.get(Correction, correction_id)
        if row is None:
            raise CorrectionError("Deze correctie bestaat niet (meer).")
        if row.adviser_id != by_id and not is_admin:
            raise CorrectionError("Alleen de schrijver of een beheerder kan een correctie intrekken.")
        row.status, row.withdrawn_at, row.withdrawn_by = "withdrawn", _now(), by_name


@dataclass(frozen=True)
class ReviewedCorrection:
    id: int
    conversation_id: str
    text: str
    intent: str
    entities: tuple[tuple[str, int, int, str | None], ...]
    adviser: str
    reviewers: tuple[str, ...]
    date: str


def approved(sessions: sessionmaker) -> list[ReviewedCorrection]:
    """Only approved, not withdrawn corrections: the one door into training data."""
    out: list[ReviewedCorrection] = []
    with sessions() as db:
        rows = db.execute(select(Correction).where(Correction.status == "approved")
                          .order_by(Correction.id)).scalars().all()
        for c in rows:
            names = db.execute(select(CorrectionReview.reviewer_name).where(
                CorrectionReview.correction_id == c.id, CorrectionReview.verdict == "approve")
                .order_by(CorrectionReview.id)).scalars().all()
            day = (c.decided_at or c.created_at)
            out.append(ReviewedCorrection(
                id=int(c.id), conversation_id=str(c.conversation_id), text=str(c.text), intent=str(c.intent),
                entities=tuple((str(e["entity"]), int(e["start"]), int(e["end"]), e.get("value"))
                               for e in (c.entities or [])),
                adviser=str(c.adviser_name), reviewers=tuple(str(n) for n in names),
                date=day.date().isoformat() if day else ""))
    return out


def pending(sessions: sessionmaker) -> list[Correction]:
    with sessions() as db:
        return list(db.execute(select(Correction).where(Correction.status == "pending")
                               .order_by(Correction.id)).scalars())
