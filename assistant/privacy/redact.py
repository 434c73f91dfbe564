"""Redact personal data (AVG) in free text before it is stored or sent to Rasa.

Replaced by placeholders so transcripts stay readable: [BSN], [IBAN], [TELEFOON], [EMAIL],
[ADRES], [GEBOORTEDATUM]. What the intake needs is never touched: ages ("ik ben 45"), hours
("32 uur"), amounts ("€ 2.500", "1500 euro"), years ("sinds 2019") and diploma levels.

Rules, in order:
- e-mail addresses;
- IBANs that pass the mod-97 check (any country), and Dutch-shaped IBANs even with a typo;
- a number right after "bsn"/"burgerservicenummer"/"sofinummer" (also when mistyped);
- Dutch phone numbers with any common spacing: 06-12345678, 06 12 34 56 78, (020) 123 4567,
  020 - 123 45 67, +31 (0)6 1234 5678, 0031 6 ...;
- other 9-digit numbers only when they pass the elfproef and are not an amount;
- postcode + huisnummer: "1234 AB 12", "1234AB", "1234ab 5"; a lower-case "1234 ab" only with a
  house number and when "ab" is not a common word ("in 2024 en 5 jaar" stays);
- street + number ("Kerkstraat 12a"), unless a unit follows ("de snelweg 20 minuten");
- a date right after "geboren (op)" / "geboortedatum".
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b", re.IGNORECASE)
_NL_IBAN = re.compile(r"^NL\d{2}[A-Z]{4}\d{10}$")
_LABELLED_BSN = re.compile(
    r"(?P<label>\b(?:bsn|burgerservicenummer|sofi-?nummer)(?:[\s-]*nummer)?\b(?:\s*(?:is|:|=))?\s*)"
    r"(?P<number>\d(?:[\s.-]?\d){6,8})(?!\d)",
    re.IGNORECASE,
)
_SEP = r"[\s.()/-]{0,3}"
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    rf"(?:\+|00)\s?31{_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d){{8}}"  # +31 6 1234 5678, 0031 (0)20 ...
    rf"|\(?0[1-9](?:{_SEP}\d){{8}}"  # 06-12345678, (020) 123 4567, 020 - 123 45 67
    r")(?!\d)"
)
_NINE_DIGITS = re.compile(r"(?<![\d.,])\d(?:[\s.-]?\d){8}(?![\d,]|\.\d)")
_AMOUNT_BEFORE = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"^\s*(?:€|eur\b|euro|,-)", re.IGNORECASE)
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
# Letter pairs that are not postcode letters (SA, SD, SS are never issued) or are units/words
# that follow a number in ordinary sentences.
_NOT_POSTCODE_LETTERS = frozenset({"sa", "sd", "ss"})
_UNITS = frozenset({"km", "kg", "mg", "ml", "cl", "cm", "mm", "pk", "gb", "mb", "kb", "tb", "kw", "mw", "hz",
                    "ct", "st", "th", "nd", "rd", "pp", "uu"})
_COMMON_WORDS = frozenset({
    "en", "de", "in", "op", "te", "of", "is", "al", "na", "om", "je", "ik", "ze", "we", "er", "ga", "nu", "zo",
    "uw", "ja", "nee", "an", "at", "to", "me", "as", "ok", "eh", "dat", "mn", "zn", "tm",
})


def elfproef(digits: str) -> bool:
    """BSN check: sum(d_i * w_i) with weights 9..2 and -1 for the last digit is divisible by 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def iban_valid(candidate: str) -> bool:
    """ISO 13616 mod-97 check."""
    compact = re.sub(r"\s", "", candidate).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _iban(match: re.Match[str]) -> str:
    text = match.group(0)
    compact = re.sub(r"\s", "", text).upper()
    if iban_valid(compact) or _NL_IBAN.match(compact):
        return "[IBAN]"
    return text


def _bsn(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    if not elfproef(digits):
        return text
    before = match.string[max(0, match.start() - 6):match.start()]
    after = match.string[match.end():match.end() + 6]
    if _AMOUNT_BEFORE.search(before) or _AMOUNT_AFTER.match(after):
        return text  # "€ 123.456.782" is an amount, not a BSN
    return "[BSN]"


def _postcode(match: re.Match[str]) -> str:
    letters = match.group("letters")
    low = letters.lower()
    has_number = bool(match.group("number"))
    if low in _NOT_POSTCODE_LETTERS or (low in _UNITS and not has_number):
        return match.group(0)
    if letters.isupper() or not match.group("space"):
        return "[ADRES]"
    # "1234 ab 5": only with a house number, and not "2024 en 5".
    if has_number and low not in _COMMON_WORDS and low not in _UNITS:
        return "[ADRES]"
    return match.group(0)


def redact(text: str) -> str:
    if not text:
        return text
    out = _EMAIL.sub("[EMAIL]", text)
    out = _IBAN.sub(_iban, out)
    out = _LABELLED_BSN.sub(lambda m: m.group("label") + "[BSN]", out)
    out = _PHONE.sub("[TELEFOON]", out)
    out = _NINE_DIGITS.sub(_bsn, out)
    out = _BIRTH_DATE.sub(lambda m: m.group("label") + "[GEBOORTEDATUM]", out)
    out = _POSTCODE.sub(_postcode, out)
    out = _STREET.sub("[ADRES]", out)
    return out
