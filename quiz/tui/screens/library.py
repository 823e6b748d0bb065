"""The library: every bank with this learner's last and best score and progress; rounds start here.

The screens it opens are imported when opened: the library is the first screen, so it stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.bank.model import Bank
from quiz.study.describe import format_percent, format_score, short_time
from quiz.study.modes import ALL_BANKS, Mode
from quiz.study.session import BankProgress
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.study.settings import RoundSettings
    from quiz.tui.app import QuizApp


def _score_cell(score: float | None, maximum: int | None) -> Text:
    if score is None or not maximum:
        return Text("—")
    return Text(f"{format_score(score)}/{maximum}")


def _progress_cell(bank: Bank, progress: BankProgress | None) -> Text:
    seen = progress.questions_seen if progress else 0
    total = len(bank.questions)
    return Text(f"{seen}/{total} {format_percent(seen, total)}")


class LibraryScreen(Screen[None]):
    """Banks in a table; the description of the highlighted one below it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "setup", "Start…", show=False),
        Binding("n", "notes", "Notes"),
        Binding("k", "quick", "Quick"),
        Binding("m", "mistakes", "Mistakes"),
        Binding("r", "resume", "Resume"),
        Binding("x", "discard", "Discard", show=False),
        Binding("h", "history", "History"),
        Binding("l", "learner", "Learner"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._shown = False

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        learner = self.quiz.learner
        name = learner.name if learner else ""
        yield Static(Content(f"Library · {name}"), id="library-title", classes="screen-title")
        banner = Static(Content(""), id="resume-banner")
        self._show_resumable(banner)
        yield banner
        table: DataTable[Text] = DataTable(id="banks", cursor_type="row", zebra_stripes=True)
        table.add_column("Bank", key="bank")
        for label in ("Questions", "Last", "Best", "Seen"):
            table.add_column(label, key=label.lower())
        self._fill(table)
        yield table
        yield Static(Content(""), id="bank-description")
        yield Static(
            Content("Enter: start a round on this bank · n: its study notes · ?: every key"), classes="hint"
        )
        yield KeyBar()

    def on_mount(self) -> None:
        self._describe_highlighted()
        self.query_one("#banks", DataTable).focus()

    def on_screen_resume(self) -> None:
        """Back from a round, history or notes: scores and the unfinished round may have changed."""
        if self._shown:
            self.refresh_library()
        self._shown = True

    def refresh_library(self) -> None:
        """Reload scores and the unfinished round; the learner may have just finished one."""
        table = self.query_one("#banks", DataTable)
        row = table.cursor_row
        table.clear()
        self._fill(table)
        table.move_cursor(row=min(row, max(0, table.row_count - 1)))
        self._show_resumable(self.query_one("#resume-banner", Static))
        self._describe_highlighted()

    def _fill(self, table: DataTable[Text]) -> None:
        learner = self.quiz.learner
        if learner is None:
            return
        progress = self.quiz.session.bank_progress(learner)
        for bank in self.quiz.library:
            mine = progress.get(bank.id)
            table.add_row(
                Text(bank.title, overflow="ellipsis", no_wrap=True),
                Text(str(len(bank.questions))),
                _score_cell(mine.last_score, mine.last_max) if mine else Text("—"),
                _score_cell(mine.best_score, mine.best_max) if mine else Text("—"),
                _progress_cell(bank, mine),
                key=bank.id,
            )

    def _show_resumable(self, banner: Static) -> None:
        resumable = self.quiz.resumable()
        banner.display = resumable is not None
        if resumable is not None:
            mode = Mode(resumable.mode).label if resumable.mode in set(Mode) else resumable.mode
            banner.update(
                Content(
                    f"Unfinished: {self.quiz.library.bank_title(resumable.bank_id)} · {mode} · "
                    f"{len(resumable.answered_ids)} of {len(resumable.question_ids)} answered, "
                    f"started {short_time(resumable.started_at)}. r: resume · x: discard"
                )
            )

    def highlighted_bank(self) -> Bank | None:
        table = self.query_one("#banks", DataTable)
        banks = self.quiz.library.banks
        return banks[table.cursor_row] if banks and 0 <= table.cursor_row < len(banks) else None

    def _describe_highlighted(self) -> None:
        bank = self.highlighted_bank()
        text = "" if bank is None else f"{bank.title}\n{bank.description}"
        self.query_one("#bank-description", Static).update(Content(text))

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._describe_highlighted()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_setup()

    def action_setup(self) -> None:
        bank = self.highlighted_bank()
        if bank is not None:
            self.open_setup(bank)

    def open_setup(self, bank: Bank) -> None:
        from quiz.tui.screens.setup import RoundSetupScreen

        tags = self.quiz.library.tags(bank.id)
        self.app.push_screen(RoundSetupScreen(bank, tags, self.quiz.new_seed), self._start_from_setup)

    def _start_from_setup(self, settings: RoundSettings | None) -> None:
        if settings is not None:
            self.quiz.start_round(settings)

    def action_notes(self) -> None:
        bank = self.highlighted_bank()
        if bank is not None:
            from quiz.tui.screens.notes import NotesScreen

            self.app.push_screen(NotesScreen(bank))

    def action_quick(self) -> None:
        self._start_mixed(Mode.QUICK)

    def action_mistakes(self) -> None:
        self._start_mixed(Mode.REVIEW)

    def _start_mixed(self, mode: Mode) -> None:
        """A round over every bank; round code is imported when a round starts, not with the library."""
        from quiz.study.settings import RoundSettings

        self.quiz.start_round(RoundSettings(mode=mode, seed=self.quiz.new_seed(), bank_id=ALL_BANKS))

    def action_resume(self) -> None:
        if not self.quiz.resume_round():
            self.notify("There is no unfinished round to resume.", severity="warning")

    def action_discard(self) -> None:
        resumable = self.quiz.resumable()
        if resumable is None:
            return
        self.quiz.session.discard(resumable)
        self.notify("The unfinished round is no longer offered; its answers stay in your history.")
        self.refresh_library()

    def action_history(self) -> None:
        from quiz.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_learner(self) -> None:
        self.quiz.choose_learner()
