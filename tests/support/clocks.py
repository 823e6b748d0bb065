"""The test clocks: both are a ``quiz.clock.Clock`` (a callable giving an aware datetime)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class FakeClock:
    """Time that only moves when a test says so: ``advance(seconds)``, or ``advance(days=3)``."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, seconds: float = 0.0, *, days: float = 0.0) -> None:
        self.current += timedelta(seconds=seconds, days=days)


class TickingClock:
    """Each reading is one minute after the last, so "newest first" never depends on timing."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def __call__(self) -> datetime:
        self.current += timedelta(minutes=1)
        return self.current
