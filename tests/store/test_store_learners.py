"""Learners: one name per person whatever the case, most recently used first, removal cascades."""

from __future__ import annotations

import sqlite3

import pytest

from quiz.errors import QuizError
from quiz.store import Store
from tests.store.store_support import answer


def test_added_learner_is_found_whatever_the_case_and_spacing(store: Store) -> None:
    added = store.add_learner("  Ana   Marija ")
    assert added.name == "Ana Marija"
    assert store.learner("ana marija") == added
    assert store.learner("ANA  MARIJA") == added
    assert store.learner("Ana") is None


@pytest.mark.parametrize("name", ["Ana", "ANA", " ana "])
def test_a_taken_name_is_refused_whatever_the_case(store: Store, name: str) -> None:
    store.add_learner("Ana")
    with pytest.raises(QuizError, match="already a learner called"):
        store.add_learner(name)
    assert len(store.learners()) == 1


@pytest.mark.parametrize(
    ("name", "message"), [("   ", "cannot be empty"), ("x" * 41, "at most 40"), ("a\x07b", "control")]
)
def test_bad_names_are_refused(store: Store, name: str, message: str) -> None:
    with pytest.raises(QuizError, match=message):
        store.add_learner(name)


def test_non_ascii_names_are_one_learner_whatever_the_case(store: Store) -> None:
    store.add_learner("Đorđe")
    assert store.learner("đorđe") is not None
    with pytest.raises(QuizError):
        store.add_learner("ĐORĐE")


def test_rename_keeps_the_learners_rounds(store: Store) -> None:
    ana = store.add_learner("Ana")
    store.start_round(ana.id, "bank-a", "practice", ["q1"], {})
    renamed = store.rename_learner("ana", "Ana B.")
    assert renamed.id == ana.id
    assert renamed.name == "Ana B."
    assert store.learner("Ana") is None
    assert len(store.rounds(renamed.id)) == 1


def test_rename_may_change_only_the_case(store: Store) -> None:
    store.add_learner("ana")
    assert store.rename_learner("ana", "Ana").name == "Ana"


def test_rename_to_a_taken_name_or_of_an_unknown_learner_is_refused(store: Store) -> None:
    store.add_learner("Ana")
    store.add_learner("Ben")
    with pytest.raises(QuizError, match="already a learner called 'BEN'"):
        store.rename_learner("Ana", "BEN")
    with pytest.raises(QuizError, match="no learner called 'Zoe'"):
        store.rename_learner("Zoe", "Zara")
    assert sorted(learner.name for learner in store.learners()) == ["Ana", "Ben"]


def test_remove_deletes_the_learner_with_rounds_and_answers_only(store: Store) -> None:
    ana = store.add_learner("Ana")
    ben = store.add_learner("Ben")
    for learner in (ana, ben):
        round_id = store.start_round(learner.id, "bank-a", "practice", ["q1"], {})
        store.record_answer(round_id, answer("q1", 1.0))

    store.remove_learner("ANA")

    assert [learner.name for learner in store.learners()] == ["Ben"]
    connection = sqlite3.connect(store.path)
    assert connection.execute("SELECT count(*), min(learner_id) FROM answers").fetchone() == (1, ben.id)
    assert connection.execute("SELECT count(*) FROM rounds").fetchone() == (1,)
    with pytest.raises(QuizError, match="no learner called"):
        store.remove_learner("Ana")


def test_most_recently_used_learner_comes_first(store: Store) -> None:
    assert store.last_learner() is None
    ana = store.add_learner("Ana")
    ben = store.add_learner("Ben")
    assert [learner.name for learner in store.learners()] == ["Ben", "Ana"]

    store.touch_learner(ana.id)

    assert [learner.name for learner in store.learners()] == ["Ana", "Ben"]
    last = store.last_learner()
    assert last is not None
    assert last.id == ana.id
    assert last.last_seen_at is not None
    store.touch_learner(ben.id)
    assert store.last_learner() == store.learner("Ben")
