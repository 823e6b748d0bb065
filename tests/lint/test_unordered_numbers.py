"""unordered-numbers: numeric or date choices out of order."""

from __future__ import annotations

import pytest

from tests.lint.conftest import choice, flaws


@pytest.mark.parametrize("choices", [["2008", "1989", "1999"], ["about 13,000", "1,500", "200,000"],
                                     ["24 March 1999", "10 June 1999", "23 March 1999"],
                                     ["1999-06-10", "1999-03-24", "2000-01-01"]])
def test_out_of_order_is_flagged_at_the_choices(choices: list[str]) -> None:
    [problem] = flaws("unordered-numbers", choice("When?", choices, choices[1]))
    assert (problem.line, problem.col) == (15, 7)


@pytest.mark.parametrize("choices", [["1989", "1999", "2008"], ["200,000", "13,000", "1,500"],
                                     ["10,000-12,000", "13,000-20,000", "1.5 million"],
                                     ["March 1999", "June 1999", "January 2000"]])
def test_ascending_or_descending_passes(choices: list[str]) -> None:
    assert flaws("unordered-numbers", choice("When?", choices, choices[1])) == []


def test_choices_that_are_more_than_numbers_pass() -> None:
    assert flaws("unordered-numbers", choice("When?", ["After 2008", "In 1999", "Before 1989"], "In 1999")) == []


def test_two_choices_have_no_order_to_lose() -> None:
    assert flaws("unordered-numbers", choice("When?", ["2008", "1999"], "1999")) == []
