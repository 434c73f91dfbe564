"""Channel-aware rendering in one place.

The same list of ``BotMessage`` becomes widget JSON, WhatsApp Cloud API message bodies
(reply buttons, an interactive list or numbered text) or Telegram Bot API calls (inline
keyboard). Long advice is split into messages that fit each channel. Everything here is
pure: the adapters store what the rendering says must be remembered (numbered options,
payloads too long to be a button id) and do the sending.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.gateway.rasa_client import BotMessage, Button

# WhatsApp Cloud API limits (messages API reference: text, interactive reply buttons, list).
WA_TEXT_LIMIT = 4096
WA_INTERACTIVE_BODY_LIMIT = 1024
WA_MAX_BUTTONS = 3
WA_BUTTON_TITLE_LIMIT = 20
WA_BUTTON_ID_LIMIT = 256
WA_MAX_LIST_ROWS = 10
WA_ROW_TITLE_LIMIT = 24
WA_ROW_DESCRIPTION_LIMIT = 72
WA_ROW_ID_LIMIT = 200
WA_LIST_BUTTON_TEXT = "Kies een optie"  # at most 20 characters

# Telegram Bot API limits (sendMessage text 1-4096 characters, callback_data 1-64 bytes).
TG_TEXT_LIMIT = 4096
TG_CALLBACK_DATA_BYTES = 64
TG_TWO_PER_ROW_MAX_TITLE = 14

CHOOSE = "Kies een optie:"
NUMBER_HINT = "Typ het nummer van je keuze."
KEY_PREFIX = "k:"


@dataclass(frozen=True)
class Option:
    title: str
    payload: str

    def to_json(self) -> dict[str, str]:
        return {"title": self.title, "payload": self.payload}


def payload_key(payload: str) -> str:
    """Short stable id for a payload that does not fit in a button id."""
    return KEY_PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


# -- text splitting -------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _pieces(text: str, level: int) -> tuple[list[str], str]:
    """Split on paragraphs, then lines, then sentences, then words; return pieces + joiner."""
    if level == 0:
        return text.split("\n\n"), "\n\n"
    if level == 1:
        return text.split("\n"), "\n"
    if level == 2:
        return _SENTENCE_END.split(text), " "
    return text.split(" "), " "


def split_text(text: str, limit: int, measure: Callable[[str], int] = len) -> list[str]:
    """Split ``text`` into chunks with ``measure(chunk) <= limit``, at the largest natural break.

    ``measure`` lets a channel count the text as it will be sent (e.g. after HTML escaping).
    """
    text = text.strip()
    if not text:
        return []
    if measure(text) <= limit:
        return [text]
    return _split(text, limit, measure, 0)


def _split(text: str, limit: int, measure: Callable[[str], int], level: int) -> list[str]:
    if measure(text) <= limit:
        return [text]
    if level > 3:
        return _hard_cut(text, limit, measure)
    pieces, joiner = _pieces(text, level)
    if len(pieces) == 1:
        return _split(text, limit, measure, level + 1)
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        if not piece.strip():
            continue
        candidate = f"{current}{joiner}{piece}" if current else piece
        if measure(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current.strip())
        if measure(piece) <= limit:
            current = piece
        else:
            chunks.extend(_split(piece, limit, measure, level + 1))
            current = ""
    if current.strip():
        chunks.append(current.strip())
    return chunks


def _hard_cut(text: str, limit: int, measure: Callable[[str], int]) -> list[str]:
    chunks: list[str] = []
    while text:
        size = min(len(text), limit)
        while size > 1 and measure(text[:size]) > limit:
            size -= 1
        chunks.append(text[:size])
        text = text[size:]
    return chunks


def _fit_last(chunks: list[str], limit: int, measure: Callable[[str], int] = len) -> list[str]:
    """Make sure the last chunk fits ``limit`` (an interactive body is shorter than a text)."""
    if not chunks or measure(chunks[-1]) <= limit:
        return chunks
    return chunks[:-1] + split_text(chunks[-1], limit, measure)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- markdown per channel --------------------------------------------------------------------
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_BOLD_UNDERSCORE = re.compile(r"__(.+?)__", re.DOTALL)
_STRIKE = re.compile(r"~~(.+?)~~", re.DOTALL)
_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$", re.MULTILINE)
_STAR_BULLET = re.compile(r"^(\s*)[*+]\s+", re.MULTILINE)
_CODE = re.compile(r"`([^`\n]+)`")


def whatsapp_markdown(text: str) -> str:
    """Markdown from the dialogue → WhatsApp formatting (*bold*, _italic_, ~strike~)."""
    text = _STAR_BULLET.sub(r"\1- ", text)
    text = _HEADING.sub(r"*\1*", text)
    text = _BOLD.sub(r"*\1*", text)
    text = _BOLD_UNDERSCORE.sub(r"*\1*", text)
    text = _STRIKE.sub(r"~\1~", text)
    text = _LINK.sub(r"\1 (\2)", text)
    return text


def telegram_html(text: str) -> str:
    """Markdown from the dialogue → Telegram's HTML parse mode (everything else escaped)."""
    text = _STAR_BULLET.sub(r"\1• ", text)
    text = html.escape(text, quote=False)
    text = _HEADING.sub(r"<b>\1</b>", text)
    text = _BOLD.sub(r"<b>\1</b>", text)
    text = _BOLD_UNDERSCORE.sub(r"<b>\1</b>", text)
    text = _STRIKE.sub(r"<s>\1</s>", text)
    text = _CODE.sub(r"<code>\1</code>", text)
    return _LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', text)


