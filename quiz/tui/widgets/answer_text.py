"""short and number: a typed answer; Enter submits."""

from __future__ import annotations

from textual.widgets import Input

from quiz.bank.answers import Response
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
    """A number, with a decimal point or comma; the unit is shown beside it."""

    def __init__(self, unit: str = "", *, id: str | None = None) -> None:
        placeholder = f"Type a number ({unit}), then Enter" if unit else "Type a number, then Enter"
        super().__init__(placeholder=placeholder, restrict=r"[-+0-9.,eE ]*", id=id, classes="answer")

    def response(self) -> Response:
        text = self.value.strip().replace(" ", "").replace(",", ".")
        if not text:
            raise Incomplete("Type a number first.")
        try:
            number = float(text)
        except ValueError:
            raise Incomplete(f"{self.value.strip()!r} is not a number; type digits, e.g. 1999 or 2.5.") from None
        return int(number) if number.is_integer() else number
