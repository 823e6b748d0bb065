"""SQLite failures a user can do something about, turned into calm messages with a hint."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.errors import QuizError

_ELSEWHERE = "or choose another scores database with --db PATH or $QUIZ_DB"


def as_quiz_error(error: sqlite3.Error, path: Path) -> QuizError | None:
    """The QuizError for a full disk, a damaged or busy file, a lost permission; None for a bug."""
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
        return QuizError(
            f"The scores database {path} was changed by another program ({error}).",
            hint=f"Restore it from a backup, or move it away and quiz starts a new one, {_ELSEWHERE}.",
        )
    return None
