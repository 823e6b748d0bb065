"""The commented starter bank that `quiz new` writes: one question of every type, valid as written."""

from __future__ import annotations

STARTER = """\
# yaml-language-server: $schema={schema}
# A quiz question bank. The format is documented in docs/bank-format.md; check it with
#   quiz validate {name}
format: 1                       # the format version this file is written in
id: {bank_id}                   # lowercase letters, digits, '.', '_' and '-'
title: My first bank
description: What this bank covers, in a sentence or two.
language: en

# Every question cites one of these by id, optionally with a paragraph: "report#p3".
sources:
  report:
    title: Title of the article or document
    publisher: Who published it
    date: "2023-09-24"
    url: https://example.org/the-article
    notes: Anything a reader should know about this source.

# Optional study notes, shown in the app before or after a round.
notes:
  primer: |
    A few short paragraphs of background a learner can read first.
  timeline:
    - date: "2023-09-24"
      event: What happened on that day, in one sentence.
      source: report#p1
  glossary:
    - term: KFOR
      definition: The NATO-led Kosovo Force, deployed in June 1999.
      also: [Kosovo Force]

questions:
  # choice: one right answer among 2-8 choices; the answer is the choice's text.
  - id: {bank_id}.choice-example
    type: choice
    prompt: Which of these is a question type in quiz?
    choices:
      - choice
      - text: essay
        feedback: Essays need a human to mark them, so quiz has no essay type.
    answer: choice
    explanation: A choice question has exactly one right answer among its choices.
    source: report#p1
    tags: [example]
    difficulty: 1
    hint: Look at the type of this very question.

  # multi: several right answers.
  - id: {bank_id}.multi-example
    type: multi
    prompt: Which of these are question types in quiz?
    choices: [multi, short, essay]
    answers: [multi, short]
    explanation: quiz has eight types; essay is not one of them.
    source: report
    tags: [example]
    difficulty: 2

  # truefalse: the answer is true or false (unquoted).
  - id: {bank_id}.truefalse-example
    type: truefalse
    prompt: Every question must cite a source.
    answer: true
    explanation: The source is shown with the feedback, so learners can check the answer.
    source: report
    tags: [example]

  # short: typed answers, matched ignoring case, diacritics, punctuation and spacing.
  - id: {bank_id}.short-example
    type: short
    prompt: Near which town in northern Kosovo did the attack of 24 September 2023 happen?
    answers: [Leposavić, Leposaviq]
    explanation: Leposavić is the Serbian name and Leposaviq the Albanian one; both are accepted.
    source: report#p6
    tags: [example]

  # order: 3-8 items written in the right order; the app shuffles them.
  - id: {bank_id}.order-example
    type: order
    prompt: Put these steps in order.
    items: [Write the bank, Validate it, Study it]
    explanation: A bank is checked before learners meet it.
    source: report
    tags: [example]

  # match: 3-8 pairs; the app shuffles the right-hand column.
  - id: {bank_id}.match-example
    type: match
    prompt: Match each type to what the learner does.
    pairs:
      - {{left: order, right: Arranges items}}
      - {{left: short, right: Types an answer}}
      - {{left: number, right: Enters a figure}}
    explanation: Each type asks for a different kind of answer.
    source: report
    tags: [example]

  # number: a year or figure, with an optional tolerance and unit.
  - id: {bank_id}.number-example
    type: number
    prompt: In which year was Resolution 1244 adopted?
    answer: 1999
    tolerance: 0
    explanation: The UN Security Council adopted it on 10 June 1999.
    source: report
    tags: [example]

  # cloze: a passage with numbered blanks {{1}}, {{2}}, ... Each blank lists what it accepts, matched like a
  # short answer; give it choices to make it a dropdown. Scored per blank.
  - id: {bank_id}.cloze-example
    type: cloze
    prompt: Fill in the blanks.
    passage: Resolution 1244 was adopted by the UN {{1}} in {{2}}.
    blanks:
      - [Security Council, UNSC]
      - answers: June 1999
        choices: [March 1999, June 1999, February 2008]
    explanation: The Security Council adopted it on 10 June 1999, when NATO's air campaign ended.
    source: report
    tags: [example]
"""


def starter_bank(bank_id: str, name: str, schema: str) -> str:
    """The starter bank text for a file called ``name``, pointing editors at ``schema``."""
    return STARTER.format(bank_id=bank_id, name=name, schema=schema)
