"""The schema as numbered migrations, tracked in ``PRAGMA user_version``.

Migration N brings a database from version N-1 to N. Add new ones at the end and never edit one
that has shipped: a learner's database may have stopped at any of them.
"""

from __future__ import annotations

import sqlite3

from quiz.errors import QuizError

APPLICATION_ID = 0x5155495A
"""``PRAGMA application_id`` of a quiz database ("QUIZ"), so another program's file is recognised."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE learners (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            last_seen_at TEXT
        )""",
        """CREATE TABLE rounds (
            id INTEGER PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            bank_id TEXT NOT NULL,
            mode TEXT NOT NULL,
            question_ids TEXT NOT NULL,
            planned INTEGER NOT NULL,
            settings TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            abandoned_at TEXT,
            seconds REAL
        )""",
        "CREATE INDEX rounds_by_learner ON rounds(learner_id, started_at)",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            bank_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            response TEXT NOT NULL,
            score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
            seconds REAL NOT NULL,
            answered_at TEXT NOT NULL,
            UNIQUE (round_id, question_id)
        )""",
        "CREATE INDEX answers_by_round ON answers(round_id, score)",
        """CREATE INDEX answers_by_question
            ON answers(learner_id, bank_id, question_id, id, score, content_hash)""",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)
"""The newest schema this version of quiz knows."""


def user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def refuse_newer(version: int, where: str) -> None:
    """A newer quiz wrote this file; downgrading it would lose data, so stop and say why."""
    if version > SCHEMA_VERSION:
        raise QuizError(
            f"{where} was written by a newer version of quiz (schema {version}; this one knows "
            f"up to {SCHEMA_VERSION}).",
            hint="Upgrade quiz, or choose another scores database with --db PATH or $QUIZ_DB.",
        )


def migrate(connection: sqlite3.Connection, where: str) -> None:
    """Apply the missing migrations, each in one transaction that another process cannot interleave."""
    while True:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(connection)
            refuse_newer(version, where)
            if version == SCHEMA_VERSION:
                connection.execute("COMMIT")
                return
            for statement in MIGRATIONS[version]:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
