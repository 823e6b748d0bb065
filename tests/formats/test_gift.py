"""GIFT: escaping, Moodle's own examples, hand-written files, errors with lines, and round trips."""

from __future__ import annotations

import re

import pytest

from quiz.bank.model import (
    Bank,
    Choice,
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    ShortQuestion,
    SourceRef,
    TrueFalseQuestion,
)
from quiz.bank.text import PLACEHOLDER
from quiz.formats import gift_syntax, moodle
from quiz.formats.exports.gift import export_gift, question_text
from quiz.formats.imports.context import FormatError, ImportContext
from quiz.formats.imports.gift import read_gift
from tests.formats.conftest import FIXTURES, HOSTILE


def read(text: str) -> tuple[list, list[str]]:
    ctx = ImportContext("test.gift", "t", "t")
    imported = read_gift(text, ctx)
    return list(imported.questions), [f"{n.line}: {n.message}" for n in imported.notes]


def test_escape_covers_every_control_character_and_backslash() -> None:
    assert gift_syntax.escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"
    assert gift_syntax.unescape(gift_syntax.escape(HOSTILE + "\n\\n")) == HOSTILE + "\n\\n"


def test_exported_gift_has_no_unescaped_control_characters_in_text(bank: Bank) -> None:
    text = export_gift([bank]).data.decode()
    hostile_block = next(block for block in text.split("\n\n") if "[id:demo.hostile]" in block)
    stem = hostile_block.splitlines()[2]
    assert stem.startswith("::demo.hostile::[plain]Is \\{x\\} \\= \\~y \\# z\\: a\\\\b [citation needed] -> ")


def test_multi_weights_are_on_moodles_list_and_sum_to_100(bank: Bank) -> None:
    text = export_gift([bank]).data.decode()
    for qid in ("demo.multi", "demo.thirds"):
        block = next(b for b in text.split("\n\n") if f"[id:{qid}]" in b)
        weights = [float(w) for w in re.findall(r"~%(-?[\d.]+)%", block)]
        assert all(w in moodle.GRADES for w in weights)
        assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=0.001)


def test_snap_picks_the_nearest_moodle_grade() -> None:
    assert moodle.snap(33) == 33.33333
    assert moodle.snap(-48) == -50


def test_export_lists_order_as_lost_and_hint_as_comment_only(bank: Bank) -> None:
    losses = export_gift([bank]).losses
    failing = {(x.where, x.field) for x in losses if x.fails_check}
    assert failing == {("demo.order", "type")}
    assert ("demo.choice", "hint") in {(x.where, x.field) for x in losses if x.kept}


def test_export_writes_explanation_as_general_feedback_and_ids_tags_as_comments(bank: Bank) -> None:
    text = export_gift([bank]).data.decode()
    assert "// [id:demo.tf] [tag:topic]" in text
    assert "FALSE\n  ####Because of demo.tf.\n}" in text
    assert "=Kurti -> Prime Minister" in text
    assert "#1999:1" in text and "#2.5:0.25" in text
    assert "~Zvečan#Close, but no." in text


def test_round_trip_gives_back_the_same_questions(bank: Bank) -> None:
    questions, _ = read(export_gift([bank]).data.decode())
    assert questions == list(bank.questions)


def test_round_trip_without_quiz_comments_keeps_what_moodle_keeps(bank: Bank) -> None:
    text = export_gift([bank]).data.decode()
    bare = "\n".join(line for line in text.splitlines() if not line.startswith("// quiz"))
    questions, _ = read(bare)
    by_id = {q.id: q for q in questions}
    order = by_id["demo.order"]
    assert isinstance(order, MatchQuestion)
    assert [(p.left, p.right) for p in order.pairs] == [("1", "first"), ("2", "second"), ("3", "third")]
    assert by_id["demo.choice"].hint == "" and by_id["demo.choice"].difficulty is None
    assert by_id["demo.hostile"].prompt == HOSTILE
    assert by_id["demo.hostile"].choices[0].feedback == HOSTILE


