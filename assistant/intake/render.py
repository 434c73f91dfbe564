"""Turn a profile and an advice (api.md JSON) into a few short B1 Dutch chat messages.

Pure and Rasa-free so every text the bot can produce is unit-tested for readability and phone
length (assistant/intake/readability.py). A message is ``{"text": str, "buttons": [...]}``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from assistant.intake.readability import MAX_MESSAGE_CHARS
from assistant.policy.engine import caveat, dutch_date
from assistant.policy.schemes import load_schemes
from assistant.vocabulary import vocabulary

# The date the scheme facts were last checked (verified_on in the scheme data), not a literal here.
SOURCES_DATE = dutch_date(max(s.verified_on for s in load_schemes()))
# Said when a message answered other questions than the one asked, before that question comes again.
NOTED = "Dank je. Dat heb ik genoteerd."
SOURCES_NOTE = caveat(max(s.verified_on for s in load_schemes()))
WHERE = "Werkcentrum (voorheen Leerwerkloket)"

# Labels come from the intake vocabulary (assistant/vocabulary.yaml), the one source for them.
_VOC = vocabulary()
WORK_LABELS = {v.value: v.label for v in _VOC["work_status"].values}
EDUCATION_LABELS = {v.value: v.label for v in _VOC["education_level"].values}
SECTOR_LABELS = {v.value: v.label for v in _VOC["current_sector"].values}
GOAL_LABELS = {v.value: v.label for v in _VOC["goal"].values}
FORM_LABELS = {v.value: v.label for v in _VOC["preferred_form"].values}
COURSE_FORM_LABELS = {"bbl": "werken en leren", "bol": "naar school", "deeltijd": "deeltijd", "cursus": "cursus"}
LEVEL_LABELS = {"mbo1": "mbo 1", "mbo2": "mbo 2", "mbo3": "mbo 3", "mbo4": "mbo 4", "hbo_ad": "hbo",
                "hbo_bachelor": "hbo", "hbo_master": "hbo-master", "cursus": "cursus"}
ENDED_ALTERNATIVES_MAX = 2
MAX_STEPS = 3

Message = dict[str, Any]


def _msg(text: str, buttons: Iterable[tuple[str, str]] = ()) -> Message:
    out: Message = {"text": text}
    items = [{"title": t, "payload": p} for t, p in buttons]
    if items:
        out["buttons"] = items
    return out


def _join(lines: list[str]) -> str:
    return "\n".join(lines)


def _chunk(heading: str, lines: list[str], limit: int = MAX_MESSAGE_CHARS, more: str = "") -> list[str]:
    """Split a list over several messages so each fits on a phone screen."""
    texts: list[str] = []
    current = [heading]
    for line in lines:
        if len(_join([*current, line])) > limit and len(current) > 1:
            texts.append(_join(current))
            current = [more] if more else []
        current.append(line)
    texts.append(_join(current))
    return texts


# -- summary -------------------------------------------------------------------------------
def summary_lines(
    profile: Mapping[str, Any], own_words: Mapping[str, str] | None = None, unknown: Iterable[str] = ()
) -> list[str]:
    """One line per known fact, in the vocabulary's labels; the person's own words where kept."""
    own = dict(own_words or {})
    voc = vocabulary()

    def label(name: str, value: Any) -> str:
        text = voc.label(name, value)
        return f"{text} ({own[name]})" if name in own and voc[name].kind != "text" else text

    lines: list[str] = []
    status = profile.get("work_status")
    if status:
        extra = []
        if profile.get("employer_size"):
            extra.append("bij een " + voc.label("employer_size", profile["employer_size"]))
        if profile.get("hours_per_week") is not None:
            extra.append(f"{profile['hours_per_week']} uur per week")
        lines.append(f"• Werk: {', '.join([label('work_status', status), *extra])}")
    if profile.get("at_risk_of_job_loss") is True:
        lines.append("• Je baan is misschien in gevaar")
    if profile.get("current_sector"):
        lines.append(f"• Sector nu: {label('current_sector', profile['current_sector'])}")
    if profile.get("education_level"):
        lines.append(f"• Hoogste diploma: {label('education_level', profile['education_level'])}")
    if profile.get("age") is not None:
        lines.append(f"• Leeftijd: {profile['age']} jaar")
    if profile.get("goal"):
        lines.append(f"• Wat je wilt: {label('goal', profile['goal'])}")
    interests = profile.get("sector_interests") or []
    if interests:
        text = ", ".join(voc.label("sector_interests", s) for s in interests)
        if "sector_interests" in own:
            text += f" ({own['sector_interests']})"
        lines.append(f"• Interesse: {text}")
    if profile.get("literacy_need") is True:
        lines.append("• Je wilt hulp bij taal, rekenen of computer")
    if profile.get("max_hours_study_per_week") is not None:
        lines.append(f"• Tijd om te leren: {profile['max_hours_study_per_week']} uur per week")
    if profile.get("preferred_form"):
        lines.append(f"• Leren: {label('preferred_form', profile['preferred_form'])}")
    if profile.get("receives_studiefinanciering") is True:
        lines.append("• Je krijgt studiefinanciering")
    if profile.get("municipality"):
        lines.append(f"• Gemeente: {profile['municipality']}")
    skipped = [voc[n].label.lower() for n in unknown if n in voc.fields]
    if skipped:
        lines.append(f"• Nog niet bekend: {', '.join(skipped)}")
    return lines


def render_summary(
    profile: Mapping[str, Any], own_words: Mapping[str, str] | None = None, unknown: Iterable[str] = ()
) -> list[Message]:
    """The "Klopt dit?" message before the advice. Buttons send their title as text."""
    texts = vocabulary().texts
    yes, no = texts["summary_yes"], texts["summary_no"]
    lines = summary_lines(profile, own_words, unknown)
    if not lines:
        return [_msg("Ik weet nog niets over je. Klopt dat?", [(yes, yes), (no, no)])]
    text = _join(["Dit heb ik begrepen:", *lines, "Klopt dit?"])
    return [_msg(text, [(yes, yes), (no, no)])]


# -- advice --------------------------------------------------------------------------------
# Everything said below is decided by assistant.advice.build_advice; this only formats it.
# The advice is one short first message (best step, money, who helps: one phone screen), then
# details the widget shows folded (custom kind "advice_detail"), then the note with buttons.

# Buttons after the advice; the dialogue imports these titles (a button's payload is its title).
AFTER_ADVICE_BUTTONS: tuple[str, ...] = tuple(
    vocabulary().texts[k] for k in ("after_advice_adviser", "after_advice_keep", "after_advice_restart"))
# The first message must fit one phone screen with room for the buttons (visible characters).
FIRST_MESSAGE_MAX = 350
ADVICE_KIND = "advice"
ADVICE_OPENING = "Dit is mijn advies in het kort."
DETAIL_KIND = "advice_detail"
LEEROVERZICHT_URL = "https://www.leeroverzicht.nl"
WERKCENTRUM_URL = "https://www.werkcentrum.nl"
# Bare domains the advice texts name, made into links wherever they appear.
SITE_LINKS = {"Leeroverzicht.nl": LEEROVERZICHT_URL, "werkcentrum.nl": WERKCENTRUM_URL}
# The official site by who decides, for schemes whose data name no public page.
ROUTE_SITES = {"duo": "https://duo.nl", "uwv": "https://www.uwv.nl",
               "belastingdienst": "https://www.belastingdienst.nl", "leerwerkloket": WERKCENTRUM_URL}
# Preferred hosts when a scheme's sources name several pages: the deciding body before news.
OFFICIAL_HOSTS = ("duo.nl", "uwv.nl", "belastingdienst.nl", "dus-i.nl", "werkcentrum.nl", "rijksoverheid.nl",
                  "wetten.overheid.nl", "officielebekendmakingen.nl")
FIRST_ROUTE = {
    "self": "Je vraagt het zelf aan.", "employer": "Je werkgever vraagt het aan.",
    "regio": "De regio vraagt het aan.", "uwv": "UWV beslist.", "gemeente": "Vraag het je gemeente.",
    "duo": "Je vraagt het aan bij DUO.", "belastingdienst": "Via de belasting.",
    "loopbaanadviseur": "Via een loopbaanadviseur.", "opleider": "Via de school.",
    "leerwerkloket": "Via het Werkcentrum.",
}
_URL = re.compile(r"https?://[^\s,'\"()]+")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")


def link(label: str, url: str) -> str:
    """A markdown link: the widget and Telegram show the label, WhatsApp 'label (url)'."""
    return f"[{label}]({url})"


def visible_text(text: str) -> str:
    """The text as read on the widget: link targets hidden, ** marks gone."""
    return _MD_LINK.sub(r"\1", text).replace("**", "")


def _linkify(text: str) -> str:
    """Make the bare site names in a text clickable (once per site, not inside a link)."""
    for name, url in SITE_LINKS.items():
        if f"]({url}" in text:
            continue
        text = re.sub(rf"(?<![\w\[/.]){re.escape(name)}(?![\w\]])", link(name, url), text, count=1,
                      flags=re.IGNORECASE)
    return text


@functools.lru_cache(maxsize=1)
def scheme_links() -> dict[str, str]:
    """Scheme id -> its official page: a public URL in the scheme data, else the deciding body's site."""
    out: dict[str, str] = {}
    for scheme in load_schemes():
        urls = [u.rstrip(".") for src in (*scheme.sources, *scheme.window_sources) for u in _URL.findall(src)]
        official = [u for host in OFFICIAL_HOSTS for u in urls if urlsplit(u).hostname
                    and (urlsplit(u).hostname or "").removeprefix("www.").endswith(host)]
        url = next(iter(official), None) or ROUTE_SITES.get(scheme.route)
        if url:
            out[scheme.id] = url
    return out


