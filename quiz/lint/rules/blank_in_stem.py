"""The prompt has a blank in the middle of its sentence.

A blank inside the sentence makes the learner hold its two halves in mind and try each choice in
the gap, which tests reading more than knowledge; a question, or a blank at the very end, reads
straight through. Detects in a choice or multi question a blank written as three or more
underscores, or as an ellipsis between words, with words after it in the same sentence. Misses
blanks written otherwise ("[blank]", "(...)").

Bad:
    - id: ex.bad
      type: choice
      prompt: The ___ agreement of 9 June 1999 led NATO to suspend its air campaign.
      choices: [Kumanovo, Rambouillet, Brussels]
      answer: Kumanovo
      explanation: It was signed at Kumanovo, in North Macedonia, by NATO and Yugoslav officers.
      source: report

Good:
    - id: ex.good
      type: choice
      prompt: Which agreement of 9 June 1999 led NATO to suspend its air campaign?
      choices: [Kumanovo, Rambouillet, Brussels]
      answer: Kumanovo
      explanation: It was signed at Kumanovo, in North Macedonia, by NATO and Yugoslav officers.
      source: report
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.bank.model import AnyQuestion, ChoiceQuestion, MultiQuestion
from quiz.lint.rule import Flaw

ID = "blank-in-stem"
SCOPE = "question"
HINT = "ask it as a question (Which agreement ...?), or move the blank to the end of the sentence"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (avoid the inner-blank or partial-sentence form); "
          "Tarrant et al. 2006 and Moore et al. 2023, 'fill in the blank'")

_INNER_BLANK = re.compile(r"(?:_{3,}|(?<=\w )(?:…|\.\.\.)(?= \w))[^.?!]*\w")


def check(question: AnyQuestion) -> Iterator[Flaw]:
    if isinstance(question, (ChoiceQuestion, MultiQuestion)) and _INNER_BLANK.search(question.prompt):
        yield Flaw("prompt", "the prompt has a blank in the middle of its sentence")
