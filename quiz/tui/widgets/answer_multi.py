"""multi: several options; number keys or space toggle, Enter submits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList

from quiz.bank.answers import Response
from quiz.tui.widgets.answer_base import AnswerList, Incomplete, number_bindings, numbered


class MultiAnswer(AnswerList):
    """Tick every right option; the response lists the ticked texts in the order shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *number_bindings("tick", "Tick or untick that option"),
        Binding("down", "cursor_down", "Move the cursor", show=False),
        Binding("up", "cursor_up", "Move the cursor", show=False),
        Binding("space", "toggle_highlighted", "Tick or untick the highlighted option", show=False),
    ]

    def __init__(self, texts: Sequence[str], *, id: str | None = None) -> None:
        self.texts = tuple(texts)
        self.ticked: set[int] = set()
        super().__init__(id=id)

    def row_texts(self) -> list[Content]:
        return [
            numbered(index + 1, "[x]" if index in self.ticked else "[ ]", text)
            for index, text in enumerate(self.texts)
        ]

    def action_tick(self, index: int) -> None:
        if index < len(self.texts):
            self.ticked ^= {index}
            self.highlighted = index
            self.refresh_rows()

    def action_toggle_highlighted(self) -> None:
        if self.highlighted is not None:
            self.action_tick(self.highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick(event.option_index)

    def response(self) -> Response:
        if not self.ticked:
            raise Incomplete("Tick at least one option (number keys or space).")
        return tuple(self.texts[index] for index in sorted(self.ticked))
