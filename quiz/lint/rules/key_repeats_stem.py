"""A word of the prompt comes back in the right answer and in no wrong choice.

A learner who knows nothing matches the word ("clang association") and picks that choice. Detects,
in choice and multi questions, a content word (four letters or more, not a common function word,
compared without case, accents and plural endings) shared by the prompt and a right choice but by no
wrong choice. Misses synonyms and words split differently ("Kosovo's" and "Kosovar"); a shared proper
name is flagged too, since it cues just as well: make a wrong choice use it as well.

Bad:
    - id: ex.bad
      type: choice
      prompt: Which mission did the European Union send in 2008?
      choices: [EULEX, the European Union rule of law mission, OSCE]
      answer: the European Union rule of law mission
      explanation: EULEX, the rule of law mission, began in 2008.
      source: report

Good:
    - id: ex.good
      type: choice
      prompt: Which mission did the European Union send in 2008?
      choices: [EULEX, UNMIK, KFOR]
      answer: EULEX
      explanation: EULEX, the rule of law mission, began in 2008.
      source: report
"""

from __future__ import annotations

from collections.abc import Iterator

from quiz.bank.model import Question
from quiz.lint.options import split
from quiz.lint.rule import Flaw
from quiz.lint.text import content_stems, stem, words

ID = "key-repeats-stem"
SCOPE = "question"
HINT = "reword the right answer, or use the same word in a wrong choice as well"
SOURCE = ("Case & Swanson 2002 ('clang' cues: a word in the stem repeated in the correct option); "
          "Tarrant et al. 2006 and Moore et al. 2023, 'word repeats'")


def check(question: Question) -> Iterator[Flaw]:
    keys, distractors = split(question)
    if not keys or not distractors:
        return
    stem_words = content_stems(question.prompt)
    in_distractors = set().union(*(content_stems(o.text) for o in distractors))
    for key in keys:
        repeated = (content_stems(key.text) & stem_words) - in_distractors
        shown = sorted({word for word in words(key.text) if stem(word) in repeated})
        if repeated:
            yield Flaw(key.key, f"the right answer repeats {', '.join(map(repr, shown))} from the prompt, "
                                "and no wrong choice does")
