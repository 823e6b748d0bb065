"""The glances of a learner's cards show every answer, recorded by this copy or another, and no one else's."""

from __future__ import annotations

from pathlib import Path

from quiz.store import Store
from quiz.study.schedule import CARDS
from tests.store.store_support import answer
from tests.support.clocks import TickingClock


def _answer(store: Store, learner_id: int, question_id: str) -> None:
    round_id = store.start_round(learner_id, "bank-a", "practice", [question_id], {})
    store.record_answer(round_id, answer(question_id, 1.0), CARDS)


def test_an_answer_recorded_here_shows_in_the_next_glances(store: Store) -> None:
    learner_id = store.add_learner("Ana").id
    _answer(store, learner_id, "q1")
    assert [card.question_id for card in store.glances(learner_id)] == ["q1"]

    _answer(store, learner_id, "q2")

    assert sorted(card.question_id for card in store.glances(learner_id)) == ["q1", "q2"]


def test_an_answer_recorded_by_another_copy_shows_too(store: Store, db_path: Path) -> None:
    learner_id = store.add_learner("Ana").id
    assert store.glances(learner_id) == ()

    with Store.open(db_path, clock=TickingClock()) as other:
        _answer(other, learner_id, "q1")

    assert [card.question_id for card in store.glances(learner_id)] == ["q1"]


def test_each_learner_gets_their_own_cards(store: Store) -> None:
    ana, ben = store.add_learner("Ana").id, store.add_learner("Ben").id
    _answer(store, ana, "q1")
    assert len(store.glances(ana)) == 1

    assert store.glances(ben) == ()