def next_steps(advice: Mapping[str, Any]) -> list[str]:
    """The 1-3 most relevant next steps, as build_advice ordered them."""
    return [str(s) for s in (advice.get("next_steps") or [])][:MAX_STEPS]


def uncertain_matters(advice: Mapping[str, Any]) -> bool:
    """True when an open point decides about money for this person: then offer an adviser."""
    return bool(advice.get("offer_adviser"))


def _ended_text(advice: Mapping[str, Any], scheme_id: str) -> str | None:
    schemes = {s["scheme_id"]: s for s in advice.get("schemes") or []}
    ended = schemes.get(scheme_id)
    if ended is None or ended.get("status") != "ended":
        return None
    alternatives = [s["name"] for s in advice.get("schemes") or []
                    if s.get("status") == "eligible" and s["scheme_id"] != "leerwerkloket"]
    reason = (ended.get("reasons") or ["Deze regeling is gestopt."])[0]
    text = f"Je vroeg naar het {ended['name']}. {reason}"
    if alternatives:
        names = " of ".join(alternatives[:ENDED_ALTERNATIVES_MAX])
        text += f" Er is wel ander geld om te leren. Kijk bijvoorbeeld naar: {names}. Die staan ook bij geld."
    else:
        text += f" Het {WHERE} weet wat nu wel kan."
    return text


