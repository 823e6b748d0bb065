"""Aiken import (good files and Moodle's error cases) and the CSV round trip."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from quiz.bank.model import Bank, ChoiceQuestion
from quiz.bank.text import PLACEHOLDER
from quiz.formats.csv_cells import COLUMNS, split_items
from quiz.formats.exports.csv import export_csv
from quiz.formats.imports.aiken import read_aiken
from quiz.formats.imports.context import FormatError, ImportContext
from quiz.formats.imports.csv import read_csv
from tests.formats.conftest import FIXTURES, HOSTILE, MOODLE, make_bank


def context() -> ImportContext:
    return ImportContext("in.txt", "t", "t")


def test_aiken_reads_options_with_and_without_space_and_html_as_text() -> None:
    imported = read_aiken((FIXTURES / "good.aiken.txt").read_text(encoding="utf-8"), context())
    red, nospace, html = imported.questions
    assert isinstance(red, ChoiceQuestion)
    assert [c.text for c in red.choices] == ["Venus", "Mars", "Jupiter"] and red.answer == "Mars"
    assert nospace.answer == "Correct (no space)"
    assert html.answer == "<b>bold</b> & more"
    assert red.explanation == PLACEHOLDER
    assert imported.lines == {red.id: 1, nospace.id: 7, html.id: 12}


@pytest.mark.parametrize(("text", "line", "message"), [
    ("A question with too few answers\nA) Only answer\nANSWER: A\n", 3, "at least 2 answers"),
    ("A) Question not started\n\nANSWER: A\n", 1, "Question not started"),
    ("Started\nA) yes\nB) no\n\nNext question\nA) x\nB) y\nANSWER: A\n", 5,
     "Question not completed before next question start"),
    ("Q\nA) yes\nB) no\nANSWER: C\n", 4, "ANSWER: C is not one of the options"),
    ("Q\nA) yes\nB) no\n", 1, "no ANSWER: line"),
])
def test_aiken_error_cases_name_their_line_and_the_good_questions_are_kept(text: str, line: int,
                                                                           message: str) -> None:
    good = "Good?\nA) yes\nB) no\nANSWER: A\n\n"
    imported = read_aiken(good + text, context())
    error = imported.errors[0]
    assert error.line == line + 5 and message in error.message
    assert imported.questions[0].prompt == "Good?"


def test_moodles_aiken_error_fixture_gives_its_errors_and_its_two_good_questions() -> None:
    path = MOODLE / "aiken" / "aiken_errors.txt"
    if not path.exists():
        pytest.skip(f"Moodle's fixtures are not at {MOODLE} (they stay outside the project: GPL)")
    imported = read_aiken(path.read_text(encoding="utf-8"), context())
    assert [e.line for e in imported.errors] == [3, 5, 7, 18]
    assert [q.prompt for q in imported.questions] == ["A good question", "A second good question"]
    assert [q.answer for q in imported.questions] == ["Correct", "Correct (No space)"]


def test_csv_has_the_documented_columns_and_one_row_per_question(bank: Bank) -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv([bank]).data.decode())))
    assert tuple(rows[0]) == (*COLUMNS, "lint")
    assert len(rows) == len(bank.questions)
    assert split_items(rows[-1]["lint"])[0] == "longest-key vague-terms"
    choice = rows[0]
    assert split_items(choice["options"]) == ["Leposavić", "Zvečan", "Gračanica"]
    assert split_items(choice["feedback"]) == ["", "Close, but no.", ""]
    assert (choice["source"], choice["tags"], choice["difficulty"]) == ("report#p2", "topic", "2")


def test_csv_round_trip_is_lossless_for_questions(bank: Bank) -> None:
    imported = read_csv(export_csv([bank]).data.decode(), ImportContext("x.csv", "x", "x"))
    assert list(imported.questions) == list(bank.questions)
    assert imported.info is not None and imported.info.id == "demo"
    assert any("'report' is cited" in n.message for n in imported.notes)


def test_csv_keeps_backslashes_and_line_breaks_inside_list_items() -> None:
    from quiz.formats.csv_cells import join_items

    items = ["a\\nb", "two\nlines", HOSTILE]
    assert split_items(join_items(items)) == items


def test_csv_errors_name_the_row_line() -> None:
    header = ",".join(COLUMNS)
    good = 'demo,q1,truefalse,"Two\nline prompt",,true,,,,Why,report,,,'
    bad = "demo,q2,truefalse,Prompt,,maybe,,,,Why,report,,,"
    imported = read_csv(f"{header}\n{good}\n{bad}\n{good.replace('q1', 'q3')}\n", context())
    (error,) = imported.errors
    assert error.line == 4 and "'maybe' is not true or false" in error.message
    assert [q.id for q in imported.questions] == ["q1", "q3"]


def test_a_cell_over_128_kib_is_an_error_with_its_line_and_the_other_rows_import() -> None:
    header = ",".join(COLUMNS)
    good = "demo,q1,truefalse,Prompt,,true,,,,Why,report,,,"
    big = f"demo,q2,truefalse,{'Q' * 200_000},,true,,,,Why,report,,,"
    imported = read_csv(f"{header}\n{good}\n{big}\n{good.replace('q1', 'q3')}\n", context())
    (error,) = imported.errors
    assert error.line == 3 and "longer than 128 KiB" in error.message
    assert [q.id for q in imported.questions] == ["q1", "q3"]


@pytest.mark.parametrize("text", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,1)", "\tx", "\rx", "'=x", "''+y",
                                  "'plain", "-"])
def test_formula_cells_are_neutralised_and_still_round_trip(text: str) -> None:
    from quiz.bank.model import ShortQuestion, SourceRef

    question = ShortQuestion(id="demo.f", prompt=text, answers=(text if text.strip() else "x",), explanation=text,
                             source=(SourceRef(source="report"),), tags=("t",))
    data = export_csv([make_bank(question)]).data.decode()
    for cell in next(csv.reader(io.StringIO(data.split("\r\n", 1)[1], newline=""))):
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert list(read_csv(data, context()).questions) == [question]


def test_csv_without_the_header_is_an_error() -> None:
    with pytest.raises(FormatError, match="line 1: the header row lacks"):
        read_csv("id,prompt\nx,y\n", context())


def test_a_csv_without_the_lint_column_imports_and_a_bad_lint_cell_is_an_error_at_its_row() -> None:
    row = "b,b.q1,truefalse,Is it?,,true,,,,Because,,t,,"
    imported = read_csv(",".join(COLUMNS) + "\n" + row + "\n", ImportContext("x.csv", "x", "x"))
    assert [q.lint for q in imported.questions] == [None] and not imported.errors
    imported = read_csv(",".join(COLUMNS) + ",lint\n" + row + ',"longest-kee\nwhy"\n', ImportContext("x.csv", "x", "x"))
    assert [(e.line, e.message) for e in imported.errors] == [
        (2, "x.csv, line 2: lint 'longest-kee\\nwhy' is not lint codes and a reason")]


def test_csv_tags_that_are_not_tags_as_written_become_tags_with_a_note() -> None:
    rows = "".join(f"b,b.q{n},truefalse,Is it?,,true,,,,Because,,{tags},,\n"
                   for n, tags in enumerate(['"a,b"', "x]", "Gjeografi ГЛОССАРИЙ gjeografi", "]]",
                                             "snake_case a--b v1.0."]))
    imported = read_csv(",".join(COLUMNS) + "\n" + rows, ImportContext("x.csv", "x", "x"))
    assert [q.tags for q in imported.questions] == [("a-b",), ("x",), ("gjeografi", "глоссарий"), (),
                                                    ("snake_case", "a--b", "v1.0.")]  # valid tags stay as written
    assert [n.message.split(":")[0] for n in imported.notes] == [
        "tag 'a,b' written as 'a-b'", "tag 'x]' written as 'x'", "tag 'Gjeografi' written as 'gjeografi'",
        "tag 'ГЛОССАРИЙ' written as 'глоссарий'", "tag ']]' left out"]


def test_a_cell_too_long_to_import_back_is_listed_as_lost(bank: Bank) -> None:
    long = replace(bank.questions[0], prompt="P" * 200_000)
    exported = export_csv([replace(bank, questions=(long, *bank.questions[1:]))])
    assert [(x.where, x.field) for x in exported.losses if x.fails_check] == [(long.id, "prompt")]
    assert not [x for x in export_csv([bank]).losses if x.fails_check]
