"""Redact personal data (AVG) in free text before it is stored or sent to Rasa.

Replaced by placeholders so transcripts stay readable: [BSN], [IBAN], [TELEFOON], [EMAIL],
[ADRES], [GEBOORTEDATUM], [NAAM]. What the intake needs is never touched: ages ("ik ben 45"),
hours ("32 uur"), amounts ("€ 2.500", "1500 euro"), years ("sinds 2019"), diploma levels
("mbo 4"), dates, and numbers labelled as something else (KvK, order, klant, crebo).

The checks come from maintained libraries: ``phonenumbers`` (Google's libphonenumber metadata,
every country) and ``python-stdnum`` (BSN elfproef, IBAN mod-97 and country formats, Dutch
postcode ranges). Regexes only find candidates; the libraries decide.

Rules, in order:
- e-mail addresses;
- IBANs that pass the check (any country; the longest valid prefix, so a following word does
  not hide it), and Dutch-shaped IBANs even with a typo;
- a number right after "bsn"/"burgerservicenummer"/"sofinummer" (also when mistyped);
- phone numbers: what libphonenumber finds valid for the Netherlands or, with +/00, for any
  country; a number after a phone cue ("tel", "bel me op", "mijn nummer is") even when it is not
  in the metadata;
- other 9-digit numbers when they pass the elfproef and are neither an amount nor labelled as
  another kind of number;
- a date right after "geboren (op)" / "geboortedatum";
- postcode + huisnummer ("1234 AB 12", "1234AB"; lower case only with a house number and when
  the letters are not a common word), street + number ("Kerkstraat 12a");
- names after Dutch cues: "ik heet", "mijn naam is", "naam:", "je spreekt met", sign-offs
  ("groetjes, Anna", "Met vriendelijke groet, Jan de Vries"); ``redact_callback_answer`` also
  takes "met Anna" at the start of an answer in the call-back flow (how people answer a phone).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, ValidationResult
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")  # a TLD has letters
# Candidate IBAN: country, check digits, then up to 32 characters in groups; trimmed to the
# longest prefix that passes the check (see ``_iban``).
_IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){10,32}\b")
_NL_IBAN = re.compile(r"^NL\d{2}[A-Z]{4}\d{10}$")
_LABELLED_BSN = re.compile(
    r"(?P<label>\b(?:bsn|burgerservicenummer|sofi-?nummer)(?:[\s-]*nummer)?\b(?:\s*(?:is|:|=))?\s*)"
    r"(?P<number>\d(?:[\s.-]?\d){6,8})(?!\d)",
    re.IGNORECASE,
)
# Phone candidates that libphonenumber's matcher may miss because of what follows them
# ("06 12345678 32 uur"): start with +, 00, 0 or (0, then digits and separators.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|\(?0)[\d\s().\-/]{6,26}\d")
_PHONE_AT = re.compile(r"(?:\+|\(?0)[\d\s().\-/]{6,26}\d")
_PHONE_CUE = re.compile(
    r"(?P<label>\b(?:tel(?:efoon)?(?:nummer|nr)?|telnr|mobiel(?:e nummer)?|mobiel nummer|gsm|whatsapp|"
    r"mijn (?:06-?)?nummer(?: is)?|06-?nummer(?: is)?|bel (?:me|mij)(?: op| via| terug op)?|"
    r"bereikbaar (?:op|via|onder)|app (?:me|mij)(?: op)?)\b\.?[\s:]*)"
    r"(?P<number>\+?\d(?:[\s().-]{0,2}\d){7,14})(?!\d)",
    re.IGNORECASE,
)
_NINE_DIGITS = re.compile(r"(?<![\d.,])\d(?:[\s.-]?\d){8}(?!\d|[.,]\d)")
_AMOUNT_BEFORE = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)
# "€" after the number is its unit only when no other amount follows ("111222333 € 2.700").
_AMOUNT_AFTER = re.compile(r"^\s*(?:€(?!\s*\d)|eur\b|euro|,-)", re.IGNORECASE)
# Numbers the person labels as something else: a 9-digit one passing the elfproef stays.
_OTHER_NUMBER_LABEL = re.compile(
    r"\b(?:kvk|kamer van koophandel|order|bestel|klant|factuur|dossier|referentie|ref|zaak|ticket|"
    r"polis|pakket|track|crebo|brin|vestigings|artikel|lid|relatie|contract|personeels)\w*"
    r"(?:\s*(?:nr\.?|nummer|no\.?|#))?\s*(?:is|:|=|#)?\s*$",
    re.IGNORECASE,
)
_POSTCODE = re.compile(
    r"\b(?P<digits>[1-9]\d{3})(?P<space>\s?)(?P<letters>[A-Za-z]{2})\b"
    r"(?P<number>[\s,]+(?:nr\.?\s*)?\d{1,5}(?:\s?[A-Za-z](?![A-Za-z])|-\d{1,4})?\b"
    r"(?!\s*(?:uur|jaar|euro|keer|dagen|weken|maanden|minuten|km|kilometer|%)))?"
)
_STREET = re.compile(
    r"\b[A-Za-z][A-Za-z'-]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|hof)\s+"
    r"\d{1,4}(?:\s?[A-Za-z](?![A-Za-z])|-\d{1,4})?\b"
    r"(?!\s*(?:uur|jaar|euro|keer|km|kilometer|minuten|min|dagen|weken|maanden|%))",
    re.IGNORECASE,
)
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_BIRTH_DATE = re.compile(
    r"(?P<label>\b(?:geboren(?:\s+op)?|geboortedatum(?:\s+is)?:?)\s+)"
    rf"(?:\d{{1,2}}[-/. ]\d{{1,2}}[-/. ]\d{{2,4}}|\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})",
    re.IGNORECASE,
)
# Letter pairs that are units/words after a number in ordinary sentences (python-stdnum
# already refuses SA, SD and SS, which are never issued).
_UNITS = frozenset({"km", "kg", "mg", "ml", "cl", "cm", "mm", "pk", "gb", "mb", "kb", "tb", "kw", "mw", "hz",
                    "ct", "st", "th", "nd", "rd", "pp", "uu"})
_COMMON_WORDS = frozenset({
    "en", "de", "in", "op", "te", "of", "is", "al", "na", "om", "je", "ik", "ze", "we", "er", "ga", "nu", "zo",
    "uw", "ja", "nee", "an", "at", "to", "me", "as", "ok", "eh", "dat", "mn", "zn", "tm",
})

# -- names ---------------------------------------------------------------------------------
_WORD = r"(?:['’]t|[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*)"
_PARTICLES = frozenset({"van", "de", "der", "den", "het", "te", "ten", "ter", "'t", "’t", "el", "al", "la", "le",
                        "du", "da", "di", "dos", "bin", "ben", "von", "zu", "op"})
# Words that follow a name cue but are not the name ("ik heet eigenlijk Anna").
_FILLERS = frozenset({"eigenlijk", "trouwens", "dus", "gewoon", "officieel", "voluit"})
# Words that end a name, also when typed in lower case ("ik heet anna en ik ben 52").
_NOT_NAME = frozenset({
    "en", "of", "maar", "want", "dus", "ik", "je", "jij", "u", "wij", "we", "ze", "zij", "hij", "het", "is", "ben",
    "was", "heb", "wil", "woon", "werk", "kom", "niet", "wel", "ook", "nog", "al", "graag", "hier", "daar", "uit",
    "in", "bij", "voor", "met", "aan", "naar", "om", "tot", "sinds", "hoi", "hallo", "dag", "doei", "bedankt",
    "dank", "groetjes", "groeten", "groet", "mvg", "gr", "liefs", "ja", "nee", "oké", "ok", "zo", "a.u.b", "aub",
    "alsjeblieft", "alstublieft", "mijn", "m'n", "jouw", "uw", "dit", "dat", "die", "deze", "een", "jaar", "uur",
    "koers", "spoed", "plezier", "voorkeur", "allemaal", "iedereen", "jullie", "zeer", "heel", "echt",
})
_NAME_CUE = re.compile(
    r"(?P<label>\b(?:ik\s+heet|mijn\s+(?:voor)?naam\s+is|mijn\s+(?:voor)?naam\s*:|naam\s*:|"
    r"(?:je|u)\s+(?:spreekt|chat|praat)\s+met|hier\s+spreekt|dit\s+is\s+mevrouw|dit\s+is\s+meneer)\s+)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"(?P<label>\b(?:(?:met\s+)?(?:vriendelijke|hartelijke|lieve|beste)\s+groet(?:en)?|groetjes|groeten|groet|"
    r"gr\.?|mvg|m\.v\.g\.?|liefs|doei|tot\s+ziens|dank\s+je\s+wel|bedankt|alvast\s+bedankt)"
    r"(?:\b|(?<=\.))[,.!]?(?:\s+(?:van|vanuit))?[,:]?\s+)",
    re.IGNORECASE,
)
# "met Anna" where a clause of a call-back answer starts (how people answer the phone).
_CALLBACK_MET = re.compile(
    r"(?:^|(?<=[,.;!?]))(?P<label>\s*(?:(?:hallo|hoi|hey|goedemorgen|goedemiddag|goedenavond|ja|jazeker|ok[eé]?)"
    r"[,!.]?\s+)?(?:u\s+spreekt\s+|je\s+spreekt\s+)?met\s+)",
    re.IGNORECASE,
)
# A word on the same line; names never run over a line break or punctuation.
_TOKEN = re.compile(rf"[ \t]*(?P<word>{_WORD})(?!\w)")
_LINE_END = re.compile(r"\s*[.!?,;:)\-–—~xX♥❤️😊🙂👍]*\s*")


def elfproef(digits: str) -> bool:
    """BSN check (elfproef): python-stdnum, 9 digits only (no zero-padding of shorter numbers)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    return bool(stdnum_bsn.is_valid(digits))


