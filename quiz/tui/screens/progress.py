"""Progress over days: answers per day and the streak, true retention, the reviews due ahead, and
what the learner knows per bank and tag. Every number is also written out, never left to a chart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static, TabbedContent, TabPane

from quiz.study.progress import Progress
from quiz.tui.widgets.bar_chart import BarChart
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def streak_line(progress: Progress) -> str:
    streak = progress.streak
    if not streak.days:
        return "Streak: none yet today. Answer one question to start one."
    today = "studied today" if streak.studied_today else "study today to keep it"
    studied = f"studied {progress.days_studied} of the last {len(progress.days)} days"
    return f"Streak: {_days(streak.days)} ({today}) · {studied}"


class ProgressScreen(Screen[None]):
    """Escape goes back to the library."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        learner = self.quiz.learner
        assert learner is not None
        progress = self.quiz.session.progress(learner)
        yield Static(Content(f"Progress · {learner.name}"), classes="screen-title")
        with TabbedContent(id="progress-tabs"), TabPane("Days", id="tab-days"), VerticalScroll():
            yield Static(Content(streak_line(progress)), id="streak")
            answers = [day.answers for day in progress.days]
            yield BarChart(
                f"Answers per day, last {len(answers)} days: {sum(answers)} in all",
                answers,
                height=5,
                first_label=progress.days[0].day.strftime("%d %b"),
                last_label="today",
                id="answers-chart",
            )
        yield KeyBar()
