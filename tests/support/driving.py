"""Helpers that drive the app like a learner would: read the screen, press the keys for an answer."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from quiz.bank.model import (
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    ShortQuestion,
    TrueFalseQuestion,
)
from quiz.tui.app import QuizApp
from quiz.tui.screens.question import QuestionScreen


def screen_text(app: App[object]) -> str:
    """The screen as plain text, exactly as a learner would read it (modals over what is beneath)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system=None,
                      record=True, legacy_windows=False, safe_box=False)
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens, simplify=True)
    )
    return console.export_text()


def current_question(app: QuizApp) -> Question:
    screen = app.screen
    assert isinstance(screen, QuestionScreen), f"expected the question screen, got {type(screen).__name__}"
    located = screen.round.current
    assert located is not None
    return located.question


def keys_for_right_answer(app: QuizApp) -> list[str]:
    """The keys that answer the question on screen correctly, read off the widget's shuffled layout."""
    question = current_question(app)
    widget = app.screen.query_one("#answer")
    match question:
        case ChoiceQuestion():
            return [str(widget.texts.index(question.answer) + 1)]
        case MultiQuestion():
            return [str(widget.texts.index(text) + 1) for text in question.answers]
        case TrueFalseQuestion():
            return ["t" if question.answer else "f"]
        case ShortQuestion():
            return list(question.answers[-1])
        case NumberQuestion():
            return list(str(question.answer))
        case OrderQuestion():
            return _order_keys(list(widget.items), list(question.items))
        case MatchQuestion():
            rights = widget.rights
            return [str(rights.index(pair.right) + 1) for pair in question.pairs]
        case ClozeQuestion():
            return _cloze_keys(question, [blank.answers[0] for blank in question.blanks])
    raise AssertionError(f"no keys for {question.TYPE}")


def _cloze_keys(question: ClozeQuestion, fills: list[str]) -> list[str]:
    """Each blank in turn: type it, or press the number of its choice; Tab to the next."""
    keys: list[str] = []
    for index, (blank, fill) in enumerate(zip(question.blanks, fills, strict=True)):
        keys += [str(blank.choices.index(fill) + 1)] if blank.choices else list(fill)
        keys += ["tab"] if index < len(question.blanks) - 1 else []
    return keys


def _order_keys(shown: list[str], wanted: list[str]) -> list[str]:
    """Selection sort with the cursor: go to the item that belongs next, shift+up it into place."""
    keys: list[str] = []
    cursor = 0
    for target, item in enumerate(wanted):
        index = shown.index(item)
        keys += ["down"] * (index - cursor) if index >= cursor else ["up"] * (cursor - index)
        keys += ["shift+up"] * (index - target)
        shown.insert(target, shown.pop(index))
        cursor = target
    return keys


async def answer_right(pilot: Pilot[None], app: QuizApp) -> Question:
    question = current_question(app)
    await pilot.press(*keys_for_right_answer(app), "enter")
    await pilot.pause()
    return question


def keys_for_wrong_answer(app: QuizApp) -> list[str]:
    """Keys for an answer that scores below 1 on the question on screen."""
    question = current_question(app)
    widget = app.screen.query_one("#answer")
    match question:
        case ChoiceQuestion():
            return [str(next(n for n, t in enumerate(widget.texts, 1) if t != question.answer))]
        case MultiQuestion():
            return [str(next(n for n, t in enumerate(widget.texts, 1) if t not in question.answers))]
        case TrueFalseQuestion():
            return ["f" if question.answer else "t"]
        case ShortQuestion():
            return list("nowhere")
        case NumberQuestion():
            return list(str(question.answer + 100))
        case OrderQuestion():
            return ["shift+down", "shift+up"]  # moved and moved back: never shown in the right order
        case MatchQuestion():
            return ["1"] * len(question.pairs)
        case ClozeQuestion():
            wrong = [next(c for c in b.choices if c not in b.answers) if b.choices else "nowhere"
                     for b in question.blanks]
            return _cloze_keys(question, wrong)
    raise AssertionError(f"no keys for {question.TYPE}")


async def answer_wrong(pilot: Pilot[None], app: QuizApp) -> Question:
    question = current_question(app)
    await pilot.press(*keys_for_wrong_answer(app), "enter")
    await pilot.pause()
    return question


async def skip_to(pilot: Pilot[None], app: QuizApp, question_type: str) -> Question:
    """Answer right and go on until a question of this type is on screen (the seed fixes where it is)."""
    while question_type != current_question(app).TYPE:
        await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
    return current_question(app)
