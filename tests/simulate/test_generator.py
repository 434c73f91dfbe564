"""The simulator's generator: paraphrase bank sizes, the typo operator, people per seed."""

from __future__ import annotations

import random

import pytest

from assistant.intake.slots import BOOL_SLOTS, ENUMS, INT_RANGES
from assistant.simulate import bank
from assistant.simulate.people import AGE_BANDS, generate_people
from assistant.simulate.typos import OPERATIONS, add_typo, edit, maybe_typo

ENUM_VALUES = [(f, v) for f, values in ENUMS.items() for v in sorted(values)]


def _damerau(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@pytest.mark.parametrize(("field", "value"), ENUM_VALUES)
def test_every_enum_value_has_at_least_15_ways(field, value):
    ways = bank.OWN_WORDS_SECTORS if (field == "current_sector" and value == "anders") else \
        bank.enum_ways(field, value)
    assert len(set(ways)) >= bank.MIN_WAYS, f"{field}={value}: {len(set(ways))}"


@pytest.mark.parametrize("value", sorted(ENUMS["current_sector"] - {"anders"}))
def test_every_sector_interest_has_at_least_15_ways(value):
    assert len(set(bank.enum_ways("sector_interests", value))) >= bank.MIN_WAYS


@pytest.mark.parametrize("field", sorted(BOOL_SLOTS))
@pytest.mark.parametrize("value", [True, False])
def test_yes_and_no_have_at_least_15_ways_with_explanations(field, value):
    ways = bank.bool_ways(field, value)
    assert len(set(ways)) >= bank.MIN_WAYS
    # Some answers explain themselves ("ja, vooral met rekenen"), not only a bare yes or no.
    assert sum(1 for w in ways if "," in w) >= 5


@pytest.mark.parametrize("field", sorted(INT_RANGES))
@pytest.mark.parametrize("n", [1, 7, 20, 38, 52])
def test_numbers_have_at_least_15_ways_including_words(field, n):
    ways = bank.number_ways(field, n)
    assert len(set(ways)) >= bank.MIN_WAYS
    assert any(bank.number_words(n) in w for w in ways)
    assert any(str(n) in w for w in ways)


def test_number_words_are_dutch():
    assert bank.number_words(52) == "tweeënvijftig"
    assert bank.number_words(23) == "drieëntwintig"
    assert bank.number_words(21) == "eenentwintig"
    assert bank.number_words(14) == "veertien"
    assert bank.number_words(40) == "veertig"
    with pytest.raises(ValueError):
        bank.number_words(0)


def test_gemeenten_have_at_least_15_ways():
    assert len(bank.municipality_ways("Zwolle")) >= bank.MIN_WAYS
    assert bank.municipalities()


def test_moves_have_at_least_15_ways():
    for name in ("DONT_KNOW", "GREETINGS", "YES", "DECLINES", "HUMAN_REQUESTS", "OUT_OF_SCOPE",
                 "OWN_WORDS_SECTORS"):
        assert len(set(getattr(bank, name))) >= bank.MIN_WAYS, name
    assert {"dag", "goedemiddag"} <= set(bank.GREETINGS)
    assert "nee, ga maar verder" in bank.DECLINES
    assert any(i.startswith("/inform{") for i in bank.INJECTIONS) and "/restart" in bank.INJECTIONS


def test_several_facts_can_be_stated_for_every_volunteerable_value():
    for field in ("work_status", "education_level", "goal"):
        for value in ENUMS[field]:
            assert bank.enum_ways(field, value, statements=True), (field, value)


@pytest.mark.parametrize("op", OPERATIONS)
def test_each_edit_operation_is_one_edit_away(op):
    rng = random.Random(3)
    for word in ("oproepkracht", "bijstand", "uitzendbureau", "havo", "thuiszorg"):
        typo = edit(word, op, rng)
        assert typo != word
        assert _damerau(word, typo) == 1, (word, typo)


def test_typos_touch_one_long_word_and_never_digits():
    rng = random.Random(11)
    for _ in range(200):
        text = "ik werk 32 uur in de thuiszorg"
        typo = add_typo(text, rng)
        assert typo != text
        assert "32" in typo and typo.startswith("ik ")
        assert _damerau(text, typo) == 1
    assert add_typo("ja 12", rng) == "ja 12"  # no word of four letters: nothing to misspell


def test_typo_rate_is_respected_and_seeded():
    text = "ik zoek werk zonder uitkering"
    assert all(maybe_typo(text, random.Random(i), 0.0) == text for i in range(50))
    assert all(maybe_typo(text, random.Random(i), 1.0) != text for i in range(50))
    hits = sum(maybe_typo(text, random.Random(i), 0.3) != text for i in range(2000))
    assert 450 < hits < 750
    assert [add_typo(text, random.Random(5)) for _ in range(3)] == [add_typo(text, random.Random(5))] * 3


def test_people_are_the_same_for_the_same_seed_and_differ_otherwise():
    a, b, c = generate_people(200, 42), generate_people(200, 42), generate_people(200, 43)
    assert [p.truth for p in a] == [p.truth for p in b]
    assert [p.events for p in a] == [p.events for p in b]
    assert [p.truth for p in a] != [p.truth for p in c]


def test_every_category_is_covered():
    people = generate_people(60, 1)
    assert {p.truth["work_status"] for p in people} == ENUMS["work_status"]
    assert {p.truth["education_level"] for p in people} == ENUMS["education_level"]
    assert {p.truth["goal"] for p in people} == ENUMS["goal"]
    assert {p.truth.get("current_sector") for p in people} - {None} == ENUMS["current_sector"]
    bands = {next(i for i, (lo, hi) in enumerate(AGE_BANDS) if lo <= p.truth["age"] <= hi) for p in people}
    assert bands == set(range(len(AGE_BANDS)))
    assert any(p.own_words for p in people)
    functions = {p.truth.get("current_function") for p in generate_people(6000, 1)} - {None}
    assert functions == ENUMS["current_function"]  # every function, and "anders", is simulated


def test_people_are_consistent():
    for p in generate_people(500, 9):
        t = p.truth
        working = t["work_status"] in ("werknemer_vast", "werknemer_flex", "zzp")
        assert ("current_sector" in t) == working
        assert ("employer_size" in t) == (t["work_status"] in ("werknemer_vast", "werknemer_flex"))
        assert (p.own_words is not None) == (t.get("current_sector") == "anders")
        # A function only for work in a sector with several trades, and never an hbo one without hbo.
        if "current_function" in t:
            assert working and t["current_sector"] in ("zorg_welzijn", "kinderopvang", "techniek_bouw_energie",
                                                       "groen")
            if t["current_function"] in ("verpleegkundige_hbo", "pedagogisch_coach"):
                assert t["education_level"] in ("hbo_bachelor", "hbo_master", "wo_bachelor", "wo_master")
        assert 15 <= t["age"] <= 100
        if p.events.correct:
            assert p.wrong[p.events.correct] != t[p.events.correct]


def test_random_events_all_occur():
    people = generate_people(400, 5)
    ev = [p.events for p in people]
    assert any(e.greeting for e in ev) and any(e.opener_facts for e in ev) and any(e.correct for e in ev)
    assert any(e.dont_know for e in ev) and any(e.faq for e in ev) and any(e.out_of_scope for e in ev)
    assert any(e.human is True for e in ev) and any(e.human is False for e in ev)
    assert any(e.injection for e in ev) and any(e.tap_buttons for e in ev)


def _nlu_examples() -> set[str]:
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "data" / "nlu"
    out = set()
    for path in root.rglob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("- "):
                plain = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})", r"\1", line[2:])
                out.add(plain.strip().strip('"').lower())
    return out


def test_the_bank_is_written_apart_from_the_training_data():
    # Everyday phrases ("ik ben zzp'er") coincide; a copied bank would mostly coincide.
    phrases = {w for f, values in ENUMS.items() for v in values if not (f == "current_sector" and v == "anders")
               for w in bank.enum_ways(f, v)}
    phrases |= {w for f in bank.BOOLS for b in (True, False) for w in bank.bool_ways(f, b)}
    phrases |= set(bank.OWN_WORDS_SECTORS)
    longer = [p for p in phrases if len(p.split()) >= 3]
    examples = _nlu_examples()
    if not examples:
        pytest.skip("no data/nlu examples")
    shared = [p for p in longer if p.lower() in examples]
    assert len(shared) / len(longer) < 0.25, shared[:30]
