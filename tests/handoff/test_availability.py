from datetime import date, datetime, timezone

import pytest

from assistant.gateway.handoff.availability import (
    TZ,
    closing_holiday,
    dutch_holidays,
    dutch_moment,
    easter_sunday,
    is_open,
    next_opening,
)
from assistant.gateway.lokets import WEEKDAYS, Loket

WEEKDAY_HOURS = {d: ("09:00-17:00",) for d in WEEKDAYS[:5]} | {"sat": (), "sun": ()}


def loket(**kw) -> Loket:
    args = {"id": "t", "name": "Test", "greeting": "", "colors": {}, "opening_hours": WEEKDAY_HOURS}
    args.update(kw)
    return Loket(**args)


def at(y, m, d, hh, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TZ)


@pytest.mark.parametrize(("year", "easter"), [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
                                               (2026, date(2026, 4, 5)), (2030, date(2030, 4, 21))])
def test_easter(year, easter):
    assert easter_sunday(year) == easter


def test_holidays_2025():
    days = {h.id: h.day for h in dutch_holidays(2025)}
    assert days["nieuwjaarsdag"] == date(2025, 1, 1)
    assert days["goede_vrijdag"] == date(2025, 4, 18)
    assert days["tweede_paasdag"] == date(2025, 4, 21)
    assert days["koningsdag"] == date(2025, 4, 26)  # 27 April 2025 is a Sunday
    assert days["hemelvaartsdag"] == date(2025, 5, 29)
    assert days["tweede_pinksterdag"] == date(2025, 6, 9)
    assert days["tweede_kerstdag"] == date(2025, 12, 26)
    assert {h.id: h.day for h in dutch_holidays(2026)}["koningsdag"] == date(2026, 4, 27)


def test_which_holidays_close_the_loket():
    lk = loket()
    assert closing_holiday(lk, date(2025, 4, 21)).id == "tweede_paasdag"
    assert closing_holiday(lk, date(2025, 5, 29)).id == "hemelvaartsdag"
    assert closing_holiday(lk, date(2025, 5, 5)).id == "bevrijdingsdag"  # lustrum year
    assert closing_holiday(lk, date(2026, 5, 5)) is None  # not a day off in other years
    assert closing_holiday(lk, date(2025, 4, 18)) is None  # Goede Vrijdag: open
    assert closing_holiday(loket(open_on_holidays=("hemelvaartsdag",)), date(2025, 5, 29)) is None


def test_opening_hours():
    lk = loket()
    assert is_open(lk, at(2025, 3, 3, 10))  # Monday
    assert not is_open(lk, at(2025, 3, 3, 8, 59))
    assert not is_open(lk, at(2025, 3, 3, 17, 0))  # closing time is exclusive
    assert not is_open(lk, at(2025, 3, 2, 12))  # Sunday
    assert not is_open(lk, at(2025, 4, 21, 10))  # Tweede Paasdag
    # UTC input is converted: 08:30 UTC in March is 09:30 in Amsterdam.
    assert is_open(lk, datetime(2025, 3, 3, 8, 30, tzinfo=timezone.utc))


def test_next_opening_skips_weekend_and_holidays():
    lk = loket()
    assert next_opening(lk, at(2025, 3, 1, 12)) == at(2025, 3, 3, 9)  # Saturday -> Monday
    assert next_opening(lk, at(2025, 4, 18, 18)) == at(2025, 4, 22, 9)  # Easter weekend -> Tuesday
    assert next_opening(lk, at(2025, 3, 3, 7)) == at(2025, 3, 3, 9)
    assert next_opening(loket(opening_hours={d: () for d in WEEKDAYS}), at(2025, 3, 3, 7)) is None


def test_invalid_hours_make_the_loket_closed_not_open():
    lk = loket(opening_hours={"mon": ("9 tot 5",)} | {d: () for d in WEEKDAYS[1:]})
    assert not is_open(lk, at(2025, 3, 3, 10))


def test_dutch_moment():
    now = at(2025, 3, 1, 12)
    assert dutch_moment(at(2025, 3, 1, 15), now) == "vandaag om 15:00"
    assert dutch_moment(at(2025, 3, 2, 9), now) == "morgen om 09:00"
    assert dutch_moment(at(2025, 3, 3, 9), now) == "maandag 3 maart om 09:00"
