"""The explanation only restates the answer.

Feedback that says why the answer is right teaches; feedback that repeats it only verifies, and a
learner who got it wrong learns nothing new. Detects an explanation that adds fewer than two content
words (four letters or more, not function words or numbers) to those of the prompt and the answer.
Misses an explanation that brings new words but no reason ("This is the right answer, as the report
clearly shows"), and cannot judge whether a reason is true.

Bad:
    - id: ex.bad
      type: number
      prompt: In which year did Kosovo declare independence?
      answer: 2008
      explanation: Kosovo declared independence in 2008.
      source: report

Good:
    - id: ex.good
      type: number
      prompt: In which year did Kosovo declare independence?
      answer: 2008
      explanation: Its assembly voted on 17 February 2008, after UN-led status talks ended without agreement.
      source: report
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from quiz.bank.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from quiz.lint.rule import Flaw
from quiz.lint.text import content_stems

ID = "explanation-restates-answer"
SCOPE = "question"
HINT = "say why the answer is right, or what the learner might have confused it with"
SOURCE = "Shute 2008, 'Focus on formative feedback' (feedback that explains, not only verifies, helps learning)"

MIN_NEW_WORDS = 2


def answer_text(question: AnyQuestion) -> str:
    """Everything that states the answer, as text."""
    match question:
        case ChoiceQuestion():
            return question.answer
        case MultiQuestion() | ShortQuestion():
            return " ".join(question.answers)
        case TrueFalseQuestion():
            return "true" if question.answer else "false"
        case NumberQuestion():
            return f"{question.answer} {question.unit}"
        case OrderQuestion():
            return " ".join(question.items)
        case MatchQuestion():
            return " ".join(f"{pair.left} {pair.right}" for pair in question.pairs)
        case ClozeQuestion():
            return " ".join(answer for blank in question.blanks for answer in blank.answers)
        case _:
            assert_never(question)


def check(question: AnyQuestion) -> Iterator[Flaw]:
    new = content_stems(question.explanation) - content_stems(question.prompt) - content_stems(answer_text(question))
    if len(new) < MIN_NEW_WORDS:
        yield Flaw("explanation", "the explanation adds nothing to the prompt and the answer"
                   + (f" but {sorted(new)[0]!r}" if new else ""))
