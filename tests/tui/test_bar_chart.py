"""The bar chart's scale is fixed and labelled, and every value, zero included, is drawn without colour."""

from __future__ import annotations

from quiz.tui.widgets.bar_chart import bar_lines, scale_top


def test_the_scale_ends_at_a_round_number_at_or_above_the_largest_value() -> None:
    assert [scale_top(value) for value in (0, 5, 6, 10, 11, 26, 51, 101)] == [5, 5, 10, 10, 25, 50, 100, 250]


def test_bars_are_drawn_to_the_same_scale_and_zero_is_a_dot() -> None:
    assert bar_lines([0, 1, 5, 10], height=2) == [
        "10 ┤      █",
        " 0 ┤· ▂ █ █",
    ]


def test_a_value_too_small_to_draw_still_shows_above_zero() -> None:
    assert bar_lines([1, 0, 250], height=1) == ["250 ┤▁ · █"]
