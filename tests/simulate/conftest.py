"""The simulator's own marker, registered here so the suite's settings stay untouched."""

from __future__ import annotations


def pytest_configure(config):
    config.addinivalue_line("markers", "simulate: runs many generated conversations (CI runs it)")
