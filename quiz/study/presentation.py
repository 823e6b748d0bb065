"""How a question is laid out for one round: choices, order items and match columns shuffled by the seed.

The same seed and question always give the same layout, so a resumed round and a snapshot test
see what the learner saw.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TypeVar

from quiz.bank.model import (
    AnyQuestion,
    Choice,
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
)


@dataclass(frozen=True)
class Presentation:
    """A question and the order its parts are shown in."""

    question: AnyQuestion
    choices: tuple[Choice, ...] = ()
    """choice and multi: the options in the order shown."""
    items: tuple[str, ...] = ()
    """order: the starting (shuffled) order of the items."""
    lefts: tuple[str, ...] = ()
    """match: the left column, as written."""
    rights: tuple[str, ...] = ()
    """match: the right column, shuffled."""


def present(question: AnyQuestion, seed: int) -> Presentation:
    """Lay out a question for a round with this seed."""
    rng = random.Random(f"{seed}:{question.id}")
    match question:
        case ChoiceQuestion() | MultiQuestion():
            return Presentation(question, choices=_shuffled(rng, question.choices))
        case OrderQuestion():
            return Presentation(question, items=_out_of_order(rng, question.items))
        case MatchQuestion():
            lefts = tuple(pair.left for pair in question.pairs)
            rights = _out_of_order(rng, tuple(pair.right for pair in question.pairs))
            return Presentation(question, lefts=lefts, rights=rights)
    return Presentation(question)


T = TypeVar("T")


def _shuffled(rng: random.Random, values: tuple[T, ...]) -> tuple[T, ...]:
    shuffled = list(values)
    rng.shuffle(shuffled)
    return tuple(shuffled)


def _out_of_order(rng: random.Random, values: tuple[str, ...]) -> tuple[str, ...]:
    """A shuffle that never shows the answer as given, when the values allow another order."""
    if len(set(values)) < 2:
        return values
    while (shuffled := _shuffled(rng, values)) == values:
        pass
    return shuffled
