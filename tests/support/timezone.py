"""Run a test in a fixed local time zone, so "local midnight" is the same on every machine."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

BELGRADE = "CET-1CEST,M3.5.0,M10.5.0/3"
"""Central European time as a POSIX TZ rule (needs no tz database): UTC+1, UTC+2 in summer."""


@contextmanager
def local_zone(monkeypatch: pytest.MonkeyPatch, zone: str = BELGRADE) -> Iterator[None]:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()
