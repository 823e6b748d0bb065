"""A choice rests on a vague frequency word (often, sometimes, usually, rarely).

Whether "often" is right depends on what the reader thinks often means, so informed learners
disagree and the question measures guessing at the writer's mind. Detects choices holding
frequently, occasionally, often, sometimes, usually, rarely, seldom, commonly, generally or
typically. Misses vague words of amount or degree ("many", "largely"), which are too common in
ordinary good choices to flag without false alarms.

Bad:
    - id: ex.bad
      type: choice
      prompt: How did Serb-majority municipalities in the north treat Kosovo's elections after 2008?
      choices: [They often boycotted them, They took part as everywhere else, They held no vote]
      answer: They often boycotted them
      explanation: Turnout in the north was very low in several votes.
      source: report

Good:
    - id: ex.good
      type: choice
      prompt: How did Serb parties treat the April 2023 local elections in the north?
      choices: [They boycotted them, They won most seats, They asked for a delay and took part]
      answer: They boycotted them
      explanation: Turnout was about 3.5 per cent.
      source: report
"""

from __future__ import annotations

from collections.abc import Iterator

from quiz.bank.model import AnyQuestion
from quiz.lint.options import options
from quiz.lint.rule import Flaw
from quiz.lint.text import words

ID = "vague-terms"
SCOPE = "question"
HINT = "say how often or when (in 2011 and 2013, in every vote since 2008)"
SOURCE = "Tarrant et al. 2006 and Moore et al. 2023, 'vague terms'"

VAGUE = frozenset(("frequently", "occasionally", "often", "sometimes", "usually", "rarely", "seldom",
                   "commonly", "generally", "typically"))


def check(question: AnyQuestion) -> Iterator[Flaw]:
    for option in options(question):
        found = [word for word in words(option.text) if word in VAGUE]
        if found:
            yield Flaw(option.key, f"choice {option.text!r} rests on the vague word {found[0]!r}")
