"""Figures a scale test reports; the scale conftest prints them in the test summary, so CI's
output shows them also when the test passes (pytest keeps a passing test's print to itself)."""

from __future__ import annotations

LINES: list[str] = []


def report(text: str) -> None:
    """Print (for -s) and keep for the summary."""
    print(text)
    LINES.extend(line for line in text.strip("\n").splitlines() if line)
