"""Two questions ask the same thing, in the same bank or across the banks loaded together.

The learner meets the item twice and the first cues the second, and a score counts one fact twice.
Detects prompts whose sets of words (without case, accents, plural endings and function words) are
the same or nearly so (Jaccard similarity of 0.8 or more; exactly the same for prompts of three
words or fewer). Of two such prompts it reports the later one, or the longer when their lengths
differ; of any two similar prompts at least one is reported, naming a prompt it is like. An order
or match question's prompt is only an instruction ("Put these in order"), so its items are
compared with it. Misses the same question in other words or of another type ("In which year
...?" and "It happened in 1999: true or false?").

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

from quiz.bank.model import AnyQuestion, Bank, MatchQuestion, OrderQuestion
from quiz.lint.rule import BankFlaw, Flaw
from quiz.lint.text import STOPWORDS, stem, words

ID = "duplicate-prompt"
SCOPE = "banks"
HINT = "ask about something else, or remove one of the two"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (keep the content of each item independent of "
          "the others)")

THRESHOLD = 0.8
SHORT = 3


def _tokens(question: AnyQuestion) -> frozenset[str]:
    """The words compared: the prompt's, and for order and match questions (whose prompt is an
    instruction such as "Put these in order") the words of their items as well."""
    text = question.prompt
    if isinstance(question, OrderQuestion):
        text += " " + " ".join(question.items)
    elif isinstance(question, MatchQuestion):
        text += " " + " ".join(f"{pair.left} {pair.right}" for pair in question.pairs)
    return frozenset(stem(word) for word in words(text) if word not in STOPWORDS)


def _similar(first: frozenset[str], second: frozenset[str]) -> bool:
    if min(len(first), len(second)) <= SHORT:
        return first == second
    return len(first & second) >= THRESHOLD * len(first | second)


Entry = tuple[int, Bank, AnyQuestion, frozenset[str]]
"""A prompt in file order: its place, its bank, its question, its words."""


def _candidates(ordered: list[str], index: dict[str, list[tuple[int, int]]], kept: list[Entry]) -> list[int]:
    """Earlier, no longer prompts that may reach the threshold: they share a prefix word, and the words
    left after it could still make up the overlap needed (prefix and positional filters, PPJoin)."""
    overlap: dict[int, int] = {}
    size = len(ordered)
    for position, token in enumerate(ordered[: size - math.ceil(THRESHOLD * size) + 1]):
        for other, other_position in index.get(token, ()):
            count = overlap.get(other, 0)
            if count < 0:
                continue
            other_size = len(kept[other][3])
            needed = math.ceil(THRESHOLD / (1 + THRESHOLD) * (size + other_size))
            reachable = count + 1 + min(size - position - 1, other_size - other_position - 1) >= needed
            overlap[other] = count + 1 if reachable else -1
    return sorted(other for other, count in overlap.items() if count > 0)


def _pairs(entries: list[Entry]) -> Iterator[tuple[Entry, Entry]]:
    """(prompt, an earlier-kept prompt it is similar to), comparing each with one of its group only.

    Prompts go shortest first, so each needs indexing only by its shorter 'middle' prefix (Xiao et al.
    2008, 'Efficient similarity joins for near duplicate detection'); a prompt like one already kept
    is paired with it and not kept itself, so a group of copies costs one comparison each.
    """
    frequency = Counter(token for *_, tokens in entries for token in tokens)
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    kept: list[Entry] = []
    for entry in sorted(entries, key=lambda entry: (len(entry[3]), entry[0])):
        ordered = sorted(entry[3], key=lambda token: (frequency[token], token))
        match = next((kept[other] for other in _candidates(ordered, index, kept)
                      if _similar(entry[3], kept[other][3])), None)
        if match is not None:
            yield entry, match
            continue
        middle = len(ordered) - math.ceil(2 * THRESHOLD / (1 + THRESHOLD) * len(ordered)) + 1
        for position, token in enumerate(ordered[:middle]):
            index[token].append((len(kept), position))
        kept.append(entry)


def check(banks: Sequence[Bank]) -> Iterator[BankFlaw]:
    """Each prompt like one kept before it, naming that one."""
    entries = [(place, bank, question, tokens) for place, (bank, question) in
               enumerate((bank, question) for bank in banks for question in bank.questions)
               if (tokens := _tokens(question))]
    for (_, bank, question, tokens), (_, first_bank, first, first_tokens) in _pairs(entries):
        line = first.spans.get("prompt", (1, 1))[0]
        how = "repeats" if first_tokens == tokens else "nearly repeats"
        yield BankFlaw(bank, question, Flaw("prompt", f"the prompt {how} that of question {first.id!r} "
                                                      f"({first_bank.path}:{line})"))
