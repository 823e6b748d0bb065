"""A bank's study notes: primer, timeline and glossary, to read before or after a round."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static, TabbedContent, TabPane

from quiz.bank.model import Bank
from quiz.study.wording import human_date, reflow
from quiz.tui.widgets.key_bar import KeyBar
from quiz.tui.widgets.tab_scroll import TabScrollScreen

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class NotesScreen(TabScrollScreen):
    """Three tabs; Escape goes back to the library."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *TabScrollScreen.BINDINGS,
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    def compose(self) -> ComposeResult:
        notes = self.bank.notes
        yield Static(Content(f"Study notes · {self.bank.title}"), classes="screen-title")
        quiz = cast("QuizApp", self.app)
        if quiz.learner is not None and quiz.session.exam_in_progress(quiz.learner):
            yield Static(
                Content(
                    "The study notes open once your unfinished exam is over: resume it with r "
                    "(or discard it with x) in the library."
                ),
                id="notes-closed",
                classes="notes warning",
            )
            yield KeyBar()
            return
        with TabbedContent(id="notes-tabs"):
            with TabPane("Primer", id="primer"), VerticalScroll():
                yield Static(Content(reflow(notes.primer) or "This bank has no primer."), classes="notes")
            with TabPane("Timeline", id="timeline"), VerticalScroll():
                if not notes.timeline:
                    yield Static(Content("This bank has no timeline."), classes="notes")
                for event in notes.timeline:
                    yield Static(Content(human_date(event.date)), classes="heading")
                    yield Static(Content(event.event), classes="notes")
            with TabPane("Glossary", id="glossary"), VerticalScroll():
                if not notes.glossary:
                    yield Static(Content("This bank has no glossary."), classes="notes")
                for entry in notes.glossary:
                    also = f" (also: {', '.join(entry.also)})" if entry.also else ""
                    yield Static(Content(entry.term + also), classes="heading")
                    yield Static(Content(entry.definition), classes="notes")
        yield KeyBar()
