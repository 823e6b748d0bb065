"""A yes/no question asked once, e.g. before leaving a round."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for yes (y), False for no (n or Escape); Enter does nothing."""

    AUTO_FOCUS = None

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="modal")
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.question), classes="dialog-title")
            yield Static(Content(self.detail), classes="dialog-detail")
            with Horizontal(classes="buttons"):
                yes = Button(Content(f"{self.yes} (y)"), id="yes", variant="primary")
                no = Button(Content(f"{self.no} (n)"), id="no")
                # Only y and n answer (or a click): a focused button would take a stray Enter as a yes.
                yes.can_focus = no.can_focus = False
                yield yes
                yield no

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
