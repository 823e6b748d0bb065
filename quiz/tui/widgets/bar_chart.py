"""A bar chart drawn with block characters on a fixed, labelled scale: readable without colour.

The scale always starts at 0 and ends at a round number at or above the largest value (5, 10, 25,
50, 100, 250, ...), printed at the top of the axis, so two charts are read the same way and a small day
never looks like a big one. A zero is drawn as ``·`` on the base line, so it is seen, not guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

EIGHTHS = " ▁▂▃▄▅▆▇█"
ZERO = "·"


def scale_top(largest: int) -> int:
    """The round number the scale ends at: 5, 10, 25, 50, 100, 250, 500, ... (at least 5)."""
    top = 5
    steps = (2, 2.5, 2)
    step = 0
    while top < largest:
        top = int(top * steps[step % 3])
        step += 1
    return top


def bar_lines(values: Sequence[int], height: int, bar_width: int = 1, gap: int = 1) -> list[str]:
    """The chart's rows, top first, with the scale on the left: ``"20 ┤"`` at the top, ``" 0 ┤"`` below."""
    top = scale_top(max(values, default=0))
    label_width = len(str(top))
    lines = []
    for row in range(height - 1, -1, -1):
        cells = []
        for value in values:
            eighths = round(8 * height * value / top)
            filled = min(8, max(0, eighths - 8 * row))
            char = EIGHTHS[filled]
            if value and row == 0 and filled == 0:
                char = EIGHTHS[1]  # a value too small to draw still shows above zero
            if not value and row == 0:
                char = ZERO
            cells.append(char.ljust(bar_width) if char == ZERO else char * bar_width)
        label = str(top) if row == height - 1 else "0" if row == 0 else ""
        axis = "┤" if label else "│"
        lines.append(f"{label:>{label_width}} {axis}" + (" " * gap).join(cells).rstrip())
    return lines


def axis_line(left: str, right: str, values: int, label_width: int, bar_width: int = 1, gap: int = 1) -> str:
    """The labels under the bars: one under the first bar, one ending under the last."""
    width = values * bar_width + (values - 1) * gap
    inner = max(1, width - len(left) - len(right))
    return " " * (label_width + 2) + left + " " * inner + right


class BarChart(Static):
    """A titled chart: the caption, the bars and the labels under the first and last bar."""

    def __init__(
        self,
        caption: str,
        values: Sequence[int],
        *,
        height: int,
        first_label: str,
        last_label: str,
        bar_width: int = 1,
        gap: int = 1,
        id: str | None = None,
    ) -> None:
        lines = bar_lines(values, height, bar_width, gap)
        label_width = len(str(scale_top(max(values, default=0))))
        lines.append(axis_line(first_label, last_label, len(values), label_width, bar_width, gap))
        super().__init__(Content(caption + "\n" + "\n".join(lines)), id=id, classes="chart")
