"""One bank's questions with the learner's level and next review of each; ``s`` suspends or unsuspends one.

A suspended question is never scheduled, nor picked for a round but an exam, until it is unsuspended;
what the learner knew of it is kept.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.bank.model import Bank
from quiz.study.wording import short_time
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class QuestionsScreen(Screen[None]):
    """Escape goes back to the progress screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("s", "toggle_suspend", "Suspend/unsuspend"),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Questions · {self.bank.title}"), classes="screen-title")
        yield Static(Content("s: suspend or unsuspend the highlighted question (asked once)"), classes="hint")
        table: DataTable[Text] = DataTable(id="questions", cursor_type="row", zebra_stripes=True)
        table.add_column("Level", key="level", width=9)
        table.add_column("Next review", key="due", width=16)
        table.add_column("Question", key="question")
        self._fill(table)
        yield table
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#questions", DataTable).focus()

    def _fill(self, table: DataTable[Text]) -> None:
        learner = self.quiz.learner
        assert learner is not None
        knowledge = self.quiz.session.knowledge(learner)
        cards = {card.question_id: card for card in self.quiz.session.cards(learner) if card.bank_id == self.bank.id}
        now = self.quiz.session.clock()
        for question in self.bank.questions:
            known = knowledge.questions[question.id]
            card = cards.get(question.id)
            if known.suspended:
                level, due = "suspended", "never"
            elif card is None or known.level.value == "new":
                level, due = known.level.value, "—"
            else:
                level = known.level.value
                due = "now" if datetime.fromisoformat(card.memory.due) <= now else short_time(card.memory.due)
            table.add_row(Text(level), Text(due), Text(question.prompt, no_wrap=True, overflow="ellipsis"),
                          key=question.id)

    def action_toggle_suspend(self) -> None:
        from quiz.tui.screens.confirm import ConfirmScreen

        learner = self.quiz.learner
        table = self.query_one("#questions", DataTable)
        if learner is None or not table.row_count:
            return
        question_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        located = None if question_id is None else self.quiz.library.locate(question_id)
        if located is None:
            return
        suspended = self.quiz.session.knowledge(learner).questions[located.question.id].suspended
        row = table.cursor_row

        def apply(yes: bool | None) -> None:
            if not yes:
                return
            if suspended:
                self.quiz.session.unsuspend(learner, located)
                self.notify("Unsuspended: it is scheduled again.")
            else:
                self.quiz.session.suspend(learner, located)
                self.notify("Suspended: it will not come back until you unsuspend it.")
            table.clear()
            self._fill(table)
            table.move_cursor(row=row)

        if suspended:
            question, yes = "Unsuspend this question?", "Unsuspend"
            detail = "It is scheduled again from where you left it."
        else:
            question = "Suspend this question?"
            detail = "It will not be scheduled or asked again (except in an exam) until you unsuspend it here."
            yes = "Suspend"
        self.app.push_screen(ConfirmScreen(question, f"{located.question.prompt}\n\n{detail}", yes, "Cancel"), apply)