def _place(profile: Mapping[str, Any]) -> str:
    return f" voor {profile['municipality']}" if profile.get("municipality") else " in jouw regio"


def _first_step(advice: Mapping[str, Any]) -> str:
    courses = advice.get("courses") or []
    if courses:
        return f"**Eerste stap:** {courses[0]['name']}."
    steps = next_steps(advice)
    return f"**Eerste stap:** {steps[0]}" if steps else "**Eerste stap:** een gesprek bij het Werkcentrum."


def _first_money(advice: Mapping[str, Any], with_link: bool = True, with_more: bool = True) -> str:
    funding = advice.get("funding") or []
    if not funding:
        return "**Geld:** ik vond geen regeling die zeker bij je past. Het Werkcentrum kijkt mee."
    schemes = {s["scheme_id"]: s for s in advice.get("schemes") or []}
    first = schemes.get(funding[0]["scheme_id"], {})
    name = str(first.get("name") or funding[0]["text"].split(". ")[0])
    route = FIRST_ROUTE.get(str(first.get("route")), "")
    url = scheme_links().get(funding[0]["scheme_id"]) if with_link else None
    shown = link(name, url) if url else name
    more = " Er is nog meer, zie hieronder." if with_more and len(funding) > 1 else ""
    return f"**Geld:** {shown}. {route}{more}".rstrip()


