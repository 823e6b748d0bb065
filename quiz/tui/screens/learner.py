"""Who is studying: pick a learner (the last one first) or add one."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.errors import QuizError
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class LearnerScreen(Screen[None]):
    """The first screen unless --learner named someone."""

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        learners = self.quiz.session.learners()
        yield Static(Content("Who is studying?"), classes="screen-title")
        if learners:
            yield Static(Content("Pick your name and press Enter, or add a new learner below."), classes="hint")
        options = [Option(Content(learner.name), id=str(learner.id)) for learner in learners]
        yield OptionList(*options, markup=False, id="learners")
        yield Static(Content("New learner"), classes="heading")
        yield Input(placeholder="Type a name, then Enter", id="new-learner", max_length=60)
        yield KeyBar()

    def on_mount(self) -> None:
        learners = self.query_one("#learners", OptionList)
        if learners.option_count:
            learners.highlighted = 0
            learners.focus()
        else:
            learners.display = False
            self.query_one("#new-learner", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        learner = next(
            (item for item in self.quiz.session.learners() if str(item.id) == event.option.id), None
        )
        if learner is not None:
            self.quiz.enter_library(learner)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            learner = self.quiz.session.add_learner(event.value)
        except QuizError as error:
            self.notify(error.message, title="Cannot add this learner", severity="error", markup=False)
            return
        self.quiz.enter_library(learner)


class ClassLearnerScreen(Screen[None]):
    """A served class: type your name, then your PIN (chosen on first use); nobody sees the class list."""

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(Content("Who is studying?"), classes="screen-title")
        yield Static(Content("Type your name, then Enter."), classes="hint")
        yield Input(placeholder="Your name", id="class-name", max_length=60)
        yield Static(Content(""), id="pin-label", classes="hint")
        yield Input(placeholder="4 digits", id="pin", password=True, max_length=4, restrict=r"[0-9]*")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#pin", Input).display = False
        self.query_one("#class-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name_input = self.query_one("#class-name", Input)
        pin_input = self.query_one("#pin", Input)
        if event.input is name_input:
            if not name_input.value.strip():
                self.notify("Type your name first.", severity="warning", markup=False)
                return
            known = self.quiz.session.has_pin(name_input.value)
            label = "Your PIN, then Enter." if known else "New here: choose a 4-digit PIN and remember it."
            self.query_one("#pin-label", Static).update(Content(label))
            pin_input.display = True
            pin_input.value = ""
            pin_input.focus()
            return
        try:
            learner = self.quiz.session.sign_in(name_input.value, pin_input.value)
        except QuizError as error:
            self.query_one("#pin-label", Static).update(Content(f"{error.message} {error.hint}".strip()))
            pin_input.value = ""
            return
        self.quiz.enter_library(learner)
