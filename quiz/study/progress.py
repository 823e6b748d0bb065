"""Progress over days, as the progress screen shows it: answers per day, the streak, true retention,
the reviews due ahead and knowledge per bank and tag.

Days are the learner's local days (the machine's time zone): a day starts at local midnight, so an
answer at 23:30 and one at 00:30 fall on two days. Everything is read through one clock, so tests
play weeks of study with a fake one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import groupby

from quiz.store import Review, Store, StoredCard
from quiz.study.knowledge import Knowledge, build_knowledge, is_current
from quiz.study.library import Library

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
class Retention:
    """True retention as Anki's statistics define it: of the answers to questions in review state (out
    of the learning and relearning steps), the share not rated Again. Learning steps, first answers and
    learn mode's retries in the same session are not reviews, so they do not count."""

    reviews: int
    passed: int

    @property
    def share(self) -> float | None:
        return self.passed / self.reviews if self.reviews else None


def true_retention(store: Store, learner_id: int, since: datetime) -> Retention:
    """Replays each question answered since then through the scheduler, to know its state before each answer.

    Resets are honoured (a reset card is new again) and an edited question starts again as new, as in
    the schedule itself. The cost is one fsrs step per answer of those questions.
    """
    from quiz.study.schedule import lapses_in_review

    start = stamp(since)
    retention = store.study_settings(learner_id).desired_retention
    resets = store.resets(learner_id)
    reviews = passed = 0
    for (bank_id, question_id), group in groupby(store.review_history(learner_id, start), key=_question):
        times = sorted(at for bank, question, at in resets if bank == bank_id and question in (None, question_id))
        for stretch in _between_resets([review for _, _, review in group], times):
            counted, ok = lapses_in_review(stretch, retention, start)
            reviews += counted
            passed += ok
    return Retention(reviews, passed)


def _between_resets(reviews: list[Review], resets: list[str]) -> list[list[Review]]:
    """A question's answers cut where it was reset: each stretch starts again from new."""
    stretches: list[list[Review]] = [[]]
    pending = list(resets)
    for review in reviews:
        if pending and pending[0] < review.at:
            while pending and pending[0] < review.at:
                pending.pop(0)
            if stretches[-1]:
                stretches.append([])
        stretches[-1].append(review)
    return stretches


def _question(item: tuple[str, str, Review]) -> tuple[str, str]:
    return item[0], item[1]


def forecast(
    library: Library, cards: Iterable[StoredCard], today: date, days: int = FORECAST_DAYS
) -> tuple[DayCount, ...]:
    """Reviews falling due on each of the next ``days`` local days, today first (overdue ones count today).

    Only loaded, unsuspended questions that were answered as they are now; ``right`` is unused (0).
    """
    counts = [0] * days
    for card in cards:
        located = library.locate(card.question_id)
        if located is None or located.bank.id != card.bank_id or card.suspended:
            continue
        if not is_current(card.memory, library.content_hash(located.question)):
            continue
        offset = max(0, (local_day(datetime.fromisoformat(card.memory.due)) - today).days)
        if offset < days:
            counts[offset] += 1
    return tuple(DayCount(today + timedelta(days=n), count, 0) for n, count in enumerate(counts))


@dataclass(frozen=True)
class Progress:
    """Everything the progress screen shows, computed at one moment."""

    today: date
    days: tuple[DayCount, ...]
    streak: Streak
    forecast: tuple[DayCount, ...]
    knowledge: Knowledge

    @property
    def retention_since(self) -> datetime:
        """True retention covers the same days as the chart: it is computed apart (``true_retention``),
        since it replays answers and the screen shows the rest first."""
        return day_start(self.days[0].day)

    @property
    def days_studied(self) -> int:
        return days_studied(self.days)


def build_progress(store: Store, learner_id: int, library: Library, now: datetime) -> Progress:
    today = local_day(now)
    cards = store.cards(learner_id)
    return Progress(
        today=today,
        days=answers_per_day(store, learner_id, today),
        streak=streak(store, learner_id, today),
        forecast=forecast(library, cards, today),
        knowledge=build_knowledge(library, cards),
    )
