"""The advice on a phone: a short first message, links everywhere, buttons after the advice."""

from __future__ import annotations

import itertools
import re
from datetime import date

from assistant.advice import build_advice
from assistant.gateway.channels.render import render_telegram, render_whatsapp
from assistant.gateway.rasa_client import BotMessage, Button
from assistant.intake.render import (
    AFTER_ADVICE_BUTTONS,
    FIRST_MESSAGE_MAX,
    LEEROVERZICHT_URL,
    WERKCENTRUM_URL,
    render_advice,
    scheme_links,
    visible_text,
    with_addresses,
)
from assistant.policy.schemes import load_schemes

PEILDATUM = date(2026, 1, 15)
ZORG = {"age": 52, "education_level": "mbo3", "work_status": "werknemer_vast", "employer_size": "mkb",
        "current_sector": "zorg_welzijn", "goal": "bijscholen", "municipality": "Zwolle"}
LINK = re.compile(r"\[([^\]]+)\]\((https://[^)\s]+)\)")


def grid() -> list[dict]:
    out = []
    for status, edu, interests in itertools.product(
            ["werknemer_vast", "zzp", "werkzoekend_ww", "werkzoekend_bijstand", "student", "gepensioneerd", None],
            ["geen", "mbo2", "hbo_master", "buitenlands", None],
            [["zorg_welzijn"], ["ict", "techniek_bouw_energie"], []]):
        out.append({"work_status": status, "education_level": edu, "sector_interests": interests,
                    "municipality": "Almere Stad-Oost", "literacy_need": edu == "geen"})
    return out


def test_first_message_fits_one_phone_screen_with_step_money_and_contact() -> None:
    for profile in grid():
        advice = build_advice(profile, PEILDATUM)
        first = render_advice(advice, ["stap_budget"])[0]
        shown = visible_text(first["text"])
        assert len(shown) <= FIRST_MESSAGE_MAX, (profile, shown)
        # Also where links show their address (WhatsApp).
        assert len(with_addresses(first["text"])) <= FIRST_MESSAGE_MAX, (profile, first["text"])
        assert "Eerste stap:" in shown and "Geld:" in shown and "Werkcentrum voor Almere Stad-Oost" in shown
        assert first["custom"] == {"kind": "advice"}
        assert "buttons" not in first


def test_first_message_names_the_first_money_once_with_its_official_page() -> None:
    advice = build_advice(ZORG, PEILDATUM)
    first = render_advice(advice)[0]["text"]
    scheme = advice["funding"][0]["scheme_id"]
    name = next(s["name"] for s in advice["schemes"] if s["scheme_id"] == scheme)
    assert visible_text(first).count(name) == 1
    links = dict((label, url) for label, url in LINK.findall(first))
    if scheme in scheme_links() and name in links:
        assert links[name] == scheme_links()[scheme]
    # Levenlanglerenkrediet's page (duo.nl) is short enough to be linked in the first message.
    assert links.get("Levenlanglerenkrediet") == scheme_links()["levenlanglerenkrediet"]
    assert WERKCENTRUM_URL in links.values()


def test_a_regional_werkcentrum_replaces_the_national_site() -> None:
    first = render_advice(build_advice(ZORG, PEILDATUM), werkcentrum_url="https://werkcentrum.example/zwolle")[0]
    assert "https://werkcentrum.example/zwolle" in first["text"] and WERKCENTRUM_URL not in first["text"]


def test_details_are_folded_and_the_buttons_come_last() -> None:
    messages = render_advice(build_advice(ZORG, PEILDATUM), ["stap_budget"])
    middle = messages[1:-1]
    assert middle and all(m["custom"]["kind"] == "advice_detail" and m["custom"]["title"] for m in middle)
    assert all("buttons" not in m for m in messages[:-1])
    last = messages[-1]
    assert [b["title"] for b in last["buttons"]] == list(AFTER_ADVICE_BUTTONS)
    assert [b["payload"] for b in last["buttons"]] == list(AFTER_ADVICE_BUTTONS)
    assert AFTER_ADVICE_BUTTONS == ("Praat met een adviseur", "Stuur me dit advies", "Opnieuw beginnen")


def test_bare_site_names_become_links_and_every_link_is_https() -> None:
    for profile in grid()[:20]:
        for m in render_advice(build_advice(profile, PEILDATUM), ["stap_budget"]):
            text = m["text"]
            # A bare Leeroverzicht.nl outside a link would not be clickable in the widget.
            assert not re.search(r"(?<!\[)Leeroverzicht\.nl(?!\])", text), text
            for _label, url in LINK.findall(text):
                assert url.startswith("https://") and " " not in url
    note = render_advice(build_advice(ZORG, PEILDATUM))[-1]["text"]
    assert f"[Leeroverzicht.nl]({LEEROVERZICHT_URL})" in note


def test_scheme_links_come_from_the_scheme_data_or_the_deciding_body() -> None:
    links = scheme_links()
    by_id = {s.id: s for s in load_schemes()}
    for scheme_id, url in links.items():
        scheme = by_id[scheme_id]
        named = " ".join((*scheme.sources, *scheme.window_sources))
        assert url in named or scheme.route in ("duo", "uwv", "belastingdienst", "leerwerkloket"), scheme_id
    assert links["levenlanglerenkrediet"].startswith("https://duo.nl")


def test_links_survive_on_whatsapp_and_telegram() -> None:
    messages = [BotMessage(text=m["text"], buttons=tuple(Button(b["title"], b["payload"])
                                                         for b in m.get("buttons", [])))
                for m in render_advice(build_advice(ZORG, PEILDATUM))]
    wa = render_whatsapp(messages)
    wa_text = " ".join(b.get("text", {}).get("body", "") or b.get("interactive", {}).get("body", {}).get("text", "")
                       for b in wa.bodies)
    assert f"Zoek het Werkcentrum ({WERKCENTRUM_URL})" in wa_text
    tg = render_telegram(messages)
    tg_text = " ".join(b["text"] for b in tg.bodies)
    assert f'<a href="{WERKCENTRUM_URL}">Zoek het Werkcentrum</a>' in tg_text
    # "Praat met een adviseur" is longer than a WhatsApp reply button (20): a list keeps every title whole.
    rows = wa.bodies[-1]["interactive"]["action"]["sections"][0]["rows"]
    assert [r["title"] for r in rows] == list(AFTER_ADVICE_BUTTONS)
    assert "inline_keyboard" in tg.bodies[-1]["reply_markup"]