def _tg_measure(text: str) -> int:
    return len(telegram_html(text))


# -- widget ----------------------------------------------------------------------------------
def render_widget(messages: Iterable[BotMessage]) -> list[dict[str, Any]]:
    """Widget JSON: text (markdown subset rendered safely in the browser), buttons, image.

    Custom payloads stay on the server (a handoff summary is for the adviser), except the
    handoff signal itself so the widget can say that a person will answer, and what kind of
    message it is (advice, a folded detail with its title).
    """
    out: list[dict[str, Any]] = []
    for m in messages:
        item = {k: v for k, v in m.to_json().items() if k != "custom"}
        if m.custom and isinstance(m.custom.get("handoff"), str):
            item["handoff"] = m.custom["handoff"]
        if m.custom and isinstance(m.custom.get("kind"), str):
            # The widget folds advice details under their title and scrolls to the advice's start.
            item["kind"] = m.custom["kind"]
            if isinstance(m.custom.get("title"), str):
                item["title"] = m.custom["title"]
        if item:
            out.append(item)
    return out


# -- WhatsApp --------------------------------------------------------------------------------
@dataclass
class Rendering:
    """What to send, plus what the adapter must remember for the person's answer."""

    bodies: list[dict[str, Any]] = field(default_factory=list)
    # None: no numbered options in this batch (clear stored ones); else the new options.
    numbered: list[Option] | None = None
    long_payloads: dict[str, Option] = field(default_factory=dict)


def _button_id(button: Button, limit: int, rendering: Rendering, measure: Callable[[str], int] = len) -> str:
    payload = button.payload or button.title
    if measure(payload) <= limit and not payload.startswith(KEY_PREFIX):
        return payload
    key = payload_key(payload)
    rendering.long_payloads[key] = Option(button.title, payload)
    return key


def _wa_text(body: str) -> dict[str, Any]:
    return {"type": "text", "text": {"body": body, "preview_url": False}}


def _wa_buttons(body: str, buttons: Sequence[Button], r: Rendering) -> dict[str, Any]:
    return {
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": body},
            "action": {"buttons": [
                {"type": "reply", "reply": {"id": _button_id(b, WA_BUTTON_ID_LIMIT, r), "title": b.title}}
                for b in buttons
            ]},
        },
    }


def _wa_list(body: str, buttons: Sequence[Button], r: Rendering) -> dict[str, Any]:
    rows = []
    for b in buttons:
        row: dict[str, str] = {"id": _button_id(b, WA_ROW_ID_LIMIT, r),
                               "title": shorten(b.title, WA_ROW_TITLE_LIMIT)}
        if len(b.title) > WA_ROW_TITLE_LIMIT:
            row["description"] = b.title  # the full title; checked to fit before choosing a list
        rows.append(row)
    return {
        "type": "interactive",
        "interactive": {
            "type": "list",
            "body": {"text": body},
            "action": {"button": WA_LIST_BUTTON_TEXT, "sections": [{"title": "Opties", "rows": rows}]},
        },
    }


