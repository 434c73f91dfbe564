"""FAQ answers: rendered from templates and the scheme data, B1, and domain/faq.yml in sync."""

from __future__ import annotations

import argparse
import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.intake.readability import check
from assistant.policy import faq
from assistant.policy.engine import dutch_date
from assistant.policy.faq import (
    DOMAIN_FAQ_FILE,
    FaqDataError,
    domain_document,
    faq_answer,
    sync_date,
    templates,
)
from assistant.policy.glossary import glossary, terms_in
from assistant.policy.schemes import load_schemes

ROOT = Path(__file__).resolve().parents[2]
DAYS = [date(2024, 1, 15), date(2025, 4, 1), date(2025, 11, 10), date(2025, 11, 20), date(2026, 12, 2),
        date(2027, 6, 1), date(2028, 3, 1)]


def _scheme(scheme_id: str):  # type: ignore[no-untyped-def]
    return next(s for s in load_schemes() if s.id == scheme_id)


def test_keys_are_the_trained_ones() -> None:
    nlu = yaml.safe_load((ROOT / "data/nlu/faq.yml").read_text(encoding="utf-8"))
    trained = {item["intent"] for item in nlu["nlu"] if str(item.get("intent", "")).startswith("faq/")}
    domain = yaml.safe_load(DOMAIN_FAQ_FILE.read_text(encoding="utf-8"))["responses"]
    assert set(templates()) == trained == {k.removeprefix("utter_") for k in domain}


def test_domain_faq_is_the_rendered_answers() -> None:
    # Fixed by the data (the newest verified_on), never by the clock: run `koers faq sync` on a diff.
    assert DOMAIN_FAQ_FILE.read_text(encoding="utf-8") == domain_document(sync_date())


def test_sync_check_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert faq.cli_sync(argparse.Namespace(date=None, check=True)) == 0
    assert faq.cli_sync(argparse.Namespace(date="2020-01-01", check=True)) == 1


@pytest.mark.parametrize("day", DAYS)
def test_every_answer_is_b1_complete_and_fits_a_phone(day: date) -> None:
    for key in templates():
        text = faq_answer(key, day)
        assert text and "{" not in text and "}" not in text, key
        result = check(text)
        assert result.ok, f"{key} {day}: {result.problems}"
        assert "22 november 2024" not in text or "Nagekeken op 22 november 2024" in text, key
        assert "Leerwerkloket helpt" not in text and "gratis voor j" not in text, key


def test_unknown_key_has_no_answer_and_key_forms_agree() -> None:
    assert faq_answer("faq/ask_ruimtevaart", date(2026, 12, 2)) is None
    day = date(2026, 12, 2)
    assert faq_answer("utter_faq/ask_stap", day) == faq_answer("ask_stap", day) == faq_answer("faq/ask_stap", day)


def test_scheme_answers_say_when_checked_from_the_data() -> None:
    for key, template in templates().items():
        if not template.schemes:
            continue
        oldest = min(_scheme(s).verified_on for s in template.schemes)
        assert f"Nagekeken op {dutch_date(oldest)}." in (faq_answer(key, date(2026, 12, 2)) or ""), key


def test_facts_come_from_the_scheme_data(monkeypatch: pytest.MonkeyPatch) -> None:
    stap = faq_answer("faq/ask_stap", date(2026, 12, 2)) or ""
    assert "gestopt" in stap and "1 januari 2024" in stap  # the day after open_until 2023-12-31
    assert "dan 56 jaar" in (faq_answer("faq/ask_levenlanglerenkrediet", date(2023, 6, 1)) or "")
    assert "dan 57 jaar" in (faq_answer("faq/ask_levenlanglerenkrediet", date(2026, 12, 2)) or "")
    assert "open, tot en met 30 juni 2025" in (faq_answer("faq/ask_ontwikkelpaden", date(2025, 4, 1)) or "")
    assert "start op 10 maart 2025" in (faq_answer("faq/ask_ontwikkelpaden", date(2024, 6, 1)) or "")
    assert "€ 2.700" in (faq_answer("faq/ask_praktijkleren", date(2026, 12, 2)) or "")
    # Change a record: the answer follows it.
    changed = tuple(dataclasses.replace(s, name="Leerbudget", amount="max. € 9") if s.id == "stap_budget" else s
                    for s in load_schemes())
    monkeypatch.setattr(faq, "load_schemes", lambda: changed)
    moved = faq_answer("faq/ask_stap", date(2026, 12, 2)) or ""
    assert "Het Leerbudget is gestopt" in moved and "STAP-budget" not in moved
    assert "max. € 9" in (faq_answer("faq/ask_stap", date(2023, 3, 1)) or "")


def test_glossary_terms_are_explained_once_unless_the_answer_explains_them() -> None:
    for key, template in templates().items():
        for day in DAYS:
            text = faq_answer(key, day) or ""
            for term in terms_in(text):
                said = text.count(f"{term[0].upper()}{term[1:]} betekent: {glossary()[term]}.")
                assert said == (0 if term in template.explains else 1), (key, term)
    assert "Mkb betekent" in (faq_answer("faq/ask_slim", date(2026, 12, 2)) or "")


def test_templates_only_name_known_schemes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bad = tmp_path / "faq.yaml"
    bad.write_text(yaml.safe_dump({"default_check": "x", "answers": {"faq/x": {
        "parts": ["a"], "schemes": ["geen_regeling"], "sources": ["s"]}}}), encoding="utf-8")
    monkeypatch.setattr(faq, "FAQ_FILE", bad)
    faq._document.cache_clear()
    faq.templates.cache_clear()
    try:
        with pytest.raises(FaqDataError, match="geen_regeling"):
            faq.templates()
    finally:
        faq._document.cache_clear()
        faq.templates.cache_clear()


def test_every_template_cites_sources() -> None:
    for key, template in templates().items():
        assert template.sources, key
        for src in template.sources:
            assert re.search(r"\d{3}:L\d+|https?://|schemes\.yaml|spec|README|assistant/", src), (key, src)
