"""B1 bound over every bot text: all domain responses and everything the renderers produce."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.advice import build_advice
from assistant.intake.readability import MAX_MESSAGE_CHARS, check, flesch_douma, sentences, syllables
from assistant.intake.render import render_advice, render_summary, visible_text

ROOT = Path(__file__).resolve().parents[2]


def domain_texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "domain").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variations in (data.get("responses") or {}).items():
            for i, variation in enumerate(variations):
                out.append((f"{name}[{i}]", variation["text"]))
    return out


def action_texts() -> list[tuple[str, str]]:
    """Every question, rephrasing and fixed text of the intake vocabulary."""
    from assistant.vocabulary import vocabulary

    voc = vocabulary()
    sample = {"example": "45", "value": "Zwolle", "reopens": "maandag vanaf 9.00 uur", "holiday": "Tweede Kerstdag"}
    out = [(f"texts.{k}", v.format(**sample)) for k, v in voc.texts.items()]
    for name, spec in voc.fields.items():
        out += [(f"{name}.ask", spec.ask), (f"{name}.rephrase", spec.rephrase)] if spec.ask else []
    return out


def rendered_texts() -> list[tuple[str, str]]:
    """Advice and summaries for a grid of profiles covering every status and route."""
    out = []
    grid = itertools.product(
        ["werknemer_vast", "werknemer_flex", "zzp", "werkzoekend_ww", "werkzoekend_bijstand",
         "werkzoekend_zonder_uitkering", "arbeidsongeschikt", "student", "gepensioneerd", None],
        ["geen", "mbo2", "hbo_master", "buitenlands", None],
        [(17, ["zorg_welzijn"]), (40, ["ict", "techniek_bouw_energie"]), (60, ["retail"]), (None, [])],
    )
    for status, edu, (age, interests) in grid:
        profile = {"work_status": status, "education_level": edu, "age": age, "sector_interests": interests,
                   "employer_size": "mkb" if status and status.startswith("werknemer") else None,
                   "current_sector": "horeca" if status in ("werknemer_flex", "zzp") else None,
                   "municipality": "Zwolle", "goal": "omscholen" if interests else None,
                   "literacy_need": edu == "geen", "hours_per_week": 24, "max_hours_study_per_week": 6,
                   "preferred_form": "werkend_leren" if age == 17 else None}
        for peildatum in (date(2024, 11, 22), date(2026, 1, 15)):
            advice = build_advice(profile, peildatum)
            for i, m in enumerate(render_summary(advice["profile"]) + render_advice(advice, ["stap_budget"])):
                # Measured as read: a link shows its label (WhatsApp adds the address after it).
                out.append((f"{status}/{edu}/{age}/{peildatum}#{i}", visible_text(m["text"])))
    return out


def test_the_check_measures_dutch() -> None:
    assert syllables("Leerwerkloket") == 4
    assert syllables("ruïne") == 3
    assert syllables("oei") == 1
    assert sentences("Hoi! Hoe gaat het? Goed.\n• Punt een") == ["Hoi!", "Hoe gaat het?", "Goed.", "Punt een"]
    easy = check("Ik help je. Je krijgt een advies. Dat is gratis. Je kunt altijd stoppen.")
    assert easy.ok and easy.flesch_douma > 80
    hard = check("Overeenkomstig de toepasselijke subsidievoorwaarden dient de aanvrager de "
                 "scholingsactiviteiten voorafgaand aan de indiening nauwkeurig te specificeren en "
                 "bovendien aantoonbaar te onderbouwen.")
    assert not hard.ok
    assert any("Flesch" in p for p in hard.problems) and any("sentence of" in p for p in hard.problems)
    assert not check("Ja. " * 200).ok  # too long for a phone screen
    assert flesch_douma(10, 1, 10) == pytest.approx(206.835 - 9.3 - 77)


@pytest.mark.parametrize(("name", "text"), domain_texts() + action_texts())
def test_domain_responses_are_b1_and_fit_a_phone(name: str, text: str) -> None:
    result = check(text)
    assert result.ok, f"{name}: {result.problems}"


def test_rendered_advice_is_b1_and_fits_a_phone() -> None:
    texts = rendered_texts()
    assert len(texts) > 500
    failures = [(name, check(text).problems, text) for name, text in texts if not check(text).ok]
    assert not failures, failures[:5]
    assert max(len(t) for _, t in texts) <= MAX_MESSAGE_CHARS


def test_the_noted_acknowledgement_is_b1() -> None:
    from assistant.intake.render import NOTED

    assert check(NOTED).ok, check(NOTED).problems
