"""absolute-in-distractor: always/never/all/none only in wrong choices."""

from __future__ import annotations

from tests.lint.conftest import choice, flaws


def test_absolute_only_in_a_distractor_is_flagged_at_it() -> None:
    problems = flaws("absolute-in-distractor", choice(
        "How did KFOR change?", ["It shrank", "It always stayed the same", "None of its troops left"], "It shrank"))
    assert [(p.line, p.message.split("says ")[1].split()[0]) for p in problems] == [(16, "'always',"), (17, "'none',")]


def test_absolute_in_the_key_too_passes() -> None:
    assert flaws("absolute-in-distractor", choice(
        "How did KFOR change?", ["All of its units stayed", "It never changed", "It shrank"],
        "All of its units stayed")) == []


def test_no_absolutes_passes() -> None:
    assert flaws("absolute-in-distractor", choice("Who?", ["KFOR", "UNMIK", "EULEX"], "KFOR")) == []


def test_a_word_containing_an_absolute_passes() -> None:
    assert flaws("absolute-in-distractor", choice("Who?", ["The allies", "Nevertheless KFOR", "UNMIK"], "UNMIK")) == []
