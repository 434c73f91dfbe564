"""The advice and summary texts: content from the real policy engine, in a few B1 messages."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.advice import build_advice
from assistant.intake.render import SOURCES_DATE, next_steps, render_advice, render_summary, uncertain_matters

PEILDATUM = date(2025, 6, 1)

WERKNEMER_ZORG = {"age": 52, "education_level": "mbo3", "work_status": "werknemer_vast", "employer_size": "mkb",
                  "current_sector": "zorg_welzijn", "goal": "bijscholen", "municipality": "Zwolle"}
BIJSTAND = {"age": 35, "education_level": "geen", "work_status": "werkzoekend_bijstand",
            "sector_interests": ["techniek_bouw_energie"], "goal": "omscholen", "literacy_need": True}
ZZP = {"age": 44, "education_level": "hbo_bachelor", "work_status": "zzp", "current_sector": "ict",
       "goal": "bijscholen"}
WW = {"age": 60, "education_level": "mbo2", "work_status": "werkzoekend_ww", "goal": "omscholen",
      "sector_interests": ["zorg_welzijn"]}


def texts(profile: dict, asked: tuple[str, ...] = ()) -> list[str]:
    return [m["text"] for m in render_advice(build_advice(profile, PEILDATUM), asked)]


def test_advice_is_a_few_messages_with_steps_money_loket_and_source_date() -> None:
    out = texts(WERKNEMER_ZORG)
    assert 3 <= len(out) <= 12
    assert out[0].startswith("Dit is mijn advies in het kort")
    steps = next(t for t in out if t.startswith("**Wat kun je doen?**"))
    assert "Verpleegkundige" in steps and "mbo 4" in steps
    money = " ".join(t for t in out if t.startswith(("**Hier kun je geld", "Er is nog meer")))
    assert "SLIM" in money and "Je werkgever vraagt" in money and "Levenlanglerenkrediet" in money
    assert "Bedrag:" in money
    assert "Werkcentrum voor Zwolle" in out[0]
    assert SOURCES_DATE in out[-1] and "Leeroverzicht.nl" in out[-1]


def test_ended_schemes_never_appear_as_funding() -> None:
    advice = build_advice(WERKNEMER_ZORG, PEILDATUM)
    money = " ".join(t for t in texts(WERKNEMER_ZORG) if t.startswith(("**Hier kun je geld", "Er is nog meer")))
    for scheme in advice["schemes"]:
        if scheme["status"] == "ended":
            assert f"• {scheme['name']}." not in money


def test_stap_asked_is_explained_as_ended_with_alternatives() -> None:
    out = texts(WERKNEMER_ZORG, ("stap_budget",))
    stap = next(t for t in out if "STAP" in t)
    assert "gestopt" in stap and "ander geld om te leren" in stap and "Levenlanglerenkrediet" in stap
    assert not any("STAP" in t for t in texts(WERKNEMER_ZORG))


def test_steps_follow_the_situation() -> None:
    bijstand = next_steps(build_advice(BIJSTAND, PEILDATUM))
    assert len(bijstand) <= 3
    assert "taal, rekenen" in bijstand[0]
    assert any("Monteur" in s or "Timmerman" in s or "Entree" in s for s in bijstand)
    ww = next_steps(build_advice(WW, PEILDATUM))
    assert any("UWV" in s for s in ww)
    zzp = next_steps(build_advice(ZZP, PEILDATUM))
    assert any("bedrijfskosten" in s for s in zzp)
    # Steps come from build_advice: the adviser sees the same steps as the person.
    assert zzp == build_advice(ZZP, PEILDATUM)["next_steps"][:3]


def test_uncertain_points_name_who_can_settle_them() -> None:
    out = texts(ZZP)
    open_points = next(t for t in out if t.startswith("**Dit weet ik nog niet zeker"))
    assert "SLIM" in open_points
    # A zzp'er has no employer to ask.
    assert "Vraag het je werkgever" not in open_points
    assert uncertain_matters(build_advice(ZZP, PEILDATUM))
    assert not uncertain_matters(build_advice(WERKNEMER_ZORG, PEILDATUM))


def test_no_funding_found_says_so() -> None:
    retired = {"age": 70, "work_status": "gepensioneerd", "education_level": "mbo2", "sector_interests": ["retail"],
               "receives_studiefinanciering": True, "literacy_need": False, "preferred_form": "online"}
    out = texts(retired)
    assert any("geen regeling die zeker bij je past" in t for t in out)


def test_summary_lists_what_was_understood_and_asks_klopt_dit() -> None:
    profile = build_advice(WERKNEMER_ZORG, PEILDATUM)["profile"]
    [message] = render_summary(profile)
    assert message["text"].endswith("Klopt dit?")
    for part in ("vast contract", "mbo 3", "52 jaar", "zorg en welzijn", "Zwolle"):
        assert part in message["text"]
    # Buttons send their own title: no intent syntax ever leaves the widget.
    assert [b["payload"] for b in message["buttons"]] == ["Ja, klopt", "Nee, ik wil iets veranderen"]


@pytest.mark.parametrize("profile", [WERKNEMER_ZORG, BIJSTAND, ZZP, WW, {}])
def test_every_rendered_message_has_text(profile: dict) -> None:
    for message in render_advice(build_advice(profile, PEILDATUM), ("stap_budget",)):
        assert message["text"].strip()
