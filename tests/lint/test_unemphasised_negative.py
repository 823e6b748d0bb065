"""unemphasised-negative: not, except, never in a choice prompt, unless written in capitals."""

from __future__ import annotations

import pytest

from tests.lint.conftest import choice, flaws

CHOICES = ["Prizren", "Zvečan", "Leposavić"]


@pytest.mark.parametrize("prompt", ["Which town is not in the north?", "All are northern except which?",
                                    "Which town was never part of the north?", "Which town isn't in the north?",
                                    "Not in the north: which town?"])
def test_lowercase_negative_is_flagged_at_the_prompt(prompt: str) -> None:
    [problem] = flaws("unemphasised-negative", choice(prompt, CHOICES, "Prizren"))
    assert problem.line == 13 and problem.code == "unemphasised-negative"


@pytest.mark.parametrize("prompt", ["Which town is NOT in the north?", "All are northern EXCEPT which?",
                                    "Which town is in the south?", "Which notable town is in the south?",
                                    "By what vote did the court find that it did not violate the law?",
                                    'The report says "at least one" officer died. Why that wording?',
                                    "Which town had at least one polling station?"])
def test_emphasised_or_positive_prompts_pass(prompt: str) -> None:
    assert flaws("unemphasised-negative", choice(prompt, CHOICES, "Prizren")) == []


def test_truefalse_statements_may_be_negative() -> None:
    question = """\
    - id: tf
      type: truefalse
      prompt: The report did not name the attackers.
      answer: true
      explanation: It said only that a group of armed men had attacked.
      source: report
    """
    assert flaws("unemphasised-negative", question) == []
