"""The free-text intake parser: realistic Dutch phrasings (typos, no capitals, non-native)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.intake.parse import ParsedFacts, known_municipalities, parse_message

TODAY = date(2025, 1, 15)

CASES: list[tuple[str, dict[str, Any]]] = [
    # several facts at once
    ("ik ben 52, werk in de thuiszorg en heb mbo 3",
     {"age": 52, "current_sector": "zorg_welzijn", "education_level": "mbo3"}),
    ("Ik ben 60, zit in de WW en woon in Enschede",
     {"age": 60, "work_status": "werkzoekend_ww", "municipality": "Enschede"}),
    ("45 jaar oud, mbo2 en ik werk via een uitzendbureau in een magazijn",
     {"age": 45, "education_level": "mbo2", "work_status": "werknemer_flex", "current_sector": "logistiek"}),
    ("ik werk 32 uur per week bij een klein bedrijf",
     {"hours_per_week": 32, "employer_size": "mkb"}),
    ("ik ben zzp'er in de bouw en wil me omscholen naar de zorg",
     {"work_status": "zzp", "current_sector": "techniek_bouw_energie", "goal": "omscholen",
      "sector_interests": ["zorg_welzijn"]}),
    # education level
    ("ik heb alleen de mavo", {"education_level": "vmbo"}),
    ("mbo niveau 2", {"education_level": "mbo2"}),
    ("mbo3", {"education_level": "mbo3"}),
    ("MBO-4 gehaald", {"education_level": "mbo4"}),
    ("mbo niv. 3", {"education_level": "mbo3"}),
    ("geen diploma", {"education_level": "geen"}),
    ("ik heb geen diplomas", {"education_level": "geen"}),
    ("alleen de basisschool", {"education_level": "geen"}),
    ("entreeopleiding", {"education_level": "mbo1"}),
    ("vmbo-t", {"education_level": "vmbo"}),
    ("ik heb havo", {"education_level": "havo"}),
    ("ik heb gymnasium", {"education_level": "vwo"}),
    ("hbo", {"education_level": "hbo_bachelor"}),
    ("ik heb universiteit gedaan", {"education_level": "wo_master"}),
    ("associate degree", {"education_level": "hbo_ad"}),
    ("ik heb een diploma uit Syrië", {"education_level": "buitenlands"}),
    ("vroeger de lts gedaan", {"education_level": "vmbo"}),
    ("ik heb vmbo en daarna mbo 2 gedaan", {"education_level": "mbo2"}),
    ("ik heb havo niet afgemaakt, wel mavo", {"education_level": "vmbo"}),
    # corrections
    ("nee, ik bedoel mbo 4", {"education_level": "mbo4"}),
    ("sorry het is mbo 2 niet 3", {"education_level": "mbo2"}),
    ("nee havo, niet vwo", {"education_level": "havo"}),
    ("ik heb toch geen vast contract maar een tijdelijk contract", {"work_status": "werknemer_flex"}),
    # work status
    ("zit in de ww", {"work_status": "werkzoekend_ww"}),
    ("ik heb een ww-uitkering", {"work_status": "werkzoekend_ww"}),
    ("ik ben zzp'er", {"work_status": "zzp"}),
    ("ik ben zzper", {"work_status": "zzp"}),
    ("ik ben zelfstandige", {"work_status": "zzp"}),
    ("nul-urencontract", {"work_status": "werknemer_flex"}),
    ("ik heb een 0-urencontract", {"work_status": "werknemer_flex"}),
    ("ik heb een nuluren contract", {"work_status": "werknemer_flex"}),
    ("ik ben oproepkracht", {"work_status": "werknemer_flex"}),
    ("ik heb een vaste baan", {"work_status": "werknemer_vast"}),
    ("ik zit in de bijstand", {"work_status": "werkzoekend_bijstand"}),
    ("ik krijg een uitkering van de gemeente", {"work_status": "werkzoekend_bijstand"}),
    ("ik ben werkloos", {"work_status": "werkzoekend_zonder_uitkering"}),
    ("ik heb geen werk", {"work_status": "werkzoekend_zonder_uitkering"}),
    ("ik zit in de wia", {"work_status": "arbeidsongeschikt"}),
    ("ik ben afgekeurd", {"work_status": "arbeidsongeschikt"}),
    ("ik ben 17 en zit nog op school", {"age": 17, "work_status": "student"}),
    ("ik ben met pensioen", {"work_status": "gepensioneerd"}),
    ("iets anders", {"work_status": "anders"}),
    # age
    ("ik ben 38", {"age": 38}),
    ("38 jaar", {"age": 38}),
    ("ik ben vijftig", {"age": 50}),
    ("ik ben tweeenvijftig", {"age": 52}),
    ("mijn leeftijd is 47", {"age": 47}),
    ("ik word 50 in maart", {"age": 49}),
    ("ik word vandaag 50", {"age": 50}),
    ("ik ben bijna 60", {"age": 59}),
    ("geboren op 3 maart 1980", {"age": 44}),
    ("geboren op 10-01-1980", {"age": 45}),
    # hours: work vs. study time
    ("ik werk 24 uur per week", {"hours_per_week": 24}),
    ("contract voor 32 uur", {"hours_per_week": 32}),
    ("ik werk 36 uur", {"hours_per_week": 36}),
    ("ik heb 4 uur per week tijd om te leren", {"max_hours_study_per_week": 4}),
    ("ik kan 6 uur in de week studeren", {"max_hours_study_per_week": 6}),
    # sectors: current vs. wished
    ("ik werk in de thuiszorg", {"current_sector": "zorg_welzijn"}),
    ("ik wil de zorg in", {"sector_interests": ["zorg_welzijn"]}),
    ("ik werk in de horeca maar wil naar de zorg",
     {"current_sector": "horeca", "sector_interests": ["zorg_welzijn"]}),
    ("van de retail naar de ict", {"current_sector": "retail", "sector_interests": ["ict"]}),
    ("ik werk bij de gemeente", {"current_sector": "overheid_veiligheid"}),
    ("ik werk graag met mensen", {"sector_interests": ["zorg_welzijn"]}),
    ("ik wil iets met computers", {"sector_interests": ["ict"]}),
    ("ik ben schoonmaker en wil graag de kinderopvang in",
     {"current_sector": "schoonmaak_facilitair", "sector_interests": ["kinderopvang"]}),
    # goal and form
    ("ik wil me omscholen", {"goal": "omscholen"}),
    ("ik wil bijscholen in mijn vak", {"goal": "bijscholen"}),
    ("ik wil eindelijk een diploma halen", {"goal": "diploma_halen"}),
    ("ik wil een eigen bedrijf starten", {"goal": "ondernemen"}),
    ("ik wil eerst rondkijken", {"goal": "orienteren"}),
    ("liefst online", {"preferred_form": "online"}),
    ("in een klas", {"preferred_form": "klassikaal"}),
    ("leren en werken tegelijk", {"preferred_form": "werkend_leren"}),
    ("maakt niet uit", {"preferred_form": "geen_voorkeur"}),
    # employer size
    ("het is een groot bedrijf", {"employer_size": "groot"}),
    ("we zijn met 12 man personeel", {"employer_size": "mkb"}),
    ("er werken 3000 mensen bij mijn werkgever", {"employer_size": "groot"}),
    # yes/no facts
    ("ik word ontslagen", {"at_risk_of_job_loss": True}),
    ("er komt een reorganisatie bij ons", {"at_risk_of_job_loss": True}),
    ("mijn contract wordt niet verlengd", {"at_risk_of_job_loss": True}),
    ("ik heb moeite met lezen en schrijven", {"literacy_need": True}),
    ("ik kan niet goed rekenen", {"literacy_need": True}),
    ("ik kan niet zo goed met de computer", {"literacy_need": True}),
    ("ik krijg nog studiefinanciering", {"receives_studiefinanciering": True}),
    ("ik krijg geen studiefinanciering meer", {"receives_studiefinanciering": False}),
    ("ik woon in belgie en werk in nederland", {"connected_to_dutch_labour_market": True}),
    # gemeenten: official names from aliases and spelling variants
    ("ik woon in den bosch", {"municipality": "'s-Hertogenbosch"}),
    ("ik woon in Den Haag", {"municipality": "'s-Gravenhage"}),
    ("Ik woon in Sneek", {"municipality": "Súdwest-Fryslân"}),
    ("gemeente zwolle", {"municipality": "Zwolle"}),
    ("in sudwest fryslan", {"municipality": "Súdwest-Fryslân"}),
    ("ik woon in Bergen op Zoom", {"municipality": "Bergen op Zoom"}),
    ("ik woon in Best", {"municipality": "Best"}),
    ("woonplaats is hoofddorp", {"municipality": "Haarlemmermeer"}),
    ("ik woon in alphen aan den rijn", {"municipality": "Alphen aan den Rijn"}),
    ("ik woon in nuenen", {"municipality": "Nuenen, Gerwen en Nederwetten"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parses_realistic_phrasings(text: str, expected: dict[str, Any]) -> None:
    facts = parse_message(text, TODAY).as_dict()
    for key, value in expected.items():
        assert facts.get(key) == value, f"{key}: {facts}"


NOTHING = [
    "44",  # a bare number: the caller knows whether it asked for age or hours
    "6 uur",  # work or study time: again the question decides
    "ja", "nee", "weet ik niet", "hoi", "bedankt",
    "best",  # "best" is an answer ("fine"), not the gemeente Best, without "ik woon in"
    "ik weet het anders ook niet",
    "ik zorg voor mijn moeder",
    "ben je echt een mens?",
    "ik werk al 20 jaar",  # years of work, not an age
    "wat is een startkwalificatie?",
    "/greet",
]


@pytest.mark.parametrize("text", NOTHING)
def test_finds_nothing_where_nothing_was_said(text: str) -> None:
    facts = parse_message(text, TODAY)
    assert facts.as_dict() == {}
    assert facts.negated == frozenset()


@pytest.mark.parametrize(("text", "field"), [
    ("ik zit toch niet in de WW", "work_status"),
    ("ik ben niet werkloos", "work_status"),
    ("ik zit niet meer in de bijstand", "work_status"),
    ("ik werk niet meer in de zorg", "current_sector"),
])
def test_negation_flags_the_field_so_the_caller_can_clear_it(text: str, field: str) -> None:
    facts = parse_message(text, TODAY)
    assert field in facts.negated
    assert field not in facts.as_dict()


def test_negation_with_a_new_value_is_a_correction_not_a_negation() -> None:
    facts = parse_message("ik zit niet in de ww maar in de bijstand", TODAY)
    assert facts.work_status == "werkzoekend_bijstand"
    assert facts.negated == frozenset()


def test_a_wished_sector_is_not_negated_as_current_work() -> None:
    facts = parse_message("ik wil niet in de zorg werken", TODAY)
    assert "current_sector" not in facts.negated and facts.sector_interests == []


def test_age_said_as_a_coming_birthday_depends_on_today() -> None:
    assert parse_message("ik word 50 in maart", date(2025, 1, 10)).age == 49
    assert parse_message("ik word vandaag 50", date(2025, 3, 10)).age == 50
    assert parse_message("geboren in maart 1975", date(2025, 2, 1)).age == 49
    assert parse_message("geboren in maart 1975", date(2025, 4, 1)).age == 50


def test_impossible_numbers_are_not_facts() -> None:
    assert parse_message("ik ben 7", TODAY).age is None
    assert parse_message("ik werk 95 uur", TODAY).hours_per_week is None


def test_as_dict_holds_only_found_profile_fields() -> None:
    facts = parse_message("ik ben 30 en woon in Utrecht", TODAY)
    assert facts.as_dict() == {"age": 30, "municipality": "Utrecht"}
    assert isinstance(parse_message("", TODAY), ParsedFacts)


def test_all_342_gemeenten_are_known_by_their_official_name() -> None:
    names = set(known_municipalities())
    assert len(names) == 342
    for name in sorted(names):
        assert parse_message(f"ik woon in {name}", TODAY).municipality == name, name
