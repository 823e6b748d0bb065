"""Rounds and answers as the study layer stores and reads them back."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from quiz.store import AnswerRecord, BankScores, Store
from tests.store.store_support import answer
from tests.support.clocks import START


@pytest.fixture
def ana_id(store: Store) -> int:
    return store.add_learner("Ana").id


def test_answers_round_trip_with_their_shapes(store: Store, ana_id: int) -> None:
    round_id = store.start_round(ana_id, "bank-a", "exam", ["q1", "q2", "q3", "q4"], {"limit": 300, "tag": None})
    responses = {"q1": "Leposavić [citation needed]", "q2": ("b", "a"), "q3": {"left": "right"}, "q4": 1999}
    for question_id, response in responses.items():
        store.record_answer(round_id, AnswerRecord(question_id, "bank-a", "h" + question_id, response, 0.5, 1.5))

    stored = store.round_answers(round_id)

    assert [item.question_id for item in stored] == ["q1", "q2", "q3", "q4"]
    assert {item.question_id: item.response for item in stored} == responses
    first = stored[0]
    assert (first.round_id, first.bank_id, first.content_hash, first.score, first.seconds) == (
        round_id,
        "bank-a",
        "hq1",
        0.5,
        1.5,
    )
    assert first.answered_at.startswith("2026-03-01T12:")


def test_the_first_answer_to_an_attempt_stands(store: Store, ana_id: int) -> None:
    round_id = store.start_round(ana_id, "bank-a", "exam", ["q1", "q2"], {})
    assert store.record_answer(round_id, answer("q1", 0.0, response="wrong")) is True
    assert store.record_answer(round_id, answer("q2", 1.0)) is True
    assert store.record_answer(round_id, answer("q1", 1.0, response="right")) is False

    stored = store.round_answers(round_id)

    assert [(item.question_id, item.response) for item in stored] == [("q1", "wrong"), ("q2", "x")]
    assert store.rounds(ana_id)[0].score == 1.0


def test_a_later_attempt_is_its_own_answer_and_keeps_whether_the_hint_was_shown(store: Store, ana_id: int) -> None:
    round_id = store.start_round(ana_id, "bank-a", "practice", ["q1"], {})
    store.record_answer(round_id, AnswerRecord("q1", "bank-a", "h", "Albanains", 0.0, 2.0, hint_shown=True))
    assert store.record_answer(round_id, AnswerRecord("q1", "bank-a", "h", "Albanians", 1.0, 2.0, attempt=2))

    first, second = store.round_answers(round_id)

    assert (first.attempt, first.hint_shown, first.response) == (1, True, "Albanains")
    assert (second.attempt, second.hint_shown) == (2, None)


def test_a_round_is_leased_to_one_copy_until_its_lease_expires(store: Store, ana_id: int) -> None:
    round_id = store.start_round(ana_id, "bank-a", "practice", ["q1"], {})
    now = START

    assert store.take_lease(round_id, "one", now=now, until=now + timedelta(seconds=30)) is None
    held = store.take_lease(round_id, "two", now=now + timedelta(seconds=10), until=now + timedelta(seconds=40))
    assert held is not None and held.owner == "one" and held.since.startswith("2026-03-01T12:00:00")
    assert store.renew_lease(round_id, "one", now + timedelta(seconds=50)) is True
    later = now + timedelta(seconds=51)
    assert store.take_lease(round_id, "two", now=later, until=later + timedelta(seconds=30)) is None  # expired
    assert store.renew_lease(round_id, "one", later) is False  # taken over: the first copy must stop
    lease = store.round_lease(round_id)
    assert lease is not None and lease.owner == "two"
    assert store.take_lease(round_id, "one", now=later, until=later, force=True) is None
    store.release_lease(round_id, "one")
    assert store.round_lease(round_id) is None


def test_starting_a_round_can_retire_older_unfinished_ones(store: Store, ana_id: int) -> None:
    older = store.start_round(ana_id, "bank-a", "practice", ["q1"], {})
    playing = store.start_round(ana_id, "bank-a", "practice", ["q1"], {})
    store.take_lease(playing, "other", now=START, until=START + timedelta(seconds=30))
    newest = store.start_round(ana_id, "bank-b", "quick", ["q1"], {})

    store.abandon_older_rounds(ana_id, newest, START)

    status = {summary.id: summary.status for summary in store.rounds(ana_id)}
    assert status == {older: "abandoned", playing: "unfinished", newest: "unfinished"}


def test_an_exam_deadline_is_kept_with_the_round(store: Store, ana_id: int) -> None:
    store.start_round(ana_id, "bank-a", "exam", ["q1"], {}, deadline=START + timedelta(minutes=2))
    resumable = store.resumable_round(ana_id)
    assert resumable is not None and resumable.deadline == "2026-03-01T12:02:00.000+00:00"


def test_caller_bugs_raise(store: Store, ana_id: int) -> None:
    with pytest.raises(ValueError, match="unknown mode"):
        store.start_round(ana_id, "bank-a", "speedrun", ["q1"], {})
    round_id = store.start_round(ana_id, "bank-a", "quick", ["q1"], {})
    with pytest.raises(ValueError, match="between 0 and 1"):
        store.record_answer(round_id, answer("q1", 1.5))
    with pytest.raises(LookupError, match="no round 999"):
        store.record_answer(999, answer("q1", 1.0))
    assert store.round_answers(round_id) == []


def test_unfinished_round_is_resumable_with_progress(store: Store, ana_id: int) -> None:
    round_id = store.start_round(ana_id, "bank-a", "practice", ["q1", "q2", "q3"], {"count": 3, "tag": "geo"})
    store.record_answer(round_id, answer("q2", 1.0))
    store.record_answer(round_id, answer("q1", 0.25))

    resumable = store.resumable_round(ana_id)

    assert resumable is not None
    assert (resumable.id, resumable.bank_id, resumable.mode) == (round_id, "bank-a", "practice")
    assert resumable.question_ids == ("q1", "q2", "q3")
    assert resumable.answered_ids == ("q2", "q1")
    assert resumable.remaining_ids == ("q3",)
    assert resumable.score == 1.25
    assert resumable.settings == {"count": 3, "tag": "geo"}


def test_newest_unfinished_round_is_offered_and_finished_or_abandoned_are_not(store: Store, ana_id: int) -> None:
    older = store.start_round(ana_id, "bank-a", "practice", ["q1"], {})
    newer = store.start_round(ana_id, "bank-b", "practice", ["q1"], {})
    other = store.add_learner("Ben")
    store.start_round(other.id, "bank-c", "quick", ["q9"], {})

    assert store.resumable_round(ana_id).id == newer  # type: ignore[union-attr]
    store.abandon_round(newer)
    assert store.resumable_round(ana_id).id == older  # type: ignore[union-attr]
    store.finish_round(older, 12.0)
    assert store.resumable_round(ana_id) is None


def test_round_summaries_are_newest_first_with_status_and_score(store: Store, ana_id: int) -> None:
    finished = store.start_round(ana_id, "bank-a", "exam", ["q1", "q2", "q3"], {})
    store.record_answer(finished, answer("q1", 1.0))
    store.record_answer(finished, answer("q2", 0.5))
    store.finish_round(finished, 42.0)
    abandoned = store.start_round(ana_id, "bank-a", "practice", ["q1", "q2"], {})
    store.record_answer(abandoned, answer("q1", 1.0))
    store.abandon_round(abandoned)
    empty = store.start_round(ana_id, "bank-b", "quick", ["q7"], {})

    summaries = store.rounds(ana_id)

    assert [(s.id, s.status, s.planned, s.answered, s.score) for s in summaries] == [
        (empty, "unfinished", 1, 0, 0.0),
        (abandoned, "abandoned", 2, 1, 1.0),
        (finished, "finished", 3, 2, 1.5),
    ]
    assert summaries[2].seconds == 42.0
    assert summaries[2].mode == "exam"


def test_finishing_twice_keeps_the_first_finish(store: Store, ana_id: int) -> None:
    round_id = store.start_round(ana_id, "bank-a", "exam", ["q1"], {})
    store.finish_round(round_id, 10.0)
    store.finish_round(round_id, 99.0)
    store.abandon_round(round_id)
    (summary,) = store.rounds(ana_id)
    assert (summary.status, summary.seconds) == ("finished", 10.0)


def test_bank_progress_has_last_and_best_finished_round_and_questions_seen(store: Store, ana_id: int) -> None:
    def play(bank_id: str, scores: dict[str, float], finish: bool = True) -> None:
        round_id = store.start_round(ana_id, bank_id, "practice", ["q1", "q2", "q3", "q4"], {})
        for question_id, score in scores.items():
            store.record_answer(round_id, answer(question_id, score, bank_id))
        if finish:
            store.finish_round(round_id, 5.0)

    play("bank-a", {"q1": 1.0, "q2": 1.0, "q3": 1.0})
    play("bank-a", {"q1": 1.0, "q4": 0.5})
    play("bank-a", {"q1": 1.0, "q2": 1.0, "q3": 1.0, "q4": 1.0}, finish=False)
    play("bank-b", {"q1": 0.0}, finish=False)

    progress = store.bank_progress(ana_id)

    a = progress["bank-a"]
    assert (a.last_score, a.last_max, a.best_score, a.best_max, a.questions_seen) == (1.5, 4, 3.0, 4, 4)
    b = progress["bank-b"]
    assert (b.last_score, b.best_score, b.questions_seen) == (None, None, 1)
    assert store.bank_progress(store.add_learner("Ben").id) == {}
    assert store.bank_scores(ana_id) == {"bank-a": BankScores("bank-a", 1.5, 4, 3.0, 4)}  # the library's: no count


def test_a_question_answered_right_later_is_no_longer_a_mistake(store: Store, ana_id: int) -> None:
    first = store.start_round(ana_id, "bank-a", "practice", ["q1", "q2", "q3", "q4"], {})
    store.record_answer(first, answer("q1", 0.0))
    store.record_answer(first, answer("q2", 1.0))
    store.record_answer(first, answer("q3", 0.5))
    store.record_answer(first, answer("q4", 0.0))
    second = store.start_round(ana_id, "bank-a", "review", ["q1", "q2"], {})
    store.record_answer(second, answer("q1", 1.0))
    store.record_answer(second, answer("q2", 0.0))
    third = store.start_round(ana_id, "bank-b", "quick", ["z1"], {})
    store.record_answer(third, answer("z1", 0.0, "bank-b"))

    assert store.open_mistakes(ana_id) == [("bank-a", "q2"), ("bank-a", "q3"), ("bank-a", "q4"), ("bank-b", "z1")]
    assert store.open_mistakes(ana_id, "bank-b") == [("bank-b", "z1")]
    assert store.open_mistakes(store.add_learner("Ben").id) == []


def test_answer_stats_report_attempts_and_the_latest_hash(store: Store, ana_id: int) -> None:
    first = store.start_round(ana_id, "bank-a", "practice", ["q1", "q2", "q3"], {})
    store.record_answer(first, AnswerRecord("q1", "bank-a", "old", "a", 0.0, 1.0))
    store.record_answer(first, AnswerRecord("q2", "bank-a", "same", "a", 1.0, 1.0))
    store.record_answer(first, AnswerRecord("q3", "bank-a", "gone", "a", 1.0, 1.0))
    second = store.start_round(ana_id, "bank-a", "practice", ["q1"], {})
    store.record_answer(second, AnswerRecord("q1", "bank-a", "new", "b", 1.0, 1.0))

    stats = {item.question_id: item for item in store.answer_stats(ana_id)}

    assert (stats["q1"].attempts, stats["q1"].right, stats["q1"].last_score) == (2, 1, 1.0)
    assert stats["q1"].content_hash == "new"
    current_bank = {"q1": "newer", "q2": "same"}
    assert {qid: item.status(current_bank) for qid, item in stats.items()} == {
        "q1": "changed",
        "q2": "current",
        "q3": "retired",
    }


def test_threads_sharing_one_store_lose_no_answer(store: Store, ana_id: int) -> None:
    """The app may record from a worker thread while the screen reads history."""
    rounds = [store.start_round(ana_id, "bank-a", "practice", [f"q{i}" for i in range(200)], {}) for _ in range(2)]

    def record(round_id: int) -> None:
        for index in range(200):
            store.record_answer(round_id, answer(f"q{index}", 1.0))
            store.rounds(ana_id)

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(record, rounds))

    assert [summary.answered for summary in store.rounds(ana_id)] == [200, 200]


def test_best_counts_only_practice_and_exam_rounds_on_a_whole_bank_or_tag(store: Store, ana_id: int) -> None:
    def finished(mode: str, scores: list[float], settings: dict[str, object]) -> None:
        round_id = store.start_round(ana_id, "bank-a", mode, [f"q{n}" for n in range(len(scores))], settings)
        for n, score in enumerate(scores):
            store.record_answer(round_id, answer(f"q{n}", score))
        store.finish_round(round_id, 1.0)

    finished("practice", [1.0, 0.0, 0.0, 0.0], {"tag": "geo", "question_ids": []})
    finished("review", [1.0, 1.0], {"question_ids": ["q0", "q1"]})
    finished("practice", [1.0], {"question_ids": ["q0"]})
    finished("quick", [1.0], {})
    finished("exam", [1.0], {"difficulty": 1})

    progress = store.bank_progress(ana_id)["bank-a"]

    assert (progress.best_score, progress.best_max) == (1.0, 4)
    assert (progress.last_score, progress.last_max) == (1.0, 1)
