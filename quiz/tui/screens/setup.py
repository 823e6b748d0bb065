"""Setting up a round on one bank: mode, number of questions, tag, difficulty, exam time limit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from quiz.bank.model import Bank
from quiz.study.modes import DEFAULT_COUNT, Mode
from quiz.study.settings import RoundSettings

SETUP_MODES = (Mode.PRACTICE, Mode.LEARN, Mode.EXAM, Mode.REVIEW, Mode.DUE)
DIFFICULTIES = ((Content("1 · easy"), 1), (Content("2 · medium"), 2), (Content("3 · hard"), 3))


class RoundSetupScreen(ModalScreen[RoundSettings | None]):
    """Dismisses with the settings to start, or None when cancelled (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "start", "Start"),
    ]

    def __init__(self, bank: Bank, tags: Sequence[str], new_seed: Callable[[], int]) -> None:
        super().__init__(classes="modal")
        self.bank = bank
        self.tags = tags
        self.new_seed = new_seed

    def compose(self) -> ComposeResult:
        count = len(self.bank.questions)
        with Vertical(id="dialog"):
            yield Static(Content(self.bank.title), classes="dialog-title")
            with Grid(id="setup-grid"):
                yield Label("Mode")
                yield Select(
                    [(Content(mode.label), mode.value) for mode in SETUP_MODES],
                    value=Mode.PRACTICE.value,
                    allow_blank=False,
                    compact=True,
                    id="mode",
                )
                yield Label("Questions")
                yield Input(
                    str(min(DEFAULT_COUNT, count)), placeholder=f"1-{count}", type="integer", compact=True, id="count"
                )
                yield Label("Tag")
                yield Select(
                    [(Content(tag), tag) for tag in self.tags], prompt="any", compact=True, id="tag"
                )
                yield Label("Difficulty")
                yield Select(list(DIFFICULTIES), prompt="any", compact=True, id="difficulty")
                yield Label("Time limit")
                yield Input(
                    placeholder="minutes (exam only; empty: none)",
                    type="integer",
                    compact=True,
                    id="time-limit",
                )
            yield Static(
                Content("Practice: feedback after each answer. Learn: a missed question comes back "
                        "until it is right. Exam: feedback at the end. Review: the questions you last got wrong."),
                classes="dialog-detail",
            )
            with Horizontal(classes="buttons"):
                yield Button("Start (Ctrl+S)", id="start", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#mode", Select).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_cancel()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_start()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_start(self) -> None:
        mode = Mode(str(self.query_one("#mode", Select).value))
        count_text = self.query_one("#count", Input).value.strip()
        minutes_text = self.query_one("#time-limit", Input).value.strip()
        tag = self.query_one("#tag", Select).value
        difficulty = self.query_one("#difficulty", Select).value
        count = int(count_text) if count_text else None
        if count is not None and count < 1:
            self.notify("The number of questions must be at least 1.", severity="error")
            return
        minutes = int(minutes_text) if minutes_text and mode is Mode.EXAM else None
        self.dismiss(
            RoundSettings(
                mode=mode,
                seed=self.new_seed(),
                bank_id=self.bank.id,
                count=count,
                tag=tag if isinstance(tag, str) else None,
                difficulty=difficulty if isinstance(difficulty, int) else None,
                time_limit=minutes * 60 if minutes else None,
            )
        )
