"""More than half of a bank's questions are true/false.

A true/false question is guessed right half the time, so a bank made mostly of them scores
guessing more than knowledge, and learners tire of a single form. Detects a bank in which over half
of the questions are of type truefalse. It belongs to the bank, not to one question, so no question
can allow it: add questions of other types (or turn statements into choice questions). Misses a
round that is mostly true/false because a learner filtered by a tag where they cluster.

Bad:
    - id: ex.one
      type: truefalse
      prompt: KFOR entered Kosovo in June 1999.
      answer: true
      explanation: The first troops crossed from Macedonia on 12 June, after the Kumanovo agreement.
      source: report
    - id: ex.two
      type: truefalse
      prompt: UNMIK was led by NATO.
      answer: false
      explanation: UNMIK was the UN's civil mission; NATO led the separate security force.
      source: report

Good:
    - id: ex.one
      type: truefalse
      prompt: KFOR entered Kosovo in June 1999.
      answer: true
      explanation: The first troops crossed from Macedonia on 12 June, after the Kumanovo agreement.
      source: report
    - id: ex.two
      type: choice
      prompt: Who led UNMIK?
      choices: [The United Nations, NATO, The European Union]
      answer: The United Nations
      explanation: UNMIK was the UN's civil mission; NATO led the separate security force.
      source: report
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quiz.bank.model import Bank, TrueFalseQuestion
from quiz.lint.rule import BankFlaw, Flaw

ID = "truefalse-share"
SCOPE = "banks"
HINT = "add questions of other types, or turn some statements into choice questions"
SOURCE = ("Frisbie & Becker 1991, 'An analysis of textbook advice about true-false tests' (guessing and "
          "what true-false items can measure); a concern of test design, not a flaw of one item in the IWF rubrics")


def check(banks: Sequence[Bank]) -> Iterator[BankFlaw]:
    for bank in banks:
        count = sum(isinstance(question, TrueFalseQuestion) for question in bank.questions)
        if bank.questions and count * 2 > len(bank.questions):
            yield BankFlaw(bank, None, Flaw("questions", f"{count} of the bank's {len(bank.questions)} "
                                                         "questions are true/false"))
