"""Progress over days: the streak and answers per day, true retention, the reviews due ahead, and what
the learner knows per bank and tag. Every number is also written out, never left to a chart or colour.

From here: ``s`` changes the study settings, and on the Knowledge tab Enter lists a bank's questions
(to suspend one) and ``x`` resets a bank's progress, each asked once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane, Tabs

from quiz.study.knowledge import LevelCounts
from quiz.study.progress import Progress, Retention
from quiz.study.session import StudySettings
from quiz.study.wording import format_percent
from quiz.tui.widgets.bar_chart import BarChart
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

LEVEL_COLUMNS = ("New", "Learning", "Known", "Mastered", "Suspended")


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def streak_line(progress: Progress) -> str:
    streak = progress.streak
    studied = f"studied {progress.days_studied} of the last {len(progress.days)} days"
    if not streak.days:
        return f"Streak: none yet · {studied}"
    today = "studied today" if streak.studied_today else "study today to keep it"
    return f"Streak: {_days(streak.days)} ({today}) · {studied}"


def retention_line(progress: Progress, retention: Retention | None) -> str:
    """``None`` while it is being counted."""
    start = f"True retention, last {len(progress.days)} days:"
    if retention is None:
        return f"{start} counting…"
    if retention.share is None:
        return f"{start} no reviews yet"
    share = format_percent(retention.passed, retention.reviews)
    return f"{start} {share} ({retention.passed} of {retention.reviews} reviews not forgotten)"


def settings_line(settings: StudySettings) -> str:
    return (
        f"Desired retention {round(100 * settings.desired_retention)}% · "
        f"{settings.new_per_day} new questions a day · s: change"
    )


def _level_cells(counts: LevelCounts) -> list[Text]:
    values = (counts.new, counts.learning, counts.known, counts.mastered, counts.suspended)
    return [Text(str(value), justify="right") for value in values]


class ProgressScreen(Screen[None]):
    """Escape goes back to the library."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("s", "settings", "Settings"),
        Binding("x", "reset", "Reset bank"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._shown = False
        self.progress: Progress | None = None

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        learner = self.quiz.learner
        assert learner is not None
        progress = self.quiz.session.progress(learner)
        self.progress = progress
        yield Static(Content(f"Progress · {learner.name}"), classes="screen-title")
        with TabbedContent(id="progress-tabs"):
            with TabPane("Days", id="tab-days"), VerticalScroll():
                yield from self._days(progress)
            with TabPane("Knowledge", id="tab-knowledge"), Vertical():
                yield Static(
                    Content("Enter: a bank's questions, to suspend one · x: reset the bank's progress"),
                    classes="hint",
                )
                yield self._knowledge_table(progress)
        yield KeyBar()

    def _days(self, progress: Progress) -> ComposeResult:
        learner = self.quiz.learner
        assert learner is not None
        yield Static(Content(streak_line(progress)), id="streak", classes="line")
        yield Static(Content(retention_line(progress, None)), id="retention", classes="line")
        settings = self.quiz.session.study_settings(learner)
        yield Static(Content(settings_line(settings)), id="study-settings", classes="line")
        answers = [day.answers for day in progress.days]
        yield BarChart(
            f"Answers per day, last {len(answers)} days: {sum(answers)} in all, {max(answers)} on the busiest",
            answers,
            height=5,
            first_label=progress.days[0].day.strftime("%d %b"),
            last_label="today",
            id="answers-chart",
        )
        due = [day.answers for day in progress.forecast]
        yield BarChart(
            f"Reviews due, next {len(due)} days: {due[0]} today, {sum(due[:7])} this week, {sum(due)} in all",
            due,
            height=3,
            bar_width=2,
            gap=2,
            first_label="today",
            last_label=progress.forecast[-1].day.strftime("%d %b"),
            id="forecast-chart",
        )

    def _knowledge_table(self, progress: Progress) -> DataTable[Text]:
        table: DataTable[Text] = DataTable(id="knowledge", cursor_type="row", zebra_stripes=True)
        table.add_column("Bank or tag", width=28, key="name")
        for label in LEVEL_COLUMNS:
            table.add_column(label, key=label.lower())
        knowledge = progress.knowledge
        for bank in self.quiz.library:
            counts = knowledge.banks.get(bank.id, LevelCounts())
            table.add_row(Text(bank.title, no_wrap=True, overflow="ellipsis"), *_level_cells(counts), key=bank.id)
        for tag, counts in knowledge.tags.items():
            table.add_row(Text(f"tag: {tag}", no_wrap=True, overflow="ellipsis"), *_level_cells(counts),
                          key=f"tag:{tag}")
        return table

    def on_mount(self) -> None:
        self.query_one(Tabs).focus()  # ← → switch tabs, as on the history screen
        self._count_retention()

    def _count_retention(self) -> None:
        """True retention replays answers: counted in a thread, so the screen opens at once."""
        learner, progress = self.quiz.learner, self.progress
        assert learner is not None and progress is not None

        def count() -> None:
            retention = self.quiz.session.true_retention(learner, progress)
            self.app.call_from_thread(self._show_retention, progress, retention)

        self.run_worker(count, thread=True, exclusive=True, group="retention")

    def _show_retention(self, progress: Progress, retention: Retention) -> None:
        """Only on the screen it was counted for: a recompose meanwhile counts again."""
        lines = self.query("#retention")
        if progress is self.progress and lines:
            lines.first(Static).update(Content(retention_line(progress, retention)))

    async def refresh_progress(self) -> None:
        """Numbers changed (settings, a reset, a suspension): compose again, on the same tab and row."""
        tabs = self.query_one("#progress-tabs", TabbedContent)
        active, row = tabs.active, self.query_one("#knowledge", DataTable).cursor_row
        focused_table = isinstance(self.focused, DataTable)
        await self.recompose()
        self._count_retention()
        tabs = self.query_one("#progress-tabs", TabbedContent)
        tabs.active = active
        table = self.query_one("#knowledge", DataTable)
        table.move_cursor(row=row)
        if focused_table:
            table.focus()
        else:
            self.query_one(Tabs).focus()

    async def on_screen_resume(self) -> None:
        """Back from a bank's questions: a suspension changes the counts."""
        if self._shown:
            await self.refresh_progress()
        self._shown = True

    def _highlighted_bank_id(self) -> str | None:
        table = self.query_one("#knowledge", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key is None or key.startswith("tag:") else key

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        bank_id = event.row_key.value
        if bank_id is None or bank_id.startswith("tag:"):
            return
        bank = self.quiz.library.bank(bank_id)
        if bank is not None:
            from quiz.tui.screens.questions import QuestionsScreen

            self.app.push_screen(QuestionsScreen(bank))

    def action_settings(self) -> None:
        from quiz.tui.screens.study_settings import StudySettingsScreen

        learner = self.quiz.learner
        assert learner is not None
        current = self.quiz.session.study_settings(learner)

        async def save(chosen: StudySettings | None) -> None:
            if chosen is None:
                return
            self.quiz.session.set_retention(learner, chosen.desired_retention)
            self.quiz.session.set_new_per_day(learner, chosen.new_per_day)
            self.notify(f"Saved: {settings_line(chosen).removesuffix(' · s: change')}.", markup=False)
            await self.refresh_progress()

        self.app.push_screen(StudySettingsScreen(current), save)

    def action_reset(self) -> None:
        from quiz.tui.screens.confirm import ConfirmScreen

        learner = self.quiz.learner
        tabs = self.query_one("#progress-tabs", TabbedContent)
        bank_id = self._highlighted_bank_id() if tabs.active == "tab-knowledge" else None
        bank = None if bank_id is None else self.quiz.library.bank(bank_id)
        if learner is None or bank is None:
            self.notify("Choose a bank on the Knowledge tab first.", severity="warning")
            return

        async def reset(yes: bool | None) -> None:
            if yes:
                self.quiz.session.reset_bank(learner, bank.id)
                self.notify(f"{bank.title}: every question is new again.", markup=False)
                await self.refresh_progress()

        detail = (
            "Every question of this bank starts again as new and is scheduled from scratch. "
            "Your answers stay: history and statistics still count them."
        )
        self.app.push_screen(ConfirmScreen(f"Reset your progress in {bank.title}?", detail, "Reset", "Keep"), reset)