def iban_valid(candidate: str) -> bool:
    """ISO 13616 mod-97 check and the country's BBAN length and shape (python-stdnum).

    Without stdnum's per-country bank checks: an account of a bank missing from its registry is
    still somebody's account."""
    compact = re.sub(r"[\s-]", "", candidate).upper()
    return bool(stdnum_iban.is_valid(compact, check_country=False))


def _iban(match: re.Match[str]) -> str:
    text = match.group(0)
    # The candidate may run into the next word ("DE89 3704 0044 0532 0130 00 is"): keep the
    # longest prefix that is a valid IBAN (or has the Dutch shape) and leave the rest.
    for end in range(len(text), 11, -1):
        head = text[:end]
        if end < len(text) and (not text[end].isspace() and text[end] != "-" and head[-1] not in " -"):
            continue  # only cut between groups
        head = head.rstrip(" -")
        compact = re.sub(r"[\s-]", "", head).upper()
        if iban_valid(compact) or _NL_IBAN.match(compact):
            return "[IBAN]" + text[len(head):]
    return text


def _amount_around(string: str, start: int, end: int) -> bool:
    before = string[max(0, start - 6):start]
    after = string[end:end + 6]
    return bool(_AMOUNT_BEFORE.search(before) or _AMOUNT_AFTER.match(after))


