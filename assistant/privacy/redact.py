"""Redact personal data (AVG) in free text.

Replaced by placeholders so transcripts stay readable: [BSN], [IBAN], [TELEFOON], [EMAIL],
[ADRES]. Only 9-digit numbers that pass the elfproef count as BSN, so a salary or a
course code is left alone.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}\s?(?:[A-Z0-9]{4}\s?){2,7}[A-Z0-9]{1,4}\b", re.IGNORECASE)
# Dutch phone numbers: 06-12345678, 0612345678, +31 6 1234 5678, 020-1234567, 0031...
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)31[\s-]?(?:\(0\))?|0)(?:[1-9](?:[\s-]?\d){8})(?!\d)")
# Postcode + huisnummer: "1234 AB 12", "1234AB, 5a"
_ADDRESS = re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b(?:[\s,]+(?:nr\.?\s*)?\d{1,5}\s?[a-zA-Z]?\b)?")
_NINE_DIGITS = re.compile(r"(?<![\d.,])(\d[\s.-]?){8}\d(?![\d.,])")


def elfproef(digits: str) -> bool:
    """BSN check: sum(d_i * w_i) with weights 9..2 and -1 for the last digit is divisible by 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def _bsn(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return "[BSN]" if elfproef(digits) else match.group(0)


def redact(text: str) -> str:
    if not text:
        return text
    out = _EMAIL.sub("[EMAIL]", text)
    out = _IBAN.sub(lambda m: "[IBAN]" if re.search(r"\d{6,}", m.group(0).replace(" ", "")) else m.group(0), out)
    out = _NINE_DIGITS.sub(_bsn, out)
    out = _PHONE.sub("[TELEFOON]", out)
    out = _ADDRESS.sub("[ADRES]", out)
    return out
