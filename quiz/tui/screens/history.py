"""A learner's history: every round, the trend per bank, accuracy per tag, the most missed questions.

The hidden tabs are mounted lazily, after the first tab is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.lazy import Lazy
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from quiz.bank.text import plural
from quiz.study.history import History, RoundRow
from quiz.study.wording import format_percent, format_score, trend_bars
from quiz.tui.screens.review import ReviewScreen
from quiz.tui.widgets.key_bar import KeyBar
from quiz.tui.widgets.tab_scroll import TabScrollScreen

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


def _round_cells(row: RoundRow) -> tuple[str, str, str, str]:
    """When, mode, score and status: the columns that must never be cut."""
    status = "finished" if row.finished else "left" if row.abandoned else f"{row.answered} of {row.planned}"
    score = f"{format_score(row.score)}/{row.planned} {format_percent(row.score, row.planned)}"
    return row.when, row.mode_label, score, status


def _rounds_table(history: History, width: int) -> DataTable[Text]:
    table: DataTable[Text] = DataTable(id="rounds", cursor_type="row", zebra_stripes=True)
    _fill_rounds(table, history, width)
    return table


_ROUND_HEADERS = ("When", "Mode", "Score", "Status")


def _column_widths(cells: list[tuple[str, str, str, str]], width: int) -> tuple[int, list[int]]:
    """The bank title's width and the others': every column in full, the title takes what is left."""
    widths = [max(len(header), *(len(cell[n]) for cell in cells)) for n, header in enumerate(_ROUND_HEADERS)]
    return max(8, width - 2 - sum(widths) - 2 * (len(widths) + 1)), widths


def _fill_rounds(table: DataTable[Text], history: History, width: int) -> None:
    """Every column in full; the bank title alone takes what is left and is cut with an ellipsis."""
    cells = [_round_cells(row) for row in history.rounds]
    bank_width, widths = _column_widths(cells, width)
    table.add_column("When", width=widths[0])
    table.add_column("Bank", width=bank_width)
    for header, column_width in zip(_ROUND_HEADERS[1:], widths[1:], strict=True):
        table.add_column(header, width=column_width)
    for row, (when, mode, score, status) in zip(history.rounds, cells, strict=True):
        table.add_row(
            Text(when),
            Text(row.bank_title, no_wrap=True, overflow="ellipsis"),
            Text(mode),
            Text(score),
            Text(status),
            key=str(row.round_id),
        )


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
            key=item.question_id,
        )
    return table


class HistoryScreen(TabScrollScreen):
    """Four tabs; Enter opens a round's answers or a missed question; Escape goes back to the library."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *TabScrollScreen.BINDINGS,
        Binding("escape", "app.pop_screen", "Back"),
    ]
    _rounds_width = 0
    """The terminal width the rounds table was last laid out for."""

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """History opens what it lists: a round's answers, or a most-missed question with its explanation."""
        key = event.row_key.value
        if key is None:
            return
        if event.data_table.id == "rounds":
            answers = self.quiz.session.round_review(int(key))
            if not answers:
                self.notify("This round has no answer to show.", markup=False)
                return
            self.app.push_screen(ReviewScreen(answers, "Answer"))
        elif event.data_table.id == "most-missed":
            item = next(item for item in self.history.most_missed if item.question_id == key)
            shown = self.quiz.session.missed_question(item.question_id, item.misses, item.attempts)
            if shown is None:
                self.notify("No loaded bank has this question any more.", markup=False)
                return
            self.app.push_screen(ReviewScreen((shown,), "Missed question"))

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal: the bank title's column in the rounds takes what is left."""
        table = next(self.query("#rounds").results(DataTable), None)
        if table is None or event.size.width == self._rounds_width:
            return
        self._rounds_width = event.size.width
        row = table.cursor_row
        table.clear(columns=True)
        _fill_rounds(table, self.history, event.size.width)
        table.move_cursor(row=min(row, max(0, table.row_count - 1)))

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        learner = self.quiz.learner
        assert learner is not None
        history = self.history = self.quiz.session.history(learner)
        shown = len(history.rounds)
        more = f" (newest {shown} shown)" if history.total_rounds > shown else ""
        rounds = "1 round" if history.total_rounds == 1 else f"{history.total_rounds} rounds"
        title = f"History · {learner.name} · {rounds}{more}"
        yield Static(Content(title), classes="screen-title")
        with TabbedContent(id="history-tabs"):
            with TabPane("Rounds", id="tab-rounds"):
                if history.rounds:
                    yield Static(Content("Enter: the round's answers"), classes="hint")
                    self._rounds_width = self.app.size.width
                    yield _rounds_table(history, self._rounds_width)
                else:
                    yield Static(Content("No rounds yet."))
            with TabPane("Trend", id="tab-trend"), Lazy(VerticalScroll()):
                if not history.trends:
                    yield Static(Content("Finish a round to see a trend."))
                else:
                    yield Static(Content("Each bar is one finished round, oldest first, on a 0-100% scale."),
                                 classes="hint")
                for trend in history.trends:
                    last = format_percent(trend.fractions[-1], 1)
                    best = format_percent(max(trend.fractions), 1)
                    rounds = plural(len(trend.fractions), "round")
                    caption = f"{trend.title} · last {last} · best {best} · {rounds}"
                    yield Static(Content(caption), classes="heading")
                    yield Static(Content(trend_bars(trend.fractions)), classes="trend")
            with TabPane("Tags (weakest first)", id="tab-tags"), Lazy(Vertical()):
                yield _tags_table(history) if history.tags else Static(Content("No answers yet."))
            with TabPane("Most missed", id="tab-missed"), Lazy(Vertical()):
                if history.most_missed:
                    yield Static(
                        Content("Enter: the question and why · changed: edited since · retired: in no bank"),
                        classes="hint",
                    )
                    yield _missed_table(history)
                else:
                    yield Static(Content("Nothing missed yet."))
        yield KeyBar()
