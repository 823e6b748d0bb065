"""Checking a learner's answer against a question, with partial credit.

Every question scores from 0 to 1:

- choice: 1 for the answer, a choice's ``credit`` (partial credit, as Moodle's grades) for another.
- truefalse, short, number: 1 when right, 0 otherwise. A number within its tolerance is compared in
  decimal arithmetic when typed, with the tiny margin Moodle adds so the boundary counts (MDL-3225).
- multi: (right options picked - wrong options picked) / number of right options, never below 0.
- order: the share of item pairs placed in the right relative order (one adjacent swap in four
  items scores 5/6).
- match: the share of left items paired with their right item.
- cloze: the share of blanks filled right (a typed blank is matched as a short answer).

A round's score is the sum of its questions' scores.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Sequence
from decimal import Decimal, InvalidOperation
from itertools import combinations
from typing import NamedTuple, assert_never

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
# Sentence punctuation: a full stop, comma, colon or slash between digits is part of a number (3.5,
# 10:30, 1/2) and stays; a dash stays as a minus sign before a digit unless it joins a word to it
# (COVID-19).
_SENTENCE = re.compile(
    r"(?<!\d)[.,:/]|[.,:/](?!\d)|[;!?¡¿'\"‘’‚“”„«»‹›()\[\]…_]|(?<=[^\W\d_])[-‐‑‒–—]|[-‐‑‒–—](?!\d)|\s+"
)


def fold(text: str) -> str:
    """Text in lower case without diacritics, its punctuation turned to single spaces."""
    return " ".join(_NOT_WORD.sub(" ", _bare(text)).split())


def _bare(text: str) -> str:
    """Lower case without diacritics; every other character kept."""
    if text.isascii():  # nothing to decompose: the common case, without a step per character
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def normalise(text: str) -> str:
    """The comparison key of a typed answer: case, diacritics, spacing and sentence punctuation are
    ignored; signs and symbols that change the meaning (-1 and 1, C++ and C, 3.5 and 35) are not.

    >>> normalise("  Leposavić ") == normalise("leposavic") == normalise("Leposaviç")
    True
    >>> normalise("U.N.M.I.K.") == normalise("unmik") and normalise("Zubin-Potok") == normalise("zubin potok")
    True
    >>> normalise("-1") == normalise("1") or normalise("C++") == normalise("C") or normalise("3.5") == normalise("35")
    False
    """
    return _SENTENCE.sub("", _number_joined(_bare(text)))


_SPACED_NUMBER = re.compile(r"(?<=\d)\s*([:/])\s*(?=\d)")


def _number_joined(text: str) -> str:
    """``1 / 2`` as ``1/2`` and ``10 : 30`` as ``10:30``, so spacing never splits a number."""
    return _SPACED_NUMBER.sub(r"\1", text) if ":" in text or "/" in text else text


class Verdict(NamedTuple):
    """The outcome of one answer: its score and whether it counts as fully right."""

    score: float
    spelled: str | None = None
    """A typed answer accepted despite one typo: the accepted form it was read as."""

    @property
    def correct(self) -> bool:
        return self.score >= 1.0


def check(question: AnyQuestion, response: Response, known: Collection[str] = ()) -> Verdict:
    """Score a response to a question (0 to 1); a response of the wrong shape scores 0.

    ``known`` holds the normalised texts the bank knows as answers elsewhere (``known_answers``): a
    typed answer equal to one of them is never taken for a typo of this question's answer.
    """
    score = _score(question, response)
    if score == 0.0 and isinstance(question, ShortQuestion) and question.typos and isinstance(response, str):
        spelled = typo_of(response, question.answers, known)
        if spelled is not None:
            return Verdict(1.0, spelled=spelled)
    return Verdict(round(score, 6))


TYPO_MIN_LETTERS = 5
"""One typo is forgiven only in a word this long: in shorter words one letter often makes another word."""


def typo_of(typed: str, accepted: Sequence[str], known: Collection[str] = ()) -> str | None:
    """The accepted answer ``typed`` misspells by one typo (Damerau-Levenshtein distance 1), or None.

    The typo must fall in one word of five letters or more without digits (1998 is not a typo of
    1999), every other word must match, and the typed text must not itself be a known answer (Serbia
    is not a typo of Serbian).
    """
    words = _words(typed)
    if not words or normalise(typed) in known:
        return None
    for answer in accepted:
        right = _words(answer)
        if len(right) != len(words):
            continue
        differing = [(mine, theirs) for mine, theirs in zip(words, right, strict=True) if mine != theirs]
        if len(differing) != 1:
            continue
        mine, theirs = differing[0]
        if len(theirs) >= TYPO_MIN_LETTERS and not _has_digit(mine + theirs) and _one_edit(mine, theirs):
            return answer
    return None


def _words(text: str) -> list[str]:
    """The words of a typed answer as :func:`normalise` compares them: a sign or symbol stays in its word."""
    return _SENTENCE.sub(" ", _number_joined(_bare(text))).split()


def known_answers(questions: Sequence[AnyQuestion]) -> frozenset[str]:
    """Normalised texts a bank gives as answers or options anywhere: what a typed answer may mean on purpose."""
    texts: list[str] = []
    for question in questions:
        match question:
            case ChoiceQuestion() | MultiQuestion():
                texts += [choice.text for choice in question.choices]
            case ShortQuestion():
                texts += question.answers
            case OrderQuestion():
                texts += question.items
            case MatchQuestion():
                texts += [side for pair in question.pairs for side in (pair.left, pair.right)]
            case ClozeQuestion():
                texts += [text for blank in question.blanks for text in (*blank.answers, *blank.choices)]
            case TrueFalseQuestion() | NumberQuestion():
                pass
            case _:
                assert_never(question)
    return frozenset(normalise(text) for text in texts)


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _one_edit(a: str, b: str) -> bool:
    """True when one insertion, deletion, substitution or swap of neighbours turns ``a`` into ``b``."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((n for n in range(len(short)) if short[n] != long[n]), len(short))
    return short[i:] == long[i + 1 :]


