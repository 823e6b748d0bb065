"""A choice reads "all of the above" or "none of the above".

"All of the above" is found by spotting two right options; "none of the above" tells nothing about
whether the learner knows the answer. Here they are also wrong on their face: quiz shuffles the
choices in every round, so "above" points at whatever happens to be shown first. Detects a choice
that is only such a phrase (all/none/both/neither of the above, of these, of them). Misses the same
idea in other words ("every option listed").

Bad:
    - id: ex.bad
      type: choice
      prompt: Which bodies did Resolution 1244 create?
      choices: [UNMIK, KFOR, All of the above]
      answer: All of the above
      explanation: It set up both the civil and the security presence.
      source: report

Good:
    - id: ex.good
      type: multi
      prompt: Which bodies did Resolution 1244 create?
      choices: [UNMIK, KFOR, EULEX]
      answers: [UNMIK, KFOR]
      explanation: It set up both; EULEX came in 2008.
      source: report
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.bank.model import AnyQuestion
from quiz.lint.options import options
from quiz.lint.rule import Flaw
from quiz.lint.text import fold

ID = "all-or-none-of-the-above"
SCOPE = "question"
HINT = "ask a multi question for several right answers, or write a real alternative as the choice"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (avoid all-of-the-above; use none-of-the-above "
          "carefully); Tarrant et al. 2006 and Moore et al. 2023, 'all of the above', 'none of the above'")

_PHRASE = re.compile(r"^\W*(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|them|those)"
                     r"(?:\s+(?:choices|options|answers))?\W*$")


def check(question: AnyQuestion) -> Iterator[Flaw]:
    for option in options(question):
        if _PHRASE.match(fold(option.text)):
            yield Flaw(option.key, f"choice {option.text!r} depends on the other choices, which are shuffled")
