"""Scores, durations, verdicts and prose as the screens word them."""

from __future__ import annotations

import time

import pytest

from quiz.study.wording import clock_time, day_and_time, format_score, format_seconds, reflow, short_time, verdict_words


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


def test_store_timestamps_read_in_local_time_and_other_text_is_shown_as_it_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")  # Central European time, without tzdata
    time.tzset()
    try:
        stamp = "2026-03-01T09:05:00.000+00:00"
        assert (short_time(stamp), clock_time(stamp), day_and_time(stamp)) == (
            "2026-03-01 10:05",
            "10:05",
            "1 Mar 10:05",
        )
        assert (short_time("not a time at all"), day_and_time("not a time at all")) == ("not a time at al",) * 2
        assert (short_time(None), day_and_time("")) == ("", "")
    finally:
        monkeypatch.undo()
        time.tzset()