def whatsapp_layout(buttons: Sequence[Button]) -> str:
    """"buttons", "list" or "numbered": the richest form WhatsApp allows for these options."""
    titles = [b.title for b in buttons]
    if len(titles) <= WA_MAX_BUTTONS and all(0 < len(t) <= WA_BUTTON_TITLE_LIMIT for t in titles) \
            and len(set(titles)) == len(titles):
        return "buttons"
    if len(titles) <= WA_MAX_LIST_ROWS and all(0 < len(t) <= WA_ROW_DESCRIPTION_LIMIT for t in titles):
        return "list"
    return "numbered"


def numbered_text(body: str, options: Sequence[Option]) -> str:
    lines = [f"{i}. {o.title}" for i, o in enumerate(options, start=1)]
    return f"{body}\n\n" + "\n".join(lines) + f"\n\n{NUMBER_HINT}"


def document_of(m: BotMessage) -> dict[str, str] | None:
    """A file to send along (the advice PDF): ``custom.document`` with an https or http url."""
    doc = (m.custom or {}).get("document")
    if isinstance(doc, dict) and isinstance(doc.get("url"), str) and doc["url"].startswith(("https://", "http://")):
        return {"url": doc["url"], "filename": str(doc.get("filename") or "document.pdf")}
    return None


def render_whatsapp(messages: Iterable[BotMessage]) -> Rendering:
    r = Rendering()
    for m in messages:
        body = whatsapp_markdown(m.text or "").strip()
        if m.image:
            r.bodies.append({"type": "image", "image": {"link": m.image}})
        doc = document_of(m)
        if doc:
            # WhatsApp fetches the file from the link; the text below keeps the link as a fallback.
            r.bodies.append({"type": "document", "document": {"link": doc["url"], "filename": doc["filename"]}})
        if not m.buttons:
            r.bodies.extend(_wa_text(c) for c in split_text(body, WA_TEXT_LIMIT))
            continue
        layout = whatsapp_layout(m.buttons)
        if layout == "numbered":
            options = [Option(b.title, b.payload or b.title) for b in m.buttons]
            # The list must stay together with its question: split only the text before it.
            tail = numbered_text("", options).strip()
            chunks = split_text(body, WA_TEXT_LIMIT - len(tail) - 2) or [CHOOSE]
            r.bodies.extend(_wa_text(c) for c in chunks[:-1])
            last = numbered_text(chunks[-1], options)
            r.bodies.extend(_wa_text(c) for c in split_text(last, WA_TEXT_LIMIT))
            r.numbered = options
            continue
        chunks = _fit_last(split_text(body, WA_TEXT_LIMIT), WA_INTERACTIVE_BODY_LIMIT) or [CHOOSE]
        r.bodies.extend(_wa_text(c) for c in chunks[:-1])
        make = _wa_buttons if layout == "buttons" else _wa_list
        r.bodies.append(make(chunks[-1], m.buttons, r))
    return r


# -- Telegram --------------------------------------------------------------------------------
def _tg_keyboard(buttons: Sequence[Button], r: Rendering) -> dict[str, Any]:
    def byte_len(s: str) -> int:
        return len(s.encode("utf-8"))

    keys = [{"text": b.title, "callback_data": _button_id(b, TG_CALLBACK_DATA_BYTES, r, byte_len)}
            for b in buttons]
    per_row = 2 if all(len(b.title) <= TG_TWO_PER_ROW_MAX_TITLE for b in buttons) else 1
    return {"inline_keyboard": [keys[i:i + per_row] for i in range(0, len(keys), per_row)]}


def _tg_message(text: str) -> dict[str, Any]:
    return {"method": "sendMessage", "text": telegram_html(text), "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True}}


def render_telegram(messages: Iterable[BotMessage]) -> Rendering:
    """Bot API calls as ``{"method": ..., **params}`` without ``chat_id`` (the adapter adds it)."""
    r = Rendering()
    for m in messages:
        if m.image:
            r.bodies.append({"method": "sendPhoto", "photo": m.image})
        doc = document_of(m)
        if doc:
            # Telegram downloads the file from the URL itself (sendDocument with an HTTP URL).
            r.bodies.append({"method": "sendDocument", "document": doc["url"]})
        chunks = split_text(m.text or "", TG_TEXT_LIMIT, _tg_measure)
        if m.buttons and not chunks:
            chunks = [CHOOSE]
        calls = [_tg_message(c) for c in chunks]
        if m.buttons and calls:
            calls[-1]["reply_markup"] = _tg_keyboard(m.buttons, r)
        r.bodies.extend(calls)
    return r
