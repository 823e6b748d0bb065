"""all-or-none-of-the-above: choices that point at the other (shuffled) choices."""

from __future__ import annotations

import pytest

from tests.lint.conftest import choice, flaws


@pytest.mark.parametrize("text", ["All of the above", "None of the above.", "both of these", "Neither of them"])
def test_such_a_choice_is_flagged(text: str) -> None:
    [problem] = flaws("all-or-none-of-the-above", choice("Which bodies?", ["UNMIK", "KFOR", text], text))
    assert text in problem.message and problem.code == "all-or-none-of-the-above"


def test_a_choice_that_only_mentions_all_passes() -> None:
    text = "All four northern municipalities"
    assert flaws("all-or-none-of-the-above", choice("Where?", ["Only Zvečan", "Only Leposavić", text], text)) == []
