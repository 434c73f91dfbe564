"""Generated people: a true profile each, and what they will do in the conversation.

People are drawn from ``random.Random(seed)``; the same seed gives the same people. The
categorical facts cycle through a shuffled list of all their values, so every work situation,
education level, age band, sector and goal appears in any run of a few dozen people.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.policy.paths import EDUCATION_NLQF, load_paths
from assistant.simulate import bank

WORK_STATUSES = tuple(bank.WORK_STATUS)
EDUCATION_LEVELS = tuple(bank.EDUCATION)
SECTORS = (*bank.SECTOR_NOUNS, "anders")
GOALS = tuple(bank.GOALS)
FORMS = tuple(bank.FORMS)
AGE_BANDS: tuple[tuple[int, int], ...] = ((17, 22), (23, 29), (30, 44), (45, 54), (55, 66), (67, 80))
EMPLOYEES = frozenset({"werknemer_vast", "werknemer_flex"})
WORKING = EMPLOYEES | {"zzp"}
LOW_EDUCATION = frozenset({"geen", "vmbo", "mbo1", "buitenlands"})


@dataclass(frozen=True)
class Events:
    """What happens in one conversation besides answering (all chosen per person, seeded)."""

    greeting: str | None = None            # first message is a greeting
    opener_facts: tuple[str, ...] = ()     # fields volunteered together in the first message
    correct: str | None = None             # field first answered wrongly, then corrected
    dont_know: str | None = None           # field answered with "weet ik niet"
    faq: str | None = None                 # response-selector key asked during the intake
    out_of_scope: bool = False
    human: bool | None = None              # asks for a person; True = then accepts, False = declines
    injection: str | None = None           # intent syntax typed as text
    tap_buttons: bool = False              # taps a fitting button when one is offered
    typo_rate: float = 0.0


@dataclass(frozen=True)
class Person:
    pid: int
    seed: int
    truth: dict[str, Any]
    own_words: str | None                  # own words for a sector outside the vocabulary
    events: Events
    wrong: dict[str, Any] = field(default_factory=dict)  # the wrong first answer for events.correct

    def label(self) -> str:
        return f"person {self.pid} (seed {self.seed})"


def _cycle(values: Sequence[Any], rng: random.Random) -> Iterator[Any]:
    while True:
        order = list(values)
        rng.shuffle(order)
        yield from order


def _truth(rng: random.Random, status: str, education: str, band: tuple[int, int], sector: str,
           interest: str, goal: str) -> tuple[dict[str, Any], str | None]:
    low, high = band
    if status == "student":
        low, high = min(low, 25), min(high, 29)
    if status == "gepensioneerd":
        low, high = max(low, 62), max(high, 75)
    age = rng.randint(low, max(low, high))
    truth: dict[str, Any] = {"age": age, "work_status": status, "education_level": education, "goal": goal}
    own_words = None
    if status in WORKING:
        truth["current_sector"] = sector
        if sector == "anders":
            own_words = rng.choice(bank.OWN_WORDS_SECTORS)
    if status in EMPLOYEES:
        truth["employer_size"] = rng.choice(("mkb", "groot"))
        truth["hours_per_week"] = rng.choice((8, 12, 16, 20, 24, 28, 32, 36, 38, 40))
        truth["at_risk_of_job_loss"] = rng.random() < 0.3
    elif status == "zzp":
        truth["hours_per_week"] = rng.choice((10, 20, 30, 40, 50))
    truth["sector_interests"] = [interest] if interest != "anders" else [rng.choice(SECTORS[:-1])]
    # Who wants to learn taal, rekenen or the computer needs that help: saying so answers both.
    truth["literacy_need"] = goal == "basisvaardigheden" or rng.random() < (0.6 if education in LOW_EDUCATION else 0.1)
    truth["receives_studiefinanciering"] = status == "student" or (age < 30 and rng.random() < 0.2)
    truth["max_hours_study_per_week"] = rng.choice((2, 4, 5, 6, 8, 10, 12, 15, 20))
    truth["preferred_form"] = rng.choice(FORMS)
    truth["municipality"] = rng.choice(bank.municipalities())
    truth["connected_to_dutch_labour_market"] = True  # they live in a Dutch gemeente
    return truth, own_words


def _function(rng: random.Random, truth: dict[str, Any]) -> str | None:
    """The function now of someone working in a sector with several trades, fitting the diploma
    (no hbo function without a hbo diploma); one in five has a trade outside the path."""
    sector = truth.get("current_sector")
    if truth["work_status"] not in WORKING or not isinstance(sector, str):
        return None
    path = load_paths().sector(sector)
    if path is None or len(path.functions) < 2:
        return None
    if rng.random() < 0.2:
        return "anders"
    level = EDUCATION_NLQF.get(truth["education_level"], 2)
    fitting = [f.id for f in path.functions if f.nlqf <= max(level, 2) + 1 and (f.nlqf < 6 or level >= 6)]
    return rng.choice(fitting or [path.functions[0].id])


ASKABLE = ("work_status", "education_level", "age", "goal", "sector_interests", "max_hours_study_per_week",
           "preferred_form", "municipality", "hours_per_week", "employer_size", "current_sector",
           "at_risk_of_job_loss", "literacy_need", "receives_studiefinanciering", "connected_to_dutch_labour_market")
# Fields a person can volunteer in one go in the first message.
VOLUNTEERABLE = ("work_status", "education_level", "age", "goal", "hours_per_week", "municipality",
                 "current_sector")


def _wrong_value(field_name: str, value: Any, rng: random.Random) -> Any:
    """A plausible slip for a correction ("ik ben 74" for 47)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        candidates = [v for v in (value + 10, value - 10, value + 5, value - 3)
                      if 18 <= v <= 75 and v != value] if field_name == "age" \
            else [v for v in (value + 4, value - 4, value + 8) if 1 <= v <= 40 and v != value]
        return rng.choice(candidates) if candidates else value + 1
    if field_name == "education_level":
        return rng.choice([v for v in EDUCATION_LEVELS if v != value])
    if field_name == "goal":
        return rng.choice([v for v in GOALS if v != value])
    if field_name == "preferred_form":
        return rng.choice([v for v in FORMS if v != value])
    return value


