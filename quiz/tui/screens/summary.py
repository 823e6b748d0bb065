"""The end of a round: score, time, results per tag, the missed questions, and retrying them."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from quiz.study.modes import Mode
from quiz.study.report import RoundReport
from quiz.study.settings import RoundSettings
from quiz.study.wording import format_percent, format_score, format_seconds, verdict_words
from quiz.tui.screens.review import ReviewScreen
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class SummaryScreen(Screen[None]):
    """Escape goes back to the library; the missed list opens each one in the review screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,b", "app.pop_screen", "Library"),
        Binding("v", "review_missed", "Review missed"),
        Binding("a", "review_all", "Review all"),
        Binding("r", "retry", "Retry mistakes"),
    ]

    def __init__(self, report: RoundReport) -> None:
        super().__init__()
        self.report = report

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        report = self.report
        yield Static(Content(f"Round finished · {report.title} · {report.mode_label}"), classes="screen-title")
        score = (
            f"Score {format_score(report.score)} of {report.maximum} "
            f"({format_percent(report.score, report.maximum)}) · Time {format_seconds(report.seconds)}"
        )
        yield Static(Content(score), id="score", classes="big")
        if report.mode is Mode.LEARN and not report.unanswered:
            yield Static(Content(report.learned_words()), id="learned", classes="line")
        if report.unanswered:
            yield Static(
                Content(f"Time ran out: {report.unanswered} unanswered (they count as 0)."),
                id="unanswered",
                classes="warning",
            )
        with VerticalScroll(id="summary-body"):
            if report.tags:
                yield Static(Content("By tag"), classes="heading")
                tags: DataTable[Text] = DataTable(id="tags", cursor_type="none", show_cursor=False)
                tags.add_columns("Tag", "Score", "Of", "%")
                for tag in report.tags:
                    tags.add_row(
                        Text(tag.tag),
                        Text(format_score(tag.score)),
                        Text(str(tag.maximum)),
                        Text(format_percent(tag.score, tag.maximum)),
                    )
                yield tags
            missed = report.missed
            title = f"Missed ({len(missed)}) · Enter opens one" if missed else "Nothing missed."
            yield Static(Content(title), classes="heading")
            options = [
                Option(Content(f"{verdict_words(outcome.score)} · ").append(Content(outcome.located.question.prompt)))
                for outcome in missed
            ]
            yield OptionList(*options, markup=False, id="missed")
        yield KeyBar()

    def on_mount(self) -> None:
        missed = self.query_one("#missed", OptionList)
        missed.display = bool(self.report.missed)
        if self.report.missed:
            missed.highlighted = 0
            missed.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer review and retry of the missed questions only when something was missed."""
        if action in ("review_missed", "retry"):
            return bool(self.report.missed)
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(ReviewScreen(self.report.missed, "Missed", event.option_index))

    def action_review_missed(self) -> None:
        if self.report.missed:
            self.app.push_screen(ReviewScreen(self.report.missed, "Missed"))
        else:
            self.notify("Nothing to review: every answer was right.")

    def action_review_all(self) -> None:
        if self.report.everything:
            self.app.push_screen(ReviewScreen(self.report.everything, "Question"))

    def action_retry(self) -> None:
        ids = tuple(outcome.located.question.id for outcome in self.report.missed)
        if not ids:
            self.notify("Nothing to retry: every answer was right.")
            return
        self.quiz.start_round(
            RoundSettings(mode=Mode.REVIEW, seed=self.quiz.new_seed(), bank_id=self.report.bank_id, question_ids=ids),
            replace=True,
        )
