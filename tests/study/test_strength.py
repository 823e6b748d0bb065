"""Strength per question from the learner's cards, and practice rounds that cover the unseen questions first."""

from __future__ import annotations

from quiz.bank.answers import correct_response
from quiz.store import Learner, Store
from quiz.study.library import Library
from quiz.study.modes import Mode
from quiz.study.round import Round
from quiz.study.session import Session
from quiz.study.settings import RoundSettings
from quiz.study.strength import question_strength
from tests.support.clocks import FakeClock

DEMO = {f"demo.{name}" for name in ("choice", "multi", "tf", "short", "order", "match", "number")}


def play(store: Store, learner: Learner, library: Library, clock: FakeClock, **settings: object) -> list[str]:
    """Answer a round right (or wrong where ``wrong`` names the question); returns the ids asked."""
    wrong = settings.pop("wrong", ())
    chosen = RoundSettings(**{"mode": Mode.PRACTICE, "seed": 1, "bank_id": "demo", **settings})  # type: ignore[arg-type]
    round_ = Round.start(store, learner.id, library, chosen, clock)
    asked = []
    while round_.current is not None:
        question = round_.current.question
        asked.append(question.id)
        round_.answer("nowhere" if question.id in wrong else correct_response(question))  # type: ignore[operator]
    round_.finish()
    return asked


def test_a_missed_question_is_weaker_than_one_answered_right(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    play(store, learner, library, clock, question_ids=("demo.choice", "demo.tf"), wrong=("demo.choice",))
    clock.advance(days=2)
    strength = question_strength(store.glances(learner.id), library, clock())
    assert set(strength) == {"demo.choice", "demo.tf"}
    assert strength["demo.choice"] < strength["demo.tf"]
    assert strength["demo.choice"][0] < strength["demo.tf"][0] <= 1.0  # a day later: a lower chance of recall


def test_reset_and_suspended_questions_have_no_strength(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    play(store, learner, library, clock, question_ids=("demo.choice", "demo.tf", "other.tf"))
    session = Session(store, library, clock)
    session.reset_bank(learner, "other")
    located = library.locate("demo.tf")
    assert located is not None
    session.suspend(learner, located)
    assert set(question_strength(store.glances(learner.id), library, clock())) == {"demo.choice"}


def test_practice_rounds_cover_the_bank_before_asking_again(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    asked = play(store, learner, library, clock, seed=1, count=3)
    asked += play(store, learner, library, clock, seed=2, count=3)
    assert len(set(asked)) == 6
    [never_asked] = DEMO - set(asked)
    assert never_asked in play(store, learner, library, clock, seed=3, count=2)


def test_once_all_are_seen_the_missed_ones_come_first(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    play(store, learner, library, clock, count=7, wrong=("demo.order", "demo.short"))
    clock.advance(days=2)
    assert sorted(play(store, learner, library, clock, mode=Mode.QUICK, seed=5, count=2)) == ["demo.order",
                                                                                              "demo.short"]


def test_a_suspended_question_is_never_picked_but_an_exam_still_samples_it(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    located = library.locate("demo.choice")
    assert located is not None
    Session(store, library, clock).suspend(learner, located)
    for seed in range(1, 6):
        assert "demo.choice" not in play(store, learner, library, clock, seed=seed, mode=Mode.LEARN)
    assert "demo.choice" in play(store, learner, library, clock, mode=Mode.EXAM)
    Session(store, library, clock).unsuspend(learner, located)
    assert "demo.choice" in play(store, learner, library, clock, mode=Mode.LEARN)
