"""Opening the scores database safely: never overwrite a file that is not ours, never downgrade.

Settings, and why:
- WAL journal: readers never block the writer, so two copies of the app can share one file.
- ``synchronous=FULL``: each commit is fsynced before ``record_answer`` returns, so an answer the
  screen called recorded survives a killed process *and* a power cut. It costs about 0.2 ms per
  answer; a learner answers at most one question a second (see tests/benchmarks/bench_store.py).
- ``busy_timeout``: a writer waits for the other instance's short transaction instead of failing.
- ``foreign_keys``: removing a learner removes their rounds and answers.
"""

from __future__ import annotations

import sqlite3
import stat
import time
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from quiz.errors import QuizError, UsageError
from quiz.store.failures import as_quiz_error
from quiz.store.migrations import APPLICATION_ID, migrate, refuse_newer, user_version
from quiz.store.tampering import check_intact

BUSY_TIMEOUT_MS = 10_000
"""How long a write waits for another process's transaction before giving up."""

WAL_CHECKPOINT_PAGES = 10_000
"""SQLite copies the write-ahead log into the database file once it holds this many pages (about 40 MB).

Recording an answer writes about 12 pages, so SQLite's default of 1,000 put a checkpoint, 10 to 20 ms
here, on every 80th answer or so. The store checkpoints when a round ends instead (Store.finish_round):
once per round, on the way to its summary, not on an answer; this limit only bounds the log of a very
long round.
"""

_SQLITE_HEADER = b"SQLite format 3\x00"
_DAMAGED_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_ATTEMPTS = 3
_COMPANIONS = ("-wal", "-shm", "-journal")


class Opened(NamedTuple):
    """An open, migrated connection and, when a bad file was moved aside, a message saying so."""

    connection: sqlite3.Connection
    notice: str | None


class _NotOurs(Exception):
    """The file is not a quiz database; the message says what it is."""


def open_database(path: Path, *, repair: bool = True) -> Opened:
    """Open (creating if needed) the quiz database at ``path``.

    A file that is not a quiz database is moved aside and a new database started; with ``repair``
    False (the command-line tools, where a mistyped --db must not move someone's file) it is refused.
    """
    path = Path(path).expanduser()
    _prepare_folder(path)
    notice = None
    for _ in range(_ATTEMPTS):
        seen = _identity(path)
        try:
            return Opened(_connect_checked(path), notice)
        except _NotOurs as reason:
            if _identity(path) != seen:
                continue  # another copy of quiz replaced the bad file meanwhile: look again, move nothing
            if not repair:
                raise QuizError(
                    f"{path} is not a quiz scores database ({reason}); it was left as it is.",
                    hint="Check --db or $QUIZ_DB. The app (quiz play) would keep such a file aside and start afresh.",
                ) from None
            aside = _move_aside(path)
            notice = (
                f"{path} was not a quiz database ({reason}); it was kept as {aside.name} "
                "and a new, empty database was started."
            )
    raise QuizError(
        f"{path} kept changing while quiz was opening it.", hint="Close other copies of quiz and try again."
    )


def special_file_kind(path: Path) -> str:
    """What a path that exists but is not a regular file or a folder is, in words."""
    mode = path.stat().st_mode
    for test, kind in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "not a regular file"


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    """Enough of a file's identity to notice that another process replaced or rewrote it."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns


_COMPANIONS = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database, which it creates, truncates and deletes itself."""


def _prepare_folder(path: Path) -> None:
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not a scores database.", hint="Pass a file name to --db.")
    if path.exists() and not path.is_file():  # a usage error (exit 2), as a FIFO given to quiz validate
        raise UsageError(
            f"{path} is {special_file_kind(path)}, not a scores database; quiz never moves or replaces it.",
            hint="Pass the path of a regular file (or of one to create) to --db, or set $QUIZ_DB.",
        )
    for suffix in _COMPANIONS:  # SQLite would delete or truncate whatever sits where its own files go
        companion = path.with_name(path.name + suffix)
        if companion.is_symlink() or (companion.exists() and not companion.is_file()):
            kind = "a symbolic link" if companion.is_symlink() else special_file_kind(companion)
            raise UsageError(
                f"{companion} is {kind}, where the database keeps its {suffix[1:]} file; quiz never moves or "
                "replaces it.",
                hint="Remove or rename it yourself, or pass another path to --db.",
            )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise QuizError(
            f"Cannot create the folder for the scores database {path}: {error.strerror}.",
            hint="Choose another place with --db PATH or $QUIZ_DB.",
        ) from error


def _connect_checked(path: Path) -> sqlite3.Connection:
    """Connect, check that the file is empty or a quiz database of a version we know, and migrate."""
    _check_header(path)
    try:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise _cannot_open(path, error) from error
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_identity(connection, path)
        _use_wal(connection)
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        connection.execute("PRAGMA foreign_keys = ON")
        migrate(connection, str(path))
        check_intact(connection, path)
    except _NotOurs:
        connection.close()
        raise
    except sqlite3.DatabaseError as error:
        connection.close()
        if error.sqlite_errorcode & 0xFF in _DAMAGED_CODES:
            raise _NotOurs(f"damaged: {error}") from error
        raise _cannot_open(path, error) from error
    except BaseException:
        connection.close()
        raise
    return connection


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as file:
            head = file.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as error:
        raise QuizError(
            f"Cannot read the scores database {path}: {error.strerror}.",
            hint="Check its permissions, or choose another file with --db PATH.",
        ) from error
    if head and head != _SQLITE_HEADER:
        raise _NotOurs("not an SQLite file")


def _check_identity(connection: sqlite3.Connection, path: Path) -> None:
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
    version = user_version(connection)
    if application_id == APPLICATION_ID:
        refuse_newer(version, str(path))
        return
    if application_id == 0 and version == 0 and not tables:
        return
    if tables:
        raise _NotOurs("it holds another program's tables: " + ", ".join(sorted(tables)[:5]))
    raise _NotOurs("it belongs to another program")


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch to WAL, retrying: the switch needs a moment alone and SQLite does not wait for it."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF not in _BUSY_CODES or time.monotonic() > deadline:
                raise
        time.sleep(0.01)


def _cannot_open(path: Path, error: sqlite3.Error) -> QuizError:
    if known := as_quiz_error(error, path):
        return known
    return QuizError(
        f"Cannot open the scores database {path}: {error}.",
        hint="Check the file's permissions, or choose another file with --db PATH or $QUIZ_DB.",
    )


def _move_aside(path: Path) -> Path:
    """Rename the file (and its WAL companions) to ``<name>.corrupt-YYYYmmdd-HHMMSS``; never delete it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    try:
        path.replace(aside)
        for suffix in _COMPANIONS:
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.replace(aside.with_name(aside.name + suffix))
    except OSError as error:
        raise QuizError(
            f"{path} is not a quiz database and could not be moved aside: {error.strerror}.",
            hint="Move or rename it yourself, or choose another file with --db PATH.",
        ) from error
    return aside