def with_addresses(text: str) -> str:
    """The text as WhatsApp shows it: every link followed by its address."""
    return _MD_LINK.sub(r"\1 (\2)", text).replace("**", "*")


def first_message(advice: Mapping[str, Any], werkcentrum_url: str | None = None) -> str:
    """Best next step, the money that fits and who to contact, in one phone screen.

    It must fit also where links show their address (WhatsApp): a long address of the scheme's
    page goes first (it is in the details too), then the "there is more" words; never the contact.
    """
    profile = advice.get("profile") or {}
    who = (f"**Hulp:** het Werkcentrum{_place(profile)} helpt je gratis. "
           f"{link('Zoek het Werkcentrum', werkcentrum_url or WERKCENTRUM_URL)}.")
    text = ""
    for with_link, with_more in ((True, True), (False, True), (False, False)):
        text = _join([ADVICE_OPENING, _first_step(advice),
                      _first_money(advice, with_link, with_more), who])
        if len(with_addresses(text)) <= FIRST_MESSAGE_MAX:
            break
    return text


def _detail(title: str, texts: list[str]) -> list[Message]:
    """Folded details in the widget (messages with one title share a fold); follow-ups elsewhere."""
    return [{"text": t, "custom": {"kind": DETAIL_KIND, "title": title}} for t in texts]


def _funding_line(advice: Mapping[str, Any], item: Mapping[str, Any]) -> str:
    url = scheme_links().get(str(item.get("scheme_id")))
    more = f" {link('Lees meer', url)}." if url else ""
    return f"• {item['text']}{more}"


def render_advice(advice: Mapping[str, Any], asked_ended: Iterable[str] = (),
                  werkcentrum_url: str | None = None) -> list[Message]:
    """The advice: a short first message, folded details, then the note and what to tap next.

    ``werkcentrum_url`` is the person's regional Werkcentrum or Leerwerkloket when known.
    """
    messages: list[Message] = [
        {"text": first_message(advice, werkcentrum_url), "custom": {"kind": ADVICE_KIND}}]

    step_lines = [f"{i}. {_linkify(s)}" for i, s in enumerate(next_steps(advice), 1)]
    if step_lines:
        messages.extend(_detail("Wat kun je doen?", _chunk("**Wat kun je doen?**", step_lines)))

    funding = advice.get("funding") or []
    if funding:
        lines = [_funding_line(advice, f) for f in funding]
        messages.extend(_detail("Geld voor je opleiding", _chunk("**Hier kun je geld of hulp krijgen:**", lines,
                                                                 more="Er is nog meer:")))

    open_points = (advice.get("open_points") or [])[:3]
    if open_points:
        lines = [f"• {p['text']}" for p in open_points]
        messages.extend(_detail("Wat nog niet zeker is",
                                _chunk("**Dit weet ik nog niet zeker:**", lines, more="Ook nog niet zeker:")))

    for scheme_id in asked_ended:
        text = _ended_text(advice, scheme_id)
        if text:
            messages.extend(_detail("Gestopte regeling", [text]))

    note = _linkify(str(advice.get("note") or SOURCES_NOTE))
    messages.append(_msg(note, [(t, t) for t in AFTER_ADVICE_BUTTONS]))
    return messages
