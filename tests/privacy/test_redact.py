"""Redaction: a table of realistic Dutch messages, including numbers that must stay."""

import pytest

from assistant.privacy.redact import elfproef, iban_valid, redact

REDACTED = [
    # BSN (elfproef passes), with and without separators or a label
    ("Mijn bsn is 111222333", "Mijn bsn is [BSN]"),
    ("bsn: 123 456 782, klopt dat?", "bsn: [BSN], klopt dat?"),
    ("Hier is het: 123.456.782", "Hier is het: [BSN]"),
    ("burgerservicenummer 123456789", "burgerservicenummer [BSN]"),  # mistyped, but labelled
    ("sofinummer = 1234 56 782", "sofinummer = [BSN]"),
    # phone numbers in the ways people type them
    ("bel me op 06-12345678", "bel me op [TELEFOON]"),
    ("Mijn nummer: 06 1234 5678.", "Mijn nummer: [TELEFOON]."),
    ("06 12 34 56 78 na vijven", "[TELEFOON] na vijven"),
    ("+31 6 12345678", "[TELEFOON]"),
    ("+31 (0)6 1234 5678 graag", "[TELEFOON] graag"),
    ("0031612345678", "[TELEFOON]"),
    ("vaste lijn 020-1234567", "vaste lijn [TELEFOON]"),
    ("020 - 123 45 67", "[TELEFOON]"),
    ("(010) 123 4567 overdag", "[TELEFOON] overdag"),
    # e-mail
    ("mail naar Jan.de.Vries@gmail.com aub", "mail naar [EMAIL] aub"),
    ("SANNE-88@HOTMAIL.NL", "[EMAIL]"),
    # IBAN
    ("rekening NL91ABNA0417164300", "rekening [IBAN]"),
    ("NL91 ABNA 0417 1643 00 is van mij", "[IBAN] is van mij"),
    ("nl91 abna 0417 1643 00", "[IBAN]"),
    ("BE68 5390 0754 7034", "[IBAN]"),
    ("NL12RABO0123456789", "[IBAN]"),  # Dutch shape with a wrong check digit is still personal
    # postcode + huisnummer, street + number
    ("Ik woon op 1234 AB 12", "Ik woon op [ADRES]"),
    ("postcode 1234AB", "postcode [ADRES]"),
    ("1234ab 5", "[ADRES]"),
    ("3511 lx 4a in Utrecht", "[ADRES] in Utrecht"),
    ("3511 LX, nr. 4", "[ADRES]"),
    ("Ik woon in de Kerkstraat 12a", "Ik woon in de [ADRES]"),
    ("Dorpsweg 3", "[ADRES]"),
    # date of birth
    ("ik ben geboren op 12-03-1985", "ik ben geboren op [GEBOORTEDATUM]"),
    ("geboortedatum: 1 maart 1990", "geboortedatum: [GEBOORTEDATUM]"),
]

KEPT = [
    "Ik ben 45 jaar en werk 32 uur per week",
    "ik verdien 2.500 euro bruto",
    "Ik heb € 123.456.782 gewonnen",  # passes the elfproef, but it is an amount
    "123456789",  # nine digits that fail the elfproef
    "Mijn klantnummer is 987654321",
    "Ordernummer 100000000",
    "sinds 2019 werk ik in de zorg, daarvoor van 2005 tot 2012 in de bouw",
    "in 2024 en 5 jaar daarvoor",
    "In 2023 de 3e keer gezakt",
    "ik rijd 1500 km per maand",
    "ik rijd 1500km per maand",
    "ik rijd via de snelweg 20 minuten",
    "ik heb mbo 4 en wil naar hbo",
    "ik werk 40 uur, soms 0 uur",
    "Ik ben geboren in 1985",  # the year is what the intake needs for the age
    "Crebo 25491, cursus 2024-2025",
    "kan ik om 09:00 of 10:30 bellen?",
    "Ik ben 17 en zit in 4 havo",
    "Ik heb 3 kinderen van 2, 5 en 8",
    "Ongeveer 1200 tot 1500 euro per maand",
    "[TELEFOON] staat al vervangen",
]


@pytest.mark.parametrize(("text", "expected"), REDACTED)
def test_personal_data_is_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_numbers_are_kept(text):
    assert redact(text) == text


def test_elfproef():
    assert elfproef("111222333")
    assert elfproef("123456782")
    assert not elfproef("123456789")
    assert not elfproef("000000000")
    assert not elfproef("12345678")


def test_iban_check():
    assert iban_valid("NL91ABNA0417164300")
    assert iban_valid("nl91 abna 0417 1643 00")
    assert not iban_valid("NL12RABO0123456789")


def test_redaction_is_idempotent():
    for text, expected in REDACTED:
        assert redact(expected) == expected, text


def test_several_items_in_one_message():
    text = "Ik ben Sanne, 06-12345678, sanne@example.nl, 1234 AB 5, bsn 111222333, ik ben 45."
    out = redact(text)
    assert out == "Ik ben Sanne, [TELEFOON], [EMAIL], [ADRES], bsn [BSN], ik ben 45."
