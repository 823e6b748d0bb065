"""Two questions ask the same thing, in the same bank or across the banks loaded together.

The learner meets the item twice and the first cues the second, and a score counts one fact twice.
Detects prompts whose sets of words (without case, accents, plural endings and function words) are
the same or nearly so (Jaccard similarity of 0.8 or more; exactly the same for prompts of three words
or fewer), and reports the later one. Misses the same question in other words or of another type
("In which year ...?" and "It happened in 1999: true or false?").

Bad:
    - id: ex.one
      type: number
      prompt: In which year did NATO's air campaign begin?
      answer: 1999
      explanation: The strikes began on 24 March 1999 without a Security Council mandate.
      source: report
    - id: ex.two
      type: number
      prompt: In what year did the NATO air campaign begin?
      answer: 1999
      explanation: The strikes began on 24 March 1999 without a Security Council mandate.
      source: report

Good:
    - id: ex.one
      type: number
      prompt: In which year did NATO's air campaign begin?
      answer: 1999
      explanation: The strikes began on 24 March 1999 without a Security Council mandate.
      source: report
    - id: ex.two
      type: number
      prompt: For how many days did NATO's air campaign last?
      answer: 78
      explanation: The strikes ran from 24 March to 10 June 1999, when they were suspended.
      source: report
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from quiz.bank.model import Bank, Question
from quiz.lint.rule import BankFlaw, Flaw
from quiz.lint.text import STOPWORDS, stem, words

ID = "duplicate-prompt"
SCOPE = "banks"
HINT = "ask about something else, or remove one of the two"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (keep the content of each item independent of "
          "the others)")

THRESHOLD = 0.8
SHORT = 3


def _tokens(prompt: str) -> frozenset[str]:
    return frozenset(stem(word) for word in words(prompt) if word not in STOPWORDS)


def _similar(first: frozenset[str], second: frozenset[str]) -> bool:
    if min(len(first), len(second)) <= SHORT:
        return first == second
    return len(first & second) >= THRESHOLD * len(first | second)


def check(banks: Sequence[Bank]) -> Iterator[BankFlaw]:
    """Each prompt against the earlier distinct prompts that share a rare word (prefix filtering)."""
    entries = [(bank, question, _tokens(question.prompt)) for bank in banks for question in bank.questions]
    frequency = Counter(token for _, _, tokens in entries for token in tokens)
    index: dict[str, list[int]] = defaultdict(list)
    kept: list[tuple[Bank, Question, frozenset[str]]] = []
    for bank, question, tokens in entries:
        if not tokens:
            continue
        ordered = sorted(tokens, key=lambda token: (frequency[token], token))
        prefix = ordered[: len(ordered) - math.ceil(THRESHOLD * len(ordered)) + 1]
        candidates = sorted({position for token in prefix for position in index[token]})
        match = next((kept[position] for position in candidates if _similar(tokens, kept[position][2])), None)
        if match is not None:
            first_bank, first, first_tokens = match
            line = first.spans.get("prompt", (1, 1))[0]
            how = "repeats" if first_tokens == tokens else "nearly repeats"
            yield BankFlaw(bank, question, Flaw("prompt", f"the prompt {how} that of question {first.id!r} "
                                                          f"({first_bank.path}:{line})"))
            continue
        for token in prefix:
            index[token].append(len(kept))
        kept.append((bank, question, tokens))
