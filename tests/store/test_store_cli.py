"""`quiz scores` and `quiz learners` as a user runs them: output, exit codes, what is stored."""

from __future__ import annotations

import io
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.store import Store
from quiz.store.migrations import APPLICATION_ID, SCHEMA_VERSION
from tests.store.store_support import answer
from tests.support.clocks import TickingClock


class _Terminal(io.StringIO):
    """Standard input that claims to be a terminal, with what the user types."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _utc_and_no_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("QUIZ_DB", raising=False)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def filled(db_path: Path) -> Path:
    """Ana: a finished round (2.5/3), an unfinished one, a finished one in bank-b; Ben: nothing."""
    with Store.open(db_path, clock=TickingClock()) as store:
        ana = store.add_learner("Ana")
        first = store.start_round(ana.id, "bank-a", "practice", ["q1", "q2", "q3"], {})
        for question_id, score in (("q1", 1.0), ("q2", 0.5), ("q3", 1.0)):
            store.record_answer(first, answer(question_id, score))
        store.finish_round(first, 30.0)
        second = store.start_round(ana.id, "bank-a", "exam", ["q1", "q2", "q3"], {})
        store.record_answer(second, answer("q1", 1.0))
        third = store.start_round(ana.id, "bank-b", "practice", ["z1", "z2"], {})
        store.record_answer(third, answer("z1", 0.0, "bank-b"))
        store.finish_round(third, 9.5)
        store.add_learner("Ben")
    return db_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_scores_lists_each_round_and_best_per_bank(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "scores", "--learner", "ANA", "--db", str(filled))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Ana (3 rounds)",
        "  Date              Bank    Mode      Score",
        "  2026-03-01 12:09  bank-b  practice  0/2",
        "  2026-03-01 12:07  bank-a  exam      1/3  unfinished, 1 answered",
        "  2026-03-01 12:02  bank-a  practice  2.5/3",
        "  Best per bank",
        "  bank-a  best 2.5/3 (83%), last 2.5/3 (83%), 3 questions seen",
        "  bank-b  best 0/2 (0%), last 0/2 (0%), 1 question seen",
    ]


def test_scores_without_learner_shows_everyone(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "scores", "--db", str(filled))
    assert code == 0
    assert out.startswith("Ben (0 rounds)\n  no rounds yet\n\nAna (3 rounds)\n")


def test_scores_json_has_the_documented_shape(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "scores", "--json", "--learner", "ana", "--db", str(filled))
    assert code == 0
    document = json.loads(out)
    assert document["format"] == 1
    assert document["database"] == str(filled)
    (ana,) = document["learners"]
    assert ana["name"] == "Ana"
    assert ana["created_at"] == "2026-03-01T12:01:00.000+00:00"
    assert ana["last_seen_at"] is None
    assert ana["rounds"][1] == {
        "id": 2,
        "bank_id": "bank-a",
        "mode": "exam",
        "status": "unfinished",
        "started_at": "2026-03-01T12:07:00.000+00:00",
        "finished_at": None,
        "planned": 3,
        "answered": 1,
        "score": 1.0,
        "seconds": None,
    }
    assert ana["banks"] == [
        {
            "bank_id": "bank-a",
            "best_score": 2.5,
            "best_max": 3,
            "last_score": 2.5,
            "last_max": 3,
            "questions_seen": 3,
        },
        {"bank_id": "bank-b", "best_score": 0.0, "best_max": 2, "last_score": 0.0, "last_max": 2, "questions_seen": 1},
    ]


def test_scores_for_an_unknown_learner_is_a_usage_error(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "scores", "--learner", "Zoe", "--db", str(filled))
    assert (code, out) == (2, "")
    assert "no learner called 'Zoe'" in err
    assert "quiz learners" in err


def test_scores_without_a_database_says_so_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none" / "scores.sqlite3"
    assert _run(capsys, "scores", "--db", str(missing)) == (0, "No scores yet: no learner has played a round.\n", "")
    code, out, _ = _run(capsys, "scores", "--json", "--db", str(missing))
    assert code == 0
    assert json.loads(out) == {"format": 1, "database": None, "learners": []}
    assert not missing.parent.exists()


def test_db_option_wins_over_environment_which_wins_over_default(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.sqlite3"
    with Store.open(other) as store:
        store.add_learner("Cleo")
    monkeypatch.setenv("QUIZ_DB", str(other))
    assert _run(capsys, "learners")[1].splitlines()[1].startswith("Cleo")
    assert "Cleo" not in _run(capsys, "learners", "--db", str(filled))[1]


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "my-bank.yaml"
    bank.write_text("format: 1\n")
    for command in (["learners"], ["scores"], ["learners", "rename", "Ana", "Bo"]):
        code, out, err = _run(capsys, *command, "--db", str(bank))
        assert (code, out) == (1, "")
        assert "is not a quiz scores database" in err and "left as it is" in err
    assert bank.read_text() == "format: 1\n"
    assert list(tmp_path.iterdir()) == [bank]


def test_a_newer_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    newer = tmp_path / "scores.sqlite3"
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.close()
    code, out, err = _run(capsys, "scores", "--db", str(newer))
    assert (code, out) == (1, "")
    assert "newer version of quiz" in err
    assert "Traceback" not in err


def test_learners_lists_names_rounds_and_last_use(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "learners", "--db", str(filled))
    assert code == 0
    assert out.splitlines() == [
        "Name  Rounds  Last used",
        "Ben        0  never (added 2026-03-01 12:12)",
        "Ana        3  never (added 2026-03-01 12:01)",
    ]
    assert _run(capsys, "learners", "list", "--db", str(filled))[1] == out
    with Store.open(filled) as store:
        store.touch_learner(store.learner("Ana").id)  # type: ignore[union-attr]
    assert _run(capsys, "learners", "--db", str(filled))[1].splitlines()[1].startswith("Ana        3  20")


def test_rename_keeps_history_and_refuses_a_taken_name(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "learners", "rename", "ana", "Ana Marija", "--db", str(filled)) == (
        0,
        "Renamed Ana to Ana Marija.\n",
        "",
    )
    code, _, err = _run(capsys, "learners", "--db", str(filled), "rename", "ben", "ANA MARIJA")
    assert code == 1
    assert "already a learner called 'ANA MARIJA'" in err
    with Store.open(filled) as store:
        renamed = store.learner("ana marija")
        assert renamed is not None
        assert len(store.rounds(renamed.id)) == 3
        assert store.learner("Ben") is not None


def test_remove_with_yes_removes_learner_and_answers(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "learners", "remove", "ANA", "--yes", "--db", str(filled))
    assert (code, out) == (0, "Removed Ana (3 rounds, 5 answers).\n")
    connection = sqlite3.connect(filled)
    assert connection.execute("SELECT count(*) FROM answers").fetchone() == (0,)
    assert connection.execute("SELECT name FROM learners").fetchall() == [("Ben",)]


def test_remove_without_terminal_or_yes_refuses(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    code, out, err = _run(capsys, "learners", "remove", "Ana", "--db", str(filled))
    assert (code, out) == (2, "")
    assert "needs confirmation" in err
    assert "pass --yes" in err
    with Store.open(filled) as store:
        assert store.learner("Ana") is not None


@pytest.mark.parametrize(
    ("typed", "removed"), [("y\n", True), ("YES\n", True), ("n\n", False), ("\n", False), ("", False)]
)
def test_remove_on_a_terminal_asks_first(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, typed: str, removed: bool
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal(typed))
    code, out, err = _run(capsys, "learners", "remove", "Ana", "--db", str(filled))
    assert code == 0
    assert err == "Remove Ana (3 rounds, 5 answers)? This cannot be undone. [y/N] "
    assert out == ("Removed Ana (3 rounds, 5 answers).\n" if removed else "Nothing removed.\n")
    with Store.open(filled) as store:
        assert (store.learner("Ana") is None) is removed


def test_rename_or_remove_of_an_unknown_learner_is_a_usage_error(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "learners", "remove", "Zoe", "--yes", "--db", str(filled))
    assert code == 2
    assert "no learner called 'Zoe'" in err
    missing = tmp_path / "missing.sqlite3"
    assert _run(capsys, "learners", "rename", "A", "B", "--db", str(missing))[0] == 2
    assert not missing.exists()


def test_reset_pin_lets_a_learner_who_forgot_it_choose_a_new_one(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quiz.clock import system_clock
    from quiz.study.library import Library
    from quiz.study.session import Session

    with Store.open(filled) as store:
        Session(store, Library.of([]), system_clock, "9b").sign_in("Ana", "1234")
    assert _run(capsys, "learners", "reset-pin", "ANA", "--db", str(filled)) == (
        0, "Ana's PIN is reset: they choose a new one the next time they sign in to a class.\n", "")
    with Store.open(filled) as store:
        session = Session(store, Library.of([]), system_clock, "9b")
        assert not session.has_pin("Ana")
        assert session.sign_in("Ana", "9876").name == "Ana"
        assert len(store.rounds(store.learner("Ana").id)) == 3  # type: ignore[union-attr]
    code, out, _ = _run(capsys, "learners", "reset-pin", "Ben", "--db", str(filled))
    assert (code, out) == (0, "Ben has no class PIN yet: they choose one the first time they sign in to a class.\n")
    code, _, err = _run(capsys, "learners", "reset-pin", "Zoe", "--db", str(filled))
    assert code == 2 and "no learner called 'Zoe'" in err
