"""The right answer is much longer than every wrong one.

Test-wise learners pick the longest option: writers qualify the right answer until it is exactly
true and leave the distractors short. Detects a choice question whose answer (or a multi question
whose every answer) is at least 1.5 times as long as the longest wrong choice and at least 12
characters longer. Misses a key that is only a little longer, or longer in words but not letters.

Bad:
    - id: ex.bad
      type: choice
      prompt: What did Resolution 1244 set up in Kosovo?
      choices:
        - A NATO base
        - A Serbian province
        - An international civil and security presence under UN authority
      answer: An international civil and security presence under UN authority
      explanation: It authorised UNMIK and KFOR.
      source: report

Good:
    - id: ex.good
      type: choice
      prompt: What did Resolution 1244 set up in Kosovo?
      choices:
        - An international civil and security presence
        - A NATO-run protectorate without UN role
        - A joint Serbian and Albanian police force
      answer: An international civil and security presence
      explanation: It authorised UNMIK and KFOR.
      source: report
"""

from __future__ import annotations

from collections.abc import Iterator

from quiz.bank.model import AnyQuestion
from quiz.lint.options import split
from quiz.lint.rule import Flaw

ID = "longest-key"
SCOPE = "question"
HINT = "make the wrong choices as long and as qualified as the right one, or trim the right one"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (keep choices about the same length); "
          "Tarrant et al. 2006 and Moore et al. 2023, 'longest option is correct'")

RATIO = 1.5
MARGIN = 12


def check(question: AnyQuestion) -> Iterator[Flaw]:
    keys, distractors = split(question)
    if not keys or not distractors:
        return
    shortest_key = min(keys, key=lambda o: len(o.text))
    longest_wrong = max(len(o.text) for o in distractors)
    if len(shortest_key.text) >= RATIO * longest_wrong and len(shortest_key.text) - longest_wrong >= MARGIN:
        which = "the right answer is" if len(keys) == 1 else "every right answer is"
        yield Flaw(shortest_key.key, f"{which} {len(shortest_key.text)} characters long, the longest wrong "
                                     f"choice {longest_wrong}: length gives it away")