def _score(question: AnyQuestion, response: Response) -> float:
    match question:
        case ChoiceQuestion():
            if response == question.answer:
                return 1.0
            return next((c.credit for c in question.choices if c.text == response), 0.0)
        case TrueFalseQuestion():
            return float(response is question.answer)
        case ShortQuestion():
            typed = normalise(str(response))
            return float(bool(typed) and typed in {normalise(a) for a in question.answers})
        case NumberQuestion():
            return float(_within(response, question.answer, question.tolerance))
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


_MARGIN = Decimal("1e-14")
"""What Moodle adds to every tolerance (10 to the minus PHP's precision) so that the ends of a range,
written in decimal, count as inside it."""


def _within(response: Response, answer: float, tolerance: float) -> bool:
    value = _number(response)
    if value is None:
        return False
    right = _decimal(answer)
    return abs(value - right) <= _decimal(tolerance) + _MARGIN * max(Decimal(1), abs(right))


def range_ends(answer: float, tolerance: float) -> tuple[str, str]:
    """The ends of answer ± tolerance, worked out in decimal as the bank writes them: 3.1415 ± 0.0005 is
    3.141 to 3.142, never 3.1420000000000003 (the float sum)."""
    middle, margin = _decimal(answer), _decimal(tolerance)
    return _decimal_text(middle - margin), _decimal_text(middle + margin)


def _decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def _decimal(value: float) -> Decimal:
    """A float as the shortest decimal that reads back as it (3.1415, not 3.14149999...)."""
    return Decimal(repr(float(value)))


def _number(response: Response) -> Decimal | None:
    """A number response as a decimal (a stored text like "78" too); None for any other shape."""
    if isinstance(response, str):
        try:
            value = Decimal(response.strip())
        except InvalidOperation:
            return None
        return value if value.is_finite() else None
    if isinstance(response, bool) or not isinstance(response, (int, float)) or not math.isfinite(response):
        return None
    return _decimal(response)


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
