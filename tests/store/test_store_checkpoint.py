"""When the write-ahead log reaches the database file: when a round ends, never while answering."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from quiz.store import Store
from quiz.study.schedule import CARDS
from tests.store.store_support import answer


def _answers_in_the_database_file(db_path: Path, tmp_path: Path) -> int:
    """Answers the database file holds by itself, without its log: what checkpoints have copied there."""
    alone = tmp_path / "alone.sqlite3"
    shutil.copyfile(db_path, alone)
    with sqlite3.connect(alone) as connection:
        if connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'answers'").fetchone()[0] == 0:
            return 0  # not even the schema has been copied yet
        return int(connection.execute("SELECT count(*) FROM answers").fetchone()[0])


def test_answers_stay_in_the_log_during_a_round_and_reach_the_file_when_it_ends(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    learner_id = store.add_learner("Ana").id
    questions = [f"q{n}" for n in range(150)]
    round_id = store.start_round(learner_id, "bank-a", "practice", questions, {})
    for question_id in questions:
        store.record_answer(round_id, answer(question_id, 1.0), CARDS)
    assert _log_pages(db_path) > 1_000  # past SQLite's own checkpoint point

    assert _answers_in_the_database_file(db_path, tmp_path) == 0  # no answer paid for a checkpoint

    store.finish_round(round_id, seconds=12.0)

    assert _answers_in_the_database_file(db_path, tmp_path) == 150


def _log_pages(db_path: Path) -> int:
    return db_path.with_name(db_path.name + "-wal").stat().st_size // 4096


def test_an_abandoned_round_is_checkpointed_too(store: Store, db_path: Path, tmp_path: Path) -> None:
    learner_id = store.add_learner("Ana").id
    round_id = store.start_round(learner_id, "bank-a", "practice", ["q1", "q2"], {})
    store.record_answer(round_id, answer("q1", 1.0))

    store.abandon_round(round_id)

    assert _answers_in_the_database_file(db_path, tmp_path) == 1