def test_moodle_documented_examples_import_with_right_types_and_answers() -> None:
    questions, notes = read((FIXTURES / "moodle_examples.gift").read_text(encoding="utf-8"))
    kinds = [type(q) for q in questions]
    assert kinds == [ChoiceQuestion, MultiQuestion, TrueFalseQuestion, ShortQuestion, ChoiceQuestion,
                     MatchQuestion, NumberQuestion, NumberQuestion, NumberQuestion, TrueFalseQuestion,
                     ShortQuestion]
    gas, primes, pacific, gold, paris, capitals, light, dice, wall, water, iron = questions
    assert gas.answer == "carbon dioxide" and gas.id == "t.photosynthesis-gas"
    assert [(c.text, c.feedback) for c in gas.choices][:2] == [
        ("carbon dioxide", "Right: CO2 is fixed into sugars."), ("oxygen", "Oxygen is released, not absorbed.")]
    assert primes.answers == ("2", "3")
    assert pacific.answer is True
    assert gold.answers == ("Au",)
    assert paris.prompt == "The French capital is _____, on the Seine." and paris.answer == "Paris"
    assert [(p.left, p.right) for p in capitals.pairs] == [("Kenya", "Nairobi"), ("Peru", "Lima"),
                                                          ("Nepal", "Kathmandu")]
    assert (light.answer, light.tolerance) == (300000, 1000)
    assert (dice.answer, dice.tolerance) == (3.5, 2.5)
    assert (wall.answer, wall.tolerance) == (1989, 0)
    assert water.explanation == "Depends on pressure." and water.answer is True
    assert gas.explanation == PLACEHOLDER
    assert iron.id == "chem-1" and iron.tags == ("metals", "periodic-table", "chemistry")
    assert iron.prompt == "What is the symbol of iron?" and iron.explanation == "From Latin ferrum."
    text = "\n".join(notes)
    for expected in ("essay question skipped", "description (text without answers) skipped",
                     "extra matching answer 'Quito' dropped", "answer 'gold' dropped",
                     "[html] text converted to plain text", "true/false feedback dropped"):
        assert expected in text
    assert re.search(r"^49: essay", text, re.M) and re.search(r"^52: description", text, re.M)


def test_hand_written_gift_multi_line_escapes_and_blank_line_inside_braces() -> None:
    questions, notes = read(
        "// a comment\n"
        "What is\n1\\+1\\=2 \\{really\\}?\n{\n=yes\n\n~no # it is\n}\n"
    )
    (question,) = questions
    assert question.prompt == "What is 1\\+1=2 {really}?"
    assert question.answer == "yes" and question.choices[1].feedback == "it is"
    assert any("blank line inside" in n for n in notes)


def test_several_equals_answers_become_multi_with_a_note() -> None:
    questions, notes = read("Select all that apply. {=Merge sort =Quick sort ~Bubble sort}")
    assert isinstance(questions[0], MultiQuestion)
    assert questions[0].answers == ("Merge sort", "Quick sort")
    assert any("several = answers" in n for n in notes)


@pytest.mark.parametrize(("text", "line", "message"), [
    ("Fine? {T}\n\nBroken on\ntwo lines {=a ~b\n", 4, "Could not find a }"),
    ("\n\nNo open } here", 3, "Could not find a {"),
    ("Q {#abc}", 1, "not a number"),
    ("Q {~a ~b}", 1, "no right answer"),
    ("Q {=%50%a}\n", 1, "no accepted answer"),
])
def test_errors_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        read(text)
    assert caught.value.line == line
    assert message in caught.value.message
    assert f"test.gift, line {line}:" in caught.value.message


def test_file_without_questions_is_an_error() -> None:
    with pytest.raises(FormatError, match="No valid question found"):
        read("// only a comment\n\nJust a description.\n")


def test_text_moodle_would_read_as_html_is_marked_plain_and_still_round_trips() -> None:
    html_like = ChoiceQuestion(id="demo.html", prompt="Is <b>&amp;</b> markup?", explanation="It is text & stays so.",
                               source=(SourceRef(source="report"),), tags=("t",),
                               choices=(Choice(text="<i>yes</i>"), Choice(text="no")), answer="no")
    text = question_text(html_like)
    assert "::demo.html::[plain]Is <b>&amp;</b> markup? {" in text
    questions, notes = read("\n\n".join(["$CATEGORY: $course$/top/Demo", text]) + "\n")
    assert questions[0].prompt == "Is <b>&amp;</b> markup?"
    assert questions[0].choices[0].text == "<i>yes</i>"
    assert not [note for note in notes if "plain" in note.lower()]
