"""Intake slots <-> canonical profile, and what one user message tells us (pure, no Rasa).

The Rasa actions stay thin: they pass the tracker's slots, the latest message (text, intent,
entities) and the question being asked to these functions and turn the result into events.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.vocabulary import vocabulary

log = logging.getLogger(__name__)

PROFILE_SLOTS: tuple[str, ...] = (
    "age", "education_level", "work_status", "at_risk_of_job_loss", "hours_per_week",
    "employer_size", "current_sector", "sector_interests", "goal", "literacy_need",
    "receives_studiefinanciering", "municipality", "region_code", "connected_to_dutch_labour_market",
    "max_hours_study_per_week", "preferred_form", "current_function",
)

# The allowed values come from the intake vocabulary (assistant/vocabulary.yaml).
_VOC = vocabulary()
EDUCATION_LEVELS = _VOC.enum_values("education_level")
WORK_STATUSES = _VOC.enum_values("work_status")
SECTORS = _VOC.enum_values("current_sector")
GOALS = _VOC.enum_values("goal")
FORMS = _VOC.enum_values("preferred_form")
EMPLOYER_SIZES = _VOC.enum_values("employer_size")
FUNCTIONS = _VOC.enum_values("current_function")

ENUMS: dict[str, frozenset[str]] = {
    "education_level": EDUCATION_LEVELS, "work_status": WORK_STATUSES, "current_sector": SECTORS,
    "goal": GOALS, "preferred_form": FORMS, "employer_size": EMPLOYER_SIZES, "current_function": FUNCTIONS,
}
INT_RANGES: dict[str, tuple[int, int]] = {n: f.range for n, f in _VOC.fields.items() if f.range is not None}
BOOL_SLOTS = frozenset(n for n, f in _VOC.fields.items() if f.kind == "bool")

EMPLOYEE = frozenset({"werknemer_vast", "werknemer_flex"})
WORKING = EMPLOYEE | {"zzp"}
LOW_EDUCATION = frozenset({"geen", "vmbo", "mbo1", "buitenlands"})
STUDIEFINANCIERING_MAX_AGE = 30  # DUO study finance rarely applies beyond this; do not bother older people

# Intents whose message may answer the current question. Others (faq, request_human, ...) are
# digressions: the form rejects and a rule answers them, then the intake resumes.
ANSWER_INTENTS = frozenset({"inform", "affirm", "deny", "dont_know", "nlu_fallback"})

# Where an entity goes when the message itself does not say (the parser decides current vs. wanted
# sector from context; a bare entity follows the question being asked).
NUMBER_SLOTS = ("age", "hours_per_week", "max_hours_study_per_week")
_NUMBER = re.compile(r"^\D{0,20}?(\d{1,3})(?:\s*(?:jaar|uur|u|jr))?\D{0,20}$")
_YES = re.compile(r"^\s*(?:ja|jazeker|jawel|jep|jup|yes|klopt|zeker)\b", re.I)
_NO = re.compile(r"^\s*(?:nee|neen|nope|no|niet|nooit)\b", re.I)
_AGE_WORDS = re.compile(r"\b(?:jaar|jr|oud|leeftijd|ben|word|wordt)\b", re.I)
_HOUR_WORDS = re.compile(r"\d\s*u\b|\buur\b|\buren\b", re.I)
_PLACE = re.compile(r"^[A-Za-zÀ-ÿ' .\-]{2,40}$")
_PLACE_PREFIX = re.compile(r"^(?:ik\s+woon\s+(?:in|te)\s+|in\s+|gemeente\s+|te\s+)", re.I)


# Quick-reply buttons send their title as plain Dutch text; this table reads them exactly (the
# parser and NLU may not know every title). Derived from the vocabulary's button titles.
QUICK_REPLIES: dict[str, dict[str, tuple[str, Any]]] = {
    name: {" ".join(v.button.lower().split()): (name, [v.value] if spec.kind == "list" else v.value)
           for v in spec.values}
    for name, spec in _VOC.fields.items() if spec.kind in ("enum", "list")
}


@dataclass
class Extraction:
    """What one message changes: slot updates (None clears a slot) and a skipped question."""

    updates: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None

    @property
    def empty(self) -> bool:
        return not self.updates and self.skipped is None


# -- the free-text parser and the interest vocabulary are built by other engineers; both are
# -- optional here so the dialogue keeps working (on entities only) while they are missing.
def _parser() -> Callable[[str, date | None], Any] | None:
    try:
        from assistant.intake.parse import parse_message
    except ImportError:  # pragma: no cover - only while parse.py does not exist yet
        return None
    return parse_message


def _sectors_for_text(text: str) -> list[str]:
    try:
        from assistant.catalogue.interests import sectors_for_text
    except ImportError:  # pragma: no cover
        return []
    return [s for s in sectors_for_text(text) if s in SECTORS]


def _bare_sectors(text: str, today: date | None) -> tuple[list[str], str]:
    """Sectors the parser found named as such, neither the work now nor a wish ("schilderwerk"),
    and the rest of the message without the words that named them."""
    parse = _parser()
    if parse is None:
        return [], text
    try:
        parsed = parse(text, today)
    except Exception:  # a parser bug must never break the conversation
        log.exception("parse_message failed")
        return [], text
    rest = " " + " ".join(re.sub(r"[^\w]+", " ", text.lower()).split()) + " "
    for phrase in getattr(parsed, "bare_phrases", []):
        rest = rest.replace(" " + phrase + " ", " ")
    return [s for s in dict.fromkeys(getattr(parsed, "bare_sectors", [])) if s in SECTORS], rest.strip()


def _known_municipalities() -> set[str]:
    try:
        from assistant.intake.parse import known_municipalities
    except ImportError:  # pragma: no cover
        return set()
    try:
        return {str(m).lower() for m in known_municipalities()}
    except Exception:  # reference data missing: accept what NLU found
        log.exception("known_municipalities failed")
        return set()


def parsed_facts(text: str, today: date | None = None) -> tuple[dict[str, Any], set[str]]:
    """Facts the free-text parser finds, and the fields the person negated ("toch niet in de WW")."""
    parse = _parser()
    if parse is None or not text or text.startswith("/"):
        return {}, set()
    try:
        parsed = parse(text, today)
    except Exception:  # a parser bug must never break the conversation
        log.exception("parse_message failed")
        return {}, set()
    facts = dict(parsed.as_dict())
    negated: set[str] = set()
    for name in ("negated", "negated_fields", "negations"):
        value = facts.pop(name, None) if name in facts else getattr(parsed, name, None)
        if isinstance(value, str):
            negated.add(value)
        elif isinstance(value, Iterable):
            negated.update(str(v) for v in value)
    return {k: v for k, v in facts.items() if k in PROFILE_SLOTS}, negated


def _entity_values(entities: Iterable[Mapping[str, Any]]) -> dict[str, list[Any]]:
    values: dict[str, list[Any]] = {}
    for ent in entities:
        name = str(ent.get("entity", ""))
        if name and ent.get("value") is not None:
            values.setdefault(name, []).append(ent["value"])
    return values


def _to_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    match = re.search(r"\d{1,3}", str(value))
    return int(match.group()) if match else None


def coerce(slot: str, value: Any) -> Any:
    """A slot value in canonical form, or None when it cannot be one."""
    if value is None:
        return None
    if slot in INT_RANGES:
        number = _to_int(value)
        low, high = INT_RANGES[slot]
        return number if number is not None and low <= number <= high else None
    if slot in BOOL_SLOTS:
        if isinstance(value, bool):
            return value
        return {"true": True, "ja": True, "false": False, "nee": False}.get(str(value).lower())
    if slot in ENUMS:
        text = str(value).strip().lower()
        return text if text in ENUMS[slot] else None
    if slot == "sector_interests":
        items = value if isinstance(value, list) else [value]
        out: list[str] = []
        for item in items:
            text = str(item).strip().lower()
            if text in SECTORS and text not in out:
                out.append(text)
        return out or None
    if slot == "municipality":
        text = " ".join(str(value).split())
        return text[:60] or None
    if slot == "region_code":
        text = str(value).upper()
        return text if re.fullmatch(r"AM\d{2}", text) else None
    return value


def _municipality_from_text(text: str) -> str | None:
    """A bare place name typed as the answer to "In welke gemeente woon je?"."""
    candidate = _PLACE_PREFIX.sub("", text.strip().rstrip(".!")).strip()
    if not candidate or not _PLACE.match(candidate) or len(candidate.split()) > 4:
        return None
    if candidate.lower() in {"ja", "nee", "weet ik niet", "geen idee", "hoi", "ok", "oke"}:
        return None
    # Official names keep particles in lower case ('s-Hertogenbosch, Bergen op Zoom).
    words = candidate.split()
    small = {"op", "aan", "den", "de", "der", "en", "in", "van", "ter", "a/d"}
    return " ".join(w if (i and w.lower() in small) or w.startswith("'") else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def extract(
    text: str,
    intent: str | None,
    entities: Iterable[Mapping[str, Any]],
    requested_slot: str | None,
    slots: Mapping[str, Any],
    today: date | None = None,
) -> Extraction:
    """Everything one message tells us, with the question being asked as context.

    Several facts in one message fill several slots ("ik ben 52, werk in de thuiszorg en heb mbo 3");
    corrections simply overwrite; a negation ("ik zit toch niet in de WW") clears the slot so the
    form asks it again; "weet ik niet" skips the current question.
    """
    result = Extraction()
    quick = QUICK_REPLIES.get(requested_slot or "", {}).get(" ".join((text or "").lower().split()))
    if quick is not None:
        # A tapped button is an answer whatever intent NLU gives its title.
        result.updates[quick[0]] = quick[1]
        if quick == ("goal", "basisvaardigheden") and slots.get("literacy_need") is None:
            result.updates["literacy_need"] = True
        return result
    if intent is not None and intent not in ANSWER_INTENTS:
        return result
    if intent == "dont_know" and requested_slot:
        result.skipped = requested_slot
        return result

    facts, negated = parsed_facts(text, today)
    ents = _entity_values(entities)

    def put(slot: str, value: Any) -> None:
        if slot in negated:
            return  # "ik zit toch niet in de WW": the WW entity in that sentence is no answer
        # Numbers stay raw here so validate_<slot> can tell the person what range is possible.
        value = _to_int(value) if slot in INT_RANGES else coerce(slot, value)
        if value is not None and slot not in result.updates:
            result.updates[slot] = value

    # The parser knows the context of the whole sentence: it goes first.
    for slot, value in facts.items():
        put(slot, value)

    for value in ents.get("education_level", []):
        put("education_level", value)
    for value in ents.get("work_status", []):
        put("work_status", value)
    for value in ents.get("goal", []):
        put("goal", value)
    for value in ents.get("preferred_form", []):
        put("preferred_form", value)
    for value in ents.get("employer_size", []):
        put("employer_size", value)
    known = _known_municipalities()
    for value in ents.get("municipality", []):
        # NLU sometimes tags a greeting as a place ("Hoi"); only known gemeenten count here.
        if not known or str(value).strip().lower() in known:
            put("municipality", value)
    # A bare number entity is only an age or hours where the words or the question say so:
    # "mbo niveau 3" is no 3 hours, "meer dan 250" (employees) no age.
    explicit = (text or "").startswith("/")  # /inform{...}: the entities are given, not guessed
    if explicit or requested_slot == "age" or _AGE_WORDS.search(text or ""):
        for value in ents.get("age", []):
            put("age", value)
    if explicit or requested_slot in ("hours_per_week", "max_hours_study_per_week") or _HOUR_WORDS.search(text or ""):
        for value in ents.get("hours", []):
            put("max_hours_study_per_week" if requested_slot == "max_hours_study_per_week" else "hours_per_week",
                value)

    sectors = [s for s in (coerce("current_sector", v) for v in ents.get("sector", [])) if s]
    if sectors and "current_sector" not in result.updates and "sector_interests" not in result.updates:
        working = (result.updates.get("work_status") or slots.get("work_status")) in WORKING
        current = requested_slot == "current_sector" or (
            requested_slot != "sector_interests" and working and not slots.get("current_sector"))
        if current:
            put("current_sector", sectors[0])
        else:
            put("sector_interests", sectors)

    # A bare number or yes/no answers the question being asked.
    if requested_slot in NUMBER_SLOTS and requested_slot not in result.updates:
        match = _NUMBER.match(text.strip()) if text and not text.startswith("/") else None
        if match:
            # "44" to "Hoe oud ben je?" is an age, to "Hoeveel uur?" a number of hours.
            result.updates.pop("age" if requested_slot != "age" else "hours_per_week", None)
            put(requested_slot, match.group(1))
    # A message that corrects another answer ("nee, ik bedoel mbo 4") is no yes/no to this question.
    corrects_other = any(slot != requested_slot and slot not in NUMBER_SLOTS for slot in result.updates)
    yes_no = intent if intent in ("affirm", "deny") and not corrects_other else None
    if yes_no is None and not result.updates and text:
        # "ja hoor, ..." classified as inform still answers a yes/no question.
        yes_no = "affirm" if _YES.match(text) else "deny" if _NO.match(text) else None
    if requested_slot in BOOL_SLOTS and requested_slot not in result.updates and yes_no:
        result.updates[requested_slot] = yes_no == "affirm"
    if requested_slot == "employer_size" and "employer_size" not in result.updates and not corrects_other:
        # The question is "Werken er minder dan 250 mensen bij je werkgever?"
        found = re.search(r"\d[\d.]*", text) if text and not text.startswith("/") else None
        count = int(found.group().replace(".", "")) if found else None
        if count is not None and not re.search(r"procent|%", text):
            fewer = re.search(r"\b(?:minder|onder|kleiner|nog geen)\b", text, re.I) is not None
            result.updates["employer_size"] = "mkb" if count < 250 or (fewer and count <= 250) else "groot"
            for slot in NUMBER_SLOTS:  # the head count is not also an age or hours
                if result.updates.get(slot) is not None and _to_int(result.updates[slot]) == count:
                    result.updates.pop(slot)
        elif yes_no:
            result.updates["employer_size"] = "mkb" if yes_no == "affirm" else "groot"
    if requested_slot == "sector_interests" and "sector_interests" in result.updates and text:
        # "de kinderopvang, en later misschien het basisonderwijs": the bare one is wanted too
        bare = [s for s in _bare_sectors(text, today)[0] if s not in result.updates["sector_interests"]]
        result.updates["sector_interests"] = bare + list(result.updates["sector_interests"])
    if requested_slot == "sector_interests" and "sector_interests" not in result.updates and text \
            and not text.startswith("/"):
        # "schilderwerk" is a phrase the interest words may lack; "bouw en les geven" names one
        # sector by a phrase and one by the interest words in the rest.
        bare, rest = _bare_sectors(text, today)
        if not bare and result.updates.get("current_sector"):
            # "sociaal werk in de wijk" to the interest question: the sector named is the one wanted
            bare = [result.updates.pop("current_sector")]
        whole = _sectors_for_text(text)
        if bare:  # the interest words count only where they are not the named sector's ("kinderen")
            told = _sectors_for_text(rest)
            # "onderwijs, met kinderen op school": the rest tells more of the sector named
            # and a broad wording next to a named sector adds nothing ("receptie of iets met mensen")
            whole = [] if set(bare) & set(told) or len(told) > 2 else [s for s in whole if s in told and s not in bare]
        put("sector_interests", bare + whole)
    if requested_slot == "current_sector" and "current_sector" not in result.updates and text \
            and not text.startswith("/"):
        # Asked where they work now, a sector is the current one ("logistiek, in een magazijn").
        candidates = result.updates.pop("sector_interests", None) or _bare_sectors(text, today)[0] \
            or _sectors_for_text(text)
        if candidates:
            put("current_sector", candidates[0])
    if requested_slot == "municipality" and "municipality" not in result.updates and text \
            and not text.startswith("/") and intent in ("inform", "nlu_fallback"):
        put("municipality", _municipality_from_text(text))

    # "iets anders" answers the question being asked; elsewhere it must not overwrite a real value.
    for slot in ("work_status", "current_sector"):
        if result.updates.get(slot) == "anders" and requested_slot != slot:
            result.updates.pop(slot)

    # Negations clear what the person takes back, unless the same message gives the new value.
    for slot in negated:
        if slot in PROFILE_SLOTS and slot not in result.updates and slots.get(slot) is not None:
            result.updates[slot] = None

    # Implied facts: wanting to learn basic skills means help with them is wanted.
    if result.updates.get("goal") == "basisvaardigheden" and slots.get("literacy_need") is None:
        result.updates.setdefault("literacy_need", True)
    return result


def profile_from_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    """The canonical profile (profile.schema.json) from tracker slots.

    Values that cannot be canonical are dropped (unknown) rather than failing the advice: a
    person must never lose the conversation over one odd slot value.
    """
    raw: dict[str, Any] = {}
    for slot in PROFILE_SLOTS:
        value = coerce(slot, slots.get(slot))
        if slot == "sector_interests":
            raw[slot] = value or []
        elif value is not None:
            raw[slot] = value
    try:
        from assistant.intake.profile import ProfileError, validate_profile
    except ImportError:  # pragma: no cover
        return raw
    for _ in range(len(PROFILE_SLOTS)):
        try:
            return validate_profile(raw)
        except ProfileError as exc:
            if exc.field not in raw:
                break
            log.warning("dropping invalid profile value", extra={"field": exc.field})
            raw.pop(exc.field)
    return validate_profile({})
