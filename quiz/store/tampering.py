"""A quiz database that another program changed (a dropped table, a renamed column, damaged JSON, a
value of the wrong type: SQLite stores any type in any column of a table that is not STRICT).

Found when the file is opened, so the commands and the app report it once with what to do, instead of
failing on the first query that touches it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.store.failures import changed_elsewhere
from quiz.store.migrations import COLUMNS
from quiz.store.type_guards import CHECKED_KEY, GUARDED, damaged, guard_triggers


def _columns(connection: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """Every table and its columns with their declared types, in one query."""
    found: dict[str, dict[str, str]] = {}
    for table, column, declared in connection.execute(
        "SELECT m.name, c.name, c.type FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c "
        "WHERE m.type = 'table'"
    ):
        found.setdefault(table, {})[column] = declared.upper()
    return found


def _guarded(connection: sqlite3.Connection) -> bool:
    """Whether SQLite refuses a wrong value in the large tables: their guard triggers are as quiz wrote
    them, and the rows there before the triggers were found sound."""
    triggers = dict(connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    checked = connection.execute("SELECT value FROM meta WHERE key = ?", (CHECKED_KEY,)).fetchone()
    return checked == ("1",) and all(triggers.get(name) == sql for name, sql in guard_triggers().items())


def _damaged_rows(connection: sqlite3.Connection, found: dict[str, dict[str, str]]) -> list[str]:
    """The first row of each table holding a value of the wrong type or JSON that does not parse, one scan
    per table (none of a guarded large table); a damaged page is left for the query that reads it to report."""
    damage: list[str] = []
    try:
        guarded = _guarded(connection)
    except sqlite3.DatabaseError:
        return damage
    for table in sorted(COLUMNS):
        if guarded and table in GUARDED:  # the large tables, whose triggers refuse a wrong value
            continue
        condition = damaged(table, found[table])
        if not condition:
            continue
        key = "id" if "id" in found[table] else "NULL"
        try:
            row = connection.execute(f"SELECT {key} FROM {table} WHERE {condition} LIMIT 1").fetchone()
        except sqlite3.DatabaseError:
            return damage
        if row is not None:
            damage.append(f"{table} row {row[0]} holds damaged data" if row[0] is not None
                          else f"the table {table!r} holds damaged data")
    return damage


def check_intact(connection: sqlite3.Connection, path: Path) -> None:
    """Raise a QuizError naming what is missing or damaged in a database whose schema version is current."""
    found = _columns(connection)
    damage = []
    for table, columns in sorted(COLUMNS.items()):
        if table not in found:
            damage.append(f"the table {table!r} is missing")
        elif missing := sorted(columns - set(found[table])):
            damage.append(f"the table {table!r} has no column {', '.join(map(repr, missing))}")
    if not damage:
        damage = _damaged_rows(connection, found)
    if damage:
        raise changed_elsewhere(path, "; ".join(damage[:3]))
