"""`quiz due` as a shell prompt or cron job runs it: counts, JSON shape, which learner, exit codes."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.bank.load import load_paths
from quiz.cli import main
from quiz.store import AnswerRecord, Store
from quiz.study.library import Library
from quiz.study.schedule import CARDS

BANK = """\
format: 1
id: demo
title: Demo bank
description: Seven statements.
sources:
  report: {title: Report, publisher: Someone, date: "2023"}
questions:
""" + "".join(
    f"""  - id: demo.s{index}
    type: truefalse
    prompt: Statement {index} holds.
    answer: true
    explanation: It does.
    source: report
"""
    for index in range(7)
)


@pytest.fixture(autouse=True)
def _utc_and_no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("QUIZ_DB", raising=False)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "banks" / "demo.yaml"
    path.parent.mkdir()
    path.write_text(BANK, encoding="utf-8")
    return path


def _fill(db: Path, bank_file: Path, wrong: list[str], learners: tuple[str, ...] = ("Ana",)) -> None:
    """The first learner answered these questions wrongly in 2020, so they are due now."""
    library = Library.of(load_paths([bank_file]).banks)
    with Store.open(db, clock=lambda: datetime(2020, 1, 1, tzinfo=UTC)) as store:
        ids = [store.add_learner(name).id for name in learners]
        round_id = store.start_round(ids[0], "demo", "practice", wrong, {})
        for question_id in wrong:
            located = library.locate(question_id)
            assert located is not None
            record = AnswerRecord(question_id, "demo", library.content_hash(located.question), "x", 0.0, 2.0)
            store.record_answer(round_id, record, CARDS)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_gives_due_new_next_due_and_each_bank(
    tmp_path: Path, bank_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "scores.sqlite3"
    _fill(db, bank_file, ["demo.s0", "demo.s1"])
    code, out, _ = _run(capsys, "due", str(bank_file), "--db", str(db), "--json")
    assert code == 0
    document = json.loads(out)
    assert (document["learner"], document["due"], document["new"]) == ("Ana", 2, 5)
    assert document["next_due"].startswith("2020-01-01T00:01")
    assert document["banks"] == [
        {"bank_id": "demo", "title": "Demo bank", "due": 2, "new": 5, "known": 0, "questions": 7}
    ]


def test_text_names_the_learner_and_the_counts(
    tmp_path: Path, bank_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "scores.sqlite3"
    _fill(db, bank_file, ["demo.s0"])
    code, out, _ = _run(capsys, "due", str(bank_file), "--db", str(db))
    assert code == 0
    assert out.splitlines()[0] == "Ana: 1 due · 6 new"
    assert "Demo bank" in out.splitlines()[1] and "0 of 7 known" in out


def test_several_learners_need_a_name_and_are_listed(
    tmp_path: Path, bank_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "scores.sqlite3"
    _fill(db, bank_file, ["demo.s0"], ("Ana", "Ben"))
    code, out, err = _run(capsys, "due", str(bank_file), "--db", str(db))
    assert (code, out) == (2, "")
    assert "--learner" in err and "Ana" in err and "Ben" in err
    code, out, _ = _run(capsys, "due", str(bank_file), "--db", str(db), "--learner", "ben", "--json")
    assert code == 0 and json.loads(out)["due"] == 0


def test_an_unknown_learner_is_an_error_with_a_hint(
    tmp_path: Path, bank_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "scores.sqlite3"
    _fill(db, bank_file, [])
    code, _, err = _run(capsys, "due", str(bank_file), "--db", str(db), "--learner", "Zed")
    assert code == 1
    assert "no learner called 'Zed'" in err and "hint:" in err and "Ana" in err
    assert "Traceback" not in err
