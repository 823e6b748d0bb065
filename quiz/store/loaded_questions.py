"""The loaded questions in an in-memory table, and what a learner's cards say of them, asked of SQLite.

The library's Today line and a Due round need, for every loaded question, whether its card is due,
known, suspended or about an older version of the question. Read card by card in Python that took
longer than the library's 30 ms and a Due round's 50 ms with 10,000 questions
(tests/benchmarks/bench_schedule.py); joined in SQLite against a table of the loaded questions and
their content hashes, it is one query each. The table belongs to this connection, in an in-memory
database attached as ``loaded``, and is filled once per set of loaded banks, in their order.

Filling it row by row took 20-40 ms of the first counts at start-up, so the bank cache keeps the table
as a ready SQLite image (``image_of``), made once whenever a bank file changes; at start-up that image
is deserialized into the attached database in under a millisecond. An image that does not read back
as the table with the questions expected is set aside and the rows are inserted instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import NamedTuple


class BankCounts(NamedTuple):
    """One bank's loaded questions, by what the learner's card for each says."""

    bank_id: str
    suspended: int
    current: int
    """Reviewed and about the question as it is now (neither suspended nor changed)."""
    due: int
    """Current, and due at the time asked."""
    stable: int
    """Current, in fsrs's review state and at least as stable as asked."""
    changed: int
    """Reviewed, not suspended, but about an older version of the question."""
    next_due: str | None
    """The earliest due time among the current ones."""


class DueCard(NamedTuple):
    """A current card whose review is due (or, studying ahead, not yet)."""

    bank_id: str
    question_id: str
    stability: float | None
    last_review: str | None
    due: str


class QuestionsImage(NamedTuple):
    """The table of loaded questions as a SQLite database image, and how many rows it holds."""

    data: bytes
    rows: int


_SCHEMA = "loaded"
_TABLE = (
    f"CREATE TABLE IF NOT EXISTS {_SCHEMA}.loaded_questions"
    " (bank_id TEXT NOT NULL, question_id TEXT NOT NULL, content_hash TEXT NOT NULL)"
)
"""A rowid table: its rowid is the loading order, the order the banks list their questions in. No
index: every query reads it in full, from the first row, and question ids are unique across banks."""

_JOINED = f"""
    FROM {_SCHEMA}.loaded_questions AS q
    LEFT JOIN cards AS c ON c.learner_id = :learner AND c.bank_id = q.bank_id AND c.question_id = q.question_id
"""
_REVIEWED = "c.reviews > 0 AND NOT c.suspended"
_CURRENT = f"{_REVIEWED} AND c.content_hash = q.content_hash"
_IN_BANK = "(:bank IS NULL OR q.bank_id = :bank)"

_COUNTS = f"""
SELECT q.bank_id,
       count(*) FILTER (WHERE c.suspended),
       count(*) FILTER (WHERE {_CURRENT}),
       count(*) FILTER (WHERE {_CURRENT} AND c.due <= :now),
       count(*) FILTER (WHERE {_CURRENT} AND c.state = :review_state AND coalesce(c.stability, 0) >= :stable),
       count(*) FILTER (WHERE {_REVIEWED} AND c.content_hash <> q.content_hash),
       min(c.due) FILTER (WHERE {_CURRENT})
{_JOINED}
GROUP BY q.bank_id
"""


def image_of(questions: Iterable[tuple[str, str, str]]) -> QuestionsImage | None:
    """The table of these (bank id, question id, content hash) as an image ``load_image`` takes;
    None where this Python's SQLite cannot serialize a database."""
    scratch = sqlite3.connect(":memory:", isolation_level=None)
    try:
        if not hasattr(scratch, "serialize"):
            return None
        scratch.execute(f"ATTACH ':memory:' AS {_SCHEMA}")
        rows = list(questions)
        _fill(scratch, rows)
        return QuestionsImage(scratch.serialize(name=_SCHEMA), len(rows))
    finally:
        scratch.close()


