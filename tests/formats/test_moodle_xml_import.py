"""Moodle XML import: Moodle's own fixtures, our export back to the same bank, and hostile XML."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quiz.bank.model import (
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    NumberQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from quiz.cli import main
from quiz.formats.exports.moodle_xml import export_moodle_xml
from quiz.formats.imports.context import FormatError, ImportContext, Imported
from quiz.formats.imports.moodle_xml import read_moodle_xml
from tests.formats.conftest import MOODLE


def read(data: bytes | str) -> Imported:
    return read_moodle_xml(data.encode() if isinstance(data, str) else data, ImportContext("test.xml", "t", "t"))


def fixture(name: str) -> Imported:
    path = MOODLE / "xml" / name
    if not path.exists():
        pytest.skip(f"Moodle's fixtures are not at {MOODLE} (they stay outside the project: GPL)")
    return read(path.read_bytes())


def quiz_xml(*questions: str) -> str:
    return '<?xml version="1.0"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n"


def test_an_asterisk_in_a_short_answer_is_written_as_moodle_reads_an_asterisk_and_comes_back(bank: Bank) -> None:
    short = next(q for q in bank.questions if isinstance(q, ShortQuestion))
    starred = replace(short, answers=("5*3", "a\\*b", "*"))
    data = export_moodle_xml([replace(bank, questions=(starred,))]).data.decode()
    assert "<text>5\\*3</text>" in data and "<text>\\*</text>" in data  # Moodle: a bare * matches anything
    (back,) = read(data).questions
    assert isinstance(back, ShortQuestion) and back.answers == ("5*3", "a\\*b", "*")


def test_moodles_wildcard_in_a_short_answer_is_dropped_with_a_note() -> None:
    imported = read(quiz_xml(
        '<question type="shortanswer"><questiontext><text>Colour?</text></questiontext>'
        '<answer fraction="100"><text>colo*r</text></answer><answer fraction="100"><text>red</text></answer>'
        '</question>',
    ))
    (short,) = imported.questions
    assert isinstance(short, ShortQuestion) and short.answers == ("red",)
    assert "answer 'colo*r' dropped: its * stands for any text in Moodle, which quiz cannot match" in [
        n.message for n in imported.notes
    ]


def test_moodles_wildcard_in_a_typed_blank_is_left_out_with_a_note() -> None:
    imported = read(quiz_xml(
        '<question type="multianswer"><questiontext format="html"><text>'
        'Colour: {1:SHORTANSWER:=colo*r~=red~=5\\*3}</text></questiontext></question>',
    ))
    (cloze,) = imported.questions
    assert isinstance(cloze, ClozeQuestion) and cloze.blanks[0].answers == ("red", "5*3")
    assert "blank 1: the answer 'colo*r' (its * stands for any text in Moodle, which quiz cannot match) left out" in [
        n.message for n in imported.notes
    ]


def test_our_export_imports_back_to_the_same_bank(bank: Bank) -> None:
    imported = read(export_moodle_xml([bank]).data)
    assert imported.errors == () and imported.notes == ()
    assert list(imported.questions) == list(bank.questions)
    assert imported.info is not None and imported.info.sources == bank.sources


def test_quiz_import_of_our_export_writes_the_bank_again(bank_file: Path, tmp_path: Path) -> None:
    xml = tmp_path / "demo.xml"
    assert main(["export", str(bank_file), "--to", "moodle-xml", "-o", str(xml)]) == 0
    assert main(["import", str(xml), "--from", "moodle-xml", "-o", str(tmp_path / "back.yaml")]) == 0
    assert main(["validate", str(tmp_path / "back.yaml")]) == 0


def test_moodles_true_false_fixture() -> None:
    imported = fixture("truefalse.xml")
    false, true = imported.questions
    assert isinstance(false, TrueFalseQuestion) and false.answer is False and true.answer is True
    assert false.prompt == ("Moodle is an acronym for Modular Object-Oriented Dynamic Learning Education.")
    assert false.explanation == ("For further information, see the documentation about Moodle "
                                 "(http://docs.moodle.org/en/About_Moodle).")
    assert false.tags == ("truefalse",)
    notes = [n.message for n in imported.notes]
    assert "@@PLUGINFILE@@/logo.jpg left out: a bank holds text only" in notes


def test_moodles_multichoice_fixture_keeps_answers_feedback_and_names_the_audio() -> None:
    imported = fixture("multichoice.xml")
    (question,) = imported.questions
    assert isinstance(question, ChoiceQuestion)
    assert question.prompt == "Listen to this greeting:\n\nWhat language is being spoken?"
    assert len(question.choices) == 4
    assert question.answer == "French"
    assert "@@PLUGINFILE@@/bonjour.mp3 left out: a bank holds text only" in [n.message for n in imported.notes]


def test_moodles_category_fixtures_give_tags_and_skip_the_essays_with_a_note() -> None:
    nested = fixture("nested_categories_with_questions.xml")
    assert [q.tags for q in nested.questions] == [("iota",), ("kappa",), ("lambda",), ("mu",)]
    assert (55, "essay question skipped: quiz has no free-text questions") in [(n.line, n.message)
                                                                              for n in nested.notes]
    assert [q.tags for q in fixture("categories_reverse_order.xml").questions] == [("sigma",)]
    for name in ("deprecated_category.xml", "category_with_description.xml", "export_category.xml"):
        assert [q.tags for q in fixture(name).questions] == [("alpha",)]
    assert [q.prompt for q in fixture("old_format_file.xml").questions] == ["Testing Pi Question",
                                                                            "Testing Rho Question"]


def test_moodles_broken_cloze_fixtures_are_each_an_error_at_its_line() -> None:
    broken = fixture("broken_cloze_questions.xml")
    assert broken.questions == ()
    assert [e.line for e in broken.errors] == [4, 20, 36, 52, 68]
    assert "fewer than two choices" in broken.errors[2].message and "not a number" in broken.errors[4].message


def test_moodles_embedded_answers_become_a_cloze_with_what_was_left_out_noted() -> None:
    [cloze] = [q for q in fixture("multianswer.xml").questions if isinstance(q, ClozeQuestion)]
    assert cloze.passage.endswith("* Phoenix: {4}\nThe capital of France is {5}.")
    assert [b.answers for b in cloze.blanks] == [("California",), ("Arizona",), ("California",), ("Arizona",),
                                                 ("Paris",)]
    assert cloze.blanks[0].choices == ("California", "Arizona") and cloze.blanks[4].choices == ()
    mixed = fixture("sample_questions_with_old_image_tag.xml")
    assert [type(q).__name__ for q in mixed.questions] == ["ClozeQuestion", "ChoiceQuestion"]
    assert (16, "blank 5: partial credit for an answer left out") in [(n.line, n.message) for n in mixed.notes]


def test_moodles_invalid_grades_fixture_is_an_error_with_its_line() -> None:
    (error,) = fixture("error_invalid_grades.xml").errors
    assert error.line == 4 and "33% is not one Moodle allows" in error.message


def test_moodles_html_idnumber_fixture_gets_a_quiz_id_with_a_note() -> None:
    imported = fixture("html_chars_in_idnumbers.xml")
    assert imported.questions[0].id == "t-f"
    assert any("'T & F' is not a quiz id" in n.message for n in imported.notes)


def test_single_and_multiple_answers_partial_credit_numerical_units_and_skipped_types() -> None:
    imported = read(quiz_xml(
        '<question type="multichoice"><name><text>S</text></name><questiontext format="html"><text>'
        '&lt;p&gt;Pick&lt;/p&gt;</text></questiontext><single>true</single>'
        '<answer fraction="100"><text>a</text></answer><answer fraction="50"><text>b</text></answer>'
        '<answer fraction="0"><text>c</text><feedback><text>no</text></feedback></answer></question>',
        '<question type="multichoice"><questiontext><text>All</text></questiontext><single>false</single>'
        '<answer fraction="50"><text>a</text></answer><answer fraction="50"><text>b</text></answer>'
        '<answer fraction="-100"><text>c</text></answer></question>',
        '<question type="numerical"><questiontext><text>Pi?</text></questiontext>'
        '<answer fraction="100"><text>3.1415</text><tolerance>0.0005</tolerance></answer>'
        '<units><unit><multiplier>1</multiplier><unit_name>rad</unit_name></unit></units></question>',
        '<question type="shortanswer"><questiontext><text>Who?</text></questiontext><usecase>1</usecase>'
        '<answer fraction="100"><text>Kurti</text></answer><answer fraction="50"><text>K</text></answer>'
        '</question>',
        '<question type="calculated"><questiontext><text>x</text></questiontext></question>',
        '<question type="ddwtos"><questiontext><text>x</text></questiontext></question>',
    ))
    single, multi, number, short = imported.questions
    assert isinstance(single, ChoiceQuestion) and single.prompt == "Pick"
    assert [(c.text, c.credit, c.feedback) for c in single.choices] == [("a", 0, ""), ("b", 0.5, ""), ("c", 0, "no")]
    assert isinstance(multi, MultiQuestion) and multi.answers == ("a", "b")
    assert isinstance(number, NumberQuestion) and (number.answer, number.tolerance, number.unit) == (3.1415, 0.0005,
                                                                                                     "rad")
    assert isinstance(short, ShortQuestion) and short.answers == ("Kurti",)
    notes = [n.message for n in imported.notes]
    assert "calculated question skipped: quiz cannot hold it" in notes
    assert "ddwtos question skipped: quiz cannot hold it" in notes


def test_an_xml_bomb_is_refused_without_expanding_it() -> None:
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE quiz [\n<!ENTITY a "aaaaaaaaaa">\n'
            + "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">\n' for a, b in zip("abcdefgh", "bcdefghi", strict=True))
            + ']>\n<quiz><question type="truefalse"><questiontext><text>&i;</text></questiontext></question></quiz>\n')
    with pytest.raises(FormatError, match="declares XML entities") as caught:
        read(bomb)
    assert caught.value.line == 3


@pytest.mark.parametrize("declaration", ['<!ENTITY secret SYSTEM "file:///etc/passwd">',
                                         '<!ENTITY % remote SYSTEM "https://example.org/x.dtd"> %remote;',
                                         '<!ENTITY logo SYSTEM "logo.png" NDATA png>'])
def test_external_parameter_and_unparsed_entities_are_refused(declaration: str) -> None:
    with pytest.raises(FormatError, match="declares XML entities") as caught:
        read(f'<?xml version="1.0"?>\n<!DOCTYPE quiz [\n{declaration}\n]>\n<quiz>&secret;</quiz>\n')
    assert caught.value.line == 3


def test_xml_that_is_not_well_formed_names_its_line() -> None:
    with pytest.raises(FormatError, match="not well-formed") as caught:
        read('<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>\n')
    assert caught.value.line == 4


def test_guessing_the_format_and_saying_so(tmp_path: Path, bank_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xml = tmp_path / "export.txt"
    assert main(["export", str(bank_file), "--to", "moodle-xml", "-o", str(xml)]) == 0
    capsys.readouterr()
    assert main(["import", str(xml), "-o", str(tmp_path / "back.yaml")]) == 0
    assert f"reading {xml} as Moodle XML (say --from to choose)" in capsys.readouterr().err


def test_answers_in_a_fixed_order_are_named_in_a_note() -> None:
    choice = ('<question type="multichoice"><name><text>c</text></name><questiontext><text>Which?</text>'
              '</questiontext><shuffleanswers>{}</shuffleanswers><single>true</single>'
              '<answer fraction="100"><text>a</text></answer><answer fraction="0"><text>b</text></answer></question>')
    notes = [n.message for n in read(quiz_xml(choice.format("0"), choice.format("1"))).notes]
    assert notes == ["answers in a fixed order: quiz shuffles a question's choices, so their order is not kept"]


def test_an_idnumber_used_twice_gets_a_new_id_with_a_note() -> None:
    question = ('<question type="truefalse"><name><text>t</text></name><idnumber>geo.q1</idnumber><questiontext>'
                '<text>{}?</text></questiontext><answer fraction="100"><text>true</text></answer>'
                '<answer fraction="0"><text>false</text></answer></question>')
    imported = read(quiz_xml(question.format("One"), question.format("Two")))
    assert [q.id for q in imported.questions] == ["geo.q1", "geo.q1-2"]
    assert [n.message for n in imported.notes] == ["id 'geo.q1' is already an earlier question's; using 'geo.q1-2'"]