def make_person(pid: int, seed: int, status: str, education: str, band: tuple[int, int], sector: str,
                interest: str, goal: str, typo_rate: float) -> Person:
    rng = random.Random(f"{seed}:{pid}")
    truth, own_words = _truth(rng, status, education, band, sector, interest, goal)
    # A random stream of its own, so people drawn before the function existed stay the same.
    function = _function(random.Random(f"{seed}:{pid}:function"), truth)
    if function is not None:
        truth["current_function"] = function
    present = [f for f in VOLUNTEERABLE if f in truth and not (f == "current_sector" and own_words)]
    opener: tuple[str, ...] = ()
    if rng.random() < 0.35:
        opener = tuple(rng.sample(present, k=min(len(present), rng.randint(2, 3))))
    correctable = [f for f in ("age", "education_level", "goal", "preferred_form", "max_hours_study_per_week")
                   if f not in opener]
    correct = rng.choice(correctable) if rng.random() < 0.15 else None
    dont_know_options = [f for f in ASKABLE if f in truth and f != correct and f not in opener]
    events = Events(
        greeting=rng.choice(bank.GREETINGS) if not opener and rng.random() < 0.35 else None,
        opener_facts=opener,
        correct=correct,
        dont_know=rng.choice(dont_know_options) if rng.random() < 0.15 else None,
        faq=rng.choice(sorted(bank.FAQ)) if rng.random() < 0.25 else None,
        out_of_scope=rng.random() < 0.15,
        human=(rng.random() < 0.5) if rng.random() < 0.12 else None,
        injection=rng.choice(bank.INJECTIONS) if rng.random() < 0.12 else None,
        tap_buttons=rng.random() < 0.3,
        typo_rate=typo_rate,
    )
    wrong = {correct: _wrong_value(correct, truth[correct], rng)} if correct else {}
    return Person(pid=pid, seed=seed, truth=truth, own_words=own_words, events=events, wrong=wrong)


def generate_people(n: int, seed: int, typo_rate: float = 0.1) -> list[Person]:
    """``n`` people from ``seed``; all categorical values covered once n >= the largest value set."""
    rng = random.Random(seed)
    statuses, educations = _cycle(WORK_STATUSES, rng), _cycle(EDUCATION_LEVELS, rng)
    bands, sectors, interests, goals = _cycle(AGE_BANDS, rng), _cycle(SECTORS, rng), _cycle(SECTORS, rng), \
        _cycle(GOALS, rng)
    people = []
    for pid in range(n):
        status = next(statuses)
        # Working people need a current sector: draw from the sector cycle only for them, so the
        # cycle covers every sector among people who have one.
        sector = next(sectors) if status in WORKING else "anders"
        people.append(make_person(pid, seed, status, next(educations), next(bands), sector, next(interests),
                                  next(goals), typo_rate))
    return people
