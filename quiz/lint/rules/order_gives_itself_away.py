"""An order question whose items carry their own dates, so sorting the dates answers it.

The learner orders the numbers, not the events. Detects an order question in which every item (or
all but one, with four items or more) holds a year or date and those dates already run in the right
order (a bare year counts from 1800 to 2099, since a number such as 1244 is more often a
resolution or a count). Misses other give-aways: ordinals ("the second vote"), "before"/"after" wording, or items
whose order follows from common sense alone.

Bad:
    - id: ex.bad
      type: order
      prompt: Put these in order, earliest first.
      items:
        - Resolution 1244 is adopted (June 1999)
        - Kosovo declares independence (February 2008)
        - The Brussels Agreement is signed (April 2013)
      explanation: 1999, then 2008, then 2013.
      source: report

Good:
    - id: ex.good
      type: order
      prompt: Put these in order, earliest first.
      items:
        - Resolution 1244 is adopted
        - Kosovo declares independence
        - The Brussels Agreement is signed
      explanation: June 1999, then February 2008, then April 2013.
      source: report
"""

from __future__ import annotations

from collections.abc import Iterator

from quiz.bank.model import AnyQuestion, OrderQuestion
from quiz.lint.rule import Flaw
from quiz.lint.text import dates

ID = "order-gives-itself-away"
SCOPE = "question"
HINT = "take the dates out of the items and put them in the explanation"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (avoid giving clues to the right answer); "
          "Case & Swanson 2002 (cues that let a test-wise learner answer without the knowledge)")


def check(question: AnyQuestion) -> Iterator[Flaw]:
    if not isinstance(question, OrderQuestion):
        return
    found = [dates(item) for item in question.items]
    dated = [min(item_dates) for item_dates in found if item_dates]
    enough = len(dated) == len(found) or (len(found) >= 4 and len(dated) == len(found) - 1)
    if not enough or (any(year == 0 for year, _, _ in dated) and len({d[0] for d in dated}) > 1):
        return
    if dated == sorted(dated):
        yield Flaw("items", f"{len(dated)} of the {len(found)} items carry their date, "
                            "and the dates already give the order")
