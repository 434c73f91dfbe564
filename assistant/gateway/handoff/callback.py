"""The terugbelverzoek / appointment flow, run by the service itself (never by Rasa).

Steps: consent → name → phone or e-mail → preferred time → ticket. Pure functions on a small
state object, so the wording and the parsing are tested without a database. The raw answers go
only to the ticket; the transcript keeps a placeholder or the answer redacted with the call-back
rules ("met Anna" is a name here), see ``StepResult.stored_text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.gateway.rasa_client import BotMessage, Button
from assistant.privacy.redact import redact_callback_answer

MAX_RETRIES = 3

CONSENT_QUESTION = (
    "Wil je dat een adviseur contact met je opneemt? Dan vraag ik je naam en je telefoonnummer of "
    "e-mailadres. We gebruiken die alleen om contact met je op te nemen."
)
CONSENT_BUTTONS = (
    Button("Ja, bel of mail me", "ja, bel of mail me"),
    Button("Ja, maak een afspraak", "ja, maak een afspraak"),
    Button("Nee, verder met de vragen", "nee, verder met de vragen"),
)
CONSENT_UNCLEAR = "Sorry, dat begreep ik niet. Kies een knop, of typ ja of nee."
NAME_QUESTION = "Wat is je naam? Je voornaam is genoeg."
NAME_INVALID = "Dat lijkt geen naam. Typ alleen je naam, bijvoorbeeld: Sanne."
CONTACT_QUESTION = "Wat is je telefoonnummer of e-mailadres?"
CONTACT_INVALID = (
    "Ik herken geen telefoonnummer of e-mailadres. Typ bijvoorbeeld 06 12345678 of naam@voorbeeld.nl."
)
TIME_QUESTION_CALLBACK = "Wanneer kunnen we je het best bellen of mailen? Bijvoorbeeld: dinsdagochtend."
TIME_QUESTION_APPOINTMENT = "Wanneer wil je het liefst een afspraak? Bijvoorbeeld: dinsdagochtend."
TIME_BUTTONS = (
    Button("Ochtend", "ochtend"),
    Button("Middag", "middag"),
    Button("Maakt niet uit", "maakt niet uit"),
)
TIME_INVALID = "Typ een dag of een dagdeel, bijvoorbeeld: dinsdagochtend. Of kies een knop."
DONE_CALLBACK = (
    "Dank je. Je verzoek is bewaard. Een adviseur neemt zo snel mogelijk contact met je op. "
    "Meestal is dat binnen 2 werkdagen."
)
DONE_APPOINTMENT = (
    "Dank je. Je vraag om een afspraak is bewaard. Een adviseur neemt contact met je op om de afspraak "
    "te maken. Meestal is dat binnen 2 werkdagen."
)
DECLINED = "Oké, ik bewaar niets. Je kunt later altijd opnieuw om een adviseur vragen."
GIVE_UP = (
    "Het lukt nu niet om je gegevens te noteren. Ik bewaar niets. "
    "Je kunt later opnieuw om een adviseur vragen, of zelf contact opnemen met het Werkcentrum."
)

_YES = re.compile(r"^\s*(ja|jawel|jazeker|graag|ok[eé]?|oké|prima|goed|yes|zeker|bel|mail|afspraak)\b",
                  re.IGNORECASE)
_NO = re.compile(r"^\s*(nee|neen|no|liever niet|niet|laat maar|stop|annuleer|annuleren|hoeft niet)\b",
                 re.IGNORECASE)
_CANCEL = re.compile(r"^\s*(stop|annuleer|annuleren|laat maar|ik wil niet|nee,? liever niet)\b", re.IGNORECASE)
_APPOINTMENT = re.compile(r"afspraak", re.IGNORECASE)
_NAME_PREFIX = re.compile(r"^\s*(ik\s+heet|mijn\s+naam\s+is|ik\s+ben|naam\s*:?|dit\s+is|met)\s+", re.IGNORECASE)
_NAME_OK = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ .'\-])*$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_CHARS = re.compile(r"(?:\+|00)?\d[\d\s().-]{7,20}\d")


@dataclass(frozen=True)
class FlowState:
    step: str = "consent"  # consent | name | contact | time | done
    kind: str | None = None  # callback | appointment
    consent: bool = False
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    preferred_time: str | None = None
    retries: int = 0


@dataclass(frozen=True)
class StepResult:
    state: FlowState
    replies: list[BotMessage]
    stored_text: str | None  # what the transcript may keep of the person's answer
    outcome: str | None = None  # None (continue) | stored | declined


def consent_question() -> BotMessage:
    return BotMessage(text=CONSENT_QUESTION, buttons=CONSENT_BUTTONS)


def parse_name(text: str) -> str | None:
    name = _NAME_PREFIX.sub("", text.strip()).strip(" .!,")
    if not name or len(name) > 100 or len(name.split()) > 6 or not _NAME_OK.match(name):
        return None
    return name


def normalise_phone(raw: str) -> str | None:
    """A Dutch number as 0612345678 / 0201234567, a foreign one as +<digits>; None when not a phone."""
    compact = re.sub(r"[\s().-]", "", raw)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+31"):
        rest = compact[3:]
        rest = rest[1:] if rest.startswith("0") else rest  # "+31 (0)6 ..."
        compact = "0" + rest
    if re.fullmatch(r"0[1-9]\d{8}", compact):
        return compact
    if re.fullmatch(r"\+[1-9]\d{7,14}", compact):
        return compact
    return None


def parse_contact(text: str) -> tuple[str | None, str | None]:
    email_match = _EMAIL.search(text)
    email = email_match.group(0).lower() if email_match and len(email_match.group(0)) <= 254 else None
    rest = _EMAIL.sub(" ", text)
    phone = None
    for candidate in _PHONE_CHARS.findall(rest):
        phone = normalise_phone(candidate)
        if phone:
            break
    return phone, email


def _retry(state: FlowState, question: BotMessage, stored: str | None) -> StepResult:
    if state.retries + 1 >= MAX_RETRIES:
        return StepResult(FlowState(step="done"), [BotMessage(text=GIVE_UP)], stored, "declined")
    return StepResult(replace(state, retries=state.retries + 1), [question], stored)


def advance(state: FlowState, text: str) -> StepResult:
    """One answer from the person; returns the new state, what to say and what to store."""
    text = (text or "").strip()[:500]
    if state.step == "consent":
        stored = redact_callback_answer(text)
        if _NO.match(text):
            return StepResult(FlowState(step="done"), [BotMessage(text=DECLINED)], stored, "declined")
        if _YES.match(text) or _APPOINTMENT.search(text):
            kind = "appointment" if _APPOINTMENT.search(text) else "callback"
            return StepResult(FlowState(step="name", kind=kind, consent=True),
                              [BotMessage(text=NAME_QUESTION)], stored)
        return _retry(state, BotMessage(text=CONSENT_UNCLEAR, buttons=CONSENT_BUTTONS), stored)
    if _CANCEL.match(text):
        return StepResult(FlowState(step="done"), [BotMessage(text=DECLINED)], redact_callback_answer(text), "declined")
    if state.step == "name":
        name = parse_name(text)
        if name is None:
            return _retry(state, BotMessage(text=NAME_INVALID), "[NAAM?]")
        return StepResult(replace(state, step="contact", name=name, retries=0),
                          [BotMessage(text=CONTACT_QUESTION)], "[NAAM]")
    if state.step == "contact":
        phone, email = parse_contact(text)
        if phone is None and email is None:
            return _retry(state, BotMessage(text=CONTACT_INVALID), "[CONTACTGEGEVENS?]")
        question = TIME_QUESTION_APPOINTMENT if state.kind == "appointment" else TIME_QUESTION_CALLBACK
        return StepResult(replace(state, step="time", phone=phone, email=email, retries=0),
                          [BotMessage(text=question, buttons=TIME_BUTTONS)], "[CONTACTGEGEVENS]")
    if state.step == "time":
        when = " ".join(text.split())[:200]
        if not when:
            return _retry(state, BotMessage(text=TIME_INVALID, buttons=TIME_BUTTONS), None)
        done = DONE_APPOINTMENT if state.kind == "appointment" else DONE_CALLBACK
        # The preferred time goes to the ticket as given; the transcript only keeps it redacted.
        return StepResult(replace(state, step="done", preferred_time=when, retries=0),
                          [BotMessage(text=done)], redact_callback_answer(when), "stored")
    return StepResult(state, [], redact_callback_answer(text), "declined")
