"""QTI import: Canvas's QTI 1.2 items, several quizzes in one zip, our own export back, hostile zips."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from quiz.bank.model import (
    Bank,
    Choice,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    SourceRef,
)
from quiz.cli import main
from quiz.formats.exports.qti import export_qti
from quiz.formats.imports import qti
from quiz.formats.imports.context import FormatError, ImportContext, Imported
from quiz.formats.imports.qti import read_qti
from tests.formats.conftest import every_type, hostile_question, make_bank


def read(data: bytes) -> Imported:
    return read_qti(data, ImportContext("test.zip", "t", "t"))


def canvas_zip(*quizzes: tuple[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number, (title, items) in enumerate(quizzes):
            archive.writestr(f"q{number}/q{number}.xml", (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">\n'
                f'<assessment ident="a{number}" title="{title}"><section ident="root_section">\n'
                f'{items}\n</section></assessment></questestinterop>\n'))
    return buffer.getvalue()


def item(kind: str, body: str, title: str = "Q") -> str:
    return (f'<item ident="i" title="{title}"><itemmetadata><qtimetadata><qtimetadatafield>'
            f'<fieldlabel>question_type</fieldlabel><fieldentry>{kind}</fieldentry></qtimetadatafield>'
            f'</qtimetadata></itemmetadata>{body}</item>')


CHOICE = item("multiple_choice_question", '''
<presentation><material><mattext texttype="text/html">&lt;p&gt;Which &lt;b&gt;city&lt;/b&gt;?&lt;/p&gt;</mattext>
</material>
<response_lid ident="response1" rcardinality="Single"><render_choice>
<response_label ident="1"><material><mattext texttype="text/html">Prishtina</mattext></material></response_label>
<response_label ident="2"><material><mattext texttype="text/plain">Belgrade</mattext></material></response_label>
</render_choice></response_lid></presentation>
<resprocessing><outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>
<respcondition continue="Yes"><conditionvar><varequal respident="response1">2</varequal></conditionvar>
<displayfeedback feedbacktype="Response" linkrefid="2_fb"/></respcondition>
<respcondition continue="No"><conditionvar><varequal respident="response1">1</varequal></conditionvar>
<setvar action="Set" varname="SCORE">100</setvar></respcondition></resprocessing>
<itemfeedback ident="general_fb"><flow_mat><material><mattext texttype="text/html">It is the capital.</mattext>
</material></flow_mat></itemfeedback>
<itemfeedback ident="2_fb"><flow_mat><material><mattext texttype="text/plain">Not that one.</mattext></material>
</flow_mat></itemfeedback>''')

NUMBER = item("numerical_question", '''
<presentation><material><mattext texttype="text/plain">Year?</mattext></material>
<response_str ident="response1" rcardinality="Single"><render_fib fibtype="Decimal"/></response_str></presentation>
<resprocessing><respcondition continue="No"><conditionvar><vargte respident="response1">1998</vargte>
<varlte respident="response1">2000</varlte></conditionvar><setvar action="Set" varname="SCORE">100</setvar>
</respcondition></resprocessing>''')

ESSAY = item("essay_question", '<presentation><material><mattext>Discuss.</mattext></material></presentation>')
BLANKS = item("fill_in_multiple_blanks_question", '''
<presentation><material><mattext texttype="text/html">&lt;p&gt;KFOR came in [month] 1999, NATO's [what].&lt;/p&gt;
</mattext></material>
<response_lid ident="response_month"><material><mattext>month</mattext></material><render_choice>
<response_label ident="11"><material><mattext texttype="text/plain">June</mattext></material></response_label>
<response_label ident="12"><material><mattext texttype="text/plain">Jun</mattext></material></response_label>
</render_choice></response_lid>
<response_lid ident="response_what"><material><mattext>what</mattext></material><render_choice>
<response_label ident="21"><material><mattext texttype="text/plain">force</mattext></material></response_label>
</render_choice></response_lid></presentation>
<resprocessing><outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>
<respcondition><conditionvar><varequal respident="response_month">11</varequal></conditionvar>
<setvar varname="SCORE" action="Add">50.00</setvar></respcondition>
<respcondition><conditionvar><varequal respident="response_month">12</varequal></conditionvar>
<setvar varname="SCORE" action="Add">50.00</setvar></respcondition>
<respcondition><conditionvar><varequal respident="response_what">21</varequal></conditionvar>
<setvar varname="SCORE" action="Add">50.00</setvar></respcondition></resprocessing>''')


def test_canvas_items_import_with_answers_feedback_and_the_quiz_title_as_a_tag() -> None:
    imported = read(canvas_zip(("Geografia e Kosovës", CHOICE + NUMBER), ("Second quiz", ESSAY + BLANKS)))
    choice, number, blanks = imported.questions
    assert isinstance(choice, ChoiceQuestion) and choice.prompt == "Which city?" and choice.answer == "Prishtina"
    assert [(c.text, c.feedback) for c in choice.choices] == [("Prishtina", ""), ("Belgrade", "Not that one.")]
    assert choice.explanation == "It is the capital." and choice.tags == ("geografia-e-kosovës",)
    assert isinstance(number, NumberQuestion) and (number.answer, number.tolerance) == (1999, 1)
    notes = [n.message for n in imported.notes]
    assert "essay question skipped: quiz has no free-text questions" in notes
    assert isinstance(blanks, ClozeQuestion) and blanks.passage == "KFOR came in {1} 1999, NATO's {2}."
    assert [(b.answers, b.choices) for b in blanks.blanks] == [(("June", "Jun"), ()), (("force",), ())]


def test_our_qti_export_of_two_banks_imports_back_as_one_bank() -> None:
    credit = ChoiceQuestion(id="demo.credit", prompt="P", explanation="E", source=(SourceRef(source="report"),),
                            tags=("t",), choices=(Choice(text="a"), Choice(text="b", credit=0.5), Choice(text="c")),
                            answer="c")
    bank = make_bank(*every_type(), hostile_question(), credit)
    other = make_bank(MultiQuestion(id="other.multi", prompt="M", explanation="E", source=(SourceRef(source="report"),),
                                    choices=(Choice(text="x"), Choice(text="y")), answers=("y",)), bank_id="other")
    imported = read(export_qti([bank, other]).data)
    assert imported.errors == () and imported.notes == ()
    assert list(imported.questions) == [*bank.questions, *other.questions]
    assert isinstance(imported.questions[6], MatchQuestion)


def test_quiz_import_of_our_qti_zip_is_guessed_and_validates(bank: Bank, bank_file: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    package = tmp_path / "demo.zip"
    assert main(["export", str(bank_file), "--to", "qti", "-o", str(package)]) == 0
    assert main(["import", str(package), "-o", str(tmp_path / "back.yaml")]) == 0
    assert "as QTI" in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "back.yaml")]) == 0


def test_a_zip_that_would_unpack_too_large_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qti, "MAX_UNZIPPED", 1000)
    with pytest.raises(FormatError, match="would unpack to more than"):
        read(canvas_zip(("Big", CHOICE * 3)))


def test_an_item_without_a_right_answer_is_an_error_with_its_line_and_the_rest_imports() -> None:
    broken = CHOICE.replace('<setvar action="Set" varname="SCORE">100</setvar>', "")
    imported = read(canvas_zip(("Q", broken + "\n" + NUMBER)))
    (error,) = imported.errors
    assert "no right answer" in error.message and error.line == 4
    assert "test.zip/q0/q0.xml, line 4" in error.message
    assert len(imported.questions) == 1


def test_a_numeric_range_is_written_in_decimal_and_comes_back_exactly() -> None:
    pi = NumberQuestion(id="demo.pi", prompt="Pi to three places?", explanation="E",
                        source=(SourceRef(source="report"),), tags=("t",), answer=3.1415, tolerance=0.0005)
    data = export_qti([make_bank(pi)]).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        items = b"".join(archive.read(name) for name in archive.namelist())
    assert b'<vargte respident="response1">3.141</vargte>' in items
    assert b'<varlte respident="response1">3.142</varlte>' in items
    [back] = read(data).questions
    assert back == pi


def test_a_note_names_the_file_inside_the_zip_its_line_is_in() -> None:
    imported = read(canvas_zip(("One", ESSAY + "\n" + NUMBER), ("Two", NUMBER + "\n" + ESSAY)))
    assert [n.where for n in imported.notes if "essay" in n.message] == ["q0/q0.xml, line 4", "q1/q1.xml, line 10"]


def test_a_note_about_a_control_character_names_the_file_inside_the_zip(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from quiz.cli import main

    source = tmp_path / "ctl.zip"
    source.write_bytes(canvas_zip(("One", NUMBER), ("Two", NUMBER.replace("Year?", "Year&#x202e;?"))))
    assert main(["import", str(source), "--from", "qti", "-o", str(tmp_path / "out.yaml")]) == 0
    assert "q1/q1.xml, line 4: question" in capsys.readouterr().err
