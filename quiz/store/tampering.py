"""A quiz database that another program changed (a dropped table, a renamed column, damaged JSON).

Found when the file is opened, so the commands and the app report it once with what to do, instead of
failing on the first query that touches it.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from quiz.errors import QuizError
from quiz.store.migrations import migrate

_JSON_COLUMNS = (("rounds", ("question_ids", "settings")), ("answers", ("response",)))


@cache
def _expected_columns() -> dict[str, frozenset[str]]:
    """Every table and its columns as the migrations make them (applied once to a database in memory)."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(connection, ":memory:")
        return _columns(connection)
    finally:
        connection.close()


def _columns(connection: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        table: frozenset(row[0] for row in connection.execute("SELECT name FROM pragma_table_info(?)", (table,)))
        for table in tables
    }


def _damaged_json(connection: sqlite3.Connection) -> list[str]:
    """Rows whose JSON columns do not parse; a damaged page is left for the query that reads it to report."""
    damage: list[str] = []
    for table, names in _JSON_COLUMNS:
        invalid = " OR ".join(f"json_valid({name}) = 0" for name in names)
        try:
            row = connection.execute(f"SELECT id FROM {table} WHERE {invalid} LIMIT 1").fetchone()
        except sqlite3.DatabaseError:
            return damage
        if row is not None:
            damage.append(f"{table} row {row[0]} holds damaged data")
    return damage


def check_intact(connection: sqlite3.Connection, path: Path) -> None:
    """Raise a QuizError naming what is missing or damaged in a database whose schema version is current."""
    found = _columns(connection)
    damage = []
    for table, columns in sorted(_expected_columns().items()):
        if table not in found:
            damage.append(f"the table {table!r} is missing")
        elif missing := sorted(columns - found[table]):
            damage.append(f"the table {table!r} has no column {', '.join(map(repr, missing))}")
    if not damage:
        damage = _damaged_json(connection)
    if damage:
        raise QuizError(
            f"The scores database {path} was changed by another program: {'; '.join(damage[:3])}.",
            hint="Restore it from a backup, or move it away and quiz starts a new one; "
            "or choose another file with --db PATH or $QUIZ_DB.",
        )
