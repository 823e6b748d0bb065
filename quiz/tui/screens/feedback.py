"""After each answer in practice, review and quick rounds: the verdict in words, the right answer, why."""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quiz.study.outcome import Outcome
from quiz.study.round import Round
from quiz.tui.widgets.key_bar import KeyBar
from quiz.tui.widgets.outcome_view import OutcomeView
from quiz.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class FeedbackScreen(Screen[Outcome]):
    """Dismissed with Enter (or n) to go on to the next question, once it has been on screen a moment."""

    SETTLE: ClassVar[float] = 0.3
    """Seconds the feedback stays before a key goes on: the second Enter of a double tap on the answer
    (or a held Enter), arriving just after the feedback appears, would skip it unread. Nobody reads
    a verdict in less, so a deliberate key is never lost for long."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,n,space", "next", "Next", priority=True),
        Binding("i", "override", "I was right"),
        Binding("escape", "leave", "Leave round"),
    ]

    def __init__(self, round_: Round, outcome: Outcome) -> None:
        super().__init__()
        self.round = round_
        self.outcome = outcome
        self.shown_at = monotonic()  # and again when it is on screen

    def compose(self) -> ComposeResult:
        yield StatusBar(self.round, self.round.answered)
        yield OutcomeView(self.outcome, id="feedback")
        yield KeyBar()

    def on_mount(self) -> None:
        self.shown_at = monotonic()
        self.query_one(OutcomeView).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """"I was right" is offered only for a typed answer the app marked wrong."""
        if action == "override":
            return self.outcome.can_override
        return True

    async def action_override(self) -> None:
        """The learner says their typed answer was right: it counts as right and is stored as an override."""
        if not self.outcome.can_override:
            return
        self.outcome = self.round.override(self.outcome)
        await self.query_one(OutcomeView).remove()
        view = OutcomeView(self.outcome, id="feedback")
        await self.mount(view, before=self.query_one(KeyBar))
        view.focus()
        self.query_one(StatusBar).refresh_progress(self.round.answered)
        self.refresh_bindings()

    def action_next(self) -> None:
        if monotonic() - self.shown_at >= self.SETTLE:
            self.dismiss(self.outcome)

    def action_leave(self) -> None:
        cast("QuizApp", self.app).confirm_leave()
