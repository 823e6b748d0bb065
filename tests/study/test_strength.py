"""A learner's strength per question, and practice rounds that cover the unseen questions first."""

from __future__ import annotations

from quiz.bank.answers import correct_response
from quiz.store import AnswerRecord, Learner, Store
from quiz.study.library import Library
from quiz.study.modes import Mode
from quiz.study.round import Round
from quiz.study.settings import RoundSettings
from quiz.study.strength import question_strength
from tests.support.clocks import FakeClock


def answered(store: Store, learner: Learner, library: Library, scores: dict[str, float], digest: str = "") -> None:
    round_id = store.start_round(learner.id, "demo", "practice", list(scores), {})
    for question_id, score in scores.items():
        located = library.locate(question_id)
        assert located is not None
        content = digest or library.content_hash(located.question)
        store.record_answer(round_id, AnswerRecord(question_id, "demo", content, "x", score, 1.0))


def test_strength_weighs_the_latest_answer_and_the_share_right(
    store: Store, learner: Learner, library: Library
) -> None:
    answered(store, learner, library, {"demo.choice": 1.0, "demo.tf": 1.0})
    answered(store, learner, library, {"demo.choice": 0.0, "demo.tf": 1.0})
    assert question_strength(store.answer_stats(learner.id), library) == {"demo.choice": 0.25, "demo.tf": 1.0}


def test_a_question_whose_content_changed_counts_as_unseen(store: Store, learner: Learner, library: Library) -> None:
    answered(store, learner, library, {"demo.choice": 1.0}, digest="old-hash")
    assert question_strength(store.answer_stats(learner.id), library) == {}


def test_practice_rounds_cover_the_bank_before_asking_again(
    store: Store, learner: Learner, library: Library, clock: FakeClock
) -> None:
    asked: list[str] = []
    for seed in (1, 2):
        settings = RoundSettings(mode=Mode.PRACTICE, seed=seed, bank_id="demo", count=3)
        round_ = Round.start(store, learner.id, library, settings, clock)
        while round_.current is not None:
            asked.append(round_.current.question.id)
            round_.answer(correct_response(round_.current.question))
        round_.finish()
    assert len(set(asked)) == 6
    round_ = Round.start(store, learner.id, library, RoundSettings(mode=Mode.PRACTICE, seed=3, bank_id="demo",
                                                                   count=2), clock)
    [never_asked] = {f"demo.{name}" for name in ("choice", "multi", "tf", "short", "order", "match", "number")} - set(
        asked
    )
    assert never_asked in [item.question.id for item in round_.planned]
