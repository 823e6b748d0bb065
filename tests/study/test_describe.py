"""The wording every screen shares: scores, times, verdicts, answers and reflowed prose."""

from __future__ import annotations

from quiz.study.describe import describe_response, format_score, format_seconds, reflow, verdict_words
from tests.support.banks import every_type


def test_verdicts_are_words_and_symbols() -> None:
    assert verdict_words(1.0) == "✓ Right"
    assert verdict_words(0.0) == "✗ Wrong"
    assert verdict_words(2 / 3) == "◐ Partly right 0.67"


def test_scores_and_times_read_naturally() -> None:
    assert [format_score(v) for v in (3.0, 2.5, 6.666666)] == ["3", "2.5", "6.67"]
    assert [format_seconds(v) for v in (4.4, 65, 600)] == ["4 s", "1 min 05 s", "10 min 00 s"]


def test_answers_are_written_out_per_type() -> None:
    choice, multi, tf, _short, _order, match, number = every_type()
    assert describe_response(tf, False) == "False"
    assert describe_response(multi, ("2", "4")) == "1. 2\n2. 4"
    assert describe_response(match, {"Ana": "Pilot"}) == "Ana → Pilot"
    assert describe_response(number, 8.0) == "8"
    assert describe_response(choice, None) == "(not answered)"


def test_reflow_joins_lines_but_keeps_paragraphs_lists_and_text() -> None:
    text = "A first line\nwrapped here [citation needed].\n\n- one\n- two\ncontinued\n\nLast \\ line."
    assert reflow(text) == "A first line wrapped here [citation needed].\n\n- one\n- two continued\n\nLast \\ line."
