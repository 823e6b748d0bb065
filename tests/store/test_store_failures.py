"""Failures a user can meet while quiz runs come out as a QuizError with a hint, not a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.store import Store, connection
from tests.store.store_support import answer


def test_a_database_held_by_another_program_is_reported_as_busy(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)
    with Store.open(db_path) as store:
        ana = store.add_learner("Ana")
        round_id = store.start_round(ana.id, "bank-a", "practice", ["q1", "q2"], {})
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")

        with pytest.raises(QuizError, match="is busy") as raised:
            store.record_answer(round_id, answer("q1", 1.0))

        assert "Close other copies of quiz" in raised.value.hint
        assert store.round_answers(round_id) == []
        other.execute("ROLLBACK")
        store.record_answer(round_id, answer("q2", 1.0))
        assert [item.question_id for item in store.round_answers(round_id)] == ["q2"]


def test_damage_found_after_opening_is_reported_with_a_hint(db_path: Path) -> None:
    with Store.open(db_path) as store:
        ana = store.add_learner("Ana")
        round_id = store.start_round(ana.id, "bank-a", "practice", [f"q{i}" for i in range(3000)], {})
        for index in range(3000):
            store.record_answer(round_id, answer(f"q{index}", 1.0, response="long answer " * 5))
        ana_id = ana.id
    content = bytearray(db_path.read_bytes())
    page = 4096
    for number in _pages_of_the_answers(db_path):  # not the schema's: opening must still succeed
        content[(number - 1) * page : number * page] = b"\xa5" * page
    db_path.write_bytes(bytes(content))

    with Store.open(db_path) as store, pytest.raises(QuizError, match="is damaged") as raised:
        store.rounds(ana_id)
        store.answer_stats(ana_id)

    assert "--db" in raised.value.hint


def _pages_of_the_answers(db_path: Path) -> list[int]:
    """The answers table's own pages (via SQLite's dbstat), so the damage never reaches the schema."""
    with sqlite3.connect(db_path) as reader:
        return [row[0] for row in reader.execute("SELECT pageno FROM dbstat WHERE name = 'answers'")]


def test_opening_a_database_held_too_long_by_another_program_says_busy(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(db_path).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)

    with pytest.raises(QuizError, match="is busy"):
        Store.open(db_path)

    other.execute("ROLLBACK")
    other.close()
    assert list(db_path.parent.glob("*.corrupt-*")) == []
    with Store.open(db_path) as store:
        assert store.notice is None
