"""Turn a profile and an advice (api.md JSON) into a few short B1 Dutch chat messages.

Pure and Rasa-free so every text the bot can produce is unit-tested for readability and phone
length (assistant/intake/readability.py). A message is ``{"text": str, "buttons": [...]}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

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
        text += f" Er is wel ander geld om te leren. Kijk bijvoorbeeld naar: {names}. Meer staat hierboven."
    else:
        text += f" Het {WHERE} weet wat nu wel kan."
    return text


def render_advice(advice: Mapping[str, Any], asked_ended: Iterable[str] = ()) -> list[Message]:
    """The advice in a few messages: next steps, money, open points, where to go, source date."""
    profile = advice.get("profile") or {}
    messages: list[Message] = []

    step_lines = [f"{i}. {s}" for i, s in enumerate(next_steps(advice), 1)]
    messages.extend(_msg(t) for t in _chunk("Dit zijn je beste volgende stappen:", step_lines))

    funding = advice.get("funding") or []
    if funding:
        lines = [f"• {f['text']}" for f in funding]
        messages.extend(_msg(t) for t in _chunk("Hier kun je geld of hulp voor je opleiding krijgen:", lines,
                                                more="Er is nog meer:"))
    else:
        messages.append(_msg(f"Ik vond geen regeling die zeker bij je past. Het {WHERE} kijkt graag met je mee."))

    open_points = (advice.get("open_points") or [])[:3]
    if open_points:
        lines = [f"• {p['text']}" for p in open_points]
        messages.extend(_msg(t) for t in _chunk("Dit weet ik nog niet zeker:", lines, more="Ook nog niet zeker:"))

    for scheme_id in asked_ended:
        text = _ended_text(advice, scheme_id)
        if text:
            messages.append(_msg(text))

    place = f" voor {profile['municipality']}" if profile.get("municipality") else " in jouw regio"
    messages.append(_msg(f"Het {WHERE}{place} helpt je gratis verder. Zoek het op werkcentrum.nl."))
    messages.append(_msg(str(advice.get("note") or SOURCES_NOTE)))
    return messages
