"""choice and truefalse: one option among several; number keys or arrows pick, Enter submits.

The highlighted row is always the picked row, so what Enter will submit is what the learner sees
highlighted; a fresh question has neither, and Enter asks for a pick instead of submitting row 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList

from quiz.bank.answers import Response
from quiz.tui.widgets.answer_base import AnswerList, Incomplete, number_bindings, numbered


class ChoiceAnswer(AnswerList):
    """Pick one option: 1-8, a click, or the arrows (which move the pick); Enter submits it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *number_bindings("pick", "Pick that option"),
        Binding("down", "cursor_down", "Move the pick", show=False),
        Binding("up", "cursor_up", "Move the pick", show=False),
        Binding("space", "pick_highlighted", "Pick the highlighted option", show=False),
    ]

    def __init__(self, texts: Sequence[str], values: Sequence[Response], *, id: str | None = None) -> None:
        self.texts = tuple(texts)
        self.values = tuple(values)
        self.picked: int | None = None
        super().__init__(id=id)

    def on_mount(self) -> None:
        self.refresh_rows()
        self.highlighted = None

    def row_texts(self) -> list[Content]:
        return [
            numbered(n, "(•)" if index == self.picked else "( )", text)
            for index, (n, text) in enumerate(enumerate(self.texts, 1))
        ]

    def action_pick(self, index: int) -> None:
        if index < len(self.texts):
            self.picked = index
            self.highlighted = index
            self.refresh_rows()

    def action_pick_highlighted(self) -> None:
        if self.highlighted is not None:
            self.action_pick(self.highlighted)

    def action_cursor_down(self) -> None:
        self.action_pick(0 if self.picked is None else min(self.picked + 1, len(self.texts) - 1))

    def action_cursor_up(self) -> None:
        self.action_pick(len(self.texts) - 1 if self.picked is None else max(self.picked - 1, 0))

    def action_first(self) -> None:
        self.action_pick(0)

    def action_last(self) -> None:
        self.action_pick(len(self.texts) - 1)

    action_page_up = action_first
    action_page_down = action_last

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick(event.option_index)

    def response(self) -> Response:
        """The picked option; nothing is submitted for a question the learner has not touched."""
        if self.picked is None:
            raise Incomplete("Pick an option first (number keys or ↑↓).")
        return self.values[self.picked]


class TrueFalseAnswer(ChoiceAnswer):
    """True or false: t or 1 for true, f or 2 for false."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "pick(0)", "True", show=False),
        Binding("f", "pick(1)", "False", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(("True", "False"), (True, False), id=id)
