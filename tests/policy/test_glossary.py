"""The one glossary: lookup for others, and each term explained once over a whole answer."""

from __future__ import annotations

from assistant.policy.glossary import explain, explain_once, glossary, terms_in


def test_explain_looks_up_a_term_and_ignores_case_only_as_fallback() -> None:
    assert explain("bbl") == glossary()["bbl"]
    assert explain("nlqf") == glossary()["NLQF"]
    assert explain("ruimtevaart") is None


def test_each_term_is_explained_once_at_its_first_use() -> None:
    out = explain_once(["Kies de bbl.", "Bij de bbl werk je."])
    assert out[0].count("Bbl betekent:") == 1 and "betekent" not in out[1]


def test_whole_words_only_and_not_inside_brackets() -> None:
    assert terms_in("Een bbl-opleiding") == []
    assert terms_in("Een opleiding (bbl) kan.") == []
    assert terms_in("Een opleiding in de bbl.") == ["bbl"]


def test_skip_leaves_terms_the_text_explains_itself() -> None:
    assert explain_once(["EVC is erkenning van wat je kunt."], skip=["EVC"]) == [
        "EVC is erkenning van wat je kunt."
    ]
