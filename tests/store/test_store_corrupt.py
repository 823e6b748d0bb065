"""A file that is not a quiz database is kept aside, byte for byte, and a new one is started."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from quiz.store import Store, connection


def _asides(db_path: Path) -> list[Path]:
    return sorted(db_path.parent.glob(db_path.name + ".corrupt-*"))


def _opens_fresh_after_moving(db_path: Path, original: bytes) -> str:
    with Store.open(db_path) as store:
        notice = store.notice
        store.add_learner("Ana")
        assert [learner.name for learner in store.learners()] == ["Ana"]
    (aside,) = [path for path in _asides(db_path) if not path.name.endswith(("-wal", "-shm"))]
    assert re.fullmatch(r"scores\.sqlite3\.corrupt-\d{8}-\d{6}", aside.name)
    assert aside.read_bytes() == original
    assert notice is not None
    assert aside.name in notice
    assert str(db_path) in notice
    return notice


def test_random_bytes_are_moved_aside(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    original = os.urandom(8192)
    db_path.write_bytes(original)
    notice = _opens_fresh_after_moving(db_path, original)
    assert "not an SQLite file" in notice


def test_text_file_is_moved_aside(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    original = b"my shopping list\neggs\n"
    db_path.write_bytes(original)
    _opens_fresh_after_moving(db_path, original)


def test_another_programs_database_is_moved_aside_intact(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.execute("INSERT INTO invoices (total) VALUES (12.5)")
    connection.commit()
    connection.close()
    original = db_path.read_bytes()

    notice = _opens_fresh_after_moving(db_path, original)

    assert "invoices" in notice
    (aside,) = _asides(db_path)
    assert sqlite3.connect(aside).execute("SELECT total FROM invoices").fetchall() == [(12.5,)]


def test_damaged_sqlite_file_is_moved_aside(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_learner("Ana")
    damaged = bytearray(db_path.read_bytes())
    damaged[100:] = b"\xff" * (len(damaged) - 100)
    db_path.write_bytes(bytes(damaged))
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)

    notice = _opens_fresh_after_moving(db_path, bytes(damaged))

    assert "damaged" in notice


def test_an_empty_file_becomes_the_database_without_notice(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    with Store.open(db_path) as store:
        assert store.notice is None
        store.add_learner("Ana")
    assert _asides(db_path) == []


def test_second_bad_file_gets_its_own_aside_name(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    for content in (b"first bad file", b"second bad file"):
        db_path.write_bytes(content)
        Store.open(db_path).close()
    kept = {path.read_bytes() for path in _asides(db_path)}
    assert kept == {b"first bad file", b"second bad file"}


def test_a_bad_file_replaced_by_another_quiz_meanwhile_is_not_moved(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two copies of quiz start on a bad file; the other one moves it aside and starts a database
    while this one is still looking. This one must keep the other's database, not move it too."""
    good = tmp_path / "good.sqlite3"
    with Store.open(good) as other:
        other.add_learner("Ana")
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"junk")
    real_check = connection._check_header
    replaced: list[bool] = []

    def junk_then_replaced(path: Path) -> None:
        try:
            real_check(path)
        finally:
            if not replaced:
                shutil.copyfile(good, path)
                replaced.append(True)

    monkeypatch.setattr(connection, "_check_header", junk_then_replaced)

    with Store.open(db_path) as store:
        assert store.notice is None
        assert [learner.name for learner in store.learners()] == ["Ana"]
    assert _asides(db_path) == []
