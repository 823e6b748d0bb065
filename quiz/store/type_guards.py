"""Triggers that make SQLite itself refuse a value of the wrong type in the answers and the schedule.

SQLite stores any type in any column of a table that is not STRICT, so a database browser or a script
could put text in a time or bytes in a date, and quiz would crash reading it. Scanning every row at
each start to find such a value costs about 0.3 s per 200,000 answers, too slow for the app and for a
served class; these triggers refuse the write instead, whichever program makes it. A database whose
triggers are as migration 4 wrote them (guard_triggers() here; a test holds the two equal), and whose
rows that migration found sound, needs no scan of these tables (quiz.store.tampering). A later
migration that adds a column to them drops and recreates their triggers, and GUARDED follows it.
"""

from __future__ import annotations

WRONG_TYPES = {"INTEGER": ("real", "text", "blob"), "REAL": ("text", "blob"), "TEXT": ("blob",)}
"""What a column of each declared type cannot hold from quiz: SQLite converts numeric text to a number
in an INTEGER or REAL column, and a number to text in a TEXT column, before a trigger or a check sees
the value, so only these get through."""

JSON_COLUMNS = {"rounds": ("question_ids", "settings"), "answers": ("response",)}
"""Columns that hold JSON, which must parse."""

GUARDED: dict[str, dict[str, str]] = {
    "answers": {
        "uid": "TEXT", "round_id": "INTEGER", "learner_id": "INTEGER", "bank_id": "TEXT", "question_id": "TEXT",
        "attempt": "INTEGER", "content_hash": "TEXT", "response": "TEXT", "score": "REAL", "seconds": "REAL",
        "answered_at": "TEXT", "hint_shown": "INTEGER", "overridden_at": "TEXT",
    },
    "cards": {
        "learner_id": "INTEGER", "bank_id": "TEXT", "question_id": "TEXT", "content_hash": "TEXT",
        "state": "INTEGER", "step": "INTEGER", "stability": "REAL", "difficulty": "REAL", "due": "TEXT",
        "last_review": "TEXT", "reviews": "INTEGER", "lapses": "INTEGER", "suspended": "INTEGER",
        "introduced_at": "TEXT",
    },
}
"""The large tables and the declared type of each column (the answers' id is SQLite's own row id, always
an integer): the columns a test checks against the schema the migrations make."""

CHECKED_KEY = "rows_type_checked"
"""The meta key migration 4 sets when the rows it found held no value of the wrong type."""


def wrong_type(column: str, declared: str) -> str:
    """``typeof(x) = 'blob' OR ...``: in a scan, ``=`` is several times faster than ``NOT IN (...)``."""
    return " OR ".join(f"typeof({column}) = '{kind}'" for kind in WRONG_TYPES[declared])


def damaged(table: str, columns: dict[str, str], prefix: str = "") -> str:
    """The SQL condition true of a row of ``table`` holding a value of the wrong type or JSON that does not
    parse; ``prefix`` is ``NEW.`` in a trigger."""
    tests = [f"json_valid({prefix}{name}) = 0" for name in JSON_COLUMNS.get(table, ())]
    tests += [wrong_type(prefix + name, declared) for name, declared in columns.items() if declared in WRONG_TYPES]
    return " OR ".join(tests)


def guard_triggers() -> dict[str, str]:
    """Each guard trigger's name and the statement that creates it, as SQLite keeps it in sqlite_master."""
    return {
        f"{table}_types_on_{event.lower()}": (
            f"CREATE TRIGGER {table}_types_on_{event.lower()} BEFORE {event} ON {table}"
            f" WHEN {damaged(table, columns, 'NEW.')}"
            f" BEGIN SELECT RAISE(ABORT, 'quiz: a value of the wrong type for {table}'); END"
        )
        for table, columns in GUARDED.items() for event in ("INSERT", "UPDATE")
    }