def load_image(connection: sqlite3.Connection, image: QuestionsImage) -> bool:
    """Make the image's questions the loaded ones; False (nothing loaded) when this SQLite cannot
    take an image or this one does not read back as the table with the rows it should hold: damaged,
    or made by a version of quiz whose table had other columns."""
    if not hasattr(connection, "deserialize"):
        return False
    _attach(connection)
    try:
        connection.deserialize(image.data, name=_SCHEMA)
        (count,) = connection.execute(f"SELECT count(*) FROM {_SCHEMA}.loaded_questions").fetchone()
        columns = [row[1] for row in connection.execute(f"PRAGMA {_SCHEMA}.table_info(loaded_questions)")]
    except sqlite3.DatabaseError:
        count, columns = -1, []
    if count == image.rows and columns == ["bank_id", "question_id", "content_hash"]:
        return True
    connection.execute(f"DETACH DATABASE {_SCHEMA}")  # the image's database goes with it
    return False


def load_questions(connection: sqlite3.Connection, questions: Iterable[tuple[str, str, str]]) -> None:
    """Make (bank id, question id, content hash) the loaded questions, in place of any given before."""
    _attach(connection)
    _fill(connection, questions)


def _attach(connection: sqlite3.Connection) -> None:
    """The in-memory database of the loaded questions, attached once per connection. In memory, it
    takes no file lock: a write to the scores file never waits for it, nor it for one."""
    attached = {row[1] for row in connection.execute("PRAGMA database_list")}
    if _SCHEMA not in attached:
        connection.execute(f"ATTACH ':memory:' AS {_SCHEMA}")


def _fill(connection: sqlite3.Connection, questions: Iterable[tuple[str, str, str]]) -> None:
    """Replace the attached table's rows with these."""
    connection.execute(_TABLE)
    connection.execute("BEGIN")  # the attached database only: no lock on the scores file
    try:
        connection.execute(f"DELETE FROM {_SCHEMA}.loaded_questions")
        connection.executemany(f"INSERT INTO {_SCHEMA}.loaded_questions VALUES (?, ?, ?)", questions)
        connection.execute("COMMIT")
    finally:
        if connection.in_transaction:
            connection.execute("ROLLBACK")


def bank_counts(
    connection: sqlite3.Connection, learner_id: int, now: str, review_state: int, stable: float
) -> dict[str, BankCounts]:
    """Per loaded bank with questions; ``now`` is a store timestamp, compared with each card's due time."""
    rows = connection.execute(
        _COUNTS, {"learner": learner_id, "now": now, "review_state": review_state, "stable": stable}
    ).fetchall()
    return {row[0]: BankCounts._make(row) for row in rows}


def due_cards(
    connection: sqlite3.Connection, learner_id: int, now: str, bank_id: str | None, ahead: bool
) -> list[DueCard]:
    """The current cards due at ``now`` (every current one, ``ahead``), of one loaded bank or all."""
    return _current_cards(connection, learner_id, bank_id, "(:ahead OR c.due <= :now)", now=now, ahead=ahead)


def unseen(connection: sqlite3.Connection, learner_id: int, bank_id: str | None, limit: int) -> list[tuple[str, str]]:
    """(bank id, question id) of the first ``limit`` loaded questions (-1: all) that the learner has no
    current card for and has not suspended, in the banks' order."""
    rows = connection.execute(
        f"SELECT q.bank_id, q.question_id {_JOINED}"
        f" WHERE {_IN_BANK} AND c.suspended IS NOT 1 AND NOT coalesce({_CURRENT}, 0) ORDER BY q.rowid LIMIT :limit",
        {"learner": learner_id, "bank": bank_id, "limit": limit},
    ).fetchall()
    return [(str(bank), str(question)) for bank, question in rows]


def coming(connection: sqlite3.Connection, learner_id: int, now: str, bank_id: str | None, limit: int) -> list[DueCard]:
    """The first ``limit`` (-1: all) current cards not due yet at ``now``, soonest first."""
    return _current_cards(
        connection, learner_id, bank_id, "c.due > :now ORDER BY c.due LIMIT :limit", now=now, limit=limit
    )


def _current_cards(
    connection: sqlite3.Connection, learner_id: int, bank_id: str | None, condition: str, **values: object
) -> list[DueCard]:
    rows = connection.execute(
        f"SELECT q.bank_id, q.question_id, c.stability, c.last_review, c.due {_JOINED}"
        f" WHERE {_IN_BANK} AND {_CURRENT} AND {condition}",
        {"learner": learner_id, "bank": bank_id, **values},
    ).fetchall()
    return list(map(DueCard._make, rows))
