"""vague-terms: frequency words in choices."""

from __future__ import annotations

from tests.lint.conftest import choice, flaws


def test_vague_word_in_any_choice_is_flagged_at_it() -> None:
    problems = flaws("vague-terms", choice("What did they do?", ["They often boycotted", "They voted", "Usually not"],
                                           "They voted"))
    assert [p.line for p in problems] == [15, 17]


def test_precise_choices_pass() -> None:
    assert flaws("vague-terms", choice("What did they do?", ["They boycotted in 2023", "They voted"],
                                       "They voted")) == []
