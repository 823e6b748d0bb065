"""match: for the left item under the cursor, a number key picks its partner from the right column.

With a mouse: click a left item, then click its partner in the right column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static

from quiz.bank.answers import Response
from quiz.tui.widgets.answer_base import AnswerList, Incomplete, number_bindings

LETTERS = "ABCDEFGH"


class MatchLefts(AnswerList):
    """The left column, each row showing the partner chosen so far (or ``?``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *number_bindings("assign", "Give the highlighted item that partner"),
        Binding("down", "cursor_down", "Choose an item on the left", show=False),
        Binding("up", "cursor_up", "Choose an item on the left", show=False),
        Binding("backspace,delete,0", "clear", "Clear the highlighted item's partner", show=False),
    ]

    def __init__(self, lefts: Sequence[str], rights: Sequence[str], *, id: str | None = None) -> None:
        self.lefts = tuple(lefts)
        self.rights = tuple(rights)
        self.chosen: dict[int, int] = {}
        super().__init__(id=id)

    def row_texts(self) -> list[Content]:
        rows = []
        for index, left in enumerate(self.lefts):
            right = self.chosen.get(index)
            partner = "?" if right is None else f"{right + 1}. {self.rights[right]}"
            rows.append(Content(f"{LETTERS[index]}. ").append(Content(left)).append(Content(f"  →  {partner}")))
        return rows

    def action_assign(self, right: int) -> None:
        """Pair the highlighted left item with right option ``right`` and move to the next left item."""
        index = self.highlighted
        if index is None or right >= len(self.rights):
            return
        self.chosen[index] = right
        self.refresh_rows()
        self.highlighted = min(index + 1, len(self.lefts) - 1)

    def action_clear(self) -> None:
        if self.highlighted is not None:
            self.chosen.pop(self.highlighted, None)
            self.refresh_rows()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    def response(self) -> Response:
        missing = len(self.lefts) - len(self.chosen)
        if missing:
            raise Incomplete(f"Match every item on the left: {missing} still to match.")
        return {self.lefts[left]: self.rights[right] for left, right in sorted(self.chosen.items())}


class MatchRights(OptionList):
    """The right column, numbered; choosing one pairs it with the highlighted left item."""

    def __init__(self, rights: Sequence[str]) -> None:
        super().__init__(
            *[Content(f"{n}. ").append(Content(text)) for n, text in enumerate(rights, 1)],
            markup=False,
            id="match-rights",
            classes="answer",
        )


class MatchAnswer(Vertical):
    """Both columns of a match question, stacked so long texts fit at 80 columns."""

    def __init__(self, lefts: Sequence[str], rights: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="match")
        self.lefts = MatchLefts(lefts, rights, id="match-lefts")
        self.rights = tuple(rights)

    def compose(self) -> ComposeResult:
        yield self.lefts
        yield Static(Content("Partners (press the number):"), classes="match-caption")
        yield MatchRights(self.rights)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "match-rights":
            event.stop()
            self.lefts.action_assign(event.option_index)
            self.lefts.focus()

    def focus(self, scroll_visible: bool = True) -> MatchAnswer:
        self.lefts.focus(scroll_visible)
        return self

    def response(self) -> Response:
        return self.lefts.response()
