"""A round records each answer in the store when it is given, and can be resumed from the store."""

from __future__ import annotations

from quiz.bank.answers import correct_response
from quiz.bank.fingerprint import content_hash
from quiz.store import Learner, Store
from quiz.study.library import Library
from quiz.study.modes import Mode
from quiz.study.report import report
from quiz.study.round import Round
from quiz.study.settings import RoundSettings
from tests.support.clocks import FakeClock


def start(store: Store, learner: Learner, library: Library, clock: FakeClock, **kw: object) -> Round:
    settings = RoundSettings(**{"mode": Mode.PRACTICE, "seed": 4, "bank_id": "demo", **kw})  # type: ignore[arg-type]
    return Round.start(store, learner.id, library, settings, clock)


def test_each_answer_is_stored_with_score_time_and_content_hash(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    round_ = start(store, learner, library, clock)
    question = round_.current.question  # type: ignore[union-attr]
    round_.show_current()
    clock.advance(12.5)
    outcome = round_.answer(correct_response(question))
    assert outcome.correct
    [stored] = store.round_answers(round_.round_id)
    assert (stored.question_id, stored.score, stored.seconds) == (question.id, 1.0, 12.5)
    assert stored.content_hash == content_hash(question)


def test_partial_credit_is_kept_as_given(store: Store, learner: Learner, library: Library, clock: FakeClock) -> None:
    round_ = start(store, learner, library, clock, question_ids=("demo.multi",))
    outcome = round_.answer(("2", "3", "4"))
    assert outcome.partial and outcome.score == 0.5
    assert store.round_answers(round_.round_id)[0].response == ("2", "3", "4")


def test_resume_carries_on_after_the_answers_already_given(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    round_ = start(store, learner, library, clock, count=5)
    for _ in range(2):
        round_.answer(correct_response(round_.current.question))  # type: ignore[union-attr]
    planned = [item.question.id for item in round_.planned]
    round_.release()
    resumable = store.resumable_round(learner.id)
    assert resumable is not None
    again = Round.resume(store, library, resumable, clock)
    assert again.claim() is None
    assert again.answered == 2 and again.score == 2
    assert again.current.question.id == planned[2]  # type: ignore[union-attr]
    assert again.presentation() == round_.presentation()
    while again.current is not None:
        again.answer(correct_response(again.current.question))
    again.finish()
    assert store.resumable_round(learner.id) is None
    assert store.rounds(learner.id)[0].answered == 5


def test_report_gives_score_time_tags_and_missed(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    round_ = start(store, learner, library, clock, question_ids=("demo.choice", "demo.multi", "demo.tf"))
    clock.advance(5)
    round_.answer("Leposavić")
    clock.advance(7)
    round_.answer(("2",))
    clock.advance(3)
    round_.answer(False)
    round_.finish()
    summary = report(round_)
    assert (summary.score, summary.maximum, summary.seconds) == (1.5, 3, 15)
    assert [(t.tag, t.score, t.maximum) for t in summary.tags] == [("geography", 1.0, 2), ("numbers", 0.5, 1)]
    assert [o.located.question.id for o in summary.missed] == ["demo.multi", "demo.tf"]
    assert store.rounds(learner.id)[0].finished_at is not None


def test_time_limit_counts_unanswered_as_zero(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    round_ = start(store, learner, library, clock, mode=Mode.EXAM, count=3, time_limit=60)
    round_.answer(correct_response(round_.current.question))  # type: ignore[union-attr]
    clock.advance(61)
    assert round_.time_left() == 0
    summary = report(round_)
    assert (summary.score, summary.maximum, summary.unanswered) == (1, 3, 2)