def _bsn(match: re.Match[str]) -> str:
    text = match.group(0)
    if not elfproef(re.sub(r"\D", "", text)):
        return text
    if _amount_around(match.string, match.start(), match.end()):
        return text  # "€ 123.456.782" is an amount, not a BSN
    if _OTHER_NUMBER_LABEL.search(match.string[max(0, match.start() - 40):match.start()]):
        return text  # "ordernummer 123456782" is labelled as something else
    return "[BSN]"


@lru_cache(maxsize=4096)  # repeated runs ("0 0 0 0 …") cost one parse per distinct candidate
def _phone_ok(candidate: str) -> bool:
    """A valid number for the Netherlands, or with +/00 a valid or fully possible one anywhere
    (fictional or new ranges are still somebody's number)."""
    digits = re.sub(r"\D", "", candidate)
    if len(digits) < 8:
        return False
    try:
        number = phonenumbers.parse(candidate, "NL")
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    international = candidate.lstrip("(").startswith(("+", "00"))
    return international and phonenumbers.is_possible_number_with_reason(number) == ValidationResult.IS_POSSIBLE


def _longest_phone(text: str, start: int, raw: str) -> tuple[int, int] | None:
    """Shrink from the right to the longest valid number ("06 12345678 32 uur")."""
    for end in range(len(raw), 0, -1):
        if raw[end - 1].isdigit() and _phone_ok(raw[:end]):
            return start, start + end
    return None


def _phones(text: str) -> str:
    spans: list[tuple[int, int]] = []
    for hit in PhoneNumberMatcher(text, "NL", leniency=Leniency.POSSIBLE):
        # Numbers without a trunk 0 or + are order numbers, BSNs or amounts far more often.
        if hit.raw_string.lstrip("(").startswith(("0", "+")) and _phone_ok(hit.raw_string):
            spans.append((hit.start, hit.end))
    pos = 0
    while (m := _PHONE_CANDIDATE.search(text, pos)) is not None:
        if any(s < m.end() and m.start() < e for s, e in spans):
            pos = m.end()
            continue
        found = _longest_phone(text, m.start(), m.group(0))
        if found:
            spans.append(found)
            pos = found[1]
        else:
            pos = m.start() + 1  # "0 06-12345678": the number may start later in the run
    # A number glued to the end of a found one ("06-1234567806-12345678") hides behind the
    # lookbehind above: look right after each found number as well.
    todo = [e for _s, e in spans]
    while todo:
        at = todo.pop()
        glued = _PHONE_AT.match(text, at)
        if glued is None or any(s < glued.end() and at < e for s, e in spans):
            continue
        found = _longest_phone(text, at, glued.group(0))
        if found:
            spans.append(found)
            todo.append(found[1])
    out = text
    for start, end in sorted(spans, reverse=True):
        out = out[:start] + "[TELEFOON]" + out[end:]
    return _PHONE_CUE.sub(lambda m: m.group("label") + "[TELEFOON]", out)


