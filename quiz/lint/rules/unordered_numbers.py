"""Choices that are all numbers or dates are not written in order.

Written out of order, numeric choices make the learner search instead of recall, and a printout
can hint at the key by where it sits. quiz shuffles choices in a round, but the file's order is what
Markdown printouts and Anki cards show and what a reviewer reads. Detects a choice or multi question
with three or more choices that are each just a number, range or date (``1999``, ``about 13,000``,
``10,000-12,000``, ``24 March 1999``) and are neither ascending nor descending. Misses choices that
mix a number with other words ("in the 1990s", "after 1999").

Bad:
    - id: ex.bad
      type: choice
      prompt: In which year was Resolution 1244 adopted?
      choices: ["2008", "1999", "1989", "2001"]
      answer: "1999"
      explanation: The Security Council adopted it on 10 June 1999.
      source: report

Good:
    - id: ex.good
      type: choice
      prompt: In which year was Resolution 1244 adopted?
      choices: ["1989", "1999", "2001", "2008"]
      answer: "1999"
      explanation: The Security Council adopted it on 10 June 1999.
      source: report
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quiz.bank.model import AnyQuestion
from quiz.lint.options import options
from quiz.lint.rule import Flaw
from quiz.lint.text import date_value, quantity

ID = "unordered-numbers"
SCOPE = "question"
HINT = "write the choices in ascending (or descending) order"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (place choices in logical or numerical order); "
          "Tarrant et al. 2006 and Moore et al. 2023, 'lost sequence'")


def values(texts: Sequence[str]) -> list[tuple[float, ...]] | None:
    """Each choice as a number or a date, all of one kind; None when any choice is something else."""
    numbers = [quantity(text) for text in texts]
    if all(number is not None for number in numbers):
        return [number for number in numbers if number is not None]
    found = [date_value(text) for text in texts]
    if all(day is not None for day in found):
        return [tuple(float(part) for part in day) for day in found if day is not None]
    return None


def check(question: AnyQuestion) -> Iterator[Flaw]:
    texts = [option.text for option in options(question)]
    if len(texts) < 3:
        return
    found = values(texts)
    if found is None or found == sorted(found) or found == sorted(found, reverse=True):
        return
    yield Flaw("choices", "the choices are numbers or dates, but not written in order")
