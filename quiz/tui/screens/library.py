"""The library: today's reviews, every bank with what is due, new and known, last and best score; rounds start here.

The Today line and the Due, New and Known columns come from Session.today (docs/learning.md); every
column but the bank's title has a fixed width, and the title takes what is left (wrapping onto a
second line when long), so the table fits 80 columns with nothing cut. The screens it opens are
imported when opened: the library is the first screen, so it stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.study.modes import ALL_BANKS, Mode
from quiz.study.wording import format_score, short_time
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.bank.model import Bank
    from quiz.study.settings import RoundSettings
    from quiz.study.today import Today
    from quiz.tui.app import QuizApp

COLUMNS = (("Due", 3), ("New", 3), ("Known", 7), ("Last", 8), ("Best", 8))
"""The numeric columns and their widths: enough for "61/61" and "10.33/15"."""
_CHROME = 4 + 2 * (len(COLUMNS) + 1)
"""Margins, scrollbar and each cell's padding."""


def _score_cell(score: float | None, maximum: int | None) -> Text:
    if score is None or not maximum:
        return Text("—")
    return Text(f"{format_score(score)}/{maximum}")


def today_line(today: Today) -> str:
    """``Today: 12 due · 8 new`` and, with nothing to do now, when the next review is."""
    line = f"Today: {today.describe()}"
    if today.changed:
        line += f" ({today.changed} changed: new again)"
    if today.due or today.new:
        return f"{line} · d: study them"
    if today.next_due is not None:
        return f"{line} · next review {short_time(today.next_due.isoformat())} · d: study ahead"
    return f"{line} · every question is suspended"


