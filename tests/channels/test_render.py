"""One renderer, three channels: the same bot messages in widget, WhatsApp and Telegram form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.gateway.channels.render import (
    CHOOSE,
    WA_INTERACTIVE_BODY_LIMIT,
    render_telegram,
    render_whatsapp,
    render_widget,
    split_text,
    telegram_html,
    whatsapp_layout,
    whatsapp_markdown,
)
from assistant.gateway.rasa_client import BotMessage, Button


def buttons(*titles: str) -> tuple[Button, ...]:
    return tuple(Button(t, f"/kies_{i}") for i, t in enumerate(titles))


MSG = BotMessage(text="Wat doe je nu?", buttons=buttons("Ik werk", "Ik zoek werk"))


def test_same_message_in_every_channel():
    widget = render_widget([MSG])
    assert widget == [{"text": "Wat doe je nu?", "buttons": [{"title": "Ik werk", "payload": "/kies_0"},
                                                             {"title": "Ik zoek werk", "payload": "/kies_1"}]}]
    wa = render_whatsapp([MSG]).bodies
    assert [b["reply"]["title"] for b in wa[0]["interactive"]["action"]["buttons"]] == ["Ik werk", "Ik zoek werk"]
    tg = render_telegram([MSG]).bodies
    assert tg[0]["reply_markup"]["inline_keyboard"] == [[{"text": "Ik werk", "callback_data": "/kies_0"},
                                                        {"text": "Ik zoek werk", "callback_data": "/kies_1"}]]


@pytest.mark.parametrize(("titles", "layout"), [
    (("Ja", "Nee"), "buttons"),
    (("Ja", "Nee", "Weet ik niet"), "buttons"),
    (("Ja", "Nee", "Misschien", "Weet ik niet"), "list"),
    (("Een titel van meer dan twintig tekens", "Nee"), "list"),
    (tuple(f"Optie {i}" for i in range(10)), "list"),
    (tuple(f"Optie {i}" for i in range(11)), "numbered"),
    (("x" * 73, "Nee"), "numbered"),
    (("Ja", "Ja"), "list"),  # reply button titles must be unique
])
def test_whatsapp_layout_follows_the_platform_limits(titles, layout):
    assert whatsapp_layout(buttons(*titles)) == layout


def test_interactive_body_is_capped_and_earlier_text_sent_first():
    long_question = ("Dit is een lange uitleg over de regeling. " * 40).strip()
    bodies = render_whatsapp([BotMessage(text=long_question, buttons=buttons("Ja", "Nee"))]).bodies
    assert bodies[-1]["type"] == "interactive"
    assert len(bodies[-1]["interactive"]["body"]["text"]) <= WA_INTERACTIVE_BODY_LIMIT
    assert all(b["type"] == "text" for b in bodies[:-1])
    sent = " ".join([b["text"]["body"] for b in bodies[:-1]] + [bodies[-1]["interactive"]["body"]["text"]])
    assert sent.count("Dit is een lange uitleg") == 40


def test_buttons_without_text_get_a_short_question():
    bodies = render_whatsapp([BotMessage(buttons=buttons("Ja", "Nee"))]).bodies
    assert bodies[0]["interactive"]["body"]["text"] == CHOOSE
    assert render_telegram([BotMessage(buttons=buttons("Ja"))]).bodies[0]["text"] == CHOOSE


def test_numbered_options_are_returned_for_the_adapter_to_remember():
    r = render_whatsapp([BotMessage(text="Kies", buttons=buttons(*[f"Optie {i}" for i in range(12)]))])
    assert r.numbered is not None and [o.payload for o in r.numbered][:2] == ["/kies_0", "/kies_1"]
    assert render_whatsapp([BotMessage(text="Dank je")]).numbered is None


def test_markdown_per_channel():
    src = "## Je opties\n**Bold** en ~~oud~~ en [Leerwerkloket](https://www.lerenenwerken.nl)\n* punt"
    assert whatsapp_markdown(src) == (
        "*Je opties*\n*Bold* en ~oud~ en Leerwerkloket (https://www.lerenenwerken.nl)\n- punt")
    assert telegram_html(src) == (
        '<b>Je opties</b>\n<b>Bold</b> en <s>oud</s> en '
        '<a href="https://www.lerenenwerken.nl">Leerwerkloket</a>\n• punt')


def test_telegram_html_escapes_everything_else():
    assert telegram_html('<script>alert("x")</script> & [x](javascript:alert(1))') == (
        '&lt;script&gt;alert("x")&lt;/script&gt; &amp; [x](javascript:alert(1))')


def test_widget_keeps_handoff_signal_but_not_the_summary():
    m = BotMessage(text="Ik zoek een adviseur voor je.", custom={"handoff": "requested", "summary": {"leeftijd": 44}})
    assert render_widget([m]) == [{"text": "Ik zoek een adviseur voor je.", "handoff": "requested"}]


def test_split_prefers_paragraph_boundaries():
    text = "Eerste alinea.\n\nTweede alinea.\n\nDerde alinea."
    assert split_text(text, 32) == ["Eerste alinea.\n\nTweede alinea.", "Derde alinea."]


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs")),
                           min_size=1, max_size=30), min_size=1, max_size=200),
    seps=st.lists(st.sampled_from([" ", "\n", "\n\n", ". "]), min_size=200, max_size=200),
    limit=st.integers(min_value=20, max_value=400),
)
def test_split_text_fits_and_loses_no_words(words, seps, limit):
    text = "".join(w + s for w, s in zip(words, seps, strict=False)).strip()
    chunks = split_text(text, limit)
    assert all(0 < len(c) <= limit for c in chunks)
    assert "".join(c.replace(" ", "").replace("\n", "") for c in chunks) == text.replace(" ", "").replace("\n", "")
