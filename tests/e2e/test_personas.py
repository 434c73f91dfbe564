"""Scripted personas chat in free Dutch with the real stack; the advice API must show what they said.

Each persona answers the question the bot actually asks (recognised by its text from the domain),
so a persona that gives several facts at once is not asked them again, and the script does not
depend on the question order. After "Klopt dit?" the persona confirms (or first corrects), then
the advice API (adviser login) must hold the expected profile and scheme statuses.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PEILDATUM = "2025-06-01"  # fixed, so statuses do not depend on the day the test runs
MAX_TURNS = 30
RATE_LIMIT_RETRIES = 20
RATE_LIMIT_WAIT_S = 2.1


def question_texts() -> dict[str, str]:
    """Every wording of every intake question (from the vocabulary) -> the field it asks for."""
    from assistant.vocabulary import vocabulary

    voc = vocabulary()
    return {text: name for name in voc.order for text in (voc[name].ask, voc[name].rephrase) if text}


def question_of(text: str, questions: dict[str, str]) -> str | None:
    """The field a bot message asks (the buttons-only try adds a hint after the wording)."""
    for wording, name in questions.items():
        if text == wording or text.startswith(wording + " "):
            return name
    if text.startswith("Bedoel je "):
        return "confirm"
    return None


@dataclass
class Persona:
    name: str
    opening: str
    answers: dict[str, str]
    profile: dict[str, Any]
    statuses: dict[str, str]
    digressions: dict[str, str] = field(default_factory=dict)  # slot -> question asked first
    summary_fix: str | None = None


PERSONAS = [
    Persona(
        "werknemer mkb in de thuiszorg",
        "hoi",
        {
            "work_status": "ik heb een vaste baan",
            "employer_size": "ja, we zijn met zo'n 40 man",
            "hours_per_week": "32 uur",
            "at_risk_of_job_loss": "nee hoor",
            "current_sector": "ik werk in de thuiszorg",
            "education_level": "mbo niveau 3",
            "age": "52",
            "goal": "ik wil verder groeien in mijn werk",
            "sector_interests": "de zorg",
            "max_hours_study_per_week": "4 uur",
            "preferred_form": "werken en leren tegelijk",
            "municipality": "Zwolle",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "mkb",
            "age": 52,
            "education_level": "mbo3",
            "current_sector": "zorg_welzijn",
            "hours_per_week": 32,
            "municipality": "Zwolle",
        },
        {
            "slim": "eligible",
            "werkgever_scholingsvergoeding": "eligible",
            "levenlanglerenkrediet": "eligible",
            "stap_budget": "ended",
            "uwv_scholing_ww": "not_eligible",
            "ontwikkelpaden_scholingssubsidie": "eligible",
        },
    ),
    Persona(
        "flexwerker via uitzendbureau",
        "hallo",
        {
            "work_status": "ik werk via een uitzendbureau",
            "employer_size": "geen idee",
            "hours_per_week": "24",
            "at_risk_of_job_loss": "ja",
            "current_sector": "logistiek, in een magazijn",
            "education_level": "vmbo",
            "age": "29",
            "goal": "ik wil een ander vak leren",
            "sector_interests": "techniek lijkt me leuk",
            "literacy_need": "nee",
            "max_hours_study_per_week": "8",
            "preferred_form": "online",
            "receives_studiefinanciering": "nee",
            "municipality": "Tilburg",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": None,
            "age": 29,
            "education_level": "vmbo",
            "at_risk_of_job_loss": True,
        },
        {"slim": "uncertain", "werkgever_scholingsvergoeding": "eligible", "uwv_scholing_ww": "not_eligible"},
    ),
    Persona(
        "zzp'er in de bouw",
        "goedemiddag",
        {
            "work_status": "ik ben zzp'er",
            "current_sector": "bouw",
            "education_level": "mbo 4",
            "age": "47",
            "goal": "mijn bedrijf laten groeien",
            "sector_interests": "techniek",
            "max_hours_study_per_week": "5",
            "preferred_form": "in een klas",
            "municipality": "Apeldoorn",
        },
        {"work_status": "zzp", "age": 47, "education_level": "mbo4", "current_sector": "techniek_bouw_energie"},
        {
            "zzp_scholingskosten_aftrek": "eligible",
            "slim": "uncertain",
            "werkgever_scholingsvergoeding": "not_eligible",
        },
    ),
    Persona(
        "WW na ontslag, multi-fact opening",
        "Hoi, ik ben 44, zit sinds kort in de ww en heb alleen de mavo",
        {
            "work_status": "ww",
            "education_level": "mavo",
            "age": "44",
            "goal": "omscholen",
            "sector_interests": "iets met kinderen",
            "literacy_need": "nee",
            "max_hours_study_per_week": "20",
            "preferred_form": "maakt niet uit",
            "municipality": "Almere",
        },
        {"work_status": "werkzoekend_ww", "age": 44, "education_level": "vmbo"},
        {"uwv_scholing_ww": "eligible", "gemeente_reintegratie": "not_eligible", "slim": "not_eligible"},
    ),
    Persona(
        "bijstand zonder diploma, wil beter lezen",
        "hoi",
        {
            "work_status": "ik zit in de bijstand",
            "education_level": "ik heb geen diploma",
            "age": "35",
            "goal": "beter leren lezen en schrijven",
            "sector_interests": "weet ik nog niet",
            "literacy_need": "ja",
            "max_hours_study_per_week": "6",
            "preferred_form": "in een klas",
            "municipality": "Rotterdam",
        },
        {"work_status": "werkzoekend_bijstand", "education_level": "geen", "age": 35, "literacy_need": True},
        {"gemeente_reintegratie": "eligible", "basisvaardigheden": "eligible", "uwv_scholing_ww": "not_eligible"},
    ),
    Persona(
        "werkzoekend zonder uitkering",
        "hallo",
        {
            "work_status": "ik zoek werk maar ik krijg geen uitkering",
            "education_level": "mbo 3",
            "age": "38",
            "goal": "ander werk",
            "sector_interests": "kinderopvang",
            "max_hours_study_per_week": "12",
            "preferred_form": "klassikaal",
            "municipality": "Utrecht",
        },
        {"work_status": "werkzoekend_zonder_uitkering", "education_level": "mbo3", "age": 38},
        # SLIM-scholingssubsidie needs a paid job; without one it is uncertain via the regio
        # (shared/spec/schemes.md, Stcrt 2025-7276).
        {"gemeente_reintegratie": "uncertain", "ontwikkelpaden_scholingssubsidie": "uncertain"},
    ),
    Persona(
        "scholier van 17",
        "hoi",
        {
            "work_status": "ik zit nog op school",
            "education_level": "vmbo",
            "age": "17",
            "goal": "een diploma halen",
            "sector_interests": "ict",
            "literacy_need": "nee",
            "max_hours_study_per_week": "10",
            "preferred_form": "werken en leren",
            "receives_studiefinanciering": "nee",
            "municipality": "Den Haag",
        },
        {"work_status": "student", "age": 17, "education_level": "vmbo", "receives_studiefinanciering": False},
        {"levenlanglerenkrediet": "eligible", "praktijkleren": "eligible", "slim": "not_eligible"},
    ),
    Persona(
        "60 jaar bij een groot bedrijf, baan in gevaar",
        "goedendag",
        {
            "work_status": "vast contract",
            "employer_size": "nee, het is een groot bedrijf",
            "hours_per_week": "36",
            "at_risk_of_job_loss": "ja, er komt een reorganisatie",
            "current_sector": "ik werk bij de gemeente",
            "education_level": "mbo 4",
            "age": "60",
            "goal": "ander werk",
            "sector_interests": "groen",
            "max_hours_study_per_week": "8",
            "preferred_form": "online",
            "municipality": "Arnhem",
        },
        {"work_status": "werknemer_vast", "employer_size": "groot", "age": 60, "at_risk_of_job_loss": True},
        # Derde leerweg did not end in 2023: new rounds in 2024/2025, at risk of job loss is in the target
        # group (shared/spec/schemes.md, Stcrt 2025-7276). 60 is past the levenlanglerenkrediet age (< 57).
        {"levenlanglerenkrediet": "not_eligible", "slim": "not_eligible", "praktijkleren_derde_leerweg": "eligible"},
    ),
    Persona(
        "hbo'er die de zorg in wil",
        "hallo",
        {
            "work_status": "ik werk vast",
            "employer_size": "ja",
            "hours_per_week": "40",
            "at_risk_of_job_loss": "nee",
            "current_sector": "ict",
            "education_level": "hbo bachelor",
            "age": "33",
            "goal": "omscholen",
            "sector_interests": "ik wil de zorg in",
            "max_hours_study_per_week": "6",
            "preferred_form": "online",
            "municipality": "Amsterdam",
        },
        {"education_level": "hbo_bachelor", "age": 33, "current_sector": "ict"},
        {"ontwikkelpaden_scholingssubsidie": "eligible", "stap_ontwikkeladvies": "ended", "slim": "eligible"},
    ),
    Persona(
        "wajong, wil leren rekenen",
        "hoi",
        {
            "work_status": "ik heb een wajong uitkering",
            "education_level": "praktijkonderwijs, geen diploma",
            "age": "26",
            "goal": "beter leren rekenen",
            "literacy_need": "ja",
            "max_hours_study_per_week": "4",
            "preferred_form": "in een klas",
            "receives_studiefinanciering": "nee",
            "municipality": "Enschede",
        },
        {"work_status": "arbeidsongeschikt", "education_level": "geen", "age": 26},
        {"basisvaardigheden": "eligible", "uwv_scholing_ww": "not_eligible"},
    ),
    Persona(
        "met pensioen",
        "goedemiddag",
        {
            "work_status": "ik ben met pensioen",
            "education_level": "mbo 2",
            "age": "68",
            "goal": "orienteren",
            "sector_interests": "weet ik niet",
            "max_hours_study_per_week": "3",
            "preferred_form": "online",
            "municipality": "Zeist",
        },
        {"work_status": "gepensioneerd", "age": 68},
        {"ontwikkelpaden_scholingssubsidie": "not_eligible", "levenlanglerenkrediet": "not_eligible"},
    ),
    Persona(
        "horeca bij groot bedrijf",
        "hey",
        {
            "work_status": "ik heb een tijdelijk contract",
            "employer_size": "nee meer dan 250",
            "hours_per_week": "20",
            "at_risk_of_job_loss": "nee",
            "current_sector": "horeca",
            "education_level": "mbo 2",
            "age": "23",
            "goal": "bijscholen",
            "sector_interests": "horeca",
            "max_hours_study_per_week": "10",
            "preferred_form": "maakt niet uit",
            "receives_studiefinanciering": "nee",
            "municipality": "Groningen",
        },
        {"work_status": "werknemer_flex", "employer_size": "groot", "current_sector": "horeca"},
        {"slim": "eligible", "werkgever_scholingsvergoeding": "eligible"},
    ),
    Persona(
        "asks about STAP mid-intake",
        "hallo",
        {
            "work_status": "vast",
            "employer_size": "ja",
            "hours_per_week": "38",
            "at_risk_of_job_loss": "nee",
            "current_sector": "zorg",
            "education_level": "mbo 3",
            "age": "45",
            "goal": "bijscholen",
            "sector_interests": "zorg",
            "max_hours_study_per_week": "3",
            "preferred_form": "online",
            "municipality": "Deventer",
        },
        {"education_level": "mbo3", "age": 45},
        {"stap_budget": "ended", "slim": "eligible"},
        digressions={"education_level": "kan ik nog stap budget krijgen?"},
    ),
    Persona(
        "corrects the diploma at the summary",
        "hoi",
        {
            "work_status": "bijstand",
            "education_level": "mbo 2",
            "age": "39",
            "goal": "omscholen",
            "sector_interests": "zorg",
            "max_hours_study_per_week": "20",
            "preferred_form": "werken en leren",
            "municipality": "Amersfoort",
        },
        {"education_level": "mbo3", "age": 39, "work_status": "werkzoekend_bijstand"},
        {"gemeente_reintegratie": "eligible"},
        summary_fix="nee, ik bedoel mbo 3",
    ),
    Persona(
        "skips what they do not know",
        "hoi",
        {
            "work_status": "ik werk vast",
            "employer_size": "weet ik niet",
            "hours_per_week": "weet ik niet",
            "at_risk_of_job_loss": "weet ik niet",
            "current_sector": "logistiek",
            "education_level": "mbo 2",
            "age": "wil ik niet zeggen",
            "goal": "weet ik nog niet",
            "sector_interests": "weet ik niet",
            "max_hours_study_per_week": "6",
            "preferred_form": "maakt niet uit",
            "municipality": "Emmen",
        },
        {"work_status": "werknemer_vast", "age": None, "employer_size": None},
        {"levenlanglerenkrediet": "uncertain", "slim": "uncertain"},
    ),
    Persona(
        "wants to switch to ICT",
        "hoi",
        {
            "work_status": "ik werk in een winkel met een vast contract",
            "employer_size": "ja",
            "hours_per_week": "30",
            "at_risk_of_job_loss": "nee",
            "current_sector": "winkel",
            "education_level": "havo",
            "age": "27",
            "goal": "omscholen",
            "sector_interests": "ik wil de ict in",
            "max_hours_study_per_week": "10",
            "preferred_form": "online",
            "receives_studiefinanciering": "nee",
            "municipality": "Leiden",
        },
        {"current_sector": "retail", "education_level": "havo"},
        {"omscholing_ict_techniek": "ended", "ontwikkelpaden_scholingssubsidie": "uncertain"},
    ),
]


async def chat(http: aiohttp.ClientSession, url: str, cid: str, text: str) -> list[dict[str, Any]]:
    # The web channel allows a burst of 8 messages, then one per 2 seconds per conversation; a
    # scripted persona types faster than a person, so it waits for the bucket like a person would.
    for _ in range(RATE_LIMIT_RETRIES):
        async with http.post(f"{url}/api/v1/chat/{cid}/messages", json={"text": text}) as resp:
            if resp.status == 429:
                await asyncio.sleep(RATE_LIMIT_WAIT_S)
                continue
            assert resp.status == 200, await resp.text()
            return list((await resp.json())["messages"])
    raise AssertionError(f"still rate limited after {RATE_LIMIT_RETRIES} tries")


def pending_question(messages: list[dict[str, Any]], questions: dict[str, str]) -> str | None:
    for m in reversed(messages):
        name = question_of(m.get("text") or "", questions)
        if name:
            return name
    return None


def is_advice(messages: list[dict[str, Any]]) -> bool:
    return any(m.get("kind") == "advice" for m in messages)


async def run_persona(http: aiohttp.ClientSession, url: str, persona: Persona) -> tuple[str, list[str], set[str]]:
    questions = question_texts()
    cid = "web-persona-" + secrets.token_hex(6)
    transcript = [f"> {persona.opening}"]
    replies = await chat(http, url, cid, persona.opening)
    fixed = False
    asked: set[str] = set()
    digressed: list[str] = []
    for _ in range(MAX_TURNS):
        transcript += [f"< {m.get('text')}" for m in replies]
        texts = [m.get("text") or "" for m in replies]
        if is_advice(replies):
            return cid, transcript, asked
        if any(t.endswith("Klopt dit?") or t.startswith("Klopt wat ik heb opgeschreven") for t in texts):
            answer = persona.summary_fix if persona.summary_fix and not fixed else "ja, dat klopt"
            fixed = True
        else:
            slot = pending_question(replies, questions)
            assert slot is not None, "no question recognised:\n" + "\n".join(transcript)
            asked.add(slot)
            if slot == "confirm":
                answer = "ja"
            elif slot in persona.digressions and slot not in digressed:
                digressed.append(slot)
                answer = persona.digressions[slot]
            else:
                answer = persona.answers.get(slot, "weet ik niet")
        transcript.append(f"> {answer}")
        replies = await chat(http, url, cid, answer)
    raise AssertionError("no advice within the turn limit:\n" + "\n".join(transcript))


@pytest.fixture(scope="module")
def adviser(stack: Any) -> tuple[str, str]:
    username, password = "persona-tester", secrets.token_urlsafe(18)
    env = {**os.environ, "DATABASE_URL": stack.database_url}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "adviser", "add", "--username", username, "--password-stdin"],
        input=password + "\n",
        text=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return username, password


@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name for p in PERSONAS])
async def test_persona_reaches_correct_advice(stack: Any, adviser: tuple[str, str], persona: Persona) -> None:
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar, timeout=aiohttp.ClientTimeout(total=120)) as http:
        cid, transcript, asked = await run_persona(http, stack.url, persona)
        log = "\n".join(transcript)
        assert any("22 november 2024" in line for line in transcript), log

        async with http.get(f"{stack.url}/api/v1/conversations/{cid}/advice?date={PEILDATUM}") as resp:
            assert resp.status == 401  # not without an adviser login
        async with http.post(
            f"{stack.url}/api/v1/auth/login", json={"username": adviser[0], "password": adviser[1]}
        ) as resp:
            assert resp.status == 200, await resp.text()
        async with http.get(f"{stack.url}/api/v1/conversations/{cid}/advice?date={PEILDATUM}") as resp:
            assert resp.status == 200, await resp.text()
            advice = await resp.json()

    profile = advice["profile"]
    for key, value in persona.profile.items():
        if key not in asked and profile[key] is None:
            continue  # not asked: it cannot change this person's advice (the statuses below prove it)
        assert profile[key] == value, f"profile[{key}] = {profile[key]!r}, expected {value!r}\n{log}\n" + json.dumps(
            profile, ensure_ascii=False
        )
    statuses = {s["scheme_id"]: s["status"] for s in advice["schemes"]}
    for scheme_id, status in persona.statuses.items():
        assert statuses[scheme_id] == status, f"{scheme_id}: {statuses[scheme_id]} != {status}\n{log}"


def test_there_are_at_least_15_personas() -> None:
    assert len(PERSONAS) >= 15
    assert len({p.name for p in PERSONAS}) == len(PERSONAS)
