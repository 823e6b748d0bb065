"""Setting up a round on one bank: mode, number of questions, tag, difficulty, exam time limit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from quiz.bank.model import Bank
from quiz.study.modes import DEFAULT_COUNT, Mode
from quiz.study.settings import RoundSettings
from quiz.tui.widgets.key_bar import KeyBar

SETUP_MODES = (Mode.PRACTICE, Mode.LEARN, Mode.EXAM, Mode.REVIEW, Mode.DUE)
DIFFICULTIES = ((Content("1 · easy"), 1), (Content("2 · medium"), 2), (Content("3 · hard"), 3))


class RoundSetupScreen(ModalScreen[RoundSettings | None]):
    """Dismisses with the settings to start, or None when cancelled (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start"),
        Binding("escape", "cancel", "Cancel"),
        Binding("f1", "app.help", "Help"),  # a modal screen does not pass keys on to the app
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
            yield Static(Content(""), id="setup-error", classes="warning")
            yield Static(
                Content("Practice: feedback after each answer. Learn: a missed question comes back "
                        "until it is right. Exam: feedback at the end. Review: the questions you last got wrong."),
                classes="dialog-detail",
            )
            with Horizontal(classes="buttons"):
                yield Button("Start (Ctrl+S)", id="start", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")
        yield KeyBar()

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

    def refuse(self, field: str, message: str) -> None:
        """Say what is wrong beside the fields and put the cursor in the one to fix."""
        self.query_one("#setup-error", Static).update(Content(message))
        self.query_one(f"#{field}", Input).focus()

    def action_start(self) -> None:
        mode = Mode(str(self.query_one("#mode", Select).value))
        tag = self.query_one("#tag", Select).value
        difficulty = self.query_one("#difficulty", Select).value
        chosen_tag = tag if isinstance(tag, str) else None
        chosen_difficulty = difficulty if isinstance(difficulty, int) else None
        size = len(self.bank.questions)
        count = _whole_number(self.query_one("#count", Input).value)
        if count is not None and (count == "bad" or count < 1):
            self.refuse("count", f"Questions: type a whole number from 1 to {size}, or leave it empty for all.")
            return
        if count is not None and count > size and mode is not Mode.REVIEW:
            self.refuse("count", f"This bank has {size} questions: type 1 to {size}.")
            return
        minutes = _whole_number(self.query_one("#time-limit", Input).value) if mode is Mode.EXAM else None
        if minutes is not None and (minutes == "bad" or minutes < 1):
            self.refuse("time-limit", "Time limit: type whole minutes (1 or more), or leave it empty for none.")
            return
        self.dismiss(
            RoundSettings(
                mode=mode,
                seed=self.new_seed(),
                bank_id=self.bank.id,
                count=count,
                tag=chosen_tag,
                difficulty=chosen_difficulty,
                time_limit=minutes * 60 if minutes else None,
            )
        )


def _whole_number(text: str) -> int | Literal["bad"] | None:
    """A typed count: None when empty, "bad" for what is not a whole number (``-``, ``+``, ``1-``)."""
    text = text.strip()
    if not text:
        return None
    return int(text) if text.isascii() and text.isdigit() else "bad"
