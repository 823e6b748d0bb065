"""quiz report on small classes whose statistics are worked out by hand in the comments."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from quiz.bank.fingerprint import content_hash
from quiz.cli import main
from quiz.store import AnswerRecord, Store
from quiz.study.bank_cache import load_cached
from quiz.study.class_report import ClassData, FirstAnswer, build_report, pearson
from tests.support.clocks import TickingClock

BANK = """\
format: 1
id: cls
title: Class bank
description: Three questions for a small class.
sources:
  report: {title: Report, publisher: Someone, date: "2023"}
questions:
  - id: cls.easy
    type: choice
    prompt: Which is first?
    choices: [A, B, C, D]
    answer: A
    explanation: A comes first.
    source: report
    tags: [letters]
  - id: cls.reversed
    type: truefalse
    prompt: Is this one keyed wrongly?
    answer: true
    explanation: Perhaps.
    source: report
    tags: [letters]
  - id: cls.split
    type: choice
    prompt: Which is last?
    choices: [A, B, C, D]
    answer: A
    explanation: Says the key.
    source: report
    tags: [ends]
"""


@pytest.fixture
def bank_path(tmp_path: Path) -> Path:
    path = tmp_path / "cls.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def play(store: Store, name: str, answers: list[tuple[str, object, float, float]], mode: str = "practice",
         finish: bool = True) -> int:
    """One round of (question, response, score, seconds) for the learner, added if new."""
    bank = load_cached([BANK_FILE[0]], BANK_FILE[0].parent / "cache").banks[0]
    learner = store.learner(name) or store.add_learner(name)
    round_id = store.start_round(learner.id, "cls", mode, [question for question, *_ in answers], {})
    for question_id, response, score, seconds in answers:
        question = bank.question(question_id)
        assert question is not None
        store.record_answer(round_id, AnswerRecord(question_id, "cls", content_hash(question), response, score,
                                                   seconds))
    if finish:
        store.finish_round(round_id, 60.0)
    return round_id


BANK_FILE: list[Path] = []

# Five learners, one practice round each of (easy, reversed, split):
#   L1: 1 0 1   L2: 1 0 1   L3: 1 1 0   L4: 1 1 0   L5: 1 1 0
# easy: facility 5/5 = 1.0 (too-easy); every score the same, so discrimination is undefined (None).
# reversed: facility 3/5 = 0.6; rest of round (mean of easy and split): 1, 1, .5, .5, .5 against
#   scores 0, 0, 1, 1, 1: a perfect negative line, discrimination -1 (negative-discrimination).
# split: facility 2/5 = 0.4; rest (easy, reversed): .5, .5, 1, 1, 1 against 1, 1, 0, 0, 0: -1 as well.
#   Picks: A (right) by L1 L2, B by L3 L4, C by L5, D by nobody: .4 .4 .2 0.
# Seconds on easy 1, 2, 3, 4, 10: median 3.
SCORES = {"L1": (1, 0, 1), "L2": (1, 0, 1), "L3": (1, 1, 0), "L4": (1, 1, 0), "L5": (1, 1, 0)}
SPLIT_PICKS = {"L1": "A", "L2": "A", "L3": "B", "L4": "B", "L5": "C"}
EASY_SECONDS = {"L1": 1.0, "L2": 2.0, "L3": 3.0, "L4": 4.0, "L5": 10.0}


@pytest.fixture
def class_db(tmp_path: Path, bank_path: Path) -> Path:
    BANK_FILE[:] = [bank_path]
    path = tmp_path / "class.sqlite3"
    with Store.open(path, clock=TickingClock()) as store:
        for name, (easy, reversed_, split) in SCORES.items():
            play(store, name, [("cls.easy", "A", easy, EASY_SECONDS[name]),
                               ("cls.reversed", bool(reversed_), reversed_, 5.0),
                               ("cls.split", SPLIT_PICKS[name], split, 5.0)])
        # Later answers never replace the first: L1 gets reversed right in a second round, in a review
        # round and in a round left unfinished; all three are shown apart or ignored, never counted.
        play(store, "L1", [("cls.reversed", True, 1.0, 2.0), ("cls.easy", "A", 1.0, 2.0)])
        play(store, "L1", [("cls.reversed", True, 1.0, 2.0)], mode="review")
        play(store, "L2", [("cls.reversed", True, 1.0, 2.0)], finish=False)
    return path


def report_json(capsys: pytest.CaptureFixture[str], *arguments: str) -> dict[str, object]:
    assert main(["report", *arguments, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def by_id(document: dict[str, object]) -> dict[str, dict[str, object]]:
    return {item["id"]: item for item in document["questions"]}  # type: ignore[attr-defined, index]


def test_statistics_match_the_hand_worked_class(class_db: Path, bank_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    questions = by_id(report_json(capsys, str(bank_path), "--db", str(class_db)))
    easy, reversed_, split = questions["cls.easy"], questions["cls.reversed"], questions["cls.split"]
    assert (easy["attempts"], easy["facility"], easy["discrimination"]) == (5, 1.0, None)
    assert easy["median_seconds"] == 3.0
    assert easy["flags"] == ["too-easy"]
    assert (reversed_["attempts"], reversed_["facility"], reversed_["discrimination"]) == (5, 0.6, -1.0)
    assert reversed_["flags"] == ["negative-discrimination"]
    assert (reversed_["other_answers"], reversed_["overrides"]) == (2, 0)  # the review and the unfinished round
    assert (split["facility"], split["discrimination"]) == (0.4, -1.0)
    assert [(c["text"], c["share"]) for c in split["choices"]] == [("A", 0.4), ("B", 0.4), ("C", 0.2), ("D", 0.0)]
    assert split["location"].endswith("cls.yaml:23")


def test_learners_and_tags(class_db: Path, bank_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = report_json(capsys, str(bank_path), "--db", str(class_db))
    learners = {item["name"]: item for item in document["learners"]}  # type: ignore[attr-defined]
    assert (learners["L1"]["rounds"], learners["L1"]["answers"]) == (3, 6)
    assert learners["L1"]["banks"] == [{"bank": "cls", "answers": 3, "mean": round(2 / 3, 4)}]
    tags = {item["tag"]: item for item in document["tags"]}  # type: ignore[attr-defined]
    assert tags["letters"] == {"tag": "letters", "attempts": 10, "facility": 0.8}  # 5 easy right + 3 reversed
    assert tags["ends"]["facility"] == 0.4


def test_overridden_answers_are_shown_apart_not_counted(class_db: Path, bank_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(class_db) as connection:
        connection.execute("UPDATE answers SET overridden_at = answered_at WHERE id = ("
                           "SELECT a.id FROM answers a JOIN learners l ON l.id = a.learner_id"
                           " WHERE l.name = 'L5' AND question_id = 'cls.split')")
    split = by_id(report_json(capsys, str(bank_path), "--db", str(class_db)))["cls.split"]
    assert (split["attempts"], split["facility"], split["overrides"]) == (4, 0.5, 1)


def test_the_class_filter_keeps_one_class(class_db: Path, bank_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(class_db) as connection:
        connection.execute("UPDATE rounds SET class_name = '9b' WHERE learner_id IN "
                           "(SELECT id FROM learners WHERE name IN ('L1', 'L2'))")
    questions = by_id(report_json(capsys, str(bank_path), "--db", str(class_db), "--class", "9b"))
    assert questions["cls.split"]["attempts"] == 2 and questions["cls.split"]["facility"] == 1.0


def test_text_and_csv_name_the_flagged_question_by_file_and_line(class_db: Path, bank_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(bank_path), "--db", str(class_db)]) == 0
    text = capsys.readouterr().out
    assert "cls.yaml:8" in text and "too-easy: facility 1.00 is above 0.9" in text
    assert main(["report", str(bank_path), "--db", str(class_db), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("bank,id,content_hash,location,attempts,facility,discrimination")
    assert len(rows) == 4


def test_a_wrong_choice_nobody_picks_is_flagged_after_twenty_attempts(bank_path: Path) -> None:
    bank = load_cached([bank_path], bank_path.parent / "cache").banks[0]
    question = bank.question("cls.easy")
    assert question is not None
    digest = content_hash(question)

    def data(attempts: int) -> ClassData:
        result = ClassData()
        for n in range(attempts):
            pick = "A" if n % 2 else "B"  # C and D are never picked
            result.first[(f"L{n}", "cls", "cls.easy", digest)] = FirstAnswer(
                f"L{n}", "cls", "cls.easy", digest, f"r{n}", float(pick == "A"), 3.0, pick, "2026", False, f"u{n}")
        return result

    assert build_report(data(19), [bank]).questions[0].flags == ()
    [flag] = build_report(data(20), [bank]).questions[0].flags
    assert flag.name == "unused-distractor" and "'C', 'D'" in flag.reason


def test_pearson_is_undefined_without_spread() -> None:
    assert pearson([1, 0], [1, 0]) == pytest.approx(1.0)
    assert pearson([1, 1, 1], [0, 1, 0]) is None
    assert pearson([1], [1]) is None
