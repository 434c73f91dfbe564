"""Windows (every boundary), education groups and the general rulings of schemes.md."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from assistant.policy.engine import derive_facts
from assistant.policy.schemes import load_schemes
from tests.policy.helpers import status

ONE = timedelta(days=1)

# (scheme, open_from, open_until, a profile that is eligible while open)
WINDOWS: list[tuple[str, date | None, date | None, dict[str, Any]]] = [
    ("stap_budget", date(2022, 1, 1), date(2023, 12, 31), {"age": 30}),
    ("stap_ontwikkeladvies", date(2022, 4, 1), date(2023, 12, 31), {"education_level": "mbo1"}),
    ("nl_leert_door_ontwikkeladvies", date(2020, 8, 1), date(2021, 12, 31), {}),
    ("nl_leert_door_scholing", date(2020, 10, 1), date(2022, 12, 31), {}),
    ("levenlanglerenkrediet", date(2017, 9, 1), None, {"age": 40}),
    (
        "ontwikkelpaden_scholingssubsidie",
        date(2025, 3, 10),  # applications from 10-03-2025 (rijksoverheid.nl 03-03-2025)
        date(2027, 12, 31),
        {"work_status": "werknemer_vast", "sector_interests": ["groen"]},
    ),
    ("slim", date(2020, 3, 1), None, {"work_status": "werknemer_vast", "employer_size": "mkb"}),
    (
        "tel_mee_met_taal_werkgevers",
        date(2020, 1, 1),
        date(2024, 12, 31),
        {"work_status": "werknemer_vast", "literacy_need": True},
    ),
    (
        "omscholing_ict_techniek",
        date(2021, 1, 1),
        date(2022, 12, 31),
        {"sector_interests": ["ict"], "current_sector": "retail"},
    ),
    # Not ended: a new tijdvak in Stcrt 2025-7276. The official text ends it on 1-4-2026, advisers say
    # 2031: after 31-3-2026 uncertain, not ended (CONFIRMED_UNTIL below).
    ("praktijkleren_derde_leerweg", date(2021, 1, 1), None, {"work_status": "werkzoekend_ww"}),
]
# Open-ended windows whose run an official text confirms only until a date (window.confirmed_until).
CONFIRMED_UNTIL = {"praktijkleren_derde_leerweg": date(2026, 3, 31)}

BOUNDARIES = []
for sid, start, end, prof in WINDOWS:
    if start:
        BOUNDARIES += [(sid, start - ONE, prof, "not_yet_open"), (sid, start, prof, "eligible")]
    if end:
        BOUNDARIES += [(sid, end, prof, "eligible"), (sid, end + ONE, prof, "ended")]
    elif sid in CONFIRMED_UNTIL:
        last = CONFIRMED_UNTIL[sid]
        BOUNDARIES += [(sid, last, prof, "eligible"), (sid, last + ONE, prof, "uncertain"),
                       (sid, date(2040, 1, 1), prof, "uncertain")]
    else:
        BOUNDARIES.append((sid, date(2040, 1, 1), prof, "eligible"))


@pytest.mark.parametrize(
    ("scheme_id", "day", "profile", "expected"), BOUNDARIES, ids=[f"{b[0]}-{b[1]}" for b in BOUNDARIES]
)
def test_window_boundary(scheme_id: str, day: date, profile: dict[str, Any], expected: str) -> None:
    assert status(scheme_id, profile, day) == expected


def test_windows_match_spec_table() -> None:
    by_id = {s.id: s for s in load_schemes()}
    for sid, start, end, _ in WINDOWS:
        assert (by_id[sid].open_from, by_id[sid].open_until) == (start, end), sid
    for sid in (
        "leerwerkloket",
        "praktijkleren",
        "uwv_scholing_ww",
        "gemeente_reintegratie",
        "zzp_scholingskosten_aftrek",
        "werkgever_scholingsvergoeding",
        "basisvaardigheden",
    ):
        assert by_id[sid].open_until is None, sid


def test_window_decides_before_conditions() -> None:
    # Not eligible by rule (age 10 is not in the schema, but age 15 < 18 is), still "ended" by window.
    assert status("stap_budget", {"age": 15}, date(2024, 1, 1)) == "ended"
    assert (
        status("ontwikkelpaden_scholingssubsidie", {"work_status": "gepensioneerd"}, date(2025, 2, 28))
        == "not_yet_open"
    )


def test_window_reason_names_the_date() -> None:
    from tests.policy.helpers import result

    assert "31 december 2023" in result("stap_budget", {}, date(2024, 1, 1)).reasons[0]
    assert "10 maart 2025" in result("ontwikkelpaden_scholingssubsidie", {}, date(2025, 3, 9)).reasons[0]


EDUCATION = [
    # level, max_mbo2, max_mbo4, startkwalificatie
    ("geen", True, True, False),
    ("vmbo", True, True, False),
    ("mbo1", True, True, False),
    ("mbo2", True, True, True),
    ("mbo3", False, True, True),
    ("mbo4", False, True, True),
    ("havo", None, None, True),
    ("vwo", None, None, True),
    ("buitenlands", None, None, None),
    ("hbo_ad", False, False, True),
    ("hbo_bachelor", False, False, True),
    ("hbo_master", False, False, True),
    ("wo_bachelor", False, False, True),
    ("wo_master", False, False, True),
    (None, None, None, None),
]


@pytest.mark.parametrize(("level", "mbo2", "mbo4", "skw"), EDUCATION)
def test_education_groups(level: str | None, mbo2: bool | None, mbo4: bool | None, skw: bool | None) -> None:
    facts = derive_facts({"education_level": level})
    assert (facts["edu_max_mbo2"], facts["edu_max_mbo4"], facts["edu_startkwalificatie"]) == (mbo2, mbo4, skw)
    expected = {True: "eligible", False: "not_eligible", None: "uncertain"}[mbo2]
    assert status("stap_ontwikkeladvies", {"education_level": level}, date(2023, 1, 1)) == expected


BAND_SCHEMES = ["stap_budget", "nl_leert_door_ontwikkeladvies", "nl_leert_door_scholing"]
BAND_DAYS = {
    "stap_budget": date(2023, 1, 1),
    "nl_leert_door_ontwikkeladvies": date(2021, 1, 1),
    "nl_leert_door_scholing": date(2021, 1, 1),
}


@pytest.mark.parametrize("scheme_id", BAND_SCHEMES)
@pytest.mark.parametrize(
    ("band", "expected"), [(False, "not_eligible"), (None, "eligible"), (True, "eligible")]
)
def test_band_nl(scheme_id: str, band: bool | None, expected: str) -> None:
    prof = {"age": 40, "connected_to_dutch_labour_market": band}
    assert status(scheme_id, prof, BAND_DAYS[scheme_id]) == expected


AOW_BOUNDED = [
    ("stap_budget", date(2023, 1, 1), {"age": 68}),
    ("nl_leert_door_ontwikkeladvies", date(2021, 1, 1), {}),
    ("nl_leert_door_scholing", date(2021, 1, 1), {}),
    ("ontwikkelpaden_scholingssubsidie", date(2026, 1, 1), {"sector_interests": ["zorg_welzijn"]}),
    ("praktijkleren", date(2024, 1, 1), {"preferred_form": "werkend_leren"}),
]


@pytest.mark.parametrize(("scheme_id", "day", "profile"), AOW_BOUNDED)
def test_gepensioneerd_not_eligible_for_aow_bounded(
    scheme_id: str, day: date, profile: dict[str, Any]
) -> None:
    assert status(scheme_id, profile, day) != "not_eligible"
    assert status(scheme_id, {**profile, "work_status": "gepensioneerd"}, day) == "not_eligible"


# -- application rounds (tijdvakken) apart from validity (schemes.md ruling 7) ---------------
VAST_GROEN = {"work_status": "werknemer_vast", "sector_interests": ["groen"]}


@pytest.mark.parametrize(
    ("day", "is_open", "last_closed"),
    [
        (date(2025, 3, 10), True, None),
        (date(2025, 6, 30), True, None),
        (date(2025, 7, 1), True, "2025-06-30"),
        (date(2025, 11, 10), True, "2025-06-30"),
        (date(2025, 11, 11), False, "2025-11-10"),
        (date(2026, 12, 2), False, "2025-11-10"),
    ],
)
def test_slim_scholing_rounds(day: date, is_open: bool, last_closed: str | None) -> None:
    from tests.policy.helpers import result

    r = result("ontwikkelpaden_scholingssubsidie", VAST_GROEN, day)
    assert r.status == "eligible"  # validity, not the round, decides the status
    assert r.application is not None and r.application["open"] is is_open
    assert r.application["last_closed"] == last_closed
    if not is_open:
        closed = "De aanvraag is nu dicht. De laatste ronde sloot op 10 november 2025."
        assert any(x.startswith(closed) for x in r.reasons)
        assert r.application["next_expected"]  # the announced round, marked as not official


def test_derde_leerweg_round_and_status_on_dates_2020_2028() -> None:
    from tests.policy.helpers import result

    ww = {"work_status": "werkzoekend_ww"}
    assert status("praktijkleren_derde_leerweg", ww, date(2020, 12, 31)) == "not_yet_open"
    for year in range(2021, 2026):
        assert status("praktijkleren_derde_leerweg", ww, date(year, 6, 15)) == "eligible", year
    # The official text ends the regeling on 1-4-2026 (wetten.overheid.nl BWBR0046007); a longer run is
    # only on advisers' pages, so from then on it is uncertain, never eligible (schemes.md ruling 1).
    assert status("praktijkleren_derde_leerweg", ww, date(2026, 3, 31)) == "eligible"
    for day in (date(2026, 4, 1), date(2026, 12, 7), date(2028, 6, 15)):
        r = result("praktijkleren_derde_leerweg", ww, day)
        assert r.status == "uncertain" and "1 april 2026" in r.reasons[0], day
    assert status("praktijkleren_derde_leerweg", {"work_status": "zzp"}, date(2026, 12, 7)) == "not_eligible"
    r = result("praktijkleren_derde_leerweg", ww, date(2025, 11, 3))
    assert r.application == {"open": True, "from": "2025-11-03", "until": "2025-11-28",
                             "last_closed": "2023-12-31", "next_expected": None}
    r = result("praktijkleren_derde_leerweg", ww, date(2025, 11, 29))
    assert r.application is not None and r.application["open"] is False
    assert any("28 november 2025" in x for x in r.reasons)


def test_schemes_without_rounds_have_no_application() -> None:
    from tests.policy.helpers import result

    assert result("levenlanglerenkrediet", {"age": 40}, date(2026, 1, 1)).application is None
    assert "application" not in result("levenlanglerenkrediet", {"age": 40}, date(2026, 1, 1)).to_dict()


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2020, 1, 1), "ended"), (date(2024, 12, 31), "eligible"), (date(2025, 1, 1), "ended"),
     (date(2028, 1, 1), "ended")],
)
def test_tel_mee_met_taal_ended_2024(day: date, expected: str) -> None:
    prof = {"work_status": "werknemer_vast", "literacy_need": True}
    if day.year == 2020:
        expected = "eligible"
    assert status("tel_mee_met_taal_werkgevers", prof, day) == expected


def test_slim_scholing_status_2020_2028() -> None:
    assert status("ontwikkelpaden_scholingssubsidie", VAST_GROEN, date(2020, 6, 1)) == "not_yet_open"
    assert status("ontwikkelpaden_scholingssubsidie", VAST_GROEN, date(2025, 3, 9)) == "not_yet_open"
    assert status("ontwikkelpaden_scholingssubsidie", VAST_GROEN, date(2026, 6, 1)) == "eligible"
    assert status("ontwikkelpaden_scholingssubsidie", VAST_GROEN, date(2028, 1, 1)) == "ended"
    assert status("ontwikkelpaden_scholingssubsidie", {"sector_interests": ["groen"]}, date(2026, 6, 1)) == "uncertain"
