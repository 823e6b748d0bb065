"""The history queries that read only what the history screen shows: newest rounds, recent trends."""

from __future__ import annotations

from quiz.store import Store
from tests.store.store_support import answer


def play(store: Store, learner_id: int, bank_id: str, scores: list[float], finish: bool = True) -> int:
    ids = [f"{bank_id}.q{n}" for n in range(len(scores))]
    round_id = store.start_round(learner_id, bank_id, "practice", ids, {})
    for question_id, score in zip(ids, scores, strict=True):
        store.record_answer(round_id, answer(question_id, score, bank_id))
    if finish:
        store.finish_round(round_id, seconds=10.0)
    return round_id


def test_rounds_with_a_limit_are_the_newest_and_the_count_is_all_of_them(store: Store) -> None:
    ana = store.add_learner("Ana")
    made = [play(store, ana.id, "bank-a", [1.0]) for _ in range(5)]
    newest = store.rounds(ana.id, limit=2)
    assert [summary.id for summary in newest] == [made[4], made[3]]
    assert [summary.id for summary in store.rounds(ana.id)] == made[::-1]
    assert store.round_count(ana.id) == 5


def test_recent_finished_scores_keep_each_banks_newest_rounds_oldest_first(store: Store) -> None:
    ana, ben = store.add_learner("Ana"), store.add_learner("Ben")
    for score in (0.0, 0.5, 1.0):
        play(store, ana.id, "bank-a", [score, 1.0])
    play(store, ana.id, "bank-b", [1.0])
    play(store, ana.id, "bank-b", [0.0], finish=False)  # unfinished: no point on the trend
    play(store, ben.id, "bank-a", [0.0])  # another learner's
    assert store.recent_finished_scores(ana.id, per_bank=2) == [
        ("bank-a", 1.5, 2),
        ("bank-a", 2.0, 2),
        ("bank-b", 1.0, 1),
    ]
