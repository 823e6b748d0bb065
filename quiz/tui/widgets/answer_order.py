"""order: arrows move the cursor, shift+arrows (or K and J) move the item under it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from quiz.bank.answers import Response
from quiz.tui.widgets.answer_base import AnswerList, Unconfirmed


class OrderAnswer(AnswerList):
    """Items to put in order; whatever order is on screen when Enter is pressed is the answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Move the cursor", show=False),
        Binding("up", "cursor_up", "Move the cursor", show=False),
        Binding("shift+up,K,ctrl+up", "move(-1)", "Move the highlighted item up", show=False),
        Binding("shift+down,J,ctrl+down", "move(1)", "Move the highlighted item down", show=False),
    ]

    def __init__(self, items: Sequence[str], *, id: str | None = None) -> None:
        self.items = list(items)
        self.moved = False
        """False until the learner moves an item (or confirms the order as shown)."""
        super().__init__(id=id)

    def row_texts(self) -> list[Content]:
        return [Content(f"{n}. ").append(Content(text)) for n, text in enumerate(self.items, 1)]

    def action_move(self, step: int) -> None:
        """Swap the highlighted item with its neighbour and keep the cursor on it."""
        index = self.highlighted
        if index is None or not 0 <= index + step < len(self.items):
            return
        self.items[index], self.items[index + step] = self.items[index + step], self.items[index]
        self.moved = True
        self.refresh_rows()
        self.highlighted = index + step

    def response(self) -> Response:
        """The order on screen; an order nobody moved needs a yes first, so Enter alone never answers."""
        if not self.moved:
            raise Unconfirmed("Submit this order as shown?")
        return tuple(self.items)

    def confirm(self) -> None:
        """The learner said yes: the order as shown is their answer."""
        self.moved = True
