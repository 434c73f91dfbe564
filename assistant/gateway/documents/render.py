"""The advice to keep, as a printable HTML page and a PDF, from one list of sections.

Built from ``build_advice`` exactly like the chat and the adviser API, so the page says what the
chat said. Pure: no database, no web.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from fpdf import FPDF

from assistant.intake.render import LEEROVERZICHT_URL, WERKCENTRUM_URL, scheme_links, summary_lines
from assistant.policy.engine import dutch_date

TITLE = "Jouw advies van Koers"
# DejaVu covers €, ë and the bullet; without it the PDF uses a core font and plain ASCII stand-ins.
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
CORE_FONT_REPLACEMENTS = {"€": "EUR", "•": "-", "…": "...", "’": "'", "‘": "'", "“": '"', "”": '"', "–": "-"}


@dataclass
class Item:
    text: str
    link: tuple[str, str] | None = None  # (label, url)


@dataclass
class Section:
    title: str
    items: list[Item] = field(default_factory=list)
    numbered: bool = False


def sections(advice: dict[str, Any], werkcentrum_url: str | None = None) -> list[Section]:
    """What the document says, in reading order."""
    links = scheme_links()
    out: list[Section] = []
    profile = advice.get("profile") or {}
    about = summary_lines(profile)
    if about:
        out.append(Section("Wat je vertelde", [Item(line.lstrip("• ")) for line in about]))
    out.append(Section("Je beste volgende stappen",
                       [Item(str(s)) for s in advice.get("next_steps") or []], numbered=True))
    funding = advice.get("funding") or []
    if funding:
        out.append(Section("Geld of hulp voor je opleiding", [
            Item(str(f["text"]), ("Lees meer", links[f["scheme_id"]]) if f.get("scheme_id") in links else None)
            for f in funding]))
    else:
        out.append(Section("Geld of hulp voor je opleiding",
                           [Item("Ik vond geen regeling die zeker bij je past. Het Werkcentrum kijkt met je mee.")]))
    open_points = advice.get("open_points") or []
    if open_points:
        out.append(Section("Wat nog niet zeker is", [Item(str(p["text"])) for p in open_points]))
    place = f" voor {profile['municipality']}" if profile.get("municipality") else " in jouw regio"
    out.append(Section("Wie helpt je verder", [
        Item(f"Het Werkcentrum (voorheen Leerwerkloket){place} helpt je gratis.",
             ("Zoek het Werkcentrum", werkcentrum_url or WERKCENTRUM_URL)),
        Item("Scholen en opleidingen vind je op Leeroverzicht.nl.", ("Leeroverzicht.nl", LEEROVERZICHT_URL)),
    ]))
    out.append(Section("Let op", [Item(str(advice.get("note") or ""))]))
    return out


def _given_on(advice: dict[str, Any]) -> str:
    return f"Advies van {dutch_date(date.fromisoformat(str(advice['peildatum'])))}"


# -- HTML --------------------------------------------------------------------------------------
PAGE_CSS = """
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 17px;
  line-height: 1.5; color: #1b1b1b; background: #ffffff; }
main { max-width: 720px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 1.5rem; margin: 8px 0 4px; }
h2 { font-size: 1.15rem; margin: 24px 0 8px; border-bottom: 2px solid #0b5cad; padding-bottom: 2px; }
a { color: #0b4f94; }
li { margin: 0 0 8px; }
.meta { color: #4a4a4a; margin: 0 0 12px; }
.actions { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.actions a, .actions button { display: inline-block; min-height: 44px; padding: 10px 16px; border-radius: 10px;
  border: 2px solid #0b5cad; background: #ffffff; color: #0b4f94; font: inherit; font-weight: 600;
  text-decoration: none; cursor: pointer; }
:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
@media print { .actions { display: none; } a { color: #1b1b1b; } a[href^="http"]::after { content: " (" attr(href) ")";
  font-size: 0.85em; overflow-wrap: anywhere; } body { font-size: 12pt; } }
"""


def advice_html(advice: dict[str, Any], pdf_url: str, expires: str, werkcentrum_url: str | None = None) -> str:
    """A page that reads well on a phone and prints cleanly (links printed with their address)."""
    e = html.escape
    parts = [
        "<!doctype html>", '<html lang="nl">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex, nofollow">', '<meta name="referrer" content="no-referrer">',
        f"<title>{e(TITLE)}</title>", f"<style>{PAGE_CSS}</style>", "</head>", "<body>", "<main>",
        f"<h1>{e(TITLE)}</h1>",
        f'<p class="meta">{e(_given_on(advice))}. Deze link werkt tot {e(expires)}.</p>',
        '<div class="actions">'
        f'<a href="{e(pdf_url)}" download>Download als pdf</a>'
        "</div>",
    ]
    for section in sections(advice, werkcentrum_url):
        parts.append(f"<h2>{e(section.title)}</h2>")
        tag = "ol" if section.numbered else "ul"
        parts.append(f"<{tag}>")
        for item in section.items:
            link = ""
            if item.link:
                link = (f' <a href="{e(item.link[1])}" rel="noopener noreferrer" target="_blank">'
                        f"{e(item.link[0])}</a>")
            parts.append(f"<li>{e(item.text)}{link}</li>")
        parts.append(f"</{tag}>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts)


# -- PDF ---------------------------------------------------------------------------------------
def _font_file(name: str) -> Path | None:
    return next((d / name for d in FONT_DIRS if (d / name).is_file()), None)


class _Pdf(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        regular, bold = _font_file("DejaVuSans.ttf"), _font_file("DejaVuSans-Bold.ttf")
        if regular and bold:
            self.add_font("Body", "", str(regular))
            self.add_font("Body", "B", str(bold))
            self.family_name, self.unicode = "Body", True
        else:
            self.family_name, self.unicode = "Helvetica", False
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=18)

    def clean(self, text: str) -> str:
        if self.unicode:
            return text
        for char, plain in CORE_FONT_REPLACEMENTS.items():
            text = text.replace(char, plain)
        return text.encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(self.family_name, "", 8)
        self.cell(0, 6, self.clean(f"Koers · pagina {self.page_no()}"), align="C")


def advice_pdf(advice: dict[str, Any], werkcentrum_url: str | None = None) -> bytes:
    """The same sections as the page, with clickable links, as an A4 PDF."""
    pdf = _Pdf()
    pdf.set_title(TITLE)
    pdf.set_lang("nl")
    pdf.set_creator("Koers")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font(pdf.family_name, "B", 18)
    pdf.multi_cell(width, 9, pdf.clean(TITLE), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family_name, "", 10)
    pdf.multi_cell(width, 6, pdf.clean(_given_on(advice)), new_x="LMARGIN", new_y="NEXT")
    for section in sections(advice, werkcentrum_url):
        pdf.ln(3)
        pdf.set_font(pdf.family_name, "B", 13)
        pdf.multi_cell(width, 7, pdf.clean(section.title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(pdf.family_name, "", 11)
        for n, item in enumerate(section.items, 1):
            mark = f"{n}." if section.numbered else "-"
            pdf.multi_cell(width, 6, pdf.clean(f"{mark} {item.text}"), new_x="LMARGIN", new_y="NEXT")
            if item.link:
                label, url = item.link
                pdf.set_text_color(11, 79, 148)
                pdf.multi_cell(width, 6, pdf.clean(f"   {label}: {url}"), link=url, new_x="LMARGIN", new_y="NEXT")
                pdf.set_text_color(0, 0, 0)
            pdf.ln(1)
    return bytes(pdf.output())
