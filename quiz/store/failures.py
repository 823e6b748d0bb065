"""SQLite failures a user can do something about, turned into calm messages with a hint."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from quiz.errors import QuizError

_ELSEWHERE = "or choose another scores database with --db PATH or $QUIZ_DB"
_NOT_UTF8 = re.compile(r"Could not decode to UTF-8 column '([^']*)'")


class DamagedValue(ValueError):
    """A value quiz wrote as JSON that Python no longer reads: SQLite's ``json_valid`` in the guard
    triggers accepts a NUL and junk after the JSON, and nesting deeper than Python reads."""


def stored_json(text: str, where: str) -> Any:
    """The JSON of ``where`` (``table.column``), or a DamagedValue naming it."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise DamagedValue(f"a value in {where} is not the JSON quiz wrote") from error


def changed_elsewhere(path: Path, damage: str) -> QuizError:
    """The one message for a database another program changed in a way quiz cannot read."""
    return QuizError(
        f"The scores database {path} was changed by another program: {damage}.",
        hint=f"Restore it from a backup, or move it away and quiz starts a new one, {_ELSEWHERE}.",
    )


def as_quiz_error(error: sqlite3.Error | DamagedValue, path: Path) -> QuizError | None:
    """The QuizError for a full disk, a damaged or busy file, a lost permission, a value another program
    wrote that quiz cannot read; None for a bug."""
    if isinstance(error, DamagedValue):
        return changed_elsewhere(path, str(error))
    if not_utf8 := _NOT_UTF8.match(str(error)):  # Python's sqlite3 decoding a TEXT value; no SQL test tells
        return changed_elsewhere(path, f"a text in column {not_utf8[1]!r} is not UTF-8")
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code in {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}:
        return QuizError(
            f"The scores database {path} is damaged ({error}).",
            hint=f"Move the file away to start afresh (what could be saved stays in it), {_ELSEWHERE}.",
        )
    if code in {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}:
        return QuizError(
            f"The scores database {path} is busy: another program has held it for too long.",
            hint="Close other copies of quiz (or tools that have the file open) and try again.",
        )
    if code == sqlite3.SQLITE_FULL:
        return QuizError(
            f"There is no space left to record in {path}.",
            hint=f"Free some disk space; the answers recorded so far are kept. Or {_ELSEWHERE[3:]}.",
        )
    if code in {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_PERM}:
        return QuizError(
            f"Cannot write to the scores database {path} ({error}).",
            hint=f"Check that the file and its folder can be written, {_ELSEWHERE}.",
        )
    if isinstance(error, sqlite3.OperationalError) and str(error).startswith(("no such table", "no such column")):
        return changed_elsewhere(path, str(error))
    return None
