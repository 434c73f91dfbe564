"""Extraction of intake facts from one message, question order, and the profile from slots."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.intake import slots as S
from assistant.intake.profile import validate_profile
from assistant.intake.slots import extract, profile_from_slots

TODAY = date(2026, 11, 23)


def ent(name: str, value: str) -> dict[str, str]:
    return {"entity": name, "value": value}


def test_bare_number_answers_the_question_being_asked() -> None:
    assert extract("44", "nlu_fallback", [], "age", {}, TODAY).updates == {"age": 44}
    # DIET may tag "32" as an age; asked for hours, it is hours.
    result = extract("32", "inform", [ent("age", "32")], "hours_per_week", {}, TODAY)
    assert result.updates == {"hours_per_week": 32}
    assert extract("6 uur", "inform", [], "max_hours_study_per_week", {}, TODAY).updates == {
        "max_hours_study_per_week": 6}


def test_hours_entity_follows_the_question() -> None:
    assert extract("ik kan 8 uur", "inform", [ent("hours", "8")], "max_hours_study_per_week", {},
                   TODAY).updates["max_hours_study_per_week"] == 8
    assert extract("ik werk 24 uur", "inform", [ent("hours", "24")], "education_level", {},
                   TODAY).updates["hours_per_week"] == 24


def test_yes_no_fill_the_boolean_question_only() -> None:
    assert extract("ja", "affirm", [], "at_risk_of_job_loss", {}, TODAY).updates == {"at_risk_of_job_loss": True}
    assert extract("nee", "deny", [], "literacy_need", {}, TODAY).updates == {"literacy_need": False}
    assert extract("ja", "affirm", [], "education_level", {}, TODAY).empty
    # "Werken er minder dan 250 mensen bij je werkgever?"
    assert extract("ja", "affirm", [], "employer_size", {}, TODAY).updates == {"employer_size": "mkb"}
    assert extract("nee", "deny", [], "employer_size", {}, TODAY).updates == {"employer_size": "groot"}
    assert extract("we zijn met zo'n 40 man", "inform", [], "employer_size", {}, TODAY).updates == {
        "employer_size": "mkb"}
    assert extract("ruim 2000", "inform", [], "employer_size", {}, TODAY).updates == {"employer_size": "groot"}
    # Classified as inform, still a yes/no answer; but a correction is not a "no".
    assert extract("nee hoor", "inform", [], "at_risk_of_job_loss", {}, TODAY).updates == {
        "at_risk_of_job_loss": False}
    assert "at_risk_of_job_loss" not in extract("nee, ik bedoel mbo 4", "inform",
                                                [{"entity": "education_level", "value": "mbo4"}],
                                                "at_risk_of_job_loss", {}, TODAY).updates


def test_dont_know_skips_the_current_question() -> None:
    result = extract("weet ik niet", "dont_know", [], "employer_size", {}, TODAY)
    assert result.skipped == "employer_size" and not result.updates


def test_digressions_fill_nothing() -> None:
    for intent in ("faq", "request_human", "explain_question", "bot_challenge", "out_of_scope", "stop"):
        assert extract("ik ben 52 en wat is stap", intent, [ent("age", "52")], "age", {}, TODAY).empty


def test_several_entities_fill_several_slots() -> None:
    entities = [ent("age", "52"), ent("education_level", "mbo3"), ent("work_status", "werknemer_vast"),
                ent("sector", "zorg_welzijn")]
    result = extract("/inform", "inform", entities, "work_status", {}, TODAY)
    assert result.updates == {"age": 52, "education_level": "mbo3", "work_status": "werknemer_vast",
                              "current_sector": "zorg_welzijn"}


def test_sector_goes_to_interest_when_asked_for_interest_or_not_working() -> None:
    asked = extract("/inform", "inform", [ent("sector", "groen")], "sector_interests", {}, TODAY)
    assert asked.updates == {"sector_interests": ["groen"]}
    jobless = extract("/inform", "inform", [ent("sector", "groen")], "age", {"work_status": "werkzoekend_ww"}, TODAY)
    assert jobless.updates == {"sector_interests": ["groen"]}
    current = extract("/inform", "inform", [ent("sector", "horeca")], "current_sector",
                      {"work_status": "werknemer_flex"}, TODAY)
    assert current.updates == {"current_sector": "horeca"}


def test_invalid_entity_values_are_ignored() -> None:
    result = extract("ik ben 7", "inform", [ent("age", "7"), ent("education_level", "kleuterschool")], "goal", {},
                     TODAY)
    # An impossible age stays a number so the form can explain the range; the diploma is dropped.
    assert result.updates == {"age": 7}


def test_a_bare_place_answers_the_municipality_question() -> None:
    assert extract("zwolle", "inform", [], "municipality", {}, TODAY).updates == {"municipality": "Zwolle"}
    assert extract("ik woon in bergen op zoom", "inform", [], "municipality", {}, TODAY).updates == {
        "municipality": "Bergen op Zoom"}
    assert extract("weet ik niet", "inform", [], "municipality", {}, TODAY).updates == {}


def test_goal_basisvaardigheden_implies_literacy_need() -> None:
    result = extract("/inform", "inform", [ent("goal", "basisvaardigheden")], "goal", {}, TODAY)
    assert result.updates == {"goal": "basisvaardigheden", "literacy_need": True}


def test_negation_clears_the_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    class Parsed:
        negated = ("work_status",)

        def as_dict(self) -> dict[str, object]:
            return {}

    monkeypatch.setattr(S, "_parser", lambda: (lambda text, today: Parsed()))
    result = extract("ik zit toch niet in de ww", "inform", [], None, {"work_status": "werkzoekend_ww"}, TODAY)
    assert result.updates == {"work_status": None}


def test_parser_facts_go_first_and_are_canonicalised(monkeypatch: pytest.MonkeyPatch) -> None:
    class Parsed:
        def as_dict(self) -> dict[str, object]:
            return {"age": 52, "current_sector": "zorg_welzijn", "education_level": "mbo3", "bogus": 1}

    monkeypatch.setattr(S, "_parser", lambda: (lambda text, today: Parsed()))
    result = extract("ik ben 52, werk in de thuiszorg en heb mbo 3", "inform",
                     [ent("sector", "onderwijs")], "work_status", {}, TODAY)
    assert result.updates == {"age": 52, "current_sector": "zorg_welzijn", "education_level": "mbo3"}


def test_a_broken_parser_does_not_break_the_conversation(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(text: str, today: date | None) -> object:
        raise RuntimeError("bug")

    monkeypatch.setattr(S, "_parser", lambda: boom)
    assert extract("44", "inform", [], "age", {}, TODAY).updates == {"age": 44}


def test_profile_from_slots_is_canonical_and_drops_bad_values() -> None:
    profile = profile_from_slots({"age": 52.0, "hours_per_week": "32", "education_level": "MBO3",
                                  "goal": "iets", "sector_interests": ["zorg_welzijn", "zorg_welzijn", "x"],
                                  "region_code": "XX1", "requested_slot": "age", "literacy_need": "ja"})
    assert profile == validate_profile(profile)
    assert profile["age"] == 52 and profile["hours_per_week"] == 32 and profile["education_level"] == "mbo3"
    assert profile["goal"] is None and profile["region_code"] is None
    assert profile["sector_interests"] == ["zorg_welzijn"] and profile["literacy_need"] is True
    assert "requested_slot" not in profile


def test_profile_from_empty_slots_is_all_unknown() -> None:
    profile = profile_from_slots({})
    assert profile["sector_interests"] == [] and all(v is None for k, v in profile.items() if k != "sector_interests")


def test_every_quick_reply_button_is_understood() -> None:
    """Buttons send their title as plain text: each one must fill its question's slot."""
    from assistant.vocabulary import vocabulary

    checked = 0
    for name, spec in vocabulary().fields.items():
        if spec.kind not in ("enum", "list"):
            continue
        for title in spec.button_titles():
            result = extract(title, "out_of_scope", [], name, {}, TODAY)
            assert name in result.updates, (name, title)
            checked += 1
    assert checked >= 40


