"""The glances of a learner's cards are read again whenever the database changed, by this copy or another."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from uuid import uuid4

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quiz.store import AnswerRecord, Store
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


def test_with_nothing_changed_the_cards_are_not_read_again(store: Store) -> None:
    learner_id = store.add_learner("Ana").id
    _answer(store, learner_id, "q1")

    assert store.glances(learner_id) is store.glances(learner_id)


_STEPS = st.lists(
    st.tuples(
        st.sampled_from(["answer", "answer elsewhere", "suspend", "unsuspend", "reset", "override", "read"]),
        st.sampled_from(["Ana", "Ben"]),
        st.sampled_from(["q1", "q2", "q3"]),
        st.sampled_from([0.0, 0.5, 1.0]),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_STEPS)
@example(steps=[("read", "Ana", "q1", 1.0), ("answer", "Ana", "q1", 1.0), ("read", "Ana", "q1", 1.0)])
@example(
    steps=[
        ("read", "Ana", "q1", 1.0),
        ("answer", "Ana", "q1", 1.0),
        ("answer", "Ana", "q2", 0.0),
        ("read", "Ana", "q1", 1.0),
    ]
)
@example(
    steps=[
        ("read", "Ana", "q1", 1.0),
        ("answer elsewhere", "Ana", "q1", 1.0),
        ("answer", "Ana", "q2", 1.0),
        ("read", "Ana", "q1", 1.0),
    ]
)
@example(
    steps=[
        ("answer", "Ana", "q2", 1.0),
        ("read", "Ben", "q1", 1.0),
        ("answer", "Ana", "q1", 1.0),
        ("read", "Ana", "q1", 1.0),
    ]
)
def test_the_glances_are_always_what_a_fresh_read_finds(
    tmp_path: Path, steps: list[tuple[str, str, str, float]]
) -> None:
    db_path = tmp_path / f"{uuid4().hex}.sqlite3"
    with Store.open(db_path, clock=TickingClock()) as store, Store.open(db_path, clock=TickingClock()) as other:
        learners = {name: store.add_learner(name).id for name in ("Ana", "Ben")}
        rounds = {
            name: store.start_round(learner_id, "bank-a", "learn", [], {}) for name, learner_id in learners.items()
        }
        attempts = iter(range(2, 1000))
        for action, name, question_id, score in steps:
            learner_id = learners[name]
            if action in ("answer", "answer elsewhere"):
                writer = store if action == "answer" else other
                record = AnswerRecord(
                    question_id, "bank-a", f"hash-{question_id}", "x", score, 2.0, attempt=next(attempts)
                )
                writer.record_answer(rounds[name], record, CARDS)
            elif action == "override":
                with suppress(LookupError):
                    store.override_answer(rounds[name], question_id, CARDS)
            elif action == "read":  # compared only here, so the cache lives across several writes
                with Store.open(db_path, clock=TickingClock()) as fresh:
                    assert sorted(store.glances(learner_id)) == sorted(fresh.glances(learner_id))
            else:
                store.study_event(learner_id, action, "bank-a", None if action == "reset" else question_id)
