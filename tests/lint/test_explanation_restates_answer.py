"""explanation-restates-answer: an explanation with nothing beyond prompt and answer."""

from __future__ import annotations

import pytest

from tests.lint.conftest import choice, flaws


@pytest.mark.parametrize("explanation", ["KFOR did.", "It was KFOR, the force.", "The answer is KFOR."])
def test_restating_the_answer_is_flagged_at_the_explanation(explanation: str) -> None:
    [problem] = flaws("explanation-restates-answer",
                      choice("Which force entered Kosovo?", ["KFOR", "UNMIK"], "KFOR", explanation=explanation))
    assert problem.line == 18


def test_an_explanation_with_a_reason_passes() -> None:
    assert flaws("explanation-restates-answer", choice(
        "Which force entered Kosovo?", ["KFOR", "UNMIK"], "KFOR",
        explanation="The NATO-led force crossed from Macedonia on 12 June; UNMIK was civilian.")) == []


def test_truefalse_that_only_says_true_is_flagged() -> None:
    question = ("- id: t1\n  type: truefalse\n  prompt: KFOR entered Kosovo in June 1999.\n  answer: true\n"
                "  explanation: True, KFOR entered Kosovo in June 1999.\n  source: report\n")
    assert [p.code for p in flaws("explanation-restates-answer", question)] == ["explanation-restates-answer"]
