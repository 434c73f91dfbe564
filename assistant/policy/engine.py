"""Pure evaluation of the scheme records against a profile on a peildatum.

Order (schemes.md): the window decides ``not_yet_open`` / ``ended`` before any condition; then the
scheme's rules in order; the first match wins. Unknown inputs lead to ``uncertain``: the
assistant asks or refers, it never guesses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.policy.schemes import LIST_FACTS, Scheme, load_schemes

# Education groups (schemes.md, general ruling 3). havo, vwo and buitenlands are never mapped
# to max_mbo2 / max_mbo4 by the seeds (002:L192, L260, L296): they stay unknown for those tests.
MAX_MBO2 = frozenset({"geen", "vmbo", "mbo1", "mbo2"})
MAX_MBO4 = MAX_MBO2 | {"mbo3", "mbo4"}
UNMAPPED_FOR_MAX = frozenset({"havo", "vwo", "buitenlands"})
STARTKWALIFICATIE = frozenset(
    {
        "mbo2",
        "mbo3",
        "mbo4",
        "havo",
        "vwo",
        "hbo_ad",
        "hbo_bachelor",
        "hbo_master",
        "wo_bachelor",
        "wo_master",
    }
)
NO_STARTKWALIFICATIE = frozenset({"geen", "vmbo", "mbo1"})
WERKNEMER = frozenset({"werknemer_vast", "werknemer_flex"})

WHERE_TO_CHECK = "Leeroverzicht.nl, UWV, DUO of het Werkcentrum (voorheen Leerwerkloket)"


def caveat(verified_on: date) -> str:
    """The availability caveat (schemes.md ruling 8), naming when the facts were last checked."""
    return (
        f"Regelingen veranderen. Dit is nagekeken op {dutch_date(verified_on)}. "
        f"Kijk voor de laatste stand op {WHERE_TO_CHECK}."
    )

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True)
class SchemeResult:
    scheme_id: str
    name: str
    status: str
    route: str
    reasons: tuple[str, ...]
    sources: tuple[str, ...]
    amount: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    verified_on: str | None = None
    application: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "scheme_id": self.scheme_id,
            "name": self.name,
            "status": self.status,
            "route": self.route,
            "reasons": list(self.reasons),
            "sources": list(self.sources),
            "amount": self.amount,
            "notes": list(self.notes),
            "verified_on": self.verified_on,
            **({"application": self.application} if self.application is not None else {}),
        }


def dutch_date(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _group(level: Any, members: frozenset[str], unknown: frozenset[str]) -> bool | None:
    if level is None or level in unknown:
        return None
    return level in members


def derive_facts(profile: Mapping[str, Any], peildatum: date | None = None) -> dict[str, Any]:
    """Profile fields (absent = unknown) plus the derived, three-valued facts rules test.

    ``age_under_limit`` is also set here, for callers that only compare answers and apply the
    rules themselves (the intake's relevance check): on the peildatum, or without one under the
    newest limit in the data. ``evaluate_scheme`` sets it again per scheme with the study start.
    """
    facts: dict[str, Any] = {k: v for k, v in profile.items() if k != "sector_interests"}
    interests = [s for s in (profile.get("sector_interests") or []) if isinstance(s, str)]
    facts["sector_interests"] = interests
    edu = profile.get("education_level")
    facts["edu_max_mbo2"] = _group(edu, MAX_MBO2, UNMAPPED_FOR_MAX)
    facts["edu_max_mbo4"] = _group(edu, MAX_MBO4, UNMAPPED_FOR_MAX)
    facts["edu_startkwalificatie"] = (
        True if edu in STARTKWALIFICATIE else False if edu in NO_STARTKWALIFICATIE else None
    )
    status = profile.get("work_status")
    facts["werknemer"] = None if status is None else status in WERKNEMER
    literacy_need = profile.get("literacy_need")
    if literacy_need is True or profile.get("goal") == "basisvaardigheden":
        facts["literacy"] = True
    elif literacy_need is False:
        facts["literacy"] = False
    else:
        facts["literacy"] = None
    # Ontwikkelpaden weigh interests and the current sector (doorstroom) together.
    sectors = list(interests)
    current = profile.get("current_sector")
    if isinstance(current, str) and current not in sectors:
        sectors.append(current)
    facts["sectors"] = sectors
    limited = [s for s in load_schemes() if s.age_limits]
    if len(limited) == 1:  # one limit in the data today; several would need a fact per scheme
        scheme = limited[0]
        day = peildatum if peildatum is not None else scheme.age_limits[-1].start
        facts["age_under_limit"] = age_under_limit(scheme, profile.get("age"), day)[0]
    return facts


def _matches(fact: str, value: Any, matcher: Any) -> bool:
    if fact in LIST_FACTS:
        items = value or []
        if "empty" in matcher and bool(matcher["empty"]) != (len(items) == 0):
            return False
        return "any_of" not in matcher or bool(set(items) & set(matcher["any_of"]))
    if isinstance(matcher, list):
        return value in matcher
    if isinstance(matcher, dict):
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        return matcher.get("min", value) <= value <= matcher.get("max", value)
    # bool is a subclass of int in Python: compare types so that true never equals 1.
    return value is matcher if isinstance(matcher, bool) or matcher is None else value == matcher


def when_holds(when: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
    return all(_matches(fact, facts.get(fact), matcher) for fact, matcher in when.items())


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def application(scheme: Scheme, peildatum: date) -> tuple[dict[str, Any] | None, str | None]:
    """Whether an application round is open on the peildatum, apart from validity (ruling 7)."""
    if not scheme.tijdvakken:
        return None, None
    current = next((t for t in scheme.tijdvakken if t.start <= peildatum <= t.end), None)
    past = [t for t in scheme.tijdvakken if t.end < peildatum]
    future = [t for t in scheme.tijdvakken if t.start > peildatum]
    out: dict[str, Any] = {
        "open": current is not None,
        "from": current.start.isoformat() if current else None,
        "until": current.end.isoformat() if current else None,
        "last_closed": past[-1].end.isoformat() if past else None,
        # While a round is open the next one is not what the person needs to know.
        "next_expected": None if current else (future[0].start.isoformat() if future else scheme.next_expected),
    }
    if current:
        return out, f"De aanvraag is nu open, tot en met {dutch_date(current.end)}."
    if future:
        return out, f"De aanvraag is nu dicht. De volgende ronde begint op {dutch_date(future[0].start)}."
    text = "De aanvraag is nu dicht."
    if past:
        text += f" De laatste ronde sloot op {dutch_date(past[-1].end)}."
    text += f" {scheme.next_expected}" if scheme.next_expected else " Een nieuwe ronde is nog niet bekend."
    return out, text


def whole_years(start: date, end: date) -> int:
    """Whole years from ``start`` to ``end`` (a birthday-style count; 29 February counts as 1 March)."""
    years = end.year - start.year
    return years - 1 if (end.month, end.day) < (start.month, start.day) else years


def age_under_limit(
    scheme: Scheme, age: Any, peildatum: date, study_start: date | None = None
) -> tuple[bool | None, int | None]:
    """Whether someone of ``age`` on the peildatum is under the scheme's limit when the study starts.

    The limit is the one of the studiejaar in which the study starts (levenlanglerenkrediet: 55,
    then 56, then 57; schemes.yaml), and the age counts on that start, not on the day someone asks.
    Without a known start the study starts on the peildatum. A start later than the peildatum can
    fall after a birthday: when that birthday decides, the answer is None (uncertain).
    """
    start = study_start if study_start is not None and study_start > peildatum else peildatum
    limit = scheme.age_limit_on(start)
    if limit is None or not isinstance(age, int) or isinstance(age, bool):
        return None, limit
    youngest = age + whole_years(peildatum, start)
    # Exactly N years later the age is exactly N more; otherwise a birthday may fall in between.
    oldest = youngest if (start.month, start.day) == (peildatum.month, peildatum.day) else youngest + 1
    if oldest < limit:
        return True, limit
    if youngest >= limit:
        return False, limit
    return None, limit


def evaluate_scheme(
    scheme: Scheme, facts: Mapping[str, Any], peildatum: date, study_start: date | None = None
) -> SchemeResult:
    route = scheme.route
    for rr in scheme.route_rules:
        if when_holds(rr.when, facts):
            route = rr.route
            break
    sources = _unique(list(scheme.sources) + list(scheme.window_sources))
    notes = list(scheme.notes)
    if scheme.open_from and peildatum < scheme.open_from:
        status = "not_yet_open"
        reasons = [
            f"Deze regeling start op {dutch_date(scheme.open_from)}. Je kunt haar nu nog niet gebruiken."
        ]
    elif scheme.open_until and peildatum > scheme.open_until:
        status = "ended"
        reasons = [
            f"Deze regeling is gestopt op {dutch_date(scheme.open_until)}. Je kunt haar niet meer gebruiken."
        ]
    else:
        limit: int | None = None
        if scheme.age_limits:
            under, limit = age_under_limit(scheme, facts.get("age"), peildatum, study_start)
            facts = {**facts, "age_under_limit": under}
        rule = next((r for r in scheme.rules if when_holds(r.when, facts)), scheme.otherwise)
        status = rule.status
        reason = " ".join(rule.reason.split())
        if limit is not None:
            reason = reason.replace("{age_limit}", str(limit))
        reasons = [reason]
        if status == "eligible" and scheme.confirmed_until and peildatum > scheme.confirmed_until:
            # Official texts confirm the scheme only until then; a longer run is a third-party fact.
            status = "uncertain"
            reasons = [" ".join((scheme.unconfirmed_reason or "").split()), reason]
    app, app_text = application(scheme, peildatum)
    if app_text and status in ("eligible", "uncertain"):
        reasons.append(app_text)
    notes.append(caveat(scheme.verified_on))
    return SchemeResult(
        scheme_id=scheme.id,
        name=scheme.name,
        status=status,
        route=route,
        reasons=tuple(reasons),
        sources=sources,
        amount=scheme.amount,
        notes=tuple(" ".join(n.split()) for n in notes),
        verified_on=scheme.verified_on.isoformat(),
        application=app,
    )


def evaluate(
    profile: Mapping[str, Any], peildatum: date, study_start: date | None = None
) -> list[SchemeResult]:
    """One result per scheme, in the stable order of ``data/schemes.yaml``.

    ``study_start`` is when the study would start, if known; an age limit counts on that day.
    """
    facts = derive_facts(profile, peildatum)
    return [evaluate_scheme(scheme, facts, peildatum, study_start) for scheme in load_schemes()]
