"""A quiz database that another program changed (a dropped table, a renamed column, damaged JSON, a
value of the wrong type: SQLite stores any type in any column of a table that is not STRICT).

Found when the file is opened, so the commands and the app report it once with what to do, instead of
failing on the first query that touches it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.errors import QuizError
from quiz.store.migrations import COLUMNS

_JSON_COLUMNS = {"rounds": ("question_ids", "settings"), "answers": ("response",)}
_WRONG_TYPES = {"INTEGER": ("real", "text", "blob"), "REAL": ("text", "blob"), "TEXT": ("blob",)}
"""What a column of each declared type cannot hold from quiz: SQLite converts numeric text to a number
in an INTEGER or REAL column, and a number to text in a TEXT column, so only these get through."""
_LARGE_TABLES = frozenset({"answers", "cards"})
"""Scanned for wrong types only on request: 0.3 s for 200,000 answers, too slow for every start of the app."""


def _columns(connection: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """Every table and its columns with their declared types, in one query."""
    found: dict[str, dict[str, str]] = {}
    for table, column, declared in connection.execute(
        "SELECT m.name, c.name, c.type FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c "
        "WHERE m.type = 'table'"
    ):
        found.setdefault(table, {})[column] = declared.upper()
    return found


def _wrong_type(column: str, declared: str) -> str:
    """``typeof(x) = 'blob' OR ...``: in a scan, ``=`` is several times faster than ``NOT IN (...)``."""
    return " OR ".join(f"typeof({column}) = '{kind}'" for kind in _WRONG_TYPES[declared])


def _damaged_rows(connection: sqlite3.Connection, found: dict[str, dict[str, str]], every_row: bool) -> list[str]:
    """The first row of each table holding a value of the wrong type or JSON that does not parse, one scan
    per table; a damaged page is left for the query that reads it to report."""
    damage: list[str] = []
    for table in sorted(COLUMNS):
        tests = [f"json_valid({name}) = 0" for name in _JSON_COLUMNS.get(table, ())]
        if every_row or table not in _LARGE_TABLES:
            tests += [_wrong_type(column, declared) for column, declared in sorted(found[table].items())
                      if declared in _WRONG_TYPES]
        if not tests:
            continue
        key = "id" if "id" in found[table] else "NULL"
        try:
            row = connection.execute(f"SELECT {key} FROM {table} WHERE {' OR '.join(tests)} LIMIT 1").fetchone()
        except sqlite3.DatabaseError:
            return damage
        if row is not None:
            damage.append(f"{table} row {row[0]} holds damaged data" if row[0] is not None
                          else f"the table {table!r} holds damaged data")
    return damage


def check_intact(connection: sqlite3.Connection, path: Path, *, every_row: bool) -> None:
    """Raise a QuizError naming what is missing or damaged in a database whose schema version is current.

    The types of the large tables are checked only with ``every_row``.
    """
    found = _columns(connection)
    damage = []
    for table, columns in sorted(COLUMNS.items()):
        if table not in found:
            damage.append(f"the table {table!r} is missing")
        elif missing := sorted(columns - set(found[table])):
            damage.append(f"the table {table!r} has no column {', '.join(map(repr, missing))}")
    if not damage:
        damage = _damaged_rows(connection, found, every_row)
    if damage:
        raise QuizError(
            f"The scores database {path} was changed by another program: {'; '.join(damage[:3])}.",
            hint="Restore it from a backup, or move it away and quiz starts a new one; "
            "or choose another file with --db PATH or $QUIZ_DB.",
        )
