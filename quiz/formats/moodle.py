"""What Moodle fixes for every format: its answer grades, its short-answer wildcard, a bank's category."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.bank.model import AnyQuestion, Bank, ChoiceQuestion

_POSITIVE = (100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0,
             20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0)
GRADES: tuple[float, ...] = tuple(sorted({*_POSITIVE, *(-g for g in _POSITIVE)}, reverse=True))
"""Every percentage Moodle accepts, from 100 down to -100 (question/engine/bank.php)."""


def allowed(percent: float) -> bool:
    """Whether Moodle's import takes this grade (its ``match_grade_options``, in "error" mode)."""
    return any(abs(percent - grade) < 0.001 for grade in GRADES)


GRADE_HINT = "use one of Moodle's grades (100, 90, 83.33333, ... 5, 0 and their negatives)"


def credit_rounded(question: AnyQuestion) -> bool:
    """Whether a choice question's partial credit is off Moodle's grade list, so an export rounds it."""
    return isinstance(question, ChoiceQuestion) and any(snap(c.credit * 100) != c.credit * 100
                                                        for c in question.choices if c.credit)


def snap(percent: float) -> float:
    """The Moodle grade nearest to ``percent``."""
    return min(GRADES, key=lambda grade: abs(grade - percent))


def text(percent: float) -> str:
    """A grade as Moodle writes it: ``50``, ``33.33333``, ``-100``."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def multi_weights(choices: Sequence[str], answers: Sequence[str]) -> list[float]:
    """Per-choice grades that score a multi question as quiz does.

    Each right choice earns 100/n and each wrong one costs 100/n (n right answers), which is quiz's
    (hits - misses) / n floored at 0; Moodle floors a question's total at 0 too. 100/n is on the grade
    list for n up to 10, so the right weights add up to 100 (99.99999 for thirds, as Moodle writes).
    """
    share = snap(100 / len(answers))
    right = set(answers)
    return [share if choice in right else -share for choice in choices]


_WILDCARD = re.compile(r"(?<!\\)\*")
r"""An asterisk Moodle's short answer reads as "any text here"; ``\*`` is an asterisk itself."""

WILDCARD_LOSS = "its * stands for any text in Moodle, which quiz cannot match"
"""Why an imported answer with a wildcard is dropped (question/type/shortanswer/question.php)."""


def short_answer_text(answer: str) -> str:
    """An accepted answer as Moodle's short answer must hold it, so that ``5*3`` matches only itself."""
    return answer.replace("*", "\\*")


def short_answer_read(text: str) -> str | None:
    """The answer a stored Moodle short answer accepts, or None when it holds a wildcard."""
    if _WILDCARD.search(text):
        return None
    return text.replace("\\*", "*")


def category_path(bank: Bank) -> str:
    """Moodle category for a bank; a slash inside a name is written ``//``."""
    return "$course$/top/" + bank.title.replace("/", "//")