def _postcode(match: re.Match[str]) -> str:
    letters = match.group("letters")
    low = letters.lower()
    has_number = bool(match.group("number"))
    if not stdnum_postcode.is_valid(match.group("digits") + letters) or (low in _UNITS and not has_number):
        return match.group(0)
    if letters.isupper() or not match.group("space"):
        return "[ADRES]"
    # "1234 ab 5": only with a house number, and not "2024 en 5".
    if has_number and low not in _COMMON_WORDS and low not in _UNITS:
        return "[ADRES]"
    return match.group(0)


def _name_end(text: str, pos: int, lower_ok: bool) -> int:
    """End of the name that starts at ``pos`` ("Jan de Vries", "anna van den Berg", "Anne-Marie");
    ``pos`` itself when there is none. Stays on one line and stops at a word that is no name."""
    end = pos
    cursor = pos
    words = 0
    first_lower = False
    after_particle = False
    while words < 5:
        m = _TOKEN.match(text, cursor)
        if m is None:
            break
        word = m.group("word")
        low = word.lower()
        if words == 0:
            if low in _NOT_NAME or not (word[0].isupper() or lower_ok):
                break
            first_lower = not word[0].isupper()
        elif low in _PARTICLES:
            after_particle = True
            cursor = m.end()
            continue
        elif low in _NOT_NAME or not (word[0].isupper() or after_particle or first_lower):
            break
        after_particle = False
        end = cursor = m.end()
        words += 1
    return end


def _skip_fillers(text: str, pos: int) -> int:
    m = _TOKEN.match(text, pos)
    while m is not None and m.group("word").lower() in _FILLERS:
        pos = m.end()
        m = _TOKEN.match(text, pos)
    # Land on the name itself, not on the space before it.
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _names(text: str) -> str:
    out: list[str] = []
    cursor = 0
    for m in _NAME_CUE.finditer(text):
        start = _skip_fillers(text, m.end())
        end = _name_end(text, start, lower_ok=True)
        if m.start() < cursor or end <= start:
            continue
        out += [text[cursor:start], "[NAAM]"]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _sign_off_names(text: str) -> str:
    """A name after a sign-off that ends its line ("groetjes, anna"); "groetjes en tot morgen"
    and "bedankt voor je hulp" contain none."""
    out: list[str] = []
    cursor = 0
    for m in _SIGN_OFF.finditer(text):
        start = m.end()
        end = _name_end(text, start, lower_ok=True)
        tail = text[end:].split("\n", 1)[0]
        if m.start() < cursor or end <= start or not _LINE_END.fullmatch(tail):
            continue
        out += [text[cursor:start], "[NAAM]"]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


_RULES: tuple[Callable[[str], str], ...] = (
    lambda t: _EMAIL.sub("[EMAIL]", t),
    lambda t: _IBAN.sub(_iban, t),
    lambda t: _LABELLED_BSN.sub(lambda m: m.group("label") + "[BSN]", t),
    _phones,
    lambda t: _NINE_DIGITS.sub(_bsn, t),
    lambda t: _BIRTH_DATE.sub(lambda m: m.group("label") + "[GEBOORTEDATUM]", t),
    lambda t: _POSTCODE.sub(_postcode, t),
    lambda t: _STREET.sub("[ADRES]", t),
    _names,
    _sign_off_names,
)


def redact(text: str) -> str:
    if not text:
        return text
    out = text
    # Until nothing changes (at most 3 rounds): a placeholder can free a neighbour that was glued
    # to the first item, and redacting twice must change nothing.
    for _round in range(3):
        before = out
        for rule in _RULES:
            out = rule(out)
        if out == before:
            break
    return out


def redact_callback_answer(text: str) -> str:
    """``redact`` plus the telephone habit "met Anna (de Vries)" where a clause of an answer in
    the call-back flow starts: there it introduces the person."""
    if not text:
        return text
    text = redact(text)  # first: "met NL91ABNA…" holds an IBAN, not a name
    out: list[str] = []
    cursor = 0
    for m in _CALLBACK_MET.finditer(text):
        start = m.end("label")
        end = _name_end(text, start, lower_ok=True)
        # A lower-case word is a name only when it is the whole answer ("met sanne"), not in
        # "met spoed graag" or "dinsdag, met mijn man erbij".
        lower = end > start and not text[start].isupper()
        if end <= start or m.start() < cursor or (lower and (m.start() > 0 or not _LINE_END.fullmatch(text[end:]))):
            continue
        out += [text[cursor:start], "[NAAM]"]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