class LibraryScreen(Screen[None]):
    """Banks in a table; the description of the highlighted one below it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "setup", "Start…", show=False),
        Binding("d", "due", "Due"),
        Binding("n", "notes", "Notes"),
        Binding("k", "quick", "Quick"),
        Binding("m", "mistakes", "Mistakes"),
        Binding("r", "resume", "Resume", show=False),  # the banner offers it when there is a round to resume
        Binding("x", "discard", "Discard", show=False),
        Binding("h", "history", "History"),
        Binding("p", "progress", "Progress"),
        Binding("l", "learner", "Learner", show=False),  # rarely needed; the help lists it
    ]

    def __init__(self) -> None:
        super().__init__()
        self._shown = False
        self._today: Today | None = None

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        learner = self.quiz.learner
        name = learner.name if learner else ""
        yield Static(Content(f"Library · {name}"), id="library-title", classes="screen-title")
        yield Static(Content(""), id="today")
        banner = Static(Content(""), id="resume-banner")
        self._show_resumable(banner)
        yield banner
        table: DataTable[Text] = DataTable(id="banks", cursor_type="row", zebra_stripes=True)
        self._add_columns(table, self.app.size.width)
        self._fill(table)
        yield table
        yield Static(Content(""), id="bank-description")
        yield Static(
            Content("Enter: start a round on this bank · n: its study notes · ?: every key"), classes="hint"
        )
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_today()
        self._describe_highlighted()
        self.query_one("#banks", DataTable).focus()

    def on_screen_resume(self) -> None:
        """Back from a round, history or notes: scores and the unfinished round may have changed."""
        if self._shown:
            self.refresh_library()
        self._shown = True

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal: the bank title's column takes what the others leave."""
        table = self.query_one("#banks", DataTable)
        if table.ordered_columns and table.ordered_columns[0].width != self._title_width(event.size.width):
            self._refill(table, event.size.width)

    @staticmethod
    def _title_width(screen_width: int) -> int:
        return max(12, screen_width - _CHROME - sum(width for _, width in COLUMNS))

    def _add_columns(self, table: DataTable[Text], screen_width: int) -> None:
        # Labels as Text: a str label is parsed as Rich markup, which also loads Rich's emoji table.
        table.add_column(Text("Bank"), key="bank", width=self._title_width(screen_width))
        for label, width in COLUMNS:
            table.add_column(Text(label), key=label.lower(), width=width)

    def refresh_library(self) -> None:
        """Reload scores and the unfinished round; the learner may have just finished one."""
        self._refill(self.query_one("#banks", DataTable))
        self._show_today()
        self._show_resumable(self.query_one("#resume-banner", Static))
        self._describe_highlighted()

    def _refill(self, table: DataTable[Text], screen_width: int | None = None) -> None:
        """The rows read again (and the columns laid out again for a new ``screen_width``), keeping the
        highlighted row where it was."""
        row = table.cursor_row
        table.clear(columns=screen_width is not None)
        if screen_width is not None:
            self._add_columns(table, screen_width)
        self._fill(table)
        table.move_cursor(row=min(row, max(0, table.row_count - 1)))

    def _fill(self, table: DataTable[Text]) -> None:
        learner = self.quiz.learner
        if learner is None:
            return
        session = self.quiz.session
        progress = session.bank_scores(learner)
        today = session.today(learner)
        self._today = today
        title_width = table.ordered_columns[0].width
        for bank in self.quiz.library.summaries:
            mine = progress.get(bank.id)
            counts = today.banks[bank.id]
            title = Text(bank.title)
            table.add_row(
                title,
                Text(str(counts.due)),
                Text(str(counts.new)),
                Text(f"{counts.known}/{counts.total}"),
                _score_cell(mine.last_score, mine.last_max) if mine else Text("—"),
                _score_cell(mine.best_score, mine.best_max) if mine else Text("—"),
                key=bank.id,
                height=len(title.wrap(self.app.console, title_width)),  # only the title may wrap
            )

    def _show_today(self) -> None:
        if self._today is not None:
            self.query_one("#today", Static).update(Content(today_line(self._today)))

    def _show_resumable(self, banner: Static) -> None:
        resumable = self.quiz.resumable()
        banner.display = resumable is not None
        if resumable is not None:
            mode = Mode(resumable.mode).label if resumable.mode in set(Mode) else resumable.mode
            done = f"{len(resumable.answered_ids)} of {len(resumable.question_ids)} answered"
            if resumable.mode == Mode.LEARN:
                done = f"{len(resumable.right_ids)} of {len(resumable.question_ids)} right"
            banner.update(
                Content(
                    f"Unfinished: {self.quiz.library.bank_title(resumable.bank_id)} · {mode} · "
                    f"{done}, started {short_time(resumable.started_at)}. r: resume · x: discard"
                )
            )

    def highlighted_bank(self) -> Bank | None:
        row = self._highlighted_row()
        return None if row is None else self.quiz.library.bank(self.quiz.library.summaries[row].id)

    def _highlighted_row(self) -> int | None:
        row = self.query_one("#banks", DataTable).cursor_row
        return row if 0 <= row < len(self.quiz.library) else None

    def _describe_highlighted(self) -> None:
        row = self._highlighted_row()
        bank = None if row is None else self.quiz.library.summaries[row]
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

    def action_due(self) -> None:
        """A Due round over every bank; with nothing due, offer to study ahead."""
        from quiz.study.settings import RoundSettings

        today = self._today
        if today is None or today.due or today.new:
            self.quiz.start_round(RoundSettings(mode=Mode.DUE, seed=self.quiz.new_seed(), bank_id=ALL_BANKS))
            return
        if today.next_due is None:
            self.notify("Nothing is scheduled: every question you studied is suspended.", severity="warning")
            return
        from quiz.tui.screens.confirm import ConfirmScreen

        detail = (
            f"The next review is due {short_time(today.next_due.isoformat())}. Studying ahead asks the "
            "questions you are closest to forgetting now; they come back later than if you waited."
        )
        self.app.push_screen(ConfirmScreen("Nothing is due now.", detail, "Study ahead", "Not now"), self._ahead)

    def _ahead(self, yes: bool | None) -> None:
        from quiz.study.settings import RoundSettings

        if yes:
            settings = RoundSettings(mode=Mode.DUE, seed=self.quiz.new_seed(), bank_id=ALL_BANKS, ahead=True)
            self.quiz.start_round(settings)

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

    def action_progress(self) -> None:
        from quiz.tui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen())

    def action_learner(self) -> None:
        self.quiz.choose_learner()
