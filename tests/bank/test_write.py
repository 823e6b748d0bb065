"""The bank writer (quiz import's output): any text reads back as itself, through quiz's loader and
through PyYAML, and is written plain only where both read it as that text."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.controls import first_refused
from quiz.bank.load import read_bank_text
from quiz.bank.model import ShortQuestion
from quiz.bank.write import scalar
from quiz.bank.write import write_bank as write_yaml
from tests.formats.conftest import common, make_bank

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda t: t.strip() != "" and first_refused(t) is None)
"""Text a bank can hold: `quiz validate` refuses control characters other than newline and tab."""


def _written(text: str) -> str:
    question = ShortQuestion(**common("demo.q", prompt=text, hint=text), answers=(text,))
    return write_yaml(make_bank(question), "test", "none", {}).text


@settings(max_examples=400, deadline=None)
@given(TEXT)
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
