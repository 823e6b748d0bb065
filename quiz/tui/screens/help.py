"""Every key of the app, on one scrollable screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui.keys import KEYS


class HelpScreen(ModalScreen[None]):
    """Opened with ? or F1 from any screen; Escape, ? or F1 closes it."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", "Close")]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content("Keys"), classes="dialog-title")
            for section, keys in KEYS:
                yield Static(Content(section), classes="heading")
                width = max(len(key) for key, _ in keys)
                lines = "\n".join(f"{key.ljust(width)}  {what}" for key, what in keys)
                yield Static(Content(lines), classes="keys")
            yield Static(Content("Escape closes this help."), classes="dialog-detail")
