"""Is a person available? Opening hours per Leerwerkloket, Dutch public holidays, advisers online.

Holidays: the loket is closed on the days most Dutch employers give off (Nieuwjaarsdag, Pasen,
Koningsdag, Hemelvaart, Pinksteren, Kerst, and Bevrijdingsdag in lustrum years such as 2025 and
2030). Goede Vrijdag and Bevrijdingsdag in other years are recognised but not a day off for most
public services, so the loket stays open then. A loket opens on a closing holiday by listing its id
under ``open_on_holidays`` in lokets.yml.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from sqlalchemy.orm import sessionmaker

from assistant.gateway.handoff.auth import advisers_online
from assistant.gateway.lokets import WEEKDAYS, Loket, get_loket

log = logging.getLogger(__name__)

TZ = ZoneInfo("Europe/Amsterdam")
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december")


@dataclass(frozen=True)
class Holiday:
    id: str
    name: str
    day: date
    closes: bool  # closed unless the loket lists it under open_on_holidays


def easter_sunday(year: int) -> date:
    """Gregorian Easter (anonymous algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=32)
def dutch_holidays(year: int) -> tuple[Holiday, ...]:
    easter = easter_sunday(year)
    kingsday = date(year, 4, 27)
    if kingsday.weekday() == 6:  # on a Sunday it moves to Saturday the 26th
        kingsday = date(year, 4, 26)
    days = [
        Holiday("nieuwjaarsdag", "Nieuwjaarsdag", date(year, 1, 1), True),
        Holiday("goede_vrijdag", "Goede Vrijdag", easter - timedelta(days=2), False),
        Holiday("eerste_paasdag", "Eerste Paasdag", easter, True),
        Holiday("tweede_paasdag", "Tweede Paasdag", easter + timedelta(days=1), True),
        Holiday("koningsdag", "Koningsdag", kingsday, True),
        Holiday("bevrijdingsdag", "Bevrijdingsdag", date(year, 5, 5), year % 5 == 0),
        Holiday("hemelvaartsdag", "Hemelvaartsdag", easter + timedelta(days=39), True),
        Holiday("eerste_pinksterdag", "Eerste Pinksterdag", easter + timedelta(days=49), True),
        Holiday("tweede_pinksterdag", "Tweede Pinksterdag", easter + timedelta(days=50), True),
        Holiday("eerste_kerstdag", "Eerste Kerstdag", date(year, 12, 25), True),
        Holiday("tweede_kerstdag", "Tweede Kerstdag", date(year, 12, 26), True),
    ]
    return tuple(sorted(days, key=lambda h: h.day))


def holiday_on(day: date) -> Holiday | None:
    return next((h for h in dutch_holidays(day.year) if h.day == day), None)


def closing_holiday(loket: Loket, day: date) -> Holiday | None:
    """The holiday that closes this loket on ``day``, if any."""
    holiday = holiday_on(day)
    if holiday is None or not holiday.closes or holiday.id in loket.open_on_holidays:
        return None
    return holiday


def _ranges(loket: Loket, weekday: int) -> list[tuple[time, time]]:
    out: list[tuple[time, time]] = []
    for spec in loket.opening_hours.get(WEEKDAYS[weekday], ()):
        try:
            start_s, end_s = spec.split("-")
            start, end = time.fromisoformat(start_s.strip()), time.fromisoformat(end_s.strip())
        except ValueError:
            # A typo in lokets.yml must not make the loket look open; it is logged for the operator.
            log.warning("invalid opening hours ignored", extra={"loket": loket.id, "hours": spec})
            continue
        if start < end:
            out.append((start, end))
    return sorted(out)


def local(now: datetime) -> datetime:
    return now.astimezone(TZ) if now.tzinfo else now.replace(tzinfo=TZ)


def is_open(loket: Loket, now: datetime) -> bool:
    moment = local(now)
    if closing_holiday(loket, moment.date()) is not None:
        return False
    clock = moment.time()
    return any(start <= clock < end for start, end in _ranges(loket, moment.weekday()))


def next_opening(loket: Loket, now: datetime, horizon_days: int = 21) -> datetime | None:
    """The next moment the loket opens (Amsterdam time), or None when it never does."""
    moment = local(now)
    for offset in range(horizon_days + 1):
        day = moment.date() + timedelta(days=offset)
        if closing_holiday(loket, day) is not None:
            continue
        for start, _end in _ranges(loket, day.weekday()):
            candidate = datetime.combine(day, start, tzinfo=TZ)
            if candidate > moment:
                return candidate
    return None


def dutch_moment(when: datetime, now: datetime) -> str:
    """'vandaag om 13:00', 'morgen om 09:00', 'maandag 6 januari om 09:00'."""
    when, now = local(when), local(now)
    clock = when.strftime("%H:%M")
    if when.date() == now.date():
        return f"vandaag om {clock}"
    if when.date() == now.date() + timedelta(days=1):
        return f"morgen om {clock}"
    return f"{DAY_NAMES[when.weekday()]} {when.day} {MONTH_NAMES[when.month - 1]} om {clock}"


def reopen_phrase(when: datetime, now: datetime) -> str:
    """When the loket opens again, as said aloud: 'vandaag vanaf 13.00 uur', 'morgen vanaf 9.00 uur',
    'maandag vanaf 9.00 uur', or with the date when it is more than six days away."""
    when, now = local(when), local(now)
    clock = f"{when.hour}.{when.minute:02d} uur"
    days = (when.date() - now.date()).days
    if days == 0:
        return f"vandaag vanaf {clock}"
    if days == 1:
        return f"morgen vanaf {clock}"
    if days <= 6:
        return f"{DAY_NAMES[when.weekday()]} vanaf {clock}"
    return f"{DAY_NAMES[when.weekday()]} {when.day} {MONTH_NAMES[when.month - 1]} vanaf {clock}"


@dataclass(frozen=True)
class Availability:
    open: bool
    advisers_online: int
    next_open: datetime | None
    holiday: Holiday | None

    @property
    def available(self) -> bool:
        return self.open and self.advisers_online > 0

    @property
    def status(self) -> str:
        """available | closed | unstaffed (open, but none of the loket's advisers online)."""
        if self.available:
            return "available"
        return "unstaffed" if self.open else "closed"

    def as_data(self, now: datetime) -> dict[str, str | None]:
        """What the dialogue needs to tell the truth before it promises anything (plain data)."""
        return {"status": self.status,
                "reopens": reopen_phrase(self.next_open, now) if self.next_open and not self.open else None,
                "holiday": self.holiday.name if self.holiday is not None else None}


def check_availability(sessions: sessionmaker, loket_id: str | None, now: datetime) -> Availability:
    loket = get_loket(loket_id)
    return Availability(
        open=is_open(loket, now),
        # Only this loket's advisers: one loket's adviser online must not staff every loket.
        advisers_online=advisers_online(sessions, loket.id, now),
        next_open=next_opening(loket, now),
        holiday=closing_holiday(loket, local(now).date()),
    )
