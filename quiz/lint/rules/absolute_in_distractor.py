"""Absolute words (always, never, all, none) appear only in wrong choices.

Learners know that sweeping claims are seldom true, so an absolute word marks a choice as wrong
without any knowledge of the topic. Detects a choice or multi question where at least one wrong
choice holds always, never, all, none, every, nobody, nothing, entirely, completely, absolutely or
forever and no right choice holds any of them. Misses absolutes in other words ("without exception")
and a right answer that is the only absolute (a cue the other way, rarer and often legitimate).

Bad:
    - id: ex.bad
      type: choice
      prompt: How did KFOR's numbers change after 1999?
      choices:
        - They fell over the years
        - They always stayed the same
        - They never fell below 50,000
      answer: They fell over the years
      explanation: The force was cut in stages.
      source: report

Good:
    - id: ex.good
      type: choice
      prompt: How did KFOR's numbers change after 1999?
      choices:
        - They fell over the years
        - They stayed about the same
        - They rose after 2008
      answer: They fell over the years
      explanation: The force was cut in stages.
      source: report
"""

from __future__ import annotations

from collections.abc import Iterator

from quiz.bank.model import AnyQuestion
from quiz.lint.options import split
from quiz.lint.rule import Flaw
from quiz.lint.text import words

ID = "absolute-in-distractor"
SCOPE = "question"
HINT = "qualify the wrong choice without an absolute word, or make the right answer just as sweeping"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (avoid specific determiners such as always, "
          "never, completely); Tarrant et al. 2006 and Moore et al. 2023, 'absolute terms'")

ABSOLUTES = frozenset(("always", "never", "all", "none", "every", "nobody", "nothing", "entirely",
                       "completely", "absolutely", "forever"))


def _absolutes(text: str) -> list[str]:
    return [word for word in words(text) if word in ABSOLUTES]


def check(question: AnyQuestion) -> Iterator[Flaw]:
    keys, distractors = split(question)
    if not keys or any(_absolutes(key.text) for key in keys):
        return
    for option in distractors:
        found = _absolutes(option.text)
        if found:
            yield Flaw(option.key, f"wrong choice {option.text!r} says {found[0]!r}, and no right choice "
                                   "is absolute: the word gives it away")
