"""Scores, durations, verdicts and prose as the screens word them."""

from __future__ import annotations

from quiz.study.wording import format_score, format_seconds, reflow, verdict_words


def test_verdicts_are_words_and_symbols() -> None:
    assert verdict_words(1.0) == "✓ Right"
    assert verdict_words(0.0) == "✗ Wrong"
    assert verdict_words(2 / 3) == "◐ Partly right 0.67"


def test_scores_and_times_read_naturally() -> None:
    assert [format_score(v) for v in (3.0, 2.5, 6.666666)] == ["3", "2.5", "6.67"]
    assert [format_seconds(v) for v in (4.4, 65, 600)] == ["4 s", "1 min 05 s", "10 min 00 s"]


def test_reflow_joins_lines_but_keeps_paragraphs_lists_and_text() -> None:
    text = "A first line\nwrapped here [citation needed].\n\n- one\n- two\ncontinued\n\nLast \\ line."
    assert reflow(text) == "A first line wrapped here [citation needed].\n\n- one\n- two continued\n\nLast \\ line."
