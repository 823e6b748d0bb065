"""The last step before the terminal: no character from a bank, a database or a file name acts on it.

Every line Textual draws passes through the app's line filters, so this one place covers every screen,
now and later, whatever widget shows the text.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from quiz.bank.controls import removed


class RefusedCharacters(LineFilter):
    """Leave out the characters quiz.bank.controls refuses (escape sequences, direction overrides)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment if segment.control else Segment(removed(segment.text), segment.style)
            for segment in segments
        ]
