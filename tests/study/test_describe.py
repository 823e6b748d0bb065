"""Answers written out for reading, per question type."""

from __future__ import annotations

from quiz.study.describe import describe_response
from tests.support.banks import every_type


def test_answers_are_written_out_per_type() -> None:
    choice, multi, tf, _short, _order, match, number = every_type()
    assert describe_response(tf, False) == "False"
    assert describe_response(multi, ("2", "4")) == "1. 2\n2. 4"
    assert describe_response(match, {"Ana": "Pilot"}) == "Ana → Pilot"
    assert describe_response(number, 8.0) == "8"
    assert describe_response(choice, None) == "(not answered)"


