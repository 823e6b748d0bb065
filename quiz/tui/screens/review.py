"""Answered questions one by one: the missed ones after a round, or every one after an exam
(with the questions the time ran out on and their right answers)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from quiz.study.outcome import Reviewed
from quiz.tui.widgets.key_bar import KeyBar
from quiz.tui.widgets.outcome_view import OutcomeView


class ReviewScreen(Screen[None]):
    """← and → (or p and n) step through; Escape goes back to the summary."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,p", "step(-1)", "Previous"),
        Binding("right,n", "step(1)", "Next"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    index: reactive[int] = reactive(0, recompose=True)

    def __init__(self, outcomes: Sequence[Reviewed], label: str, index: int = 0) -> None:
        super().__init__()
        self.outcomes = tuple(outcomes)
        self.label = label
        self.set_reactive(ReviewScreen.index, index)

    def compose(self) -> ComposeResult:
        position = f"{self.label} {self.index + 1} of {len(self.outcomes)} · ← → to step"
        yield Static(Content(position), id="review-position", classes="screen-title")
        yield OutcomeView(self.outcomes[self.index], id="review")
        yield KeyBar()

    def action_step(self, step: int) -> None:
        self.index = max(0, min(len(self.outcomes) - 1, self.index + step))
