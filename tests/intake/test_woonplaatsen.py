"""Woonplaatsen that are no gemeente themselves: the parser reads them via the CBS list (data/places)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from assistant.intake.parse import CBS_GEMEENTE, known_municipalities, parse_message, vocabulary

TODAY = date(2025, 1, 15)
CSV = Path(__file__).resolve().parents[2] / "data" / "places" / "woonplaatsen.csv"


@pytest.mark.parametrize(("text", "gemeente"), [
    ("Domburg", "Veere"),
    ("Swalmen", "Roermond"),
    ("Sprang-Capelle", "Waalwijk"),
    ("Grou", "Leeuwarden"),
    ("Velp", "Rheden"),  # also a woonplaats in Land van Cuijk: the known alias keeps its gemeente
    ("Kudelstaart", "Aalsmeer"),
    ("ik woon in hoogland", "Amersfoort"),
    ("ik woon in Meddo", "Winterswijk"),  # CBS: "Winterswijk Meddo"
    ("ik woon in Beers", "Land van Cuijk"),  # CBS: "Beers NB"
    ("Ik ben 44 en woon in Oostkapelle", "Veere"),
    ("ik woon in Oude Pekela", "Pekela"),
    ("Klein Zundert", "Zundert"),
])
def test_a_woonplaats_gives_its_gemeente(text: str, gemeente: str) -> None:
    assert parse_message(text, TODAY).municipality == gemeente


@pytest.mark.parametrize("text", [
    "Broekhuizen",  # Horst aan de Maas and Meppel
    "ik woon in Broekhuizen",
    "ik woon in Zevenhuizen",  # Zuidplas and Westerkwartier
    "ik woon in Hoenderloo",  # Apeldoorn and Ede
])
def test_a_woonplaats_of_two_gemeenten_is_not_guessed(text: str) -> None:
    assert parse_message(text, TODAY).municipality is None


@pytest.mark.parametrize("text", [
    "ik werk in een winkel",  # Winkel, Hollands Kroon
    "ik woon in het noorden",  # Noorden, Nieuwkoop
    "ik woon in zeeland",  # Zeeland, Maashorst
    "ik woon al 20 jaar in nederland",  # Nederland, Steenwijkerland
    "ik wil monster worden",  # Monster, Westland
    "Hoek",  # Hoek, Terneuzen
    "ik woon in een oude boerderij",  # "Oude Pekela" gives no alias "oude"
])
def test_an_everyday_word_that_is_also_a_woonplaats_is_no_place(text: str) -> None:
    assert parse_message(text, TODAY).municipality is None


def test_the_cbs_list_is_complete_and_uses_the_project_gemeenten() -> None:
    with CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2501
    known = set(known_municipalities())
    assert len(known) == 342
    assert {CBS_GEMEENTE.get(row["gemeente"], row["gemeente"]) for row in rows} == known


def test_cbs_suffixed_names_are_no_alias() -> None:
    aliases = vocabulary().municipalities
    assert "afferden l" not in aliases and "haren gn" not in aliases and "loo gld" not in aliases
    assert aliases["driehuis"] == "Velsen"  # CBS: "Driehuis NH", the only Driehuis
