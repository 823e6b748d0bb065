"""A database changed by another program, or a --db path that is no file: a message and a hint, never a crash."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.errors import QuizError
from quiz.store import Store
from quiz.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from tests.support.clocks import TickingClock


@pytest.fixture
def played(db_path: Path) -> Path:
    with Store.open(db_path, clock=TickingClock()) as store:
        learner = store.add_learner("Ana")
        store.start_round(learner.id, "bank", "practice", ["q"], {})
    return db_path


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("DROP TABLE answers", "the table 'answers' is missing"),
        ("ALTER TABLE rounds RENAME COLUMN bank_id TO bank", "has no column 'bank_id'"),
        ("UPDATE rounds SET question_ids = 'not json'", "rounds row 1 holds damaged data"),
        ("UPDATE rounds SET score = 'abc'", "rounds row 1 holds damaged data"),
        ("UPDATE rounds SET started_at = x'00'", "rounds row 1 holds damaged data"),
        ("UPDATE learners SET name = x'ff00'", "learners row 1 holds damaged data"),
        ("INSERT INTO meta (key, value) VALUES ('x', x'00')", "the table 'meta' holds damaged data"),
    ],
)
def test_a_tampered_database_is_reported_with_a_hint(
    played: Path, capsys: pytest.CaptureFixture[str], statement: str, named: str
) -> None:
    connection = sqlite3.connect(played)
    connection.execute(statement)
    connection.commit()
    connection.close()
    before = played.read_bytes()
    assert main(["scores", "--db", str(played)]) == 1
    err = capsys.readouterr().err
    assert "changed by another program" in err and named in err and "hint:" in err
    assert "internal error" not in err
    with pytest.raises(QuizError, match="changed by another program"):
        Store.open(played)  # the app's way in (repair=True) reports it too, and moves nothing
    assert played.read_bytes() == before


def test_db_on_a_fifo_is_refused_at_once_and_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "scores.db"
    os.mkfifo(fifo)
    assert main(["scores", "--db", str(fifo)]) == 2  # bad usage, as a FIFO given to quiz validate
    assert "named pipe" in capsys.readouterr().err
    assert main(["scores", "--db", str(tmp_path)]) == 2
    with pytest.raises(QuizError, match="never moves or replaces it"):
        Store.open(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.db"]


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_fifo_or_symlink_where_sqlite_keeps_its_own_files_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    database = tmp_path / "scores.db"
    with Store.open(database):
        pass
    fifo = tmp_path / f"scores.db{suffix}"
    os.mkfifo(fifo)
    assert main(["scores", "--db", str(database)]) == 2
    assert f"scores.db{suffix} is a named pipe (FIFO)" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    fifo.unlink()
    fifo.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(QuizError, match="is a symbolic link"):
        Store.open(database)
    assert fifo.is_symlink()


def test_db_on_a_character_device_is_refused_and_never_moved() -> None:
    with pytest.raises(QuizError, match="character device"):
        Store.open(Path("/dev/null"))
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


ANSWER = ("INSERT INTO answers (round_id, learner_id, bank_id, question_id, content_hash, response, score, seconds,"
          " answered_at) VALUES (1, 1, 'bank', 'q', 'h', '\"x\"', 1, 2.5, '2026-01-01T10:00:00.000+00:00')")
CARD = ("INSERT INTO cards (learner_id, bank_id, question_id, content_hash, state, due)"
        " VALUES (1, 'bank', 'q', 'h', 1, '2026-01-02T10:00:00.000+00:00')")


def _run(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


@pytest.mark.parametrize("statement", [
    "UPDATE answers SET seconds = 'slow'", "UPDATE answers SET response = 'not json'",
    "UPDATE answers SET answered_at = x'00'", "UPDATE answers SET round_id = 1.5",
    "UPDATE cards SET due = x'00'", "UPDATE cards SET stability = 'x'", "UPDATE cards SET reviews = 'many'",
    ANSWER.replace("2.5", "'slow'").replace("'q'", "'q2'"),
    CARD.replace("'q'", "'q2'").replace(", 1, '2026", ", 'new', '2026"),
])
def test_another_program_cannot_store_a_value_of_the_wrong_type_in_the_answers_or_the_schedule(
    played: Path, statement: str
) -> None:
    _run(played, ANSWER, CARD)
    connection = sqlite3.connect(played)

    def rows() -> list[list[tuple[object, ...]]]:
        return [connection.execute(f"SELECT * FROM {table}").fetchall() for table in ("answers", "cards")]

    before = rows()
    with pytest.raises(sqlite3.IntegrityError, match="a value of the wrong type"):
        connection.execute(statement)
    connection.rollback()
    assert rows() == before
    connection.close()
    Store.open(played).close()


@pytest.mark.parametrize(("statements", "named"), [
    (("DROP TRIGGER answers_types_on_insert", ANSWER.replace("2.5", "'slow'")), "answers row 1 holds damaged data"),
    ((CARD, "DROP TRIGGER cards_types_on_update", "UPDATE cards SET due = x'00'"),
     "the table 'cards' holds damaged data"),
    (("DROP TRIGGER answers_types_on_insert", ANSWER.replace("'\"x\"'", "'not json'")),
     "answers row 1 holds damaged data"),
])
def test_a_wrong_value_past_a_dropped_guard_is_reported_by_the_app_and_the_command_line_tools(
    played: Path, capsys: pytest.CaptureFixture[str], statements: tuple[str, ...], named: str
) -> None:
    _run(played, *statements)
    export = ["scores", "--export", str(played.with_suffix(".json"))]
    for command in (["scores"], ["learners"], ["due"], ["report"], export):
        assert main([*command, "--db", str(played)]) == 1
        err = capsys.readouterr().err
        assert f"changed by another program: {named}" in err and "internal error" not in err
    with pytest.raises(QuizError, match=f"changed by another program: {named}"):
        Store.open(played)  # the app's way in: it would have crashed reading the value


def test_a_guard_trigger_another_program_rewrote_no_longer_counts(played: Path) -> None:
    _run(played, "DROP TRIGGER cards_types_on_update",
         "CREATE TRIGGER cards_types_on_update BEFORE UPDATE ON cards WHEN 0 BEGIN SELECT 1; END",
         CARD, "UPDATE cards SET stability = 'x'")
    with pytest.raises(QuizError, match="the table 'cards' holds damaged data"):
        Store.open(played)


def _version_3_database(path: Path, *rows: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    for migration in MIGRATIONS[:3]:
        for statement in migration:
            connection.execute(statement)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 3")
    connection.execute("INSERT INTO learners (id, name, name_key, created_at) VALUES (1, 'Ana', 'ana', '2026-01-01')")
    connection.execute("INSERT INTO rounds (id, learner_id, bank_id, mode, question_ids, planned, settings, started_at)"
                       " VALUES (1, 1, 'bank', 'practice', '[\"q\"]', 1, '{}', '2026-01-01T10:00:00.000+00:00')")
    for row in rows:
        connection.execute(row)
    connection.commit()
    connection.close()


def test_the_rows_of_a_database_from_before_the_guards_are_checked_once_when_it_upgrades(db_path: Path) -> None:
    _version_3_database(db_path, ANSWER, CARD)
    with Store.open(db_path) as store:
        assert [a.seconds for a in store.round_answers(1)] == [2.5]
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT value FROM meta WHERE key = 'rows_type_checked'").fetchone() == ("1",)
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_wrong_value_from_before_the_guards_is_still_reported_after_the_upgrade(db_path: Path) -> None:
    _version_3_database(db_path, ANSWER.replace("2.5", "'slow'"))
    for _ in range(2):  # the upgrade found it, and every later opening looks again
        with pytest.raises(QuizError, match="answers row 1 holds damaged data"):
            Store.open(db_path)
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT seconds FROM answers").fetchall() == [("slow",)]  # left as it was


@pytest.mark.parametrize(("value", "column", "named"), [
    ("'\"x\"' || char(0) || 'junk'", "response", "a value in answers.response is not the JSON quiz wrote"),
    ("'" + "[" * 1500 + "]" * 1500 + "'", "response", "a value in answers.response is not the JSON quiz wrote"),
    ("CAST(x'22ff22' AS TEXT)", "response", "a text in column 'response' is not UTF-8"),
    ("CAST(x'71ff' AS TEXT)", "question_id", "a text in column 'question_id' is not UTF-8"),
], ids=["nul-and-junk", "nested-1500-deep", "response-not-utf8", "id-not-utf8"])
def test_a_value_the_guard_lets_through_but_python_cannot_read_is_reported_where_it_is_read(
    played: Path, capsys: pytest.CaptureFixture[str], value: str, column: str, named: str
) -> None:
    """SQLite's json_valid accepts a NUL and junk after JSON, and deeper nesting than Python reads; no SQL
    function tells text that is not UTF-8: these pass the guard, and are reported when they are read."""
    inserted = {"response": "'\"x\"'", "question_id": "'q'"} | {column: value}
    _run(played, ANSWER.replace("'q', 'h', '\"x\"'", f"{inserted['question_id']}, 'h', {inserted['response']}"))
    before = played.read_bytes()
    assert main(["scores", "--export", str(played.with_suffix(".json")), "--db", str(played)]) == 1
    err = capsys.readouterr().err
    assert f"changed by another program: {named}" in err and "hint:" in err and "internal error" not in err
    with Store.open(played) as store, pytest.raises(QuizError, match=f"changed by another program: {named}"):
        store.round_answers(1)  # what the app reads to resume the round
    assert played.read_bytes() == before
