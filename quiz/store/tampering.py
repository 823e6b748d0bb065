"""A quiz database that another program changed (a dropped table, a renamed column, damaged JSON).

Found when the file is opened, so the commands and the app report it once with what to do, instead of
failing on the first query that touches it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.errors import QuizError
from quiz.store.migrations import COLUMNS

_JSON_COLUMNS = (("rounds", ("question_ids", "settings")), ("answers", ("response",)))


def _columns(connection: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """Every table and its columns, in one query."""
    found: dict[str, set[str]] = {}
    for table, column in connection.execute(
        "SELECT m.name, c.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c WHERE m.type = 'table'"
    ):
        found.setdefault(table, set()).add(column)
    return {table: frozenset(columns) for table, columns in found.items()}


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
    for table, columns in sorted(COLUMNS.items()):
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
