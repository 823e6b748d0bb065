"""Progress over days with a fake clock over weeks: answers per local day, the streak and when it breaks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.bank.answers import correct_response
from quiz.store import AnswerRecord, Learner, Store
from quiz.study.library import Library
from quiz.study.modes import Mode
from quiz.study.progress import (
    Retention,
    Streak,
    answers_per_day,
    build_progress,
    days_studied,
    forecast,
    local_day,
    streak,
    true_retention,
)
from quiz.study.round import Round
from quiz.study.session import Session
from quiz.study.settings import RoundSettings
from tests.support.banks import make_bank
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


def answer(store: Store, learner: Learner, library: Library, clock: FakeClock, **right: bool) -> None:
    """One round answering each named demo question (``choice=True``) right or wrong; the store's card follows."""
    ids = tuple(f"demo.{name}" for name in right)
    round_ = Round.start(store, learner.id, library, RoundSettings(mode=Mode.PRACTICE, seed=1, bank_id="demo",
                                                                     question_ids=ids), clock)
    for name, good in right.items():
        assert round_.current is not None and round_.current.question.id == f"demo.{name}"
        round_.answer(correct_response(round_.current.question) if good else "nowhere")
        clock.advance(30)
    round_.finish()


@pytest.fixture
def library() -> Library:
    return Library.of([make_bank("demo", "Demo bank")])


def test_true_retention_counts_only_reviews_of_questions_out_of_their_learning_steps(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    answer(store, learner, library, clock, choice=True, tf=True)  # new: learning steps, not reviews
    clock.advance(15 * 60)
    answer(store, learner, library, clock, choice=True, tf=True)  # out of the steps: in review now
    assert true_retention(store, learner.id, clock() - timedelta(days=1)) == Retention(0, 0)
    clock.advance(days=3)
    answer(store, learner, library, clock, choice=True, tf=False)  # two reviews: one passed, one lapse
    answer(store, learner, library, clock, tf=True)  # relearning the lapse: not a review
    result = true_retention(store, learner.id, clock() - timedelta(days=30))
    assert result == Retention(reviews=2, passed=1) and result.share == 0.5
    assert true_retention(store, learner.id, clock() + timedelta(hours=1)).share is None  # nothing since


def test_after_a_reset_a_question_is_new_again_and_its_answers_are_not_reviews(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    answer(store, learner, library, clock, choice=True)
    clock.advance(15 * 60)
    answer(store, learner, library, clock, choice=True)
    clock.advance(days=3)
    Session(store, library, clock).reset_bank(learner, "demo")
    clock.advance(60)
    answer(store, learner, library, clock, choice=False)
    assert true_retention(store, learner.id, clock() - timedelta(days=30)) == Retention(0, 0)


def test_the_forecast_counts_reviews_per_local_day_and_overdue_ones_today(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    answer(store, learner, library, clock, choice=True, tf=True, short=True)
    clock.advance(15 * 60)
    answer(store, learner, library, clock, choice=True, tf=True, short=True)
    located = library.locate("demo.short")
    assert located is not None
    Session(store, library, clock).suspend(learner, located)
    today = local_day(clock())
    ahead = forecast(library, store.cards(learner.id), today)
    assert len(ahead) == 14 and ahead[0].day == today
    due_days = {local_day(datetime.fromisoformat(card.memory.due)) for card in store.cards(learner.id)
                if not card.suspended}
    assert sum(day.answers for day in ahead) == 2
    assert {day.day for day in ahead if day.answers} == due_days
    clock.advance(days=20)
    later = forecast(library, store.cards(learner.id), local_day(clock()))
    assert later[0].answers == 2  # overdue: due today
    assert build_progress(store, learner.id, library, clock()).knowledge.banks["demo"].suspended == 1
