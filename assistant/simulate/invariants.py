"""The invariants every simulated conversation must keep, each a named failure kind."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from assistant.simulate import bank
from assistant.simulate.conversation import UNKNOWN, Transcript
from assistant.vocabulary import vocabulary

# Failure kinds, in the order of the invariants (plus a crash of the machine).
NO_OUTCOME = "no_outcome"              # (1) neither summary + advice nor a handoff the person asked for
REPEATED_PROMPT = "repeated_prompt"    # (2) a text sent more than twice while one question stays open
WRONG_FACT = "wrong_fact"              # (3) a profile fact the person did not give
ANSWER_OVERRULED = "answer_overruled"  # (4) the answer to a question lost to another message
UNACCEPTED_EFFECT = "unaccepted_effect"  # (5) a handoff (or delete/restart) nobody accepted
SCHEME_MENTION = "scheme_mention"      # (6) text about a scheme not asked about or not applying
CRASH = "crash"
KINDS = (NO_OUTCOME, REPEATED_PROMPT, WRONG_FACT, ANSWER_OVERRULED, UNACCEPTED_EFFECT, SCHEME_MENTION, CRASH)
MAX_REPEATS = 2
# Moves that are not an answer to the open question: the machine re-asks it to resume, which is no
# sign of a loop, so those re-asks are not counted (the person makes at most one per question).
RESUME_MOVES = frozenset({"faq", "out_of_scope", "human", "decline", "greeting", "nudge", "correction"})

# Profile fields the machine may fill itself from what was said.
DERIVED = frozenset({"region_code"})
APPLIES = frozenset({"eligible", "uncertain"})


@dataclass(frozen=True)
class Violation:
    kind: str
    detail: str
    turn: int | None = None   # index into transcript.turns
    field: str | None = None  # the profile field, for wrong facts and overruled answers


# -- scheme names -----------------------------------------------------------------------------
# Short names people and texts use besides the record's name (case-sensitive where the short name
# is also an everyday word, e.g. "stap", "slim").
_ALIASES: tuple[tuple[str, bool, frozenset[str]], ...] = (
    (r"\bSTAP\b", True, frozenset({"stap_budget", "stap_ontwikkeladvies"})),
    (r"\bSLIM\b", True, frozenset({"slim", "ontwikkelpaden_scholingssubsidie"})),
    (r"\bNL leert door\b", False, frozenset({"nl_leert_door_ontwikkeladvies", "nl_leert_door_scholing"})),
    (r"\blevenlanglerenkrediet\b", False, frozenset({"levenlanglerenkrediet"})),
    (r"\bTel mee met Taal\b", False, frozenset({"tel_mee_met_taal_werkgevers"})),
    (r"\bSectorplanPlus\b", False, frozenset({"sectorplanplus_zorg"})),
    (r"\bzij-instroom\b", False, frozenset({"zij_instroom_leraren"})),
    (r"\bstudievoorschot\b", False, frozenset({"vouchers_studievoorschot"})),
    (r"\bderde leerweg\b", False, frozenset({"praktijkleren_derde_leerweg"})),
)


@functools.lru_cache(maxsize=1)
def scheme_patterns() -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    """Patterns for scheme mentions: full names and names without their bracket, then aliases."""
    from assistant.policy.schemes import load_schemes

    out: list[tuple[re.Pattern[str], frozenset[str]]] = []
    for s in load_schemes():
        names = {s.name, s.name.split(" (")[0]}
        for name in sorted(names, key=len, reverse=True):
            out.append((re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I), frozenset({s.id})))
    for pattern, case, ids in _ALIASES:
        out.append((re.compile(pattern, 0 if case else re.I), ids))
    return tuple(out)


def mentioned_schemes(text: str) -> list[frozenset[str]]:
    """The schemes a text names; each mention as the set of scheme ids it can mean."""
    taken: list[tuple[int, int]] = []
    found: list[frozenset[str]] = []
    for pattern, ids in scheme_patterns():
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue  # part of a longer name already counted
            taken.append((m.start(), m.end()))
            found.append(ids)
    return found


def scheme_statuses(profile: dict[str, Any], transcript: Transcript) -> dict[str, str]:
    from assistant.intake.profile import validate_profile
    from assistant.policy import evaluate

    return {r.scheme_id: r.status for r in evaluate(validate_profile(profile), transcript.today)}


# -- checks -----------------------------------------------------------------------------------
def _same(field: str, got: Any, want: Any) -> bool:
    if field == "sector_interests":
        return set(got or []) == set(want if isinstance(want, list) else [want])
    if field == "municipality":
        return str(got).strip().lower() == str(want).strip().lower()
    return bool(got == want)


def check_outcome(t: Transcript) -> list[Violation]:
    summary = next((i for i, turn in enumerate(t.turns) if turn.shown == "summary" or turn.asked == "summary"),
                   None)
    advice = next((i for i, turn in enumerate(t.turns) if turn.shown == "advice"), None)
    if summary is not None and advice is not None and advice >= summary:
        return []
    if any(kind == "handoff" for turn in t.turns for kind, _ in turn.effects) and not check_effects(t):
        return []
    last = t.turns[-1] if t.turns else None
    where = f"last asked {last.asked!r}, offer {last.offer!r}" if last else "no turns"
    what = "no summary" if summary is None else "summary but no advice"
    return [Violation(NO_OUTCOME, f"{what} after {len(t.turns)} turns ({where})", len(t.turns) - 1)]


def check_repeats(t: Transcript) -> list[Violation]:
    out: list[Violation] = []
    open_question: str | None = None
    counts: Counter[str] = Counter()
    for i, turn in enumerate(t.turns):
        resumed = turn.move in RESUME_MOVES and turn.asked is not None and turn.asked == open_question
        if turn.asked and turn.asked != open_question:
            open_question, counts = turn.asked, Counter()
        if turn.shown:
            open_question, counts = None, Counter()
        if open_question is None or resumed:
            continue
        for text in turn.bot:
            counts[text] += 1
            if counts[text] == MAX_REPEATS + 1:
                out.append(Violation(REPEATED_PROMPT, f"{text!r} sent {MAX_REPEATS + 1}x while "
                                                      f"{open_question!r} is open", i))
    return out


def check_facts(t: Transcript) -> list[Violation]:
    out: list[Violation] = []
    given_goal = t.given.get("goal", (None, ""))[0]
    for field, value in sorted(t.profile.items()):
        if value in (None, []) or field in DERIVED:
            continue
        if field == "literacy_need" and value is True and given_goal == "basisvaardigheden":
            continue  # wanting to learn basic skills says help with them is wanted
        if field == "connected_to_dutch_labour_market" and value is True and "municipality" in t.given \
                and field not in t.given:
            continue  # living in a Dutch gemeente is a band with the Dutch labour market
        if field not in t.given:
            out.append(Violation(WRONG_FACT, f"{field}={value!r} was never given", field=field))
            continue
        want, source = t.given[field]
        spec = vocabulary().fields.get(field)
        if want == UNKNOWN and spec is not None and spec.dont_know is not None and value == spec.dont_know:
            continue  # "weet ik niet" to the goal is the answer "kijken wat bij je past" (vocabulary: dont_know)
        if want == UNKNOWN:
            out.append(Violation(WRONG_FACT, f"{field}={value!r} but the person said 'weet ik niet'",
                                 t.given_at.get(field), field))
        elif field == "current_sector" and want == "anders" and value in bank.OWN_WORDS_ALSO.get(
                t.person.own_words or "", frozenset()):
            continue  # a job on a sector's edge ("in de beveiliging") may go either way
        elif not _same(field, value, want):
            # Read right when answered and lost later: overruled. Never read right: a wrong fact.
            at = t.given_at.get(field)
            read_right = at is not None and at < len(t.turns) and _same(field, t.turns[at].facts.get(field), want)
            kind = ANSWER_OVERRULED if source == "answer" and read_right else WRONG_FACT
            typo = " with a typo" if at is not None and at < len(t.turns) and t.turns[at].typo else ""
            out.append(Violation(kind, f"{field}={value!r} but the person gave {want!r} ({source}{typo})", at,
                                 field))
    return out


def check_effects(t: Transcript) -> list[Violation]:
    """A handoff only after the person asked for a person and accepted it (or at the request)."""
    out: list[Violation] = []
    requested = accepted = False
    for i, turn in enumerate(t.turns):
        if turn.move == "human":
            requested, accepted = True, False
        elif turn.move == "yes" and requested and turn.about != "summary":
            accepted = True
        elif turn.move == "decline":
            requested = accepted = False
        for kind, _ in turn.effects:
            if kind == "handoff" and not (accepted or (requested and turn.move == "human")):
                out.append(Violation(UNACCEPTED_EFFECT, "handoff without an accepted request", i))
            elif kind in ("delete", "restart"):
                out.append(Violation(UNACCEPTED_EFFECT, f"{kind} the person never asked for", i))
    return out


def check_schemes(t: Transcript) -> list[Violation]:
    out: list[Violation] = []
    try:
        statuses = scheme_statuses(t.profile, t)
    except Exception as exc:  # an invalid profile is a finding of its own
        return [Violation(WRONG_FACT, f"final profile is invalid: {exc}")]
    for i, turn in enumerate(t.turns):
        if turn.move == "faq":
            continue  # the reply answers what the person asked about
        for text in turn.bot:
            for ids in mentioned_schemes(text):
                if ids & t.asked_schemes or any(statuses.get(s) in APPLIES for s in ids):
                    continue
                names = ", ".join(f"{s} ({statuses.get(s, '?')})" for s in sorted(ids))
                out.append(Violation(SCHEME_MENTION, f"mentions {names}: {text[:90]!r}", i))
    return out


def check(t: Transcript) -> list[Violation]:
    if t.error:
        return [Violation(CRASH, t.error, len(t.turns) - 1 if t.turns else None)]
    return [*check_outcome(t), *check_repeats(t), *check_facts(t), *check_effects(t), *check_schemes(t)]
