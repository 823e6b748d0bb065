"""Progress over days, as the progress screen shows it: answers per day, the streak, true retention,
the reviews due ahead and knowledge per bank and tag.

Days are the learner's local days (the machine's time zone): a day starts at local midnight, so an
answer at 23:30 and one at 00:30 fall on two days. Everything is read through one clock, so tests
play weeks of study with a fake one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from quiz.store import Store

DAYS_SHOWN = 30
"""The answers-per-day chart covers this many local days, today last."""

FORECAST_DAYS = 14
"""The forecast shows the reviews falling due on each of this many days, today first."""

_STREAK_CHUNK = 60
"""Days looked at per query while walking back through a long streak."""


def day_start(day: date) -> datetime:
    """Local midnight at the start of ``day``, as an aware time (right across daylight-saving changes)."""
    return datetime.combine(day, time()).astimezone()


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def stamp(moment: datetime) -> str:
    """A time as the store writes it (ISO 8601, UTC, milliseconds), so text comparison orders it."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def day_period(day: date) -> tuple[str, str]:
    """The [start, end) of a local day in the store's time format."""
    return stamp(day_start(day)), stamp(day_start(day + timedelta(days=1)))


@dataclass(frozen=True)
class DayCount:
    """Answers given on one local day; ``right`` are the fully right ones."""

    day: date
    answers: int
    right: int


@dataclass(frozen=True)
class Streak:
    """Days studied in a row up to today, or up to yesterday while today has no answer yet.

    A day without an answer breaks it: after it, the streak starts again from the next day studied.
    """

    days: int
    studied_today: bool


def answers_per_day(store: Store, learner_id: int, today: date, days: int = DAYS_SHOWN) -> tuple[DayCount, ...]:
    """The last ``days`` local days, oldest first and today last."""
    shown = [today - timedelta(days=back) for back in range(days - 1, -1, -1)]
    counts = store.answers_between(learner_id, [day_period(day) for day in shown])
    return tuple(DayCount(day, answers, right) for day, (answers, right) in zip(shown, counts, strict=True))


def streak(store: Store, learner_id: int, today: date) -> Streak:
    """Walks back a chunk of days at a time, so a year-long streak is a handful of small queries."""
    studied_today = store.answered_between(learner_id, [day_period(today)])[0]
    count = int(studied_today)
    day = today - timedelta(days=1)
    while True:
        chunk = [day - timedelta(days=back) for back in range(_STREAK_CHUNK)]
        flags = store.answered_between(learner_id, [day_period(one) for one in chunk])
        run = next((n for n, studied in enumerate(flags) if not studied), None)
        if run is not None:
            return Streak(count + run, studied_today)
        count += len(chunk)
        day = chunk[-1] - timedelta(days=1)


def days_studied(days: Sequence[DayCount]) -> int:
    return sum(1 for day in days if day.answers)


@dataclass(frozen=True)
class Progress:
    """Everything the progress screen shows, computed at one moment."""

    today: date
    days: tuple[DayCount, ...]
    streak: Streak

    @property
    def days_studied(self) -> int:
        return days_studied(self.days)


def build_progress(store: Store, learner_id: int, now: datetime) -> Progress:
    today = local_day(now)
    return Progress(today, answers_per_day(store, learner_id, today), streak(store, learner_id, today))
