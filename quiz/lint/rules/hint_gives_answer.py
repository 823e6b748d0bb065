"""The hint contains the answer.

A hint should narrow the search, not end it: a learner who asks for it is then scored on reading.
Detects a hint that holds, as whole words, the right choice of a choice question (when it holds no
wrong choice as well), any accepted answer of a short question, or the answer of a number question.
Misses a hint that gives the answer away in other words, or by elimination.

Bad:
    - id: ex.bad
      type: short
      prompt: Which village's monastery did the armed group enter on 24 September 2023?
      answers: [Banjska]
      hint: Think of Banjska, in Zvečan municipality.
      explanation: After the shooting near the village, the gunmen barricaded themselves in its monastery.
      source: report

Good:
    - id: ex.good
      type: short
      prompt: Which village's monastery did the armed group enter on 24 September 2023?
      answers: [Banjska]
      hint: It is in Zvečan municipality, north of Mitrovica.
      explanation: After the shooting near the village, the gunmen barricaded themselves in its monastery.
      source: report
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.bank.model import AnyQuestion, NumberQuestion, ShortQuestion
from quiz.lint.options import split
from quiz.lint.rule import Flaw
from quiz.lint.text import words

ID = "hint-gives-answer"
SCOPE = "question"
HINT = "hint at where or when to look, without the answer's own words"
SOURCE = "Haladyna, Downing & Rodriguez 2002 (avoid giving clues to the right answer)"


def _holds(text: str, phrase: str) -> bool:
    wanted = words(phrase)
    if not wanted or len("".join(wanted)) < 3:
        return False
    return f" {' '.join(wanted)} " in f" {' '.join(words(text))} "


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _given_away(question: AnyQuestion) -> str | None:
    hint = question.hint
    if isinstance(question, ShortQuestion):
        return next((answer for answer in question.answers if _holds(hint, answer)), None)
    if isinstance(question, NumberQuestion):
        number = _number_text(question.answer)
        return number if re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", hint) else None
    keys, distractors = split(question)
    if any(_holds(hint, option.text) for option in distractors):
        return None
    return next((option.text for option in keys if _holds(hint, option.text)), None)


def check(question: AnyQuestion) -> Iterator[Flaw]:
    if not question.hint:
        return
    answer = _given_away(question)
    if answer is not None:
        yield Flaw("hint", f"the hint contains the answer {answer!r}")
