"""The one clock the whole app reads: the store's timestamps, answer times, exam deadlines and schedules.

A clock is any callable that returns the current moment as an aware datetime; tests pass a fake one
(tests/support/clocks.py) so weeks of study run in a second and every time is stable.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""The current moment, timezone-aware (UTC)."""


def system_clock() -> datetime:
    """The real wall clock, in UTC."""
    return datetime.now(UTC)


def seconds_between(start: datetime, end: datetime) -> float:
    """Elapsed seconds, never negative: a wall clock set back must not give an answer negative time."""
    return max(0.0, (end - start).total_seconds())
