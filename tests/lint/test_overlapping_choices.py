"""overlapping-choices: combined choices and overlapping ranges."""

from __future__ import annotations

from tests.lint.conftest import choice, flaws


def test_choice_joining_two_others_is_flagged() -> None:
    [problem] = flaws("overlapping-choices", choice("Who?", ["UNMIK", "KFOR", "Both UNMIK and KFOR"], "UNMIK"))
    assert "combines two other choices" in problem.message and problem.line == 17


def test_choice_naming_others_by_letter_is_flagged() -> None:
    [problem] = flaws("overlapping-choices", choice("Who?", ["UNMIK", "KFOR", "A and B"], "A and B"))
    assert "by letter" in problem.message


def test_overlapping_ranges_and_a_number_inside_a_range_are_flagged() -> None:
    problems = flaws("overlapping-choices", choice("How many?", ["100-500", "400-900", "950"], "950"))
    assert len(problems) == 1 and "'100-500' and '400-900' overlap" in problems[0].message
    assert len(flaws("overlapping-choices", choice("How many?", ["100-500", "450", "950"], "950"))) == 1


def test_separate_ranges_and_names_with_and_pass() -> None:
    assert flaws("overlapping-choices", choice("How many?", ["100-300", "400-600", "700"], "700")) == []
    assert flaws("overlapping-choices", choice(
        "Which state?", ["Serbia and Montenegro", "Croatia", "Bosnia and Herzegovina"], "Serbia and Montenegro")) == []
