"""History view-models: rounds, trend, per-tag accuracy, and most missed marked changed or retired."""

from __future__ import annotations

from dataclasses import replace

from quiz.bank.fingerprint import content_hash
from quiz.store import AnswerRecord, Learner, Store
from quiz.study.history import QuestionStatus, build_history
from quiz.study.library import Library
from tests.support.banks import make_bank


def play(store: Store, learner: Learner, answers: list[tuple[str, float, str]], finish: bool = True) -> None:
    round_id = store.start_round(learner.id, "demo", "practice", [a[0] for a in answers], {})
    for question_id, score, digest in answers:
        store.record_answer(round_id, AnswerRecord(question_id, "demo", digest, "x", score, 2.0))
    if finish:
        store.finish_round(round_id, 10.0)


def test_history_lists_rounds_trend_and_tags(store: Store, learner: Learner, library: Library) -> None:
    choice = library.locate("demo.choice").question  # type: ignore[union-attr]
    multi = library.locate("demo.multi").question  # type: ignore[union-attr]
    play(store, learner, [("demo.choice", 1.0, content_hash(choice)), ("demo.multi", 0.0, content_hash(multi))])
    play(store, learner, [("demo.choice", 1.0, content_hash(choice)), ("demo.multi", 1.0, content_hash(multi))])
    play(store, learner, [("demo.choice", 0.0, content_hash(choice))], finish=False)
    history = build_history(store, learner.id, library)
    assert history.total_rounds == 3
    assert [row.finished for row in history.rounds] == [False, True, True]
    assert [(t.bank_id, t.fractions) for t in history.trends] == [("demo", (0.5, 1.0))]
    tags = {t.tag: (t.attempts, t.right) for t in history.tags}
    assert tags == {"geography": (3, 2), "numbers": (2, 1)}
    assert [(m.question_id, m.misses) for m in history.most_missed] == [("demo.choice", 1), ("demo.multi", 1)]


def test_edited_question_is_changed_and_removed_one_is_retired(store: Store, learner: Learner) -> None:
    play(store, learner, [("demo.choice", 0.0, "0000000000000000"), ("demo.gone", 0.0, "1111111111111111"),
                          ("demo.tf", 0.0, "2222222222222222")])
    bank = make_bank()
    tf = bank.question("demo.tf")
    assert tf is not None
    edited = replace(bank, questions=tuple(q for q in bank.questions if q.id != "demo.tf"))
    library = Library.of([edited])
    # demo.choice: stored hash differs from the loaded question's -> changed; demo.gone and demo.tf: retired
    statuses = {m.question_id: m.status for m in build_history(store, learner.id, library).most_missed}
    assert statuses == {
        "demo.choice": QuestionStatus.CHANGED,
        "demo.gone": QuestionStatus.RETIRED,
        "demo.tf": QuestionStatus.RETIRED,
    }


def test_unchanged_question_is_current(store: Store, learner: Learner, library: Library) -> None:
    choice = library.locate("demo.choice").question  # type: ignore[union-attr]
    play(store, learner, [("demo.choice", 0.0, content_hash(choice))])
    [missed] = build_history(store, learner.id, library).most_missed
    assert missed.status is QuestionStatus.CURRENT


def test_history_shows_the_newest_rounds_but_counts_them_all(store: Store, learner: Learner, library: Library) -> None:
    choice = library.locate("demo.choice").question  # type: ignore[union-attr]
    for score in (0.0, 1.0, 0.0, 1.0, 1.0):
        play(store, learner, [("demo.choice", score, content_hash(choice))])
    history = build_history(store, learner.id, library, round_limit=2)
    assert history.total_rounds == 5
    assert len(history.rounds) == 2
    assert [(t.bank_id, t.fractions) for t in history.trends] == [("demo", (0.0, 1.0, 0.0, 1.0, 1.0))]
