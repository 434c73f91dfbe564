"""Transcripts for review: list/search/filter, one conversation in full, the dashboard, export.

Whether the bot gave advice or fell back is read from Rasa's tracker rows (``events``, same
database): a bot message marked ``{"kind": "advice"}`` (the state machine marks the first advice
message), or intent ``nlu_fallback`` / a fallback action. Without
that table (tests with a fake Rasa) those facts are simply unknown (false).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from assistant.gateway.conversation import NOT_DELIVERED, SENT_AS_TEMPLATE, WINDOW_CLOSED
from assistant.gateway.handoff.availability import TZ
from assistant.gateway.handoff.models import Annotation, HandoffCase, Ticket
from assistant.privacy.rasa_events import EVENTS, has_events_table
from assistant.storage.models import Conversation, Message

PAGE_SIZE = 50
# How a message outside a direct reply went out, on the adviser's message (see ConversationService.deliver).
DELIVERY_LABELS = {
    SENT_AS_TEMPLATE: "Verstuurd als sjabloonbericht: de persoon schreef meer dan 24 uur geleden.",
    WINDOW_CLOSED: "Niet bezorgd: de persoon schreef meer dan 24 uur geleden en er is geen "
                   "sjabloonbericht ingesteld (KOERS_WHATSAPP_TEMPLATE).",
    NOT_DELIVERED: "Niet bezorgd: het kanaal weigerde het bericht of was niet bereikbaar.",
}
MAX_QUERY_CHARS = 200
# The first advice message carries custom {"kind": "advice"}; Rasa stores it in the bot event data.
ADVICE_MARK = '%"kind": "advice"%'
FALLBACK_INTENTS = ("nlu_fallback",)
FALLBACK_ACTIONS = ("action_default_fallback", "action_two_stage_fallback")
# Intents that are answers or small talk, not questions worth listing on the dashboard.
NOT_QUESTIONS = frozenset({"greet", "goodbye", "affirm", "deny", "inform", "thank", "dont_know", "stop",
                           "start_over", "handoff_resume", "session_start", "nlu_fallback"})
PLACEHOLDER = re.compile(r"\[[A-Z?]+\]")
# Texts that are tests or keyboard noise, not questions people ask: kept off the dashboard.
TEST_WORDS = re.compile(r"\b(?:test(?:en|je|ing|test|\d*)?|asdf\w*|qwert\w*|lorem|ipsum|bla(?:bla)+|hallo ?hallo|xxx+|"
                        r"foo|foobar)\b")
REPEATED = re.compile(r"(.)\1{3,}")  # "aaaa", "????", "hahahaha" is fine, "heeeeee" is not
TEST_TAGS = frozenset({"test", "testgesprek", "proef", "spam"})
MIN_QUESTION_WORDS = 3


def is_junk(text: str) -> bool:
    """A test text or noise rather than a real question (for the dashboard's lists)."""
    norm = " ".join(text.lower().split())
    words = re.findall(r"[a-zà-ÿ']+", norm)
    letters = sum(ch.isalpha() for ch in norm)
    no_vowels = sum(not set(w) & set("aeiouy") for w in words)
    return (len(words) < MIN_QUESTION_WORDS or letters < 0.6 * len(norm.replace(" ", ""))
            or bool(TEST_WORDS.search(norm)) or bool(REPEATED.search(norm)) or no_vowels * 2 > len(words))


@dataclass(frozen=True)
class TranscriptFilter:
    date_from: date | None = None
    date_to: date | None = None
    channel: str | None = None
    loket_id: str | None = None
    outcome: str | None = None  # advies | geen
    handoff: bool | None = None
    fallback: bool | None = None
    query: str | None = None
    page: int = 1
    sort: str = ""  # "" last active first | nieuw newest started first | oud oldest started first


@dataclass
class ConversationRow:
    id: str
    channel: str
    loket_id: str | None
    status: str
    created_at: datetime
    updated_at: datetime
    messages: int = 0
    handoff: bool = False
    fallback: bool = False
    advice: bool = False
    model_id: str | None = None  # the Rasa model that last answered
    name: str = "onbekend"  # only from a callback request the person left
    goal: Any = None  # canonical values; the page shows them in the vocabulary's words
    place: str | None = None
    case_advice: dict[str, Any] | None = None  # the advice of the last handoff case, if any

    @property
    def outcome(self) -> str:
        if self.advice:
            return "advies"
        return "adviseur" if self.handoff else "geen advies"


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=TZ).astimezone(timezone.utc)


