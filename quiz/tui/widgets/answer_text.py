"""short and number: a typed answer; Enter submits."""

from __future__ import annotations

from textual.widgets import Input

from quiz.bank.answers import Response
from quiz.study.typed_number import NotANumber, read_number
from quiz.tui.widgets.answer_base import Incomplete


class ShortAnswer(Input):
    """A typed answer, compared ignoring case, accents, punctuation and spacing."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Type your answer, then Enter", id=id, classes="answer")

    def response(self) -> Response:
        if not self.value.strip():
            raise Incomplete("Type an answer first.")
        return self.value


class NumberAnswer(Input):
    """A number as people write it (``1,974``, ``1 974``, ``3,14``, ``70 days``); how it reads is shown as typed."""

    def __init__(self, unit: str = "", *, id: str | None = None) -> None:
        placeholder = f"Type a number ({unit}), then Enter" if unit else "Type a number, then Enter"
        super().__init__(placeholder=placeholder, max_length=40, id=id, classes="answer")
        self.unit = unit

    def reading(self) -> str:
        """``read as 1974 days`` while the text is a number, else why it is not (nothing while empty)."""
        if not self.value.strip():
            return ""
        try:
            number = read_number(self.value, self.unit).value
        except NotANumber as error:
            return str(error)
        return f"read as {number} {self.unit}".strip()

    def response(self) -> Response:
        try:
            return read_number(self.value, self.unit).value
        except NotANumber as error:
            raise Incomplete(str(error)) from None
