"""GIFT: escaping, Moodle's own examples, hand-written files, errors with lines, and round trips."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from quiz.bank.model import (
    Bank,
    Blank,
    Choice,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    Pair,
    ShortQuestion,
    SourceRef,
    TrueFalseQuestion,
)
from quiz.bank.text import PLACEHOLDER
from quiz.formats import gift_syntax, moodle
from quiz.formats.exports.gift import export_gift, question_text
from quiz.formats.imports.context import ImportContext
from quiz.formats.imports.gift import read_gift
from tests.formats.conftest import FIXTURES, HOSTILE, MOODLE, make_bank


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


def test_an_asterisk_in_a_short_answer_reaches_moodle_as_an_asterisk_and_comes_back(bank: Bank) -> None:
    short = next(q for q in bank.questions if isinstance(q, ShortQuestion))
    starred = replace(short, answers=("5*3", "a\\*b", "*"))
    text = export_gift([replace(bank, questions=(starred,))]).data.decode()
    # GIFT's \\ is one backslash, so Moodle stores 5\*3: an asterisk, where a bare * would match any text
    assert "=5\\\\*3\n" in text and "=\\\\*\n" in text
    questions, notes = read(text)
    assert questions == [starred] and notes == []


def test_moodles_wildcard_in_a_short_answer_is_dropped_with_a_note_and_an_escaped_one_is_an_asterisk() -> None:
    questions, notes = read("::colour:: Colour? {=colo*r =red =5\\*3}\n")
    assert [q.answers for q in questions] == [("red", "5*3")]
    assert "1: answer 'colo*r' dropped: its * stands for any text in Moodle, which quiz cannot match" in notes


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
    assert kinds == [ChoiceQuestion, MultiQuestion, TrueFalseQuestion, ShortQuestion, ClozeQuestion,
                     MatchQuestion, NumberQuestion, NumberQuestion, NumberQuestion, TrueFalseQuestion,
                     ShortQuestion]
    gas, primes, pacific, gold, paris, capitals, light, dice, wall, water, iron = questions
    assert gas.answer == "carbon dioxide" and gas.id == "t.photosynthesis-gas"
    assert [(c.text, c.feedback) for c in gas.choices][:2] == [
        ("carbon dioxide", "Right: CO2 is fixed into sugars."), ("oxygen", "Oxygen is released, not absorbed.")]
    assert primes.answers == ("2", "3")
    assert pacific.answer is True
    assert gold.answers == ("Au",)
    assert isinstance(paris, ClozeQuestion) and paris.passage == "The French capital is {1}, on the Seine."
    assert paris.blanks == (Blank(answers=("Paris",), choices=("Paris", "Lyon", "Marseille")),)
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
    assert any("blank line(s) inside" in n for n in notes)


def test_several_equals_answers_are_a_single_answer_question_as_moodle_reads_it() -> None:
    (question,), _ = read("Pick one. {=Merge sort =Quick sort ~Bubble sort}")
    assert isinstance(question, ChoiceQuestion)
    assert question.answer == "Merge sort"
    assert [c.credit for c in question.choices] == [0, 1.0, 0]


@pytest.mark.parametrize("text", ["{~wrong ~%50%half =full}", "{~a ~%25%b ~%50%c =d}"])
def test_partial_credit_with_an_equals_answer_is_a_choice_with_credit(text: str) -> None:
    (question,), _notes = read(f"Q? {text}")
    assert isinstance(question, ChoiceQuestion)
    credits = {c.text: c.credit for c in question.choices}
    expected = {"wrong": 0, "half": 0.5, "full": 0} if "half" in text else {"a": 0, "b": 0.25, "c": 0.5, "d": 0}
    assert credits == expected
    assert question.answer == ("full" if "half" in text else "d")


def test_symbols_and_signs_make_different_choices() -> None:
    questions, _ = read("Which? {=C++ ~C ~C\\#}\n\nWhich? {=-1 ~1 ~7}\n")
    assert [[c.text for c in q.choices] for q in questions] == [["C++", "C", "C#"], ["-1", "1", "7"]]


def test_numerical_with_wrong_answer_feedback_and_a_decimal_range() -> None:
    (first, second), notes = read("Q? {#3:2~#Completely wrong}\n\nPi? {#3.141..3.142}\n")
    assert (first.answer, first.tolerance) == (3, 2)
    assert (second.answer, second.tolerance) == (3.1415, 0.0005)
    assert any("wrong-answer feedback" in n for n in notes)


def test_forms_moodle_accepts_single_word_and_tilde_equals() -> None:
    (short, choice), _ = read("Say one. {One}\n\nHow many? {~=some ~a few}\n")
    assert isinstance(short, ShortQuestion) and short.answers == ("One",)
    assert isinstance(choice, ChoiceQuestion) and choice.answer == "some"
    assert [c.text for c in choice.choices] == ["some", "a few"]


def test_html_answers_and_feedback_follow_the_question_format() -> None:
    text = ('[html]<p>Listen <a href="https://example.org/bonjour.mp3">here</a><!-- note to self --> '
            '<img src="cat.png"></p> {=<b>Bonjour</b>#<i>Oui</i> ~Au revoir}')
    (question,), notes = read(text)
    assert question.prompt == "Listen here (https://example.org/bonjour.mp3)"
    assert [(c.text, c.feedback) for c in question.choices] == [("Bonjour", "Oui"), ("Au revoir", "")]
    assert any("cat.png left out" in n for n in notes)
    (default,), _ = read("Moodle <b>bold</b><!-- x --> ? {=<i>yes</i> ~no}")
    assert default.prompt == "Moodle bold ?" and default.answer == "yes"


def test_markdown_emphasis_and_line_breaks_come_through_as_plain_text() -> None:
    (question,), _ = read("[markdown]**Bold** and *it*\\nnext [a link](https://example.org) {T}")
    assert question.prompt == "Bold and it\nnext a link (https://example.org)"


def test_a_question_right_after_another_or_after_a_category_starts_a_new_one() -> None:
    questions, _ = read("First? {T}\nSecond? {F}\n$CATEGORY: $course$/top/Geo\nThird? {=a ~b}\n"
                        "::t4:: Fourth? {T}\n")
    assert [q.prompt for q in questions] == ["First?", "Second?", "Third?", "Fourth?"]
    assert [q.tags for q in questions] == [(), (), ("geo",), ("geo",)]


def test_a_title_line_right_after_closed_answers_starts_a_new_question_even_with_its_braces_below() -> None:
    questions, _ = read("::t1:: First? {T}\n::t2:: Second?\n{F}\n")
    assert [(q.prompt, q.answer) for q in questions] == [("First?", True), ("Second?", False)]


def test_an_unclosed_brace_is_an_error_at_its_line_and_the_next_question_is_kept() -> None:
    imported = read_gift("::t1:: What? {=a ~b\n\n::t2:: Next {=x ~y}\n", ImportContext("test.gift", "t", "t"))
    assert [(e.line, e.message) for e in imported.errors] == [(1, "test.gift, line 1: Could not find a }")]
    assert [q.prompt for q in imported.questions] == ["Next"]


@pytest.mark.parametrize("text", [
    "::s:: Q {=a {b} ~c}\n",
    "::s:: Q {{=a ~b}}\n",
    "::s:: Q {=a {b}\n~c}\n",
    "::s:: Q {=a {b}\n~c}\n\n",
])
def test_a_brace_opened_inside_the_answers_is_an_error_and_the_next_question_is_kept(text: str) -> None:
    imported = read_gift(text + "::t2:: Next {=x ~y}\n", ImportContext("test.gift", "t", "t"))
    assert [(e.line, e.message) for e in imported.errors] == [(1, "test.gift, line 1: a { inside a question's answers")]
    assert [q.prompt for q in imported.questions] == ["Next"]


def test_categories_in_any_script_become_distinct_tags() -> None:
    questions, notes = read("$CATEGORY: $course$/top/ГЛОССАРИЙ\n\nQ1? {T}\n\n$CATEGORY: Gjeografi\n\nQ2? {T}\n\n"
                            "$CATEGORY: gjeografi\n\nQ3? {T}\n\n$CATEGORY: हिन्दी - বাংলা_x\n\nQ4? {T}\n")
    assert [q.tags for q in questions] == [("глоссарий",), ("gjeografi",), ("gjeografi-2",), ("हिन्दी-বাংলা-x",)]
    assert any("gjeografi-2" in n for n in notes)


def test_two_category_paths_ending_alike_stay_two_tags() -> None:
    questions, notes = read("$CATEGORY: $course$/top/Maths/Algebra\n\nQ1? {T}\n\n"
                            "$CATEGORY: $course$/top/Physics/Algebra\n\nQ2? {T}\n\n"
                            "$CATEGORY: $course$/top/Maths/Algebra\n\nQ3? {T}\n")
    assert [q.tags for q in questions] == [("algebra",), ("algebra-2",), ("algebra",)]
    assert [n.split(": ", 1)[1] for n in notes if "algebra-2" in n] == [
        "category '$course$/top/Physics/Algebra' would give the tag 'algebra' of '$course$/top/Maths/Algebra': "
        "tagged 'algebra-2'"]


def test_format_prefixes_arrows_and_weights_round_trip_exactly() -> None:
    questions = [
        ShortQuestion(id="t.pct", prompt="[markdown]**Bold**", answers=("%50%half", "[html]x"),
                      explanation="[html]<b>kept</b>", source=(SourceRef(source="t"),), tags=("t",)),
        MatchQuestion(id="t.arrow", prompt="M", pairs=(Pair(left="a -> b", right="c -> d"), Pair(left="<e>", right="f"),
                                                      Pair(left="g", right="[plain]h")),
                      explanation="E", source=(SourceRef(source="t"),), tags=("t",)),
        ChoiceQuestion(id="t.choice", prompt="P", choices=(Choice(text="%50%x", credit=0.5), Choice(text="=y"),
                                                           Choice(text="%20%z")),
                       answer="%20%z", explanation="E", source=(SourceRef(source="t"),), tags=("t",)),
    ]
    back, notes = read("\n\n".join(question_text(q) for q in questions) + "\n")
    assert back == questions, notes


@pytest.mark.parametrize(("text", "line", "message"), [
    ("Fine? {T}\n\nBroken on\ntwo lines {=a ~b\n", 4, "Could not find a }"),
    ("\n\nNo open } here", 3, "Could not find a {"),
    ("Q {#abc}", 1, "not a number"),
    ("Q {~a ~b}", 1, "no right answer"),
    ("Q {=%50%a}\n", 1, "no accepted answer"),
    ('// quiz: {"a": [1]\nQ {T}', 1, "not valid JSON"),
    ("// quiz: " + "[" * 100000 + "]" * 100000 + "\nQ {T}", 1, "longer than"),
    ('// quiz-bank: {"id": "x", "title": "t", "notes": [1]}\nWhat? {=a ~b}\n', 1, "does not describe a bank"),
])
def test_errors_name_the_line_and_the_good_questions_are_kept(text: str, line: int, message: str) -> None:
    imported = read_gift(f"Good? {{T}}\n\n{text}", ImportContext("test.gift", "t", "t"))
    (error,) = imported.errors
    assert error.line == line + 2
    assert message in error.message
    assert f"test.gift, line {line + 2}:" in error.message
    assert [q.prompt for q in imported.questions][:1] == ["Good?"]


def test_every_malformed_question_is_reported_in_one_run() -> None:
    text = "".join(f"Q{n} {{#x{n}}}\n\n" for n in range(300)) + "Fine? {T}\n"
    imported = read_gift(text, ImportContext("test.gift", "t", "t"))
    assert imported.error_count == 300 and len(imported.errors) == 200
    assert [e.line for e in imported.errors[:3]] == [1, 3, 5]
    assert len(imported.questions) == 1


def test_file_without_questions_is_an_error() -> None:
    imported = read_gift("// only a comment\n\n", ImportContext("test.gift", "t", "t"))
    assert "No valid question found" in imported.errors[0].message


def test_gift_reading_is_linear_in_time() -> None:
    import time

    def cost(n: int) -> float:
        text = "Q {" + "~x " * n + "\n" + "\n" * (n // 10) + "=y}\n"
        started = time.perf_counter()
        read_gift(text, ImportContext("test.gift", "t", "t"))
        return time.perf_counter() - started

    small, large = cost(4000), cost(40000)
    assert large < 2.0 and large < 25 * max(small, 0.002)


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


def _moodle_gift(name: str) -> str:
    path = MOODLE / "gift" / name
    if not path.exists():
        pytest.skip(f"Moodle's fixtures are not at {MOODLE} (they stay outside the project: GPL)")
    return path.read_text(encoding="utf-8")


def test_moodles_gift_fixture_imports_what_moodle_imports_minus_the_essay() -> None:
    questions, notes = read(_moodle_gift("questions.gift.txt"))
    kinds = [type(q).__name__ for q in questions]
    assert kinds == ["MatchQuestion", "ChoiceQuestion", "MultiQuestion", "NumberQuestion", "ShortQuestion",
                     "TrueFalseQuestion", "TrueFalseQuestion", "TrueFalseQuestion"]
    match, single, multi, number, short, tf, t1, t2 = questions
    assert [p.right for p in match.pairs] == ["Forum", "Choice", "Database", "Wiki"]
    assert [(c.text, c.feedback) for c in single.choices] == [
        ("yellow", "right; good!"), ("red", "wrong, it's yellow"), ("blue", "wrong, it's yellow")]
    assert single.answer == "yellow" and multi.answers == ("yellow", "off-beige")
    assert (number.answer, number.tolerance) == (3, 2)
    assert short.answers == ("Frog",)
    assert tf.answer is False and tf.explanation == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    assert t1.answer is True and t2.answer is True
    text = "\n".join(notes)
    assert "2: essay question skipped" in text and "extra matching answer 'Chat' dropped" in text
    assert "answer 'Cat' dropped" in text


def test_moodles_gift_category_fixture_tags_its_questions_and_keeps_the_link() -> None:
    questions, _ = read(_moodle_gift("questions_in_category.gift.txt"))
    assert len(questions) == 4 and {q.tags for q in questions} == {("default-for-new-features",)}
    greeting = questions[1]
    assert greeting.prompt.startswith("Listen to this greeting: (http://demo.moodle.net/file.php/5/media/bonjour.mp3)")
    assert greeting.answer == "French"
    assert questions[3].prompt == ("Moodle is an acronym for Modular Object-Oriented Dynamic Learning "
                                   "Environment.")


def test_moodles_gift_examples_all_import() -> None:
    imported = read_gift(_moodle_gift("examples.txt"), ImportContext("examples.txt", "t", "t"))
    assert imported.errors == () and len(imported.questions) == 43
    difficult = next(q for q in imported.questions if q.prompt == "Difficult question.")
    assert [c.credit for c in difficult.choices] == [0, 0.5, 0]


def test_a_weight_moodle_does_not_allow_is_an_error_at_its_line_and_the_next_question_imports() -> None:
    imported = read_gift("::a:: Q? {~%33%a ~%50%b =c}\n\n::b:: R? {~%33.33333%x =y}\n\n::c:: S? {=yes =%50%half}\n",
                         ImportContext("t.gift", "t", "t"))
    assert [(e.line, e.message) for e in imported.errors] == [
        (1, "t.gift, line 1: answer weight %33% is not one Moodle allows")]
    assert [q.id for q in imported.questions] == ["t.b", "t.c"]


@pytest.mark.parametrize(("text", "kept"), [
    ("a  b", False), (" a", False), ("a ", False), ("a\tb", False), ("a \nb", False), ("a\n b", False),
    ("a\n\nb", True), ("a b", True), ("a\nb", True),
])
def test_spacing_the_gift_round_trip_loses_is_reported_and_only_that(text: str, kept: bool) -> None:
    question = ChoiceQuestion(id="q.1", prompt=text, explanation="E" + text, source=(SourceRef(source="report"),),
                              tags=("x",), choices=(Choice(text="c" + text), Choice(text="d")), answer="c" + text)
    exported = export_gift([make_bank(question)])
    (back,) = read_gift(exported.data.decode(), ImportContext("x", "q", "q")).questions
    assert (back == question) is kept
    assert any(loss.field == "text" and loss.fails_check for loss in exported.losses) is not kept


def test_credit_off_moodles_grades_is_exported_rounded_and_listed_and_imports_back() -> None:
    question = ChoiceQuestion(id="q.1", prompt="P?", explanation="E", source=(SourceRef(source="report"),),
                              tags=("x",), choices=(Choice(text="a"), Choice(text="b", credit=0.35), Choice(text="c")),
                              answer="a")
    exported = export_gift([make_bank(question)])
    assert "~%33.33333%b" in exported.data.decode()
    assert [x.field for x in exported.losses if x.fails_check] == ["credit"]
    (back,) = read_gift(exported.data.decode(), ImportContext("x", "q", "q")).questions
    assert isinstance(back, ChoiceQuestion) and back.choices[1].credit == pytest.approx(1 / 3)


def test_a_final_line_end_and_a_cloze_prompt_are_not_spacing_losses() -> None:
    question = ChoiceQuestion(id="q.1", prompt="P?", explanation="Block text.\n", source=(SourceRef(source="report"),),
                              tags=("x",), choices=(Choice(text="a"), Choice(text="b")), answer="a")
    assert not [x for x in export_gift([make_bank(question)]).losses if x.fails_check]


def test_a_weight_that_is_no_number_is_an_error_not_a_crash() -> None:
    imported = read_gift("::q:: Pick {=a ~%--50%b ~c}\n", ImportContext("t.gift", "t", "t"))
    assert [e.message for e in imported.errors] == ["t.gift, line 1: answer weight %--50% is not a number"]


@pytest.mark.parametrize(("meta", "difficulty", "hint"), [
    ('{"difficulty": 2, "hint": "Look north."}', 2, "Look north."),
    ('{"difficulty": true, "hint": 7}', None, "7"),
    ('{"difficulty": 4, "lint": {"allow": ["no-such-rule"], "because": "x"}}', None, ""),
])
def test_quiz_comment_fields_of_the_wrong_kind_are_left_out(meta: str, difficulty: int | None, hint: str) -> None:
    imported = read_gift(f"// quiz: {meta}\nDid it happen? {{T}}\n", ImportContext("test.gift", "t", "t"))
    (question,) = imported.questions
    assert (question.difficulty, question.hint, question.lint) == (difficulty, hint, None)
