"""The line above a question: bank and mode on the left, progress and score on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from quiz.bank.model import AnyQuestion
from quiz.study.describe import gives_away
from quiz.study.learn import progress_words
from quiz.study.modes import Mode
from quiz.study.round import Round
from quiz.study.wording import format_score


def progress_text(round_: Round, number: int) -> str:
    """``Question 3 of 10 · Score 2 of 2``; exam keeps the score for the end; learn counts what is right."""
    if round_.mode is Mode.LEARN:
        return progress_words(round_.right_this_session, round_.total)
    progress = f"Question {number} of {round_.total}"
    if not round_.mode.feedback_each_answer:
        return f"{progress} · Score shown at the end"
    return f"{progress} · Score {format_score(round_.score)} of {round_.answered}"


class StatusBar(Horizontal):
    """Always visible on the question and feedback screens."""

    def __init__(self, round_: Round, number: int) -> None:
        super().__init__(id="status-bar")
        self.round = round_
        self.number = number

    def compose(self) -> ComposeResult:
        title = f"{self.round.mode.label} · {self.round.title}"
        yield Static(Content(title), id="round-title")
        yield Static(Content(""), id="timer")
        yield Static(Content(progress_text(self.round, self.number)), id="progress")

    def show_title_for(self, question: AnyQuestion) -> None:
        """The bank's title, unless it holds the answer to the question on screen; then the mode alone."""
        mode = self.round.mode.label
        title = mode if gives_away(self.round.title, question) else f"{mode} · {self.round.title}"
        self.query_one("#round-title", Static).update(Content(title))

    def refresh_progress(self, number: int) -> None:
        """The score changed on this screen (an "I was right" override)."""
        self.number = number
        self.query_one("#progress", Static).update(Content(progress_text(self.round, number)))

    def show_time_left(self, text: str) -> None:
        self.query_one("#timer", Static).update(Content(text))
