"""What every answer widget offers the question screen: the response so far, or why it is incomplete."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.bank.answers import Response

MAX_OPTIONS = 8


class Incomplete(Exception):
    """The learner pressed Enter before answering; the message says what is missing."""


class Unconfirmed(Exception):
    """The answer on screen is what the question started with; submit it only when the learner says so."""


def number_bindings(action: str, description: str) -> list[BindingType]:
    """Keys 1-8 calling ``action(index)``, hidden from the footer (the help screen lists them as 1-8)."""
    return [Binding(str(n), f"{action}({n - 1})", description, show=False) for n in range(1, MAX_OPTIONS + 1)]


class AnswerList(OptionList):
    """An option list whose rows are plain text (never markup) redrawn from the widget's state."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.submit", "Submit"),  # not OptionList's select: Enter submits the answer
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id, classes="answer")

    def on_mount(self) -> None:
        self.refresh_rows()
        self.highlighted = 0

    def row_texts(self) -> Sequence[Content]:
        raise NotImplementedError

    def refresh_rows(self) -> None:
        """Rebuild every row from the current state, keeping the highlight where it was."""
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Option(text) for text in self.row_texts()])
        if highlighted is not None:
            self.highlighted = highlighted

    def response(self) -> Response:
        """The answer so far; raises Incomplete when there is nothing to submit yet."""
        raise NotImplementedError


def numbered(number: int, marker: str, text: str) -> Content:
    """``1. (•) text`` with the bank text kept as plain content."""
    return Content(f"{number}. {marker} ").append(Content(text))
