"""cloze: the passage with its blanks numbered, then one field per blank; Tab moves between them."""

from __future__ import annotations

from typing import ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from quiz.bank.answers import Response
from quiz.bank.model import Blank, ClozeQuestion
from quiz.tui.widgets.answer_base import MAX_OPTIONS, Incomplete


def passage_content(question: ClozeQuestion) -> Content:
    """The passage as plain content, each blank shown as ``(1)____`` where the learner fills it."""
    return Content("".join(part if isinstance(part, str) else f"({part + 1})____" for part in question.parts()))


class DropdownBlank(Widget, can_focus=True):
    """A blank filled from its choices: ←/→ (or 1-8) pick one; Enter is left to the screen, to submit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,space", "step(1)", "Next choice", show=False),
        Binding("left", "step(-1)", "Previous choice", show=False),
        *(Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, MAX_OPTIONS + 1)),
    ]

    def __init__(self, choices: tuple[str, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = choices
        self.picked: int | None = None

    def render(self) -> Content:
        shown = "choose with ← →" if self.picked is None else self.choices[self.picked]
        return Content(f"◂ {shown} ▸   ").append(Content(" / ".join(self.choices)).stylize("dim"))

    def action_step(self, by: int) -> None:
        if self.picked is None:
            self.picked = 0 if by > 0 else len(self.choices) - 1
        else:
            self.picked = (self.picked + by) % len(self.choices)
        self.refresh()

    def action_pick(self, index: int) -> None:
        if index < len(self.choices):
            self.picked = index
            self.refresh()

    @property
    def value(self) -> str:
        return "" if self.picked is None else self.choices[self.picked]


class ClozeAnswer(Vertical):
    """One field per blank, in the blanks' order; the response is their texts, blank 1 first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, so focus moves when the Tab is read rather than when it reaches the field: the
        # keys typed after it, in the same burst, then land in the next blank.
        Binding("tab", "move(1)", "Next blank", show=False, priority=True),
        Binding("shift+tab", "move(-1)", "Previous blank", show=False, priority=True),
    ]

    def __init__(self, question: ClozeQuestion, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="answer")
        self.question = question

    def compose(self) -> ComposeResult:
        yield Static(passage_content(self.question), classes="passage")
        for index, blank in enumerate(self.question.blanks):
            with Horizontal():
                yield Label(Content(f"({index + 1})"))
                yield self._field(index, blank)

    @staticmethod
    def _field(index: int, blank: Blank) -> Widget:
        if blank.choices:
            return DropdownBlank(blank.choices, id=f"blank-{index + 1}")
        return Input(placeholder=f"Blank {index + 1}: type it", id=f"blank-{index + 1}")

    def fields(self) -> list[Input | DropdownBlank]:
        return [cast("Input | DropdownBlank", self.query_one(f"#blank-{n}"))
                for n in range(1, len(self.question.blanks) + 1)]

    def focus(self, scroll_visible: bool = True) -> ClozeAnswer:
        self.fields()[0].focus(scroll_visible)
        return self

    def action_move(self, by: int) -> None:
        fields = self.fields()
        here = next((n for n, field in enumerate(fields) if field.has_focus), 0)
        self.screen.set_focus(fields[(here + by) % len(fields)])  # at once: Widget.focus waits a turn

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a blank moves to the next empty one; in the last one it submits (the event goes on up)."""
        empty = [field for field in self.fields() if not field.value.strip()]
        if empty and empty[0] is not event.input:
            event.stop()
            self.screen.set_focus(empty[0])

    def response(self) -> Response:
        values = [field.value.strip() for field in self.fields()]
        missing = [str(number) for number, value in enumerate(values, 1) if not value]
        if missing:
            which = f"blank {missing[0]} is" if len(missing) == 1 else f"blanks {', '.join(missing)} are"
            raise Incomplete(f"Fill every blank first: {which} still empty.")
        return tuple(values)
