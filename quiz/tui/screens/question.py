"""One question at a time: the prompt, the answer widget for its type, progress and score always shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from quiz.bank.answers import Response
from quiz.bank.model import AnyQuestion
from quiz.errors import QuizError
from quiz.study.outcome import Outcome
from quiz.study.round import Round, RoundTakenOver
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.widgets.answer_base import Incomplete, Unconfirmed
from quiz.tui.widgets.answer_order import OrderAnswer
from quiz.tui.widgets.answer_text import NumberAnswer
from quiz.tui.widgets.answers import AnswerWidget, answer_widget
from quiz.tui.widgets.key_bar import KeyBar
from quiz.tui.widgets.status_bar import StatusBar, progress_text

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

HOW_TO_ANSWER = {
    "choice": "Pick one: 1-{n} or ↑↓ (the highlighted row is your pick). Enter submits it.",
    "multi": "Tick every right one: 1-{n} or Space toggles. Enter submits.",
    "truefalse": "t for true, f for false (or 1 / 2, or ↑↓). Enter submits.",
    "short": "Type the answer; case and accents do not matter. Enter submits.",
    "number": "Type a number (1,974 and 1 974 are 1974; 3,14 is 3.14). Enter submits.",
    "order": "Put in order, first at the top: ↑↓ choose, Shift+↑↓ (or K/J) move. Enter submits.",
    "match": "For each item, press its partner's number (↑↓ choose the item). Enter submits.",
    "cloze": "Fill each blank: type it, or ←→ through a list. Tab moves on; Enter in the last submits.",
}


def how_to_answer(question: AnyQuestion, options: int) -> str:
    return HOW_TO_ANSWER[question.TYPE].format(n=options)


def format_clock(seconds: float) -> str:
    minutes, rest = divmod(int(seconds + 0.999), 60)
    return f"{minutes}:{rest:02d}"


class QuestionScreen(Screen[None]):
    """Shows the round's current question until the round has none left, then hands over to the summary."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Submit"),
        Binding("h,f3", "hint", "Hint"),
        Binding("escape", "leave", "Leave round"),
    ]

    def __init__(self, round_: Round) -> None:
        super().__init__()
        self.round = round_
        self.timer: Timer | None = None

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        yield StatusBar(self.round, self.round.answered + 1)
        with VerticalScroll(id="question-body"):
            yield Static(Content(""), id="prompt", classes="prompt")
            yield Static(Content(""), id="how-to", classes="hint")
            yield Vertical(id="answer-area")
            yield Static(Content(""), id="answer-note", classes="warning")
            yield Static(Content(""), id="hint")
        yield KeyBar()

    async def on_mount(self) -> None:
        await self.show_question()
        if self.round.settings.time_limit:
            self.timer = self.set_interval(0.5, self.tick)
            self.tick()

    async def show_question(self) -> None:
        """Put the next unanswered question on screen, or finish the round when there is none."""
        presentation = self.round.presentation()
        if presentation is None:
            self.quiz.show_summary(self.round)
            return
        question = presentation.question
        options = len(presentation.choices) or len(presentation.rights)
        self.query_one("#progress", Static).update(Content(progress_text(self.round, self.round.answered + 1)))
        self.query_one(StatusBar).show_title_for(question)
        self.query_one("#prompt", Static).update(Content(question.prompt))
        self.query_one("#how-to", Static).update(Content(how_to_answer(question, options)))
        hint = self.query_one("#hint", Static)
        hint.update(Content(""))
        hint.display = False
        self.say("")
        area = self.query_one("#answer-area", Vertical)
        await area.remove_children()
        widget = answer_widget(presentation)
        await area.mount(widget)
        widget.focus()
        self.query_one("#question-body", VerticalScroll).scroll_home(animate=False)
        self.round.show_current()

    def say(self, text: str) -> None:
        """A line under the answer: why Enter did not submit, or how a typed number was read."""
        self.query_one("#answer-note", Static).update(Content(text))

    def action_hint(self) -> None:
        located = self.round.current
        if located is None:
            return
        hint = self.query_one("#hint", Static)
        text = located.question.hint or "This question has no hint."
        hint.update(Content("Hint: ").append(Content(text)))
        hint.display = True
        hint.scroll_visible(animate=False)
        if located.question.hint:
            self.round.show_hint()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A number field says how it reads what is typed, before it is submitted."""
        if isinstance(event.input, NumberAnswer):
            self.say(event.input.reading())

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        await self.action_submit()

    async def action_submit(self) -> None:
        """Score the answer on screen and move on.

        Enter is not a priority binding: it travels the same way as the keys typed before it (to the
        focused answer widget, then up), so a burst of keys from a fast typist or a paste is applied
        before the answer is read.
        """
        if self.round.current is None or not self.is_current:
            return
        widget = cast("AnswerWidget", self.query_one("#answer"))
        try:
            response = widget.response()
        except Incomplete as missing:
            self.say(str(missing))
            return
        except Unconfirmed as unmoved:
            self._ask_to_confirm(str(unmoved))
            return
        await self._record(response)

    def _ask_to_confirm(self, question: str) -> None:
        """y submits the answer as shown; n (or Escape) goes back to change it. Enter does neither."""
        from quiz.tui.screens.confirm import ConfirmScreen

        async def answered(yes: bool | None) -> None:
            if yes and self.round.current is not None:
                widget = self.query_one("#answer", OrderAnswer)
                widget.confirm()
                await self._record(widget.response())

        self.app.push_screen(ConfirmScreen(question, "Nothing has been moved yet.", "Submit", "Change it"), answered)

    async def _record(self, response: Response) -> None:
        try:
            outcome = self.round.answer(response)
        except RoundTakenOver:
            self.quiz.round_taken_over()
            return
        except QuizError as error:  # nothing was stored, and the answer is still in its field
            hint = f" {error.hint}" if error.hint else ""
            message = f"{error.message}{hint} Your answer is not saved yet: Enter sends it again."
            self.notify(message, title="Not saved", severity="error", timeout=30, markup=False)
            return
        if self.round.mode.feedback_each_answer:
            await self.app.push_screen(FeedbackScreen(self.round, outcome), self._after_feedback)
        else:
            await self.show_question()

    async def _after_feedback(self, _result: Outcome | None) -> None:
        await self.show_question()

    def action_leave(self) -> None:
        self.quiz.confirm_leave()

    def tick(self) -> None:
        """Exam with a time limit: show the time left and end the round when it runs out."""
        left = self.round.time_left()
        if left is None or self.round.finished:
            return
        self.query_one(StatusBar).show_time_left(f"Time left {format_clock(left)}")
        if left <= 0 and self.is_current:
            if self.timer is not None:
                self.timer.stop()
            self.notify("Time is up: unanswered questions count as 0.", severity="warning")
            self.quiz.show_summary(self.round)