def _events_exist(sender: Any, condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists(select(EVENTS.c.id).where(EVENTS.c.sender_id == sender, condition))


def _advice_condition() -> ColumnElement[bool]:
    return and_(EVENTS.c.type_name == "bot", EVENTS.c.data.like(ADVICE_MARK))


def _fallback_condition() -> ColumnElement[bool]:
    return or_(EVENTS.c.intent_name.in_(FALLBACK_INTENTS), EVENTS.c.action_name.in_(FALLBACK_ACTIONS))


def list_conversations(sessions: sessionmaker, flt: TranscriptFilter,
                       page_size: int = PAGE_SIZE) -> tuple[list[ConversationRow], int]:
    engine: Engine = sessions.kw["bind"]
    events = has_events_table(engine)
    conditions: list[ColumnElement[bool]] = []
    if flt.date_from:
        conditions.append(Conversation.created_at >= _day_start(flt.date_from))
    if flt.date_to:
        conditions.append(Conversation.created_at < _day_start(flt.date_to + timedelta(days=1)))
    if flt.channel:
        conditions.append(Conversation.channel == flt.channel)
    if flt.loket_id:
        conditions.append(Conversation.loket_id == flt.loket_id)
    has_case = exists(select(HandoffCase.id).where(HandoffCase.conversation_id == Conversation.id))
    if flt.handoff is not None:
        conditions.append(has_case if flt.handoff else ~has_case)
    if flt.fallback is not None:
        if events:
            fb = _events_exist(Conversation.id, _fallback_condition())
            conditions.append(fb if flt.fallback else ~fb)
        elif flt.fallback:
            conditions.append(Conversation.id.is_(None))  # unknown without the tracker table
    if flt.outcome in ("advies", "geen"):
        if events:
            adv = _events_exist(Conversation.id, _advice_condition())
            conditions.append(adv if flt.outcome == "advies" else ~adv)
        elif flt.outcome == "advies":
            conditions.append(Conversation.id.is_(None))
    if flt.query:
        q = flt.query.strip()[:MAX_QUERY_CHARS]
        conditions.append(or_(
            Conversation.id == q,
            exists(select(Message.id).where(Message.conversation_id == Conversation.id,
                                            Message.text.ilike(_like(q), escape="\\"))),
        ))
    where = and_(*conditions) if conditions else None
    with sessions() as db:
        count_q = select(func.count(Conversation.id))
        order = {"nieuw": (Conversation.created_at.desc(), Conversation.id),
                 "oud": (Conversation.created_at, Conversation.id)}.get(
            flt.sort, (Conversation.updated_at.desc(), Conversation.id))
        list_q = select(Conversation).order_by(*order)
        if where is not None:
            count_q = count_q.where(where)
            list_q = list_q.where(where)
        total = int(db.execute(count_q).scalar_one())
        page = max(1, flt.page)
        convs = list(db.execute(list_q.offset((page - 1) * page_size).limit(page_size)).scalars())
        rows = [ConversationRow(str(c.id), str(c.channel), c.loket_id, str(c.status), c.created_at, c.updated_at)
                for c in convs]
        _fill_flags(db, rows, events)
    return rows, total


def _fill_flags(db: Session, rows: list[ConversationRow], events: bool) -> None:
    ids = [r.id for r in rows]
    if not ids:
        return
    counts = dict(db.execute(select(Message.conversation_id, func.count(Message.id))
                             .where(Message.conversation_id.in_(ids)).group_by(Message.conversation_id)).all())
    cases = set(db.execute(select(HandoffCase.conversation_id).where(HandoffCase.conversation_id.in_(ids))).scalars())
    advice: set[str] = set()
    fallback: set[str] = set()
    if events:
        advice = set(db.execute(select(EVENTS.c.sender_id).where(EVENTS.c.sender_id.in_(ids),
                                                                 _advice_condition())).scalars())
        fallback = set(db.execute(select(EVENTS.c.sender_id).where(EVENTS.c.sender_id.in_(ids),
                                                                   _fallback_condition())).scalars())
    _fill_profile(db, rows, events)
    for r in rows:
        r.messages = int(counts.get(r.id, 0))
        r.handoff = r.id in cases
        r.advice = r.id in advice
        r.fallback = r.id in fallback


PROFILE_SLOTS_SHOWN = ("goal", "municipality")


def _fill_profile(db: Session, rows: list[ConversationRow], events: bool) -> None:
    """Name, goal and place per row: the last handoff summary, then the tracker's newer slots."""
    by_id = {r.id: r for r in rows}
    for cid, summary, advice in db.execute(select(HandoffCase.conversation_id, HandoffCase.summary,
                                                  HandoffCase.advice)
                                           .where(HandoffCase.conversation_id.in_(list(by_id)))
                                           .order_by(HandoffCase.id)).all():
        row = by_id[str(cid)]
        row.goal = (summary or {}).get("goal") or row.goal
        row.place = (summary or {}).get("municipality") or row.place
        row.case_advice = advice or row.case_advice
    for cid, name in db.execute(select(Ticket.conversation_id, Ticket.name)
                                .where(Ticket.conversation_id.in_(list(by_id)), Ticket.name.is_not(None))
                                .order_by(Ticket.id)).all():
        by_id[str(cid)].name = str(name)
    if not events:
        return
    wanted = or_(*(EVENTS.c.data.like(f'%"name": "{slot}"%') for slot in PROFILE_SLOTS_SHOWN))
    for sender, data in db.execute(select(EVENTS.c.sender_id, EVENTS.c.data)
                                   .where(EVENTS.c.sender_id.in_(list(by_id)), EVENTS.c.type_name == "slot", wanted)
                                   .order_by(EVENTS.c.id)).all():
        try:
            event = json.loads(data or "{}")
        except ValueError:
            continue
        target = by_id.get(str(sender))
        if target is None or event.get("value") in (None, "", []):
            continue
        if event.get("name") == "goal":
            target.goal = event["value"]
        elif event.get("name") == "municipality":
            target.place = str(event["value"])


def conversation_row(sessions: sessionmaker, conversation_id: str) -> ConversationRow | None:
    engine: Engine = sessions.kw["bind"]
    with sessions() as db:
        c = db.get(Conversation, conversation_id)
        if c is None:
            return None
        row = ConversationRow(str(c.id), str(c.channel), c.loket_id, str(c.status), c.created_at, c.updated_at,
                              model_id=c.model_id)
        _fill_flags(db, [row], has_events_table(engine))
        return row


def messages_of(sessions: sessionmaker, conversation_id: str, after_id: int = 0,
                limit: int = 2000) -> list[dict[str, Any]]:
    with sessions() as db:
        rows = db.execute(select(Message).where(Message.conversation_id == conversation_id, Message.id > after_id)
                          .order_by(Message.id).limit(limit)).scalars()
        return [{
            "id": int(m.id),
            "sender": str(m.sender),
            "text": m.text,
            "buttons": (m.payload or {}).get("buttons", []),
            "custom": (m.payload or {}).get("custom"),
            "delivery": DELIVERY_LABELS.get(str((m.payload or {}).get("delivery") or "")),
            "created_at": _aware(m.created_at).isoformat() if m.created_at else None,
        } for m in rows]


# -- dashboard -----------------------------------------------------------------------------------
@dataclass
class Dashboard:
    days: int
    total: int
    per_day: list[tuple[date, int]]
    completion_rate: float
    handoff_rate: float
    fallback_rate: float
    top_intents: list[tuple[str, int]] = field(default_factory=list)
    top_questions: list[tuple[str, int]] = field(default_factory=list)
    tracker_data: bool = False


def _intent_of(data: str | None, fallback: str | None) -> str | None:
    """The intent of a user event; for retrieval intents the full name, e.g. ``faq/ask_stap``."""
    try:
        parsed = json.loads(data or "{}").get("parse_data") or {}
        selector = parsed.get("response_selector") or {}
        name = (parsed.get("intent") or {}).get("name") or fallback
        if name and name in selector:
            full = ((selector[name] or {}).get("response") or {}).get("intent_response_key")
            return str(full or name)
        return str(name) if name else None
    except (ValueError, AttributeError, TypeError):
        return fallback


def _user_text(data: str | None) -> str:
    try:
        return str(json.loads(data or "{}").get("text") or "")
    except (ValueError, AttributeError):
        return ""


def dashboard(sessions: sessionmaker, days: int = 30, today: date | None = None) -> Dashboard:
    days = max(1, min(days, 366))
    today = today or datetime.now(TZ).date()
    start_day = today - timedelta(days=days - 1)
    since = _day_start(start_day)
    engine: Engine = sessions.kw["bind"]
    events = has_events_table(engine)
    with sessions() as db:
        # Conversations an adviser labelled as a test (label "test", "proef", …) do not count.
        tests = {str(cid) for cid, tag in db.execute(select(Annotation.conversation_id, Annotation.tag)
                                                     .where(Annotation.kind == "tag")).all()
                 if str(tag or "").strip().lower() in TEST_TAGS}
        convs = [c for c in db.execute(select(Conversation.id, Conversation.created_at)
                                       .where(Conversation.created_at >= since)).all() if str(c[0]) not in tests]
        ids = {str(c[0]) for c in convs}
        per_day_counter: Counter[date] = Counter()
        for _cid, created in convs:
            created = created if created.tzinfo else created.replace(tzinfo=timezone.utc)
            per_day_counter[created.astimezone(TZ).date()] += 1
        with_case = set(db.execute(select(HandoffCase.conversation_id).distinct()
                                   .join(Conversation, Conversation.id == HandoffCase.conversation_id)
                                   .where(Conversation.created_at >= since)).scalars())
        advice: set[str] = set()
        fallback: set[str] = set()
        intents: Counter[str] = Counter()
        if events:
            ts = since.timestamp()
            advice = set(db.execute(select(EVENTS.c.sender_id).where(EVENTS.c.timestamp >= ts,
                                                                     _advice_condition())).scalars()) & ids
            fallback = set(db.execute(select(EVENTS.c.sender_id).where(EVENTS.c.timestamp >= ts,
                                                                       _fallback_condition())).scalars()) & ids
            for sender, data, name in db.execute(select(EVENTS.c.sender_id, EVENTS.c.data, EVENTS.c.intent_name)
                                                 .where(EVENTS.c.timestamp >= ts, EVENTS.c.type_name == "user")).all():
                intent = _intent_of(data, name)
                if intent and intent not in NOT_QUESTIONS and str(sender) not in tests \
                        and not TEST_WORDS.search(_user_text(data).lower()):
                    intents[intent] += 1
        questions: Counter[str] = Counter()
        for cid, text in db.execute(select(Message.conversation_id, Message.text)
                                    .where(Message.sender == "user", Message.created_at >= since,
                                           Message.text.like("%?%"))).all():
            norm = " ".join(str(text or "").lower().split())[:120]
            if norm and str(cid) not in tests and not PLACEHOLDER.search(norm.upper()) and not is_junk(norm):
                questions[norm] += 1
    total = len(ids)

    def rate(part: set[str]) -> float:
        return round(len(part) / total, 3) if total else 0.0

    per_day = [(start_day + timedelta(days=i), per_day_counter.get(start_day + timedelta(days=i), 0))
               for i in range(days)]
    return Dashboard(days=days, total=total, per_day=per_day, completion_rate=rate(advice),
                     handoff_rate=rate(with_case), fallback_rate=rate(fallback),
                     top_intents=intents.most_common(10), top_questions=questions.most_common(10),
                     tracker_data=events)


# -- export -----------------------------------------------------------------------------------------
def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def export_jsonl(sessions: sessionmaker, since: date | None = None) -> Iterator[str]:
    """One JSON object per conversation: messages, handoff cases (summary, advice) and annotations."""
    with sessions() as db:
        q = select(Conversation).order_by(Conversation.created_at)
        if since:
            q = q.where(Conversation.created_at >= _day_start(since))
        convs = list(db.execute(q).scalars())
        conv_ids = [(str(c.id), str(c.channel), c.loket_id, str(c.status), _aware(c.created_at)) for c in convs]
        model_ids = {str(c.id): c.model_id for c in convs}
    for start in range(0, len(conv_ids), 200):
        chunk = conv_ids[start:start + 200]
        ids = [c[0] for c in chunk]
        rows = {r.id: r for r in _rows_for(sessions, chunk)}
        with sessions() as db:
            msgs: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
            for m in db.execute(select(Message).where(Message.conversation_id.in_(ids)).order_by(Message.id)).scalars():
                msgs[str(m.conversation_id)].append({
                    "id": int(m.id), "sender": m.sender, "text": m.text,
                    "buttons": (m.payload or {}).get("buttons", []), "custom": (m.payload or {}).get("custom"),
                    "created_at": _aware(m.created_at).isoformat(),
                })
            cases: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
            for c in db.execute(select(HandoffCase).where(HandoffCase.conversation_id.in_(ids))).scalars():
                cases[str(c.conversation_id)].append({
                    "status": c.status, "reason": c.reason, "summary": c.summary, "advice": c.advice,
                    "created_at": _aware(c.created_at).isoformat(),
                })
            notes: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
            for a in db.execute(select(Annotation).where(Annotation.conversation_id.in_(ids))).scalars():
                notes[str(a.conversation_id)].append(annotation_json(a))
        for cid, channel, loket_id, status, created in chunk:
            row = rows[cid]
            yield json.dumps({
                "conversation_id": cid, "channel": channel, "loket_id": loket_id, "status": status,
                "created_at": created.isoformat(), "model_id": model_ids[cid], "outcome": row.outcome,
                "handoff": row.handoff, "fallback": row.fallback, "messages": msgs[cid], "handoff_cases": cases[cid],
                "annotations": notes[cid],
            }, ensure_ascii=False)


def _rows_for(sessions: sessionmaker, chunk: list[tuple[str, str, str | None, str, datetime]]) -> list[ConversationRow]:
    engine: Engine = sessions.kw["bind"]
    rows = [ConversationRow(c[0], c[1], c[2], c[3], c[4], c[4]) for c in chunk]
    with sessions() as db:
        _fill_flags(db, rows, has_events_table(engine))
    return rows


def annotation_json(a: Annotation) -> dict[str, Any]:
    return {
        "id": int(a.id), "message_id": a.message_id, "kind": a.kind, "intent": a.intent, "entity": a.entity,
        "entity_text": a.entity_text, "entity_value": a.entity_value, "verdict": a.verdict,
        "comment": a.comment, "tag": a.tag, "created_at": _aware(a.created_at).isoformat(),
    }


@dataclass
class NluExport:
    yaml_text: str
    examples: int
    skipped: int


def _predicted_intent(db: Session, conversation_id: str, text: str, events: bool) -> str | None:
    if not events:
        return None
    for data, name in db.execute(select(EVENTS.c.data, EVENTS.c.intent_name)
                                 .where(EVENTS.c.sender_id == conversation_id, EVENTS.c.type_name == "user")):
        try:
            if json.loads(data or "{}").get("text") == text:
                return str(name) if name else None
        except ValueError:
            continue
    return None


def _mark_entity(text: str, entity: str, span: str, value: str | None) -> str | None:
    idx = text.lower().find(span.lower())
    if idx < 0:
        return None
    original = text[idx:idx + len(span)]
    if value and value != original:
        markup = f'[{original}]{{"entity": "{entity}", "value": "{value}"}}'
    else:
        markup = f"[{original}]({entity})"
    return text[:idx] + markup + text[idx + len(span):]


def export_nlu(sessions: sessionmaker, since: date | None = None) -> NluExport:
    """Rasa NLU training data (YAML) from advisers' corrections of misunderstood messages."""
    engine: Engine = sessions.kw["bind"]
    events = has_events_table(engine)
    by_intent: dict[str, list[str]] = {}
    skipped = 0
    with sessions() as db:
        q = (select(Annotation, Message.text).join(Message, Message.id == Annotation.message_id)
             .where(Annotation.kind == "misunderstood", Message.sender == "user").order_by(Annotation.id))
        if since:
            q = q.where(Annotation.created_at >= _day_start(since))
        for ann, text in db.execute(q).all():
            example = " ".join(str(text or "").split())
            # Redacted placeholders ("[TELEFOON]") would be read as entity markup and teach nothing.
            if not example or PLACEHOLDER.search(example) or any(ch in example for ch in "[]{}"):
                skipped += 1
                continue
            intent = ann.intent or _predicted_intent(db, str(ann.conversation_id), str(text), events)
            if not intent:
                skipped += 1
                continue
            if ann.entity and ann.entity_text:
                marked = _mark_entity(example, ann.entity, ann.entity_text, ann.entity_value)
                if marked is None:
                    skipped += 1
                    continue
                example = marked
            bucket = by_intent.setdefault(intent, [])
            if example not in bucket:
                bucket.append(example)
    lines = ['version: "3.1"', "nlu:"]
    for intent in sorted(by_intent):
        lines.append(f"- intent: {intent}")
        lines.append("  examples: |")
        lines.extend(f"    - {ex}" for ex in by_intent[intent])
    text_out = "\n".join(lines) + "\n" if by_intent else 'version: "3.1"\nnlu: []\n'
    return NluExport(text_out, sum(len(v) for v in by_intent.values()), skipped)


def iter_lines(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        yield line + "\n"
