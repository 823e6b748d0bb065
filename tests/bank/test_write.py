"""The bank writer (quiz import's output): any text reads back as itself, through quiz's loader and
through PyYAML, plain only where both read it as that text; a bank that meets its constraints reads back
as the same bank."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from quiz.bank.answers import normalise
from quiz.bank.constraints import meets_constraints
from quiz.bank.controls import is_refused
from quiz.bank.load import read_bank_text
from quiz.bank.model import (
    Bank,
    Blank,
    Choice,
    ChoiceQuestion,
    ClozeQuestion,
    LintAllowance,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Pair,
    ShortQuestion,
    SourceRef,
    TrueFalseQuestion,
)
from quiz.bank.problems import has_errors
from quiz.bank.validate import check_bank
from quiz.bank.write import scalar
from quiz.bank.write import write_bank as write_yaml
from tests.formats.conftest import common, make_bank

REFUSED = "".join(c for c in map(chr, range(0x2070)) if is_refused(c))
"""Every character controls.py refuses (the last refused code point is U+2069)."""
LINE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters=REFUSED), max_size=25)
"""Any text a bank may hold: multi-line, blank, padded with spaces, YAML's and GIFT's syntax."""
PROMPT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters=REFUSED),
                 min_size=1, max_size=40).filter(lambda t: t.strip() != "")
"""Text a prompt can be: not blank."""


def _written(text: str) -> str:
    question = ShortQuestion(**common("demo.q", prompt=text, hint=text), answers=(text,))
    return write_yaml(make_bank(question), "test", "none", {}).text


@settings(max_examples=400, deadline=None)
@given(PROMPT)
def test_any_text_reads_back_as_itself_through_the_loader_and_pyyaml(text: str) -> None:
    written = _written(text)
    bank, problems = read_bank_text(written, "demo.yaml")
    assert bank is not None, problems
    (question,) = bank.questions
    assert (question.prompt, question.hint) == (text, text)
    assert isinstance(question, ShortQuestion) and question.answers == (text,)
    (plain,) = yaml.safe_load(written)["questions"]
    assert (plain["prompt"], plain["hint"], plain["answers"]) == (text, text, [text])


@pytest.mark.parametrize("text", ["1e5", "-1", "+.5", "0x1F", "0o17", ".inf", "~", "null", "True", "no", "Yes",
                                  "1:20", "2023-09-24", "=", "<<", "a: b", "a #b", "end:", "'quoted'", "- item",
                                  "[citation needed]", "x: \u2028y", "a\u2028b", "tab\tinside", "trailing "])
def test_text_yaml_reads_otherwise_is_quoted(text: str) -> None:
    assert scalar(text).startswith('"')
    assert f"prompt: {scalar(text)}\n" in _written(text)


@pytest.mark.parametrize("text", ["Which town?", "Leposavić", "report#p6", "https://example.org/a:b", "C++",
                                  "UNMIK; KFOR (1999)", "it's 100% \"true\"", "1999 was the year", "yEs"])
def test_text_that_reads_back_as_itself_is_plain(text: str) -> None:
    assert scalar(text) == text


TEXT = st.builds(lambda before, letter, after: before + letter + after, LINE, st.characters(categories=("L", "N")),
                 LINE)
"""Text with a letter or digit somewhere, as a prompt or an answer needs."""
WORD = st.text(st.characters(categories=("Ll", "Nd")), min_size=1, max_size=8)
ID = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True)
NUMBER = st.one_of(st.integers(-10**6, 10**6), st.floats(-1e9, 1e9, allow_nan=False), st.floats(1e-9, 1e-3))
REFS = st.lists(st.builds(SourceRef, source=st.just("report"), paragraph=st.none() | st.integers(1, 10**6)),
                min_size=1, max_size=3).map(tuple)


def _distinct(low: int, high: int) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(TEXT, min_size=low, max_size=high, unique_by=normalise).map(tuple)


@st.composite
def banks(draw: st.DrawFn) -> Bank:
    """A bank of one question of each type with text of every kind; a few break a rule (two choices
    the same but for case, a tag not in NFC...)."""
    def shared(index: int) -> dict[str, object]:
        return {"id": f"{draw(ID)}{index}", "prompt": draw(TEXT), "explanation": draw(TEXT), "source": draw(REFS),
                "tags": tuple(draw(st.lists(WORD, max_size=3, unique=True))), "hint": draw(LINE),
                "difficulty": draw(st.none() | st.integers(1, 3))}
    texts = draw(_distinct(2, 8))
    choices = tuple(Choice(text=t, feedback=draw(LINE)) for t in texts)
    credited = tuple(Choice(text=c.text, feedback=c.feedback, credit=draw(st.sampled_from((0, 0.5, 0.25))))
                     for c in choices)
    questions = (
        ChoiceQuestion(**shared(1), choices=(Choice(text=texts[0]), *credited[1:]), answer=texts[0]),
        MultiQuestion(**shared(2), choices=choices, answers=texts[: draw(st.integers(1, len(texts)))]),
        TrueFalseQuestion(**shared(3), answer=draw(st.booleans())),
        ShortQuestion(**shared(4), answers=draw(_distinct(1, 3)), typos=draw(st.booleans())),
        OrderQuestion(**shared(5), items=draw(_distinct(3, 5))),
        MatchQuestion(**shared(6), pairs=tuple(Pair(left=a, right=b) for a, b in zip(
            draw(_distinct(3, 4)), draw(_distinct(4, 4)), strict=False))),
        NumberQuestion(**shared(7), answer=draw(NUMBER), tolerance=abs(draw(NUMBER)), unit=draw(LINE)),
        ClozeQuestion(**shared(8), passage=f"{draw(LINE)}{{1}}{draw(LINE)}{{2}}",
                      blanks=(Blank(answers=draw(_distinct(1, 2))), Blank(answers=texts[:1], choices=texts))),
    )
    lint = LintAllowance(allow=("vague-terms",), because=draw(TEXT)) if draw(st.booleans()) else None
    questions = (replace(questions[0], lint=lint), *questions[1:])
    return replace(make_bank(*questions), title=draw(TEXT), description=draw(TEXT))


@settings(max_examples=100, deadline=None)
@given(banks())
def test_a_bank_that_meets_its_constraints_reads_back_as_the_same_bank(bank: Bank) -> None:
    """What lets quiz import skip reading its own output back: when the objects it built meet every
    constraint and pass the validator, the written text loads as those very objects, without errors."""
    surely_valid = meets_constraints(bank) and not has_errors(check_bank(bank))
    event("meets its constraints" if surely_valid else "does not")
    written = write_yaml(bank, "test", "none", {}).text
    read, problems = read_bank_text(written, "demo.yaml")
    if surely_valid:
        assert not has_errors(problems), problems
        assert read == bank
        assert read is not None and not has_errors(check_bank(read))


def test_a_comma_or_bracket_in_a_flow_list_item_is_quoted_so_the_item_reads_back_whole() -> None:
    """Tags are written as ``[a, b]``, where a plain ``,`` or ``]`` would split or end the list."""
    question = TrueFalseQuestion(id="q1", prompt="P?", explanation="E.", source=(SourceRef(source="report"),),
                                 tags=("a,b", "x]", "{y}", "plain"), answer=True)
    _, problems = read_bank_text(write_yaml(make_bank(question), "test", "none", {}).text, "demo.yaml")
    assert [p.message.split(" may ")[0] for p in problems] == [
        "question 'q1': tags[0] 'a,b'", "question 'q1': tags[1] 'x]'", "question 'q1': tags[2] '{y}'"]
