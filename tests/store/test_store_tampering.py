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


def test_a_value_of_the_wrong_type_in_an_answer_is_reported_by_the_command_line_tools(
    played: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = sqlite3.connect(played)
    connection.execute("INSERT INTO answers (round_id, learner_id, bank_id, question_id, content_hash, response, "
                       "score, seconds, answered_at) VALUES (1, 1, 'bank', 'q', 'h', '\"x\"', 1, 'slow', 'now')")
    connection.commit()
    connection.close()
    for command in (["scores"], ["learners"], ["due"], ["scores", "--export", str(played.with_suffix(".json"))]):
        assert main([*command, "--db", str(played)]) == 1
        err = capsys.readouterr().err
        assert "changed by another program: answers row 1 holds damaged data" in err and "internal error" not in err
