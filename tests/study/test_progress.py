"""Progress over days with a fake clock over weeks: answers per local day, the streak and when it breaks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store import AnswerRecord, Learner, Store
from quiz.study.progress import Streak, answers_per_day, days_studied, local_day, streak
from tests.support.clocks import FakeClock
from tests.support.timezone import local_zone

MONDAY_NOON = datetime(2026, 3, 2, 11, 0, tzinfo=UTC)  # 12:00 in Belgrade


@pytest.fixture(autouse=True)
def belgrade(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with local_zone(monkeypatch):
        yield


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_NOON)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(tmp_path / "scores.sqlite3", clock=clock) as opened:
        yield opened


@pytest.fixture
def learner(store: Store) -> Learner:
    return store.add_learner("Ana")


def study(store: Store, learner: Learner, *scores: float) -> None:
    round_id = store.start_round(learner.id, "demo", "practice", [f"q{n}" for n in range(len(scores))], {})
    for n, score in enumerate(scores):
        store.record_answer(round_id, AnswerRecord(f"q{n}", "demo", "hash", "x", score, 1.0))


def test_answers_are_counted_per_local_day(store: Store, learner: Learner, clock: FakeClock) -> None:
    study(store, learner, 1.0, 0.0, 1.0)
    clock.advance(days=1)
    clock.advance(11.5 * 3600)  # Tuesday 23:30 in Belgrade, 22:30 UTC
    study(store, learner, 1.0)
    clock.advance(3600)  # Wednesday 00:30 in Belgrade, still Tuesday in UTC
    study(store, learner, 0.5, 0.0)
    today = local_day(clock())
    days = answers_per_day(store, learner.id, today)
    assert len(days) == 30 and days[-1].day == today
    assert [(d.day.isoformat(), d.answers, d.right) for d in days[-3:]] == [
        ("2026-03-02", 3, 2),
        ("2026-03-03", 1, 1),
        ("2026-03-04", 2, 0),
    ]
    assert days_studied(days) == 3


def test_the_streak_grows_each_day_and_breaks_after_a_day_without_study(
    store: Store, learner: Learner, clock: FakeClock
) -> None:
    for _ in range(5):
        study(store, learner, 1.0)
        clock.advance(days=1)
    # not yet studied today: still 5 until the day is over
    assert streak(store, learner.id, local_day(clock())) == Streak(5, studied_today=False)
    study(store, learner, 1.0)
    assert streak(store, learner.id, local_day(clock())) == Streak(6, studied_today=True)
    clock.advance(days=2)  # a whole day without study
    assert streak(store, learner.id, local_day(clock())).days == 0
    study(store, learner, 0.0)
    assert streak(store, learner.id, local_day(clock())) == Streak(1, studied_today=True)


def test_a_long_streak_is_counted_across_many_chunks(store: Store, learner: Learner, clock: FakeClock) -> None:
    for _ in range(130):
        study(store, learner, 1.0)
        clock.advance(days=1)
    assert streak(store, learner.id, local_day(clock() - timedelta(days=1))) == Streak(130, studied_today=True)
