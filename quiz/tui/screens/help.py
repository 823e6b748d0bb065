"""Every key of the app, on one scrollable screen."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui.keys import KEYS

KEY_WIDTH = 18


def _key_table(keys: tuple[tuple[str, str], ...]) -> Table:
    """Keys in a fixed column, what they do wrapping beside them."""
    table = Table.grid(padding=(0, 2))
    table.add_column(width=KEY_WIDTH)
    table.add_column(ratio=1)
    for key, what in keys:
        table.add_row(Text(key, style="bold"), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    """Opened with ? or F1 from any screen; Escape, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content("Keys"), classes="dialog-title")
            for section, keys in KEYS:
                yield Static(Content(section), classes="heading")
                yield Static(_key_table(keys), classes="keys")
            yield Static(Content("Escape closes this help."), classes="dialog-detail")
