"""The answer widget for each question type, built from a question's presentation."""

from __future__ import annotations

from typing import Protocol, assert_never

from textual.widget import Widget

from quiz.bank.answers import Response
from quiz.bank.model import (
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from quiz.study.presentation import Presentation
from quiz.tui.widgets.answer_choice import ChoiceAnswer, TrueFalseAnswer
from quiz.tui.widgets.answer_cloze import ClozeAnswer
from quiz.tui.widgets.answer_match import MatchAnswer
from quiz.tui.widgets.answer_multi import MultiAnswer
from quiz.tui.widgets.answer_order import OrderAnswer
from quiz.tui.widgets.answer_text import NumberAnswer, ShortAnswer


class AnswerWidget(Protocol):
    def response(self) -> Response: ...


def answer_widget(presentation: Presentation) -> Widget:
    """A fresh widget for the question on screen; every one has ``response()`` and the id ``answer``."""
    question = presentation.question
    texts = tuple(choice.text for choice in presentation.choices)
    match question:
        case ChoiceQuestion():
            return ChoiceAnswer(texts, texts, id="answer")
        case MultiQuestion():
            return MultiAnswer(texts, id="answer")
        case TrueFalseQuestion():
            return TrueFalseAnswer(id="answer")
        case ShortQuestion():
            return ShortAnswer(id="answer")
        case NumberQuestion():
            return NumberAnswer(question.unit, id="answer")
        case OrderQuestion():
            return OrderAnswer(presentation.items, id="answer")
        case MatchQuestion():
            return MatchAnswer(presentation.lefts, presentation.rights, id="answer")
        case ClozeQuestion():
            return ClozeAnswer(question, id="answer")
        case _:
            assert_never(question)
