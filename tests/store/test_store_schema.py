"""A new database gets the whole schema; opening again keeps data; a newer schema is refused."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.store import Store
from quiz.store.history import OPEN_MISTAKES_SQL
from quiz.store.migrations import APPLICATION_ID, COLUMNS, MIGRATIONS, SCHEMA_VERSION
from quiz.store.type_guards import GUARDED, guard_triggers


def test_new_database_is_created_with_folders_and_current_schema(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.notice is None
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"learners", "rounds", "answers", "answers_by_round", "answers_by_question"} <= names


def test_the_declared_columns_are_what_the_migrations_make(db_path: Path) -> None:
    """Opening a database checks its tables against COLUMNS, so the two must never drift apart."""
    Store.open(db_path).close()
    connection = sqlite3.connect(db_path)
    made: dict[str, set[str]] = {}
    for table, column in connection.execute(
        "SELECT m.name, c.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c WHERE m.type = 'table'"
    ):
        made.setdefault(table, set()).add(column)
    assert made == {table: set(columns) for table, columns in COLUMNS.items()}


def test_the_guard_triggers_cover_every_column_of_the_tables_they_guard(db_path: Path) -> None:
    """A column added to the answers or the schedule without a guard would let a wrong value through."""
    Store.open(db_path).close()
    connection = sqlite3.connect(db_path)
    for table, columns in GUARDED.items():
        declared = {name: kind for _, name, kind, *_ in connection.execute(f"PRAGMA table_info({table})")}
        declared.pop("id", None)  # the row id, always an integer
        assert declared == columns
    triggers = dict(connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    assert {name: triggers.get(name) for name in guard_triggers()} == guard_triggers()


def test_reopening_keeps_data_and_does_not_migrate_again(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_learner("Ana")
    with Store.open(db_path) as store:
        assert [learner.name for learner in store.learners()] == ["Ana"]


def test_history_queries_use_indexes(store: Store) -> None:
    connection = sqlite3.connect(store.path)
    plan = " ".join(
        str(row)
        for row in connection.execute(f"EXPLAIN QUERY PLAN {OPEN_MISTAKES_SQL}", {"learner": 1, "bank": None})
    )
    assert "answers_by_question" in plan
    assert "SCAN answers" not in plan.replace("COVERING INDEX", "")


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    connection = sqlite3.connect(db_path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.execute("CREATE TABLE learners (id INTEGER PRIMARY KEY, future TEXT)")
    connection.commit()
    connection.close()
    before = db_path.read_bytes()

    with pytest.raises(QuizError) as raised:
        Store.open(db_path)

    assert "newer version of quiz" in raised.value.message
    assert "--db" in raised.value.hint
    assert db_path.read_bytes() == before
    assert list(db_path.parent.iterdir()) == [db_path]


def test_a_folder_is_not_accepted_as_database(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="is a folder"):
        Store.open(tmp_path)


def test_importing_the_store_opens_nothing_and_loads_no_textual(tmp_path: Path) -> None:
    target = tmp_path / "never.sqlite3"
    code = "import sys, quiz.store; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"QUIZ_DB": str(target), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"
    assert not target.exists()


def _version_1_database(path: Path) -> None:
    """A database as the first release left it: schema 1, one learner, one round, two answers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.execute("INSERT INTO learners (id, name, name_key, created_at) VALUES (1, 'Ana', 'ana', '2026-01-01')")
    connection.execute(
        "INSERT INTO rounds (id, learner_id, bank_id, mode, question_ids, planned, settings, started_at)"
        " VALUES (1, 1, 'demo', 'practice', '[\"q1\",\"q2\"]', 2, '{}', '2026-01-01T10:00:00.000+00:00')"
    )
    for number, score in ((1, 1.0), (2, 0.0)):
        connection.execute(
            "INSERT INTO answers (round_id, learner_id, bank_id, question_id, content_hash, response, score,"
            " seconds, answered_at) VALUES (1, 1, 'demo', ?, 'h', '\"x\"', ?, 2.5, '2026-01-01T10:01:00.000+00:00')",
            (f"q{number}", score),
        )
    connection.commit()
    connection.close()


def test_a_version_1_database_upgrades_keeping_every_answer(db_path: Path) -> None:
    _version_1_database(db_path)
    with Store.open(db_path) as store:
        kept = store.round_answers(1)
    assert [(a.question_id, a.score, a.seconds) for a in kept] == [("q1", 1.0, 2.5), ("q2", 0.0, 2.5)]
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    rows = connection.execute("SELECT attempt, hint_shown, overridden_at, uid FROM answers ORDER BY id").fetchall()
    assert [row[:3] for row in rows] == [(1, None, None), (1, None, None)]
    assert len({row[3] for row in rows}) == 2 and all(len(row[3]) == 32 for row in rows)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT score FROM rounds").fetchall() == [(1.0,)]  # migration 3 sums the old ones
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