def test_head_counts_answer_the_employer_size_question() -> None:
    assert extract("minder dan 250", "inform", [], "employer_size", {}, TODAY).updates == {"employer_size": "mkb"}
    assert extract("we zijn met 300 mensen", "inform", [], "employer_size", {}, TODAY).updates == {
        "employer_size": "groot"}


def test_negated_entity_is_not_an_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    class Parsed:
        negated = frozenset({"work_status"})

        def as_dict(self) -> dict[str, object]:
            return {}

    monkeypatch.setattr(S, "_parser", lambda: (lambda text, today: Parsed()))
    # NLU still tags "WW" in the sentence that takes it back.
    result = extract("ik zit toch niet in de WW", "inform", [ent("work_status", "werkzoekend_ww")], "goal",
                     {"work_status": "werkzoekend_ww"}, TODAY)
    assert result.updates == {"work_status": None}


def test_only_known_gemeenten_count_as_municipality_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(S, "_known_municipalities", lambda: {"zwolle"})
    result = extract("Hoi, ik ben 44", "inform", [ent("municipality", "Hoi"), ent("age", "44")], "work_status", {},
                     TODAY)
    assert result.updates == {"age": 44}


def test_iets_anders_only_answers_its_own_question() -> None:
    assert extract("iets anders", "inform", [ent("work_status", "anders")], "goal", {"work_status": "zzp"},
                   TODAY).updates.get("work_status") is None
    assert extract("iets anders", "inform", [ent("work_status", "anders")], "work_status", {},
                   TODAY).updates == {"work_status": "anders"}


def test_a_correction_of_another_answer_is_no_yes_or_no_to_the_question_asked() -> None:
    # Found trying the chat: "nee, ik bedoel mbo 4" while asked the employer size set it to "groot".
    for slot in ("employer_size", "at_risk_of_job_loss", "receives_studiefinanciering"):
        updates = extract("nee, ik bedoel mbo 4", "deny", [], slot, {"education_level": "mbo3"}, TODAY).updates
        assert updates == {"education_level": "mbo4"}, slot
    # A plain answer still answers the question.
    assert extract("nee", "deny", [], "at_risk_of_job_loss", {}, TODAY).updates == {"at_risk_of_job_loss": False}


def test_number_entities_need_words_or_the_question_to_count() -> None:
    # The CI-trained model tagged "250" as an age and the "3" of "mbo niveau 3" as hours.
    age_250 = [{"entity": "age", "value": "250"}]
    assert extract("nee meer dan 250", "inform", age_250, "employer_size", {}, TODAY).updates == {
        "employer_size": "groot"}
    hours_3 = [{"entity": "hours", "value": "3"}]
    assert extract("mbo niveau 3", "inform", hours_3, "education_level", {}, TODAY).updates == {
        "education_level": "mbo3"}
    # With the words, or asked for, they still count.
    assert extract("ik werk 32 uur", "inform", [{"entity": "hours", "value": "32"}], "work_status", {},
                   TODAY).updates.get("hours_per_week") == 32
    assert extract("52", "inform", [{"entity": "age", "value": "52"}], "age", {}, TODAY).updates == {"age": 52}
