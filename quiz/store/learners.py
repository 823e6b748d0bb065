"""Learners: names unique regardless of case and spacing, so "Ana" and " ana " are one person."""

from __future__ import annotations

import sqlite3
import unicodedata

from quiz.errors import QuizError
from quiz.store.records import Learner

MAX_NAME_LENGTH = 40

_COLUMNS = "id, name, created_at, last_seen_at"
_RECENT_FIRST = "ORDER BY coalesce(last_seen_at, created_at) DESC, id DESC"


def _tidy(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split())


def clean_name(name: str) -> str:
    """The name as it will be stored and shown: NFC, single spaces, no control characters."""
    cleaned = _tidy(name)
    if not cleaned:
        raise QuizError("A learner's name cannot be empty.", hint="Type a name, for example Ana.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise QuizError(f"A learner's name can have at most {MAX_NAME_LENGTH} characters.", hint="Use a shorter name.")
    if any(unicodedata.category(char).startswith("C") for char in cleaned):
        raise QuizError("A learner's name cannot contain control characters.", hint="Use letters and digits.")
    return cleaned


def all_learners(connection: sqlite3.Connection) -> list[Learner]:
    rows = connection.execute(f"SELECT {_COLUMNS} FROM learners {_RECENT_FIRST}")
    return [Learner(*row) for row in rows]


def most_recent(connection: sqlite3.Connection) -> Learner | None:
    row = connection.execute(f"SELECT {_COLUMNS} FROM learners {_RECENT_FIRST} LIMIT 1").fetchone()
    return None if row is None else Learner(*row)


def find(connection: sqlite3.Connection, name: str) -> Learner | None:
    key = _tidy(name).casefold()
    row = connection.execute(f"SELECT {_COLUMNS} FROM learners WHERE name_key = ?", (key,)).fetchone()
    return None if row is None else Learner(*row)


def require(connection: sqlite3.Connection, name: str) -> Learner:
    learner = find(connection, name)
    if learner is None:
        raise QuizError(f"There is no learner called {name!r}.", hint="`quiz learners` lists them.")
    return learner


def add(connection: sqlite3.Connection, name: str, now: str) -> Learner:
    cleaned = clean_name(name)
    try:
        cursor = connection.execute(
            "INSERT INTO learners (name, name_key, created_at) VALUES (?, ?, ?)",
            (cleaned, cleaned.casefold(), now),
        )
    except sqlite3.IntegrityError as error:
        raise _taken(cleaned) from error
    return Learner(int(cursor.lastrowid or 0), cleaned, now, None)


def rename(connection: sqlite3.Connection, name: str, new_name: str) -> Learner:
    learner = require(connection, name)
    cleaned = clean_name(new_name)
    try:
        connection.execute(
            "UPDATE learners SET name = ?, name_key = ? WHERE id = ?",
            (cleaned, cleaned.casefold(), learner.id),
        )
    except sqlite3.IntegrityError as error:
        raise _taken(cleaned) from error
    return Learner(learner.id, cleaned, learner.created_at, learner.last_seen_at)


def remove(connection: sqlite3.Connection, name: str) -> None:
    learner = require(connection, name)
    connection.execute("DELETE FROM learners WHERE id = ?", (learner.id,))


def touch(connection: sqlite3.Connection, learner_id: int, now: str) -> None:
    connection.execute("UPDATE learners SET last_seen_at = ? WHERE id = ?", (now, learner_id))


def _taken(name: str) -> QuizError:
    return QuizError(
        f"There is already a learner called {name!r}.",
        hint="Names are the same whatever their case; choose another one.",
    )
