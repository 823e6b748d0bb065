"""A learner's history: every round, the trend per bank, accuracy per tag, the most missed questions.

The hidden tabs are mounted lazily, after the first tab is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.lazy import Lazy
from textual.screen import Screen
from textual.widgets import DataTable, Sparkline, Static, TabbedContent, TabPane

from quiz.study.describe import format_percent, format_score
from quiz.study.history import History
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


def _rounds_table(history: History) -> DataTable[Text]:
    table: DataTable[Text] = DataTable(id="rounds", cursor_type="row", zebra_stripes=True)
    table.add_columns("When", "Bank", "Mode", "Score", "Status")
    for row in history.rounds:
        status = "finished" if row.finished else f"{row.answered} of {row.planned} answered"
        table.add_row(
            Text(row.when),
            Text(row.bank_title, no_wrap=True, overflow="ellipsis"),
            Text(row.mode_label),
            Text(f"{format_score(row.score)}/{row.planned} {format_percent(row.score, row.planned)}"),
            Text(status),
        )
    return table


def _tags_table(history: History) -> DataTable[Text]:
    table: DataTable[Text] = DataTable(id="tag-accuracy", cursor_type="row", zebra_stripes=True)
    table.add_columns("Tag", "Answers", "Right", "Accuracy")
    for tag in history.tags:
        table.add_row(
            Text(tag.tag), Text(str(tag.attempts)), Text(str(tag.right)), Text(format_percent(tag.right, tag.attempts))
        )
    return table


def _missed_table(history: History) -> DataTable[Text]:
    table: DataTable[Text] = DataTable(id="most-missed", cursor_type="row", zebra_stripes=True)
    table.add_column("Question", width=44)
    table.add_columns("Missed", "Of", "Status")
    for item in history.most_missed:
        table.add_row(
            Text(item.prompt, no_wrap=True, overflow="ellipsis"),
            Text(str(item.misses)),
            Text(str(item.attempts)),
            Text(item.status.value),
        )
    return table


class HistoryScreen(Screen[None]):
    """Four tabs; Escape goes back to the library."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        learner = self.quiz.learner
        assert learner is not None
        history = self.quiz.session.history(learner)
        shown = len(history.rounds)
        more = f" (newest {shown} shown)" if history.total_rounds > shown else ""
        rounds = "1 round" if history.total_rounds == 1 else f"{history.total_rounds} rounds"
        title = f"History · {learner.name} · {rounds}{more}"
        yield Static(Content(title), classes="screen-title")
        with TabbedContent(id="history-tabs"):
            with TabPane("Rounds", id="tab-rounds"):
                yield _rounds_table(history) if history.rounds else Static(Content("No rounds yet."))
            with TabPane("Trend", id="tab-trend"), Lazy(VerticalScroll()):
                if not history.trends:
                    yield Static(Content("Finish a round to see a trend."))
                for trend in history.trends:
                    last = format_percent(trend.fractions[-1], 1)
                    best = format_percent(max(trend.fractions), 1)
                    caption = f"{trend.title} · last {last} · best {best} · {len(trend.fractions)} rounds"
                    yield Static(Content(caption), classes="heading")
                    yield Sparkline([100 * value for value in trend.fractions], classes="trend")
            with TabPane("Tags", id="tab-tags"), Lazy(Vertical()):
                yield _tags_table(history) if history.tags else Static(Content("No answers yet."))
            with TabPane("Most missed", id="tab-missed"), Lazy(Vertical()):
                if history.most_missed:
                    yield Static(
                        Content("changed: the question was edited since · retired: no loaded bank has it"),
                        classes="hint",
                    )
                    yield _missed_table(history)
                else:
                    yield Static(Content("Nothing missed yet."))
        yield KeyBar()
