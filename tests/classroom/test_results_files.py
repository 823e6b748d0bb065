"""Results files: export a learner, report over files with duplicates, import, and refuse bad files calmly."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quiz.cli import main
from tests.classroom.test_class_report import bank_path, by_id, class_db, report_json

__all__ = ["bank_path", "class_db"]  # fixtures


def export(db: Path, learner: str, target: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scores", "--db", str(db), "--learner", learner, "--export", str(target)]) == 0
    assert f"to {target}" in capsys.readouterr().out


def test_an_export_holds_every_round_and_answer_with_stable_ids(class_db: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "l1.json"
    export(class_db, "L1", target, capsys)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert (document["format"], document["version"], document["learner"]) == ("quiz-results", 1, "L1")
    assert [item["mode"] for item in document["rounds"]] == ["practice", "practice", "review"]
    answer = document["rounds"][0]["answers"][0]
    assert set(answer) >= {"uid", "bank_id", "question_id", "content_hash", "response", "score", "seconds",
                           "answered_at"}
    assert (answer["question_id"], answer["response"], answer["score"]) == ("cls.easy", "A", 1.0)


def test_report_from_files_ignores_answers_it_has_already_counted(class_db: Path, bank_path: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for name in ("L1", "L3"):
        files.append(str(tmp_path / f"{name}.json"))
        export(class_db, name, Path(files[-1]), capsys)
    alone = by_id(report_json(capsys, str(bank_path), "--from", *files))
    # L1 and L3 only: reversed 0 and 1 -> facility 0.5; split 1 and 0 -> 0.5
    assert (alone["cls.reversed"]["attempts"], alone["cls.reversed"]["facility"]) == (2, 0.5)
    assert alone["cls.reversed"]["other_answers"] == 1  # L1's review round
    together = by_id(report_json(capsys, str(bank_path), "--db", str(class_db), "--from", *files, files[0]))
    database = by_id(report_json(capsys, str(bank_path), "--db", str(class_db)))
    assert together == database


def test_import_merges_once_and_the_report_over_the_new_database_agrees(class_db: Path, bank_path: Path,
                                                                        tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    exported, home = tmp_path / "l3.json", tmp_path / "home.sqlite3"
    export(class_db, "L3", exported, capsys)
    assert main(["scores", "--db", str(home), "--import", str(exported)]) == 0
    assert "added 3 of 3 answers of L3" in capsys.readouterr().out
    assert main(["scores", "--db", str(home), "--import", str(exported)]) == 0
    assert "added 0 of 3 answers" in capsys.readouterr().out
    from_file = by_id(report_json(capsys, str(bank_path), "--from", str(exported)))
    from_home = by_id(report_json(capsys, str(bank_path), "--db", str(home)))
    assert from_home == from_file and from_home["cls.reversed"]["facility"] == 1.0


@pytest.mark.parametrize(("text", "message"), [
    ('{"format": "quiz-results", "version": 1, "rounds": [', "bad.json:1:"),
    ('{"questions": []}', "bad.json: this is not a quiz results file"),
    ('{"format": "quiz-results", "version": 9, "learner": "A", "exported_at": "x", "rounds": []}',
     "results format version 9"),
    ('{"format": "quiz-results", "version": 1, "learner": "A", "exported_at": "x", "rounds": [{"id": 1,'
     ' "mode": "practice", "bank_id": "b", "started_at": "s", "answers": [{"uid": "u", "bank_id": "b",'
     ' "question_id": "q", "content_hash": "h", "response": "x", "score": 7, "seconds": 1,'
     ' "answered_at": "t"}]}]}', "rounds[0].answers[0].score must be a number from 0 to 1"),
    *((f'{{"format": "quiz-results", "version": 1, "learner": "A", "exported_at": "x", "rounds": [{{"id": 1,'
       f' "mode": "practice", "bank_id": "b", "started_at": "s", "answers": [{{"uid": "u", "bank_id": "b",'
       f' "question_id": "q", "content_hash": "h", "response": {word}, "score": 1, "seconds": 1,'
       f' "answered_at": "t"}}]}}]}}', f"bad.json: {word} is not a number a results file holds")
      for word in ("NaN", "-Infinity")),
    ("\xff\xfe not text", "bad.json: cannot be read"),
    ("[" * 100_000, "bad.json: brackets nested deeper than any results file"),
])
def test_a_damaged_or_foreign_file_is_an_error_naming_it(tmp_path: Path, bank_path: Path, text: str, message: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(text.encode("latin-1"))
    for command in (["report", str(bank_path), "--from", str(bad)], ["scores", "--import", str(bad),
                                                                     "--db", str(tmp_path / "x.sqlite3")]):
        assert main(command) == 1
        error = capsys.readouterr().err
        assert message in error and "Traceback" not in error and "internal error" not in error, error
    assert main(["learners", "--db", str(tmp_path / "x.sqlite3")]) in (0, 1)
    assert "A" not in capsys.readouterr().out.split()  # no learner was made for the refused file


@pytest.mark.parametrize("kind", ["fifo", "device", "huge"])
def test_a_pipe_a_device_or_a_huge_file_is_refused_at_once(tmp_path: Path, bank_path: Path, kind: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    if kind == "fifo":
        os.mkfifo(bad)
    elif kind == "huge":
        with bad.open("wb") as handle:
            handle.truncate(33 * 1024 * 1024)
    else:
        bad = Path("/dev/zero")
    expected = "over the 32 MiB" if kind == "huge" else "not a regular file"
    for command in (["report", str(bank_path), "--from", str(bad)], ["scores", "--import", str(bad),
                                                                     "--db", str(tmp_path / "x.sqlite3")]):
        assert main(command) == 1
        error = capsys.readouterr().err
        assert f"{bad}: " in error and expected in error, error


def test_an_export_or_report_never_writes_over_a_file_without_force(class_db: Path, bank_path: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.txt"
    mine.write_text("my notes\n", encoding="utf-8")
    before = class_db.read_bytes()
    for command in (["scores", "--db", str(class_db), "--learner", "L1", "--export", str(mine)],
                    ["report", str(bank_path), "--db", str(class_db), "-o", str(mine)]):
        assert main(command) == 2
        assert "pass --force to overwrite it" in capsys.readouterr().err
        assert mine.read_text(encoding="utf-8") == "my notes\n"
        assert main([*command, "--force"]) == 0
        assert mine.read_text(encoding="utf-8") != "my notes\n"
        mine.write_text("my notes\n", encoding="utf-8")
    for command in (["scores", "--db", str(class_db), "--learner", "L1", "--export", str(class_db), "--force"],
                    ["report", str(bank_path), "--db", str(class_db), "-o", str(class_db), "--force"]):
        assert main(command) == 2
        assert "is also an input of this command" in capsys.readouterr().err
    assert class_db.read_bytes() == before
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert main(["report", str(bank_path), "--db", str(class_db), "-o", str(pipe), "--force"]) == 2
    assert "not a regular file" in capsys.readouterr().err


def with_schedule(db: Path) -> Path:
    """The class was seeded straight into the store (no scheduler): build its schedule as quiz would."""
    from quiz.store import Store
    from quiz.study.schedule import CARDS
    from quiz.study.upgrade import SCHEDULE_VERSION

    with Store.open(db) as store:
        store.rebuild_schedule(CARDS, SCHEDULE_VERSION)
    return db


def cards_of(db: Path, name: str) -> list[object]:
    from quiz.store import Store

    with Store.open(db) as store:
        learner = store.learner(name)
        assert learner is not None
        return sorted(store.cards(learner.id))


def test_an_import_is_replayed_into_the_review_schedule(class_db: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    exported, home = tmp_path / "l1.json", tmp_path / "home.sqlite3"
    export(class_db, "L1", exported, capsys)
    assert main(["scores", "--db", str(home), "--import", str(exported)]) == 0
    imported = cards_of(home, "L1")
    assert len(imported) == 3 and imported == cards_of(with_schedule(class_db), "L1")


def test_answers_imported_late_are_replayed_in_the_order_they_were_given(class_db: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """L1's first round comes back from home after L1's later rounds are already in the class database."""
    import sqlite3

    exported, partial = tmp_path / "l1.json", tmp_path / "partial.sqlite3"
    export(class_db, "L1", exported, capsys)
    document = json.loads(exported.read_text(encoding="utf-8"))
    first_round = {**document, "rounds": document["rounds"][:1]}
    later_rounds = {**document, "rounds": document["rounds"][1:]}
    for part, name in ((later_rounds, "later.json"), (first_round, "first.json")):
        (tmp_path / name).write_text(json.dumps(part), encoding="utf-8")
        assert main(["scores", "--db", str(partial), "--import", str(tmp_path / name)]) == 0
    with sqlite3.connect(partial) as connection:
        times = [row[0] for row in connection.execute("SELECT answered_at FROM answers ORDER BY id")]
    assert times == sorted(times)
    assert cards_of(partial, "L1") == cards_of(with_schedule(class_db), "L1")


def test_the_report_shows_knowledge_levels_from_the_schedule(class_db: Path, bank_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    document = report_json(capsys, str(bank_path), "--db", str(with_schedule(class_db)))
    learners = {item["name"]: item for item in document["learners"]}  # type: ignore[attr-defined]
    [bank] = learners["L3"]["knowledge"]["banks"]
    # three questions answered once, a day apart at most: all still in fsrs's learning steps
    assert bank == {"bank": "cls", "new": 0, "learning": 3, "known": 0, "mastered": 0, "suspended": 0}
