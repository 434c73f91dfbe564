"""The advice of a case in one line, for the rows of the console's lists."""

from __future__ import annotations

from typing import Any


def advice_line(advice: dict[str, Any] | None) -> str:
    """The advice in one line: the first step, and the money that fits."""
    if not advice:
        return "nog geen advies"
    schemes = advice.get("schemes") or []
    fits = [str(s.get("name")) for s in schemes if s.get("status") == "eligible"]
    maybe = [str(s.get("name")) for s in schemes if s.get("status") == "uncertain"]
    step = str(advice.get("headline") or "").strip()
    money = (f"Past: {', '.join(fits[:2])}{' en meer' if len(fits) > 2 else ''}." if fits
             else f"Misschien: {', '.join(maybe[:2])}." if maybe else "Geen regeling die zeker past.")
    return f"{step} {money}".strip()
