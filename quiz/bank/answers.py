"""Checking a learner's answer against a question, with partial credit.

Every question scores from 0 to 1:

- choice, truefalse, short, number: 1 when right, 0 otherwise.
- multi: (right options picked - wrong options picked) / number of right options, never below 0.
- order: the share of item pairs placed in the right relative order (one adjacent swap in four
  items scores 5/6).
- match: the share of left items paired with their right item.
- cloze: the share of blanks filled right (a typed blank is matched as a short answer).

A round's score is the sum of its questions' scores.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import assert_never

from quiz.bank.model import (
    AnyQuestion,
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)

Response = str | bool | float | tuple[str, ...] | dict[str, str]
"""What a learner answered: a choice's text, true/false, typed text, a number, the picked or
ordered texts (multi, order), or left -> right (match)."""

# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSABLE = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ı": "i"})
_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Text in lower case without diacritics, its punctuation turned to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", bare.casefold()).split())


def normalise(text: str) -> str:
    """The comparison key of a typed answer: case, diacritics, punctuation and spacing are ignored.

    >>> normalise("  Leposavić ") == normalise("leposavic") == normalise("Leposaviç")
    True
    >>> normalise("U.N.M.I.K.") == normalise("unmik") and normalise("Zubin-Potok") == normalise("zubin potok")
    True
    """
    return fold(text).replace(" ", "")


@dataclass(frozen=True)
class Verdict:
    """The outcome of one answer: its score and whether it counts as fully right."""

    score: float

    @property
    def correct(self) -> bool:
        return self.score >= 1.0


def check(question: AnyQuestion, response: Response) -> Verdict:
    """Score a response to a question (0 to 1); a response of the wrong shape scores 0."""
    return Verdict(round(_score(question, response), 6))


def _score(question: AnyQuestion, response: Response) -> float:
    match question:
        case ChoiceQuestion():
            return float(response == question.answer)
        case TrueFalseQuestion():
            return float(response is question.answer)
        case ShortQuestion():
            typed = normalise(str(response))
            return float(bool(typed) and typed in {normalise(a) for a in question.answers})
        case NumberQuestion():
            value = _number(response)
            return 0.0 if value is None else float(abs(value - question.answer) <= question.tolerance)
        case MultiQuestion():
            picked = _texts(response)
            return 0.0 if picked is None else _multi_score(question.answers, picked)
        case OrderQuestion():
            given = _texts(response)
            return 0.0 if given is None else _order_score(question.items, given)
        case MatchQuestion():
            if not isinstance(response, dict):
                return 0.0
            right = sum(response.get(pair.left) == pair.right for pair in question.pairs)
            return right / len(question.pairs)
        case ClozeQuestion():
            filled = _texts(response)
            if filled is None or len(filled) != len(question.blanks):
                return 0.0
            return sum(map(blank_right, question.blanks, filled)) / len(question.blanks)
        case _:
            assert_never(question)


def blank_right(blank: Blank, filled: str) -> bool:
    """A dropdown blank is right when the picked choice is an answer; a typed one as a short answer is."""
    if blank.choices:
        return filled in blank.answers
    typed = normalise(filled)
    return bool(typed) and typed in {normalise(answer) for answer in blank.answers}


def _number(response: Response) -> float | None:
    """A number response as a float (a stored text like "78" too); None for any other shape."""
    if isinstance(response, str):
        try:
            return float(response)
        except ValueError:
            return None
    if isinstance(response, bool) or not isinstance(response, (int, float)):
        return None
    return float(response)


def _texts(response: Response) -> tuple[str, ...] | None:
    """The option texts of a multi or order response; None for a response of another shape."""
    if not isinstance(response, (tuple, list)) or not all(isinstance(item, str) for item in response):
        return None
    return tuple(response)


def _multi_score(right: Sequence[str], picked: Sequence[str]) -> float:
    chosen = set(picked)
    hits = len(chosen.intersection(right))
    misses = len(chosen.difference(right))
    return max(0.0, (hits - misses) / len(right))


def _order_score(right: Sequence[str], given: Sequence[str]) -> float:
    if sorted(given) != sorted(right):
        return 0.0
    position = {item: index for index, item in enumerate(given)}
    pairs = list(combinations(right, 2))
    in_order = sum(position[first] < position[second] for first, second in pairs)
    return in_order / len(pairs)


def correct_response(question: AnyQuestion) -> Response:
    """The response that scores 1, in the shape check() expects."""
    match question:
        case ChoiceQuestion() | TrueFalseQuestion() | NumberQuestion():
            return question.answer
        case ShortQuestion():
            return question.answers[0]
        case MultiQuestion():
            return tuple(question.answers)
        case OrderQuestion():
            return tuple(question.items)
        case MatchQuestion():
            return {pair.left: pair.right for pair in question.pairs}
        case ClozeQuestion():
            return tuple(blank.answers[0] for blank in question.blanks)
        case _:
            assert_never(question)
