"""choice and truefalse: one option among several; number keys pick, Enter submits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList

from quiz.bank.answers import Response
from quiz.tui.widgets.answer_base import AnswerList, Incomplete, number_bindings, numbered


class ChoiceAnswer(AnswerList):
    """Pick one option: 1-8 or click picks, space picks the highlighted one, arrows move."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *number_bindings("pick"),
        Binding("space", "pick_highlighted", "Pick", show=False),
    ]

    def __init__(self, texts: Sequence[str], values: Sequence[Response], *, id: str | None = None) -> None:
        self.texts = tuple(texts)
        self.values = tuple(values)
        self.picked: int | None = None
        super().__init__(id=id)

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

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick(event.option_index)

    def response(self) -> Response:
        """The picked option, or the highlighted one when the learner only moved to it."""
        index = self.picked if self.picked is not None else self.highlighted
        if index is None:
            raise Incomplete("Pick an answer first (number keys or arrows).")
        self.action_pick(index)
        return self.values[index]


class TrueFalseAnswer(ChoiceAnswer):
    """True or false: t or 1 for true, f or 2 for false."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "pick(0)", "True", show=False),
        Binding("f", "pick(1)", "False", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(("True", "False"), (True, False), id=id)
