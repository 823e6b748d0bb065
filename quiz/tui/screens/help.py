"""Every key of the app, read from the real bindings: the screen help was opened from comes first.

Nothing here lists a key by hand. The calling screen's section is its active bindings (the focused
widget's, the screen's, the app's), as Textual's own key panel reads them; the other sections read
each screen's and widget's ``BINDINGS``. ``SECTIONS`` also holds docs/app.md and the README to the
bindings (tests/tui/test_help.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, OptionList, Static, Tabs

from quiz.tui.app import QuizApp
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.history import HistoryScreen
from quiz.tui.screens.learner import LearnerScreen
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.notes import NotesScreen
from quiz.tui.screens.progress import ProgressScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.questions import QuestionsScreen
from quiz.tui.screens.review import ReviewScreen
from quiz.tui.screens.setup import RoundSetupScreen
from quiz.tui.screens.study_settings import StudySettingsScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answer_choice import ChoiceAnswer, TrueFalseAnswer
from quiz.tui.widgets.answer_cloze import ClozeAnswer, DropdownBlank
from quiz.tui.widgets.answer_match import MatchLefts
from quiz.tui.widgets.answer_multi import MultiAnswer
from quiz.tui.widgets.answer_order import OrderAnswer

KEY_WIDTH = 18

SECTIONS: tuple[tuple[str, tuple[type[DOMNode], ...]], ...] = (
    ("everywhere", (QuizApp, Screen)),
    ("who is studying", (LearnerScreen, OptionList, Input)),
    ("library", (LibraryScreen, DataTable)),
    ("round setup", (RoundSetupScreen,)),
    ("question", (QuestionScreen, ChoiceAnswer, TrueFalseAnswer, MultiAnswer, OrderAnswer, MatchLefts, ClozeAnswer,
                  DropdownBlank)),
    ("yes or no", (ConfirmScreen,)),
    ("feedback", (FeedbackScreen,)),
    ("summary", (SummaryScreen,)),
    ("review", (ReviewScreen,)),
    ("progress", (ProgressScreen, Tabs, DataTable)),
    ("questions of a bank", (QuestionsScreen, DataTable)),
    ("study settings", (StudySettingsScreen,)),
    ("history, notes", (HistoryScreen, NotesScreen, Tabs)),
)
"""Where each binding applies, by the name the docs' key tables use."""

_NAMES = {
    "enter": "Enter", "escape": "Escape", "space": "Space", "backspace": "Backspace", "delete": "Delete",
    "tab": "Tab", "up": "↑", "down": "↓", "left": "←", "right": "→", "pageup": "PgUp", "pagedown": "PgDn",
    "home": "Home", "end": "End", "question_mark": "?",
}


def key_name(key: str) -> str:
    """``ctrl+s`` -> ``Ctrl+S``, ``question_mark`` -> ``?``, ``shift+up`` -> ``Shift+↑``."""
    *modifiers, last = key.split("+")
    shown = _NAMES.get(last, last.upper() if modifiers or (len(last) > 1 and last[0] == "f") else last)
    return "+".join([*(modifier.capitalize() for modifier in modifiers), shown])


def declared(cls: type[DOMNode]) -> list[Binding]:
    """The bindings a class declares, with those of its quiz bases (not Textual's own scrolling keys)."""
    bindings: list[Binding] = []
    for klass in cls.__mro__:
        if klass is cls or klass.__module__.startswith("quiz."):
            for item in klass.__dict__.get("BINDINGS", ()):
                bindings += Binding.make_bindings([item])
    return bindings


def help_rows(bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(keys, what) per description: ``1-8`` for a run of number keys, ``Enter, n, Space`` for one binding."""
    rows: dict[str, list[str]] = {}
    for binding in bindings:
        if not binding.description or binding.action.startswith("app.focus"):
            continue
        keys = rows.setdefault(binding.description, [])
        for key in binding.key.split(","):
            if key_name(key) not in keys:
                keys.append(key_name(key))
    return [(_number_run(keys), what) for what, keys in rows.items()]


def _number_run(keys: list[str]) -> str:
    digits = [key for key in keys if re.fullmatch(r"[0-9]", key)]
    others = [key for key in keys if key not in digits]
    if len(digits) > 2:
        others.insert(0, f"{digits[0]}-{digits[-1]}")
    else:
        others = keys
    return ", ".join(others)


def _key_table(rows: list[tuple[str, str]]) -> Table:
    """Keys in a fixed column, what they do wrapping beside them."""
    table = Table.grid(padding=(0, 2))
    table.add_column(width=KEY_WIDTH)
    table.add_column(ratio=1)
    for keys, what in rows:
        table.add_row(Text(keys, style="bold"), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    """Opened with ? or F1 from any screen; Escape, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,question_mark,q", "dismiss", "Close")]

    def __init__(self, origin: Screen[object]) -> None:
        super().__init__()
        self.origin = origin
        section = next((classes for _title, classes in SECTIONS if type(origin) in classes), ())
        active = origin.active_bindings.values()
        nodes = {type(node) for node, _binding, _enabled, _tip in active}
        ours = {(b.key, b.action) for cls in (*SECTIONS[0][1], *section, *nodes) for b in declared(cls)}
        here = [(node, binding) for node, binding, _enabled, _tip in active if (binding.key, binding.action) in ours]
        # The screen's and the app's own keys first, then those of Textual's widgets (cursor keys).
        here.sort(key=lambda item: not type(item[0]).__module__.startswith("quiz."))
        self.here = [binding for _node, binding in here]

    def compose(self) -> ComposeResult:
        name = next((title for title, classes in SECTIONS if type(self.origin) in classes), "this screen")
        with VerticalScroll(id="help"):
            yield _line(f"Keys here ({name}) · Escape closes this help", "dialog-title")
            yield _line(_key_table(help_rows(self.here)), "keys")
            for title, classes in SECTIONS[1:]:
                if type(self.origin) in classes:
                    continue
                yield _line(title.capitalize(), "heading")
                yield _line(_key_table(help_rows(b for cls in classes for b in declared(cls))), "keys")


def _line(content: str | Table, classes: str) -> Static:
    """A help line: plain text as Content (never markup), tables as they are."""
    return Static(Content(content) if isinstance(content, str) else content, classes=classes)
