"""Learn mode: a missed question comes back a few questions later until it is right; every attempt is kept."""

from __future__ import annotations

from quiz.bank.answers import correct_response
from quiz.store import Learner, Store
from quiz.study.learn import COMES_BACK_AFTER
from quiz.study.library import Library
from quiz.study.modes import Mode
from quiz.study.report import report
from quiz.study.round import Round
from quiz.study.settings import RoundSettings
from tests.support.clocks import FakeClock

WRONG = "nowhere"
"""Scores 0 on every question type (a response of the wrong shape scores 0)."""

ORDER = ("demo.choice", "demo.multi", "demo.tf", "demo.short", "demo.order", "demo.match", "demo.number")


def learn(store: Store, learner: Learner, library: Library, clock: FakeClock, ids: tuple[str, ...] = ORDER) -> Round:
    settings = RoundSettings(mode=Mode.LEARN, seed=4, bank_id="demo", question_ids=ids)
    return Round.start(store, learner.id, library, settings, clock)


def current_id(round_: Round) -> str:
    assert round_.current is not None
    return round_.current.question.id


def answer(round_: Round, right: bool) -> str:
    question = round_.current.question  # type: ignore[union-attr]
    round_.answer(correct_response(question) if right else WRONG)
    return question.id


def test_a_missed_question_comes_back_after_three_others(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    round_ = learn(store, learner, library, clock)
    assert answer(round_, right=False) == "demo.choice"
    asked = [answer(round_, right=True) for _ in range(COMES_BACK_AFTER)]
    assert asked == ["demo.multi", "demo.tf", "demo.short"]
    assert current_id(round_) == "demo.choice"


def test_the_round_ends_only_when_every_question_was_answered_right(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    round_ = learn(store, learner, library, clock, ids=("demo.choice", "demo.tf"))
    assert answer(round_, right=False) == "demo.choice"
    assert answer(round_, right=False) == "demo.tf"
    assert answer(round_, right=False) == "demo.choice"  # fewer than three others left: back sooner
    assert answer(round_, right=True) == "demo.tf"
    assert answer(round_, right=False) == "demo.choice"  # the only one left comes straight back
    assert round_.right_this_session == 1
    assert answer(round_, right=True) == "demo.choice"
    assert round_.current is None and round_.right_this_session == 2


def test_each_attempt_is_stored_as_its_own_answer(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    round_ = learn(store, learner, library, clock, ids=("demo.choice", "demo.tf"))
    for right in (False, True, False, True):
        answer(round_, right)
    stored = [(a.question_id, a.attempt, a.score) for a in store.round_answers(round_.round_id)]
    assert stored == [("demo.choice", 1, 0.0), ("demo.tf", 1, 1.0), ("demo.choice", 2, 0.0), ("demo.choice", 3, 1.0)]


def test_the_round_score_counts_first_attempts_only(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    round_ = learn(store, learner, library, clock, ids=("demo.choice", "demo.tf"))
    for right in (False, True, True):
        answer(round_, right)
    round_.finish()
    assert round_.score == 1
    summary = report(round_)
    assert (summary.score, summary.maximum, summary.attempts, summary.retries) == (1, 2, 3, 1)
    assert [outcome.located.question.id for outcome in summary.missed] == ["demo.choice"]
    [stored] = store.rounds(learner.id)
    assert (stored.score, stored.answered, stored.planned) == (1.0, 2, 2)
    assert store.bank_progress(learner.id)["demo"].last_score == 1.0


def test_a_resumed_learn_round_still_has_the_missed_ones_pending(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    round_ = learn(store, learner, library, clock)
    answer(round_, right=False)  # choice, back after three others
    answer(round_, right=True)  # multi
    round_.release()  # left: another copy of the app may resume it
    resumable = store.resumable_round(learner.id)
    assert resumable is not None
    assert resumable.right_ids == {"demo.multi"}
    again = Round.resume(store, library, resumable, clock)
    assert again.claim() is None
    assert [answer(again, right=True) for _ in range(3)] == ["demo.tf", "demo.short", "demo.choice"]
    assert again.right_this_session == 4
    assert [a.attempt for a in store.round_answers(round_.round_id)] == [1, 1, 1, 1, 2]


def test_a_retry_is_shuffled_anew_and_a_resume_shows_it_the_same_way(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    layouts = set()
    for seed in range(1, 6):
        settings = RoundSettings(mode=Mode.LEARN, seed=seed, bank_id="demo", question_ids=("demo.order",))
        round_ = Round.start(store, learner.id, library, settings, clock)
        first = round_.presentation()
        answer(round_, right=False)
        retry = round_.presentation()
        assert first is not None and retry is not None
        layouts.add(first.items != retry.items)
        resumable = store.resumable_round(learner.id)
        assert resumable is not None
        assert Round.resume(store, library, resumable, clock).presentation() == retry
        round_.finish()
    assert True in layouts
