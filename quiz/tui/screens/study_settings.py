"""A learner's study settings: desired retention and new questions per day, asked in one small dialog."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from quiz.study.session import RETENTION_RANGE, StudySettings

MIN_RETENTION, MAX_RETENTION = (round(100 * bound) for bound in RETENTION_RANGE)
"""Desired retention, in percent, that a learner may choose."""

MAX_NEW_PER_DAY = 999


def read_settings(retention_text: str, new_text: str) -> StudySettings | str:
    """The settings typed, or what is wrong with them in one sentence."""
    try:
        percent = int(retention_text.strip().rstrip("%").strip())
    except ValueError:
        percent = -1
    if not MIN_RETENTION <= percent <= MAX_RETENTION:
        return f"Desired retention is a whole percentage from {MIN_RETENTION} to {MAX_RETENTION}."
    try:
        new_per_day = int(new_text.strip())
    except ValueError:
        new_per_day = -1
    if not 0 <= new_per_day <= MAX_NEW_PER_DAY:
        return f"New questions per day is a whole number from 0 to {MAX_NEW_PER_DAY}."
    return StudySettings(desired_retention=percent / 100, new_per_day=new_per_day)


class StudySettingsScreen(ModalScreen[StudySettings | None]):
    """Dismisses with the new settings (Ctrl+S or Enter), or None when cancelled (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, current: StudySettings) -> None:
        super().__init__(classes="modal")
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content("Study settings"), classes="dialog-title")
            with Grid(id="settings-grid"):
                yield Label("Retention %")
                yield Input(str(round(100 * self.current.desired_retention)), type="integer", compact=True,
                            id="retention")
                yield Label("New per day")
                yield Input(str(self.current.new_per_day), type="integer", compact=True, id="new-per-day")
            yield Static(
                Content(
                    f"Retention: how sure you want to be of remembering a question when it comes back "
                    f"({MIN_RETENTION}-{MAX_RETENTION}%). Higher means more reviews, sooner. New per day: "
                    "how many unseen questions a Due round adds each day."
                ),
                classes="dialog-detail",
            )
            with Horizontal(classes="buttons"):
                yield Button("Save (Ctrl+S)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#retention", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        settings = read_settings(self.query_one("#retention", Input).value, self.query_one("#new-per-day", Input).value)
        if isinstance(settings, str):
            self.notify(settings, severity="error", markup=False)
            return
        self.dismiss(settings)
