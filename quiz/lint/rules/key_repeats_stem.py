"""A word of the prompt comes back in the right answer and in no wrong choice.

A learner who knows nothing matches the word ("clang association") and picks that choice. Detects,
in choice and multi questions, a content word (four letters or more, not a common function word,
compared without case, accents and plural endings) shared by the prompt and a right choice but by no
wrong choice. Month names are left out (a prompt that gives a period invites dated answers), and so
are a bank's topic words, those in more than a tenth of the prompts linted together (at least 20):
"Kosovo" in a bank about Kosovo cues nothing. Misses synonyms and words split differently ("Kosovar"
and "Kosovo"); another shared proper name is flagged, since it cues just as well.

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

from collections import Counter
from collections.abc import Iterator, Sequence

from quiz.bank.model import AnyQuestion, Bank
from quiz.lint.options import split
from quiz.lint.rule import BankFlaw, Flaw
from quiz.lint.text import MONTHS, content_stems, stem, words

ID = "key-repeats-stem"
SCOPE = "banks"
HINT = "reword the right answer, or use the same word in a wrong choice as well"
SOURCE = ("Case & Swanson 2002 ('clang' cues: a word in the stem repeated in the correct option); "
          "Tarrant et al. 2006 and Moore et al. 2023, 'word repeats'")

TOPIC_SHARE = 0.1
TOPIC_MIN_PROMPTS = 20
_MONTH_STEMS = frozenset(stem(name) for name in MONTHS)


def _topic_words(banks: Sequence[Bank]) -> frozenset[str]:
    prompts = [content_stems(question.prompt) for bank in banks for question in bank.questions]
    if len(prompts) < TOPIC_MIN_PROMPTS:
        return frozenset()
    counts = Counter(word for prompt in prompts for word in prompt)
    return frozenset(word for word, count in counts.items() if count > TOPIC_SHARE * len(prompts))


def _check(question: AnyQuestion, ignored: frozenset[str]) -> Iterator[Flaw]:
    keys, distractors = split(question)
    if not keys or not distractors:
        return
    stem_words = content_stems(question.prompt) - ignored
    in_distractors = frozenset().union(*(content_stems(o.text) for o in distractors))
    for key in keys:
        repeated = (content_stems(key.text) & stem_words) - in_distractors
        shown = sorted({word for word in words(key.text) if stem(word) in repeated})
        if repeated:
            yield Flaw(key.key, f"the right answer repeats {', '.join(map(repr, shown))} from the prompt, "
                                "and no wrong choice does")


def check(banks: Sequence[Bank]) -> Iterator[BankFlaw]:
    ignored = _topic_words(banks) | _MONTH_STEMS
    for bank in banks:
        for question in bank.questions:
            yield from (BankFlaw(bank, question, flaw) for flaw in _check(question, ignored))
