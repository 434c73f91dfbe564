"""The function now (current_function): asked only where a sector has several trades, read from
the person's words, and followed by the doorstroom step of the advice."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.intake.machine import profile_of
from assistant.policy.paths import function_choices, load_paths, paths_for
from assistant.vocabulary import vocabulary

from .test_machine import PLAIN, Chat

SPEC = vocabulary()["current_function"]


def _chat_to(answers: dict[str, str]) -> Chat:
    chat = Chat()
    chat.say("hoi")
    for _ in range(40):
        if chat.asked in (None, "summary", "current_function"):
            break
        chat.say(answers.get(str(chat.asked), "weet ik niet"))
    return chat


def test_values_are_the_functions_of_the_sectors_with_several() -> None:
    several = {s.sector: [f.id for f in s.functions] for s in load_paths().sectors if len(s.functions) > 1}
    assert set(SPEC.allowed) == {f for ids in several.values() for f in ids} | {"anders"}
    assert SPEC.buttons_by is not None
    other, table = SPEC.buttons_by
    assert other == "current_sector"
    # Each sector offers exactly its own functions (in the path's order), then "Iets anders".
    assert {s: list(keys) for s, keys in table.items()} == {s: [*ids, "anders"] for s, ids in several.items()}
    for sector, ids in several.items():
        assert [i for i, _ in function_choices(sector)] == ids


@pytest.mark.parametrize("sector_text,sector", [("ik werk in de thuiszorg", "zorg_welzijn"),
                                                ("kinderopvang", "kinderopvang"),
                                                ("in de bouw", "techniek_bouw_energie"),
                                                ("ik ben hovenier", "groen")])
def test_asked_with_the_sectors_own_functions(sector_text: str, sector: str) -> None:
    chat = _chat_to({**PLAIN, "current_sector": sector_text})
    assert chat.asked == "current_function"
    buttons = chat.last.messages[-1].buttons
    names = [SPEC.value(k).button for k in SPEC.button_keys({"current_sector": sector})]  # type: ignore[union-attr]
    assert buttons == names and buttons[-1] == "Iets anders"
    assert profile_of(chat.state)["current_sector"] == sector


@pytest.mark.parametrize("answers", [
    {**PLAIN, "current_sector": "ik werk in een restaurant"},   # horeca: no path, nothing to choose
    {**PLAIN, "work_status": "ik zit in de ww"},                # no work now: no function now
])
def test_not_asked_without_several_trades_or_without_work(answers: dict[str, str]) -> None:
    chat = Chat()
    chat.say("hoi")
    chat.answer_until_summary({**answers, "summary": "ja"})
    assert "current_function" not in chat.state["asked"]


@pytest.mark.parametrize("sector_text,said,expected", [
    ("ik werk in de thuiszorg", "ik werk als verzorgende", "verzorgende_ig"),
    ("ik werk in de thuiszorg", "helpende", "helpende"),
    ("ik werk in de thuiszorg", "ik ben hbo-verpleegkundige", "verpleegkundige_hbo"),
    ("ik werk in de thuiszorg", "verpleegkundige", "verpleegkundige_mbo"),
    ("in de bouw", "ik ben eerste monteur", "eerste_monteur_et"),
    ("in de bouw", "elektricien", "monteur_et"),
    ("in de bouw", "ik ben allround timmerman", "allround_timmerman"),
    ("in de bouw", "ik werk als automonteur in een garage", "autotechnicus"),
    ("in de bouw", "Werkvoorbereider of uitvoerder", "middenkader_bouw"),
    ("kinderopvang", "ik ben pedagogisch medewerker op de bso", "pm_kinderopvang"),
    ("kinderopvang", "pedagogisch medewerker", "pm_kinderopvang"),  # a job, not "een medewerker spreken"
    ("kinderopvang", "gespecialiseerd pedagogisch medewerker", "gespecialiseerd_pm"),
    ("ik ben hovenier", "tuinman", "medewerker_hovenier"),
])
def test_typed_or_tapped_answers(sector_text: str, said: str, expected: str) -> None:
    chat = _chat_to({**PLAIN, "current_sector": sector_text})
    assert chat.asked == "current_function"
    chat.say(said)
    assert profile_of(chat.state)["current_function"] == expected
    assert chat.asked != "current_function"


def test_a_trade_outside_the_path_is_kept_in_own_words() -> None:
    chat = _chat_to({**PLAIN, "current_sector": "in de bouw"})
    chat.say("ik ben schilder")
    profile = profile_of(chat.state)
    # Own words: "anders", and the sector stays what the person said before.
    assert profile["current_function"] == "anders" and profile["current_sector"] == "techniek_bouw_energie"
    assert "current_function" in chat.state["own_words"]


def test_the_advice_follows_the_function_given() -> None:
    def path_of(function_text: str) -> list[tuple[str, str]]:
        chat = _chat_to({**PLAIN, "current_sector": "in de bouw"})
        chat.say(function_text)
        chat.answer_until_summary({**PLAIN, "sector_interests": "de techniek", "summary": "ja"})
        profile: dict[str, Any] = profile_of(chat.state)
        return [(p.from_function, p.to_function) for p in paths_for(profile)
                if p.sector == "techniek_bouw_energie"]

    assert path_of("automonteur") == [("Autotechnicus", "Eerste autotechnicus")]
    assert path_of("timmerman") == [("Timmerman", "Allround timmerman")]


def test_asking_for_a_medewerker_still_offers_an_adviser() -> None:
    chat = _chat_to({**PLAIN, "current_sector": "kinderopvang"})
    chat.say("ik wil een medewerker")
    assert chat.last.offer == "adviser" and "current_function" not in chat.state["answers"]
