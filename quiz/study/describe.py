"""Answers written out for reading: the learner's, marked part by part, and the right one, for any question type.

Numbers, times and dates are worded in quiz.study.wording.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.bank.answers import blank_right
from quiz.bank.model import (
    AnyQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    ShortQuestion,
)
from quiz.bank.text import plural
from quiz.study.wording import format_score

if TYPE_CHECKING:
    from quiz.bank.answers import Response  # checking answers is not needed to show the library


def marked_answer(question: AnyQuestion, response: Response | None) -> str:
    """The learner's answer with ✓ or ✗ beside each tick, item or pair; other types as written."""
    match question, response:
        case MultiQuestion(), tuple():
            return "\n".join(f"{'✓' if text in question.answers else '✗'} {text}" for text in response) or (
                "(nothing ticked)"
            )
        case OrderQuestion(), tuple():
            lines = []
            for place, text in enumerate(response):
                right = question.items.index(text) if text in question.items else -1
                mark = "✓" if right == place else "✗"
                where = "" if right in (place, -1) else f"  (belongs {_ordinal(right + 1)})"
                lines.append(f"{mark} {place + 1}. {text}{where}")
            return "\n".join(lines)
        case MatchQuestion(), dict():
            lines = []
            for pair in question.pairs:
                given = response.get(pair.left)
                if given == pair.right:
                    lines.append(f"✓ {pair.left} → {given}")
                else:
                    lines.append(f"✗ {pair.left} → {given or '(nothing)'}  (right: {pair.right})")
            return "\n".join(lines)
        case ClozeQuestion(), tuple():
            lines = []
            for number, (blank, filled) in enumerate(zip(question.blanks, response, strict=False), 1):
                if blank_right(blank, filled):
                    lines.append(f"✓ ({number}) {filled}")
                else:
                    lines.append(f"✗ ({number}) {filled or '(empty)'}  (right: {blank.answers[0]})")
            return "\n".join(lines)
    return describe_response(question, response)


def parts_in_words(question: AnyQuestion, response: Response | None) -> str:
    """How a partly right answer scored, in words: ``3 of 6 pairs in the right order``."""
    match question, response:
        case MultiQuestion(), tuple():
            right = sum(text in question.answers for text in response)
            wrong = len(response) - right
            missed = len(question.answers) - right
            parts = [plural(right, "right tick")] + ([plural(wrong, "wrong tick")] if wrong else [])
            if missed:
                parts.append(f"{plural(missed, 'right option')} not ticked")
            return ", ".join(parts)
        case OrderQuestion(), tuple():
            position = {text: place for place, text in enumerate(response)}
            pairs = [(a, b) for n, a in enumerate(question.items) for b in question.items[n + 1 :]]
            in_order = sum(position.get(a, 0) < position.get(b, 0) for a, b in pairs)
            return f"{in_order} of {plural(len(pairs), 'pair')} in the right order"
        case MatchQuestion(), dict():
            right = sum(response.get(pair.left) == pair.right for pair in question.pairs)
            return f"{right} of {plural(len(question.pairs), 'pair')} matched"
        case ClozeQuestion(), tuple():
            right = sum(map(blank_right, question.blanks, response))
            return f"{right} of {plural(len(question.blanks), 'blank')} right"
    return ""


def right_answer_text(question: AnyQuestion, right: Response, given: Response | None = None) -> str:
    """The right answer; every accepted form of a typed one, and the right options a learner did not tick.

    Multi's right options are bullets, not numbers: they are a set, not an order.
    """
    if isinstance(question, ShortQuestion) and len(question.answers) > 1:
        return f"{question.answers[0]}  (also accepted: {', '.join(question.answers[1:])})"
    if isinstance(question, ClozeQuestion):
        return _filled_passage(question)
    if isinstance(question, MultiQuestion):
        ticked = given if isinstance(given, tuple) else ()
        return "\n".join(
            f"• {text}{'' if given is None or text in ticked else '  (not ticked)'}" for text in question.answers
        )
    return describe_response(question, right)


def _filled_passage(question: ClozeQuestion) -> str:
    """The passage read whole with each blank's answer in brackets, then what else each blank accepts."""
    passage = "".join(part if isinstance(part, str) else f"[{question.blanks[part].answers[0]}]"
                      for part in question.parts())
    others = [f"({n}) {', '.join(blank.answers[1:])}" for n, blank in enumerate(question.blanks, 1)
              if len(blank.answers) > 1 and not blank.choices]
    return passage + (f"\nalso accepted: {'; '.join(others)}" if others else "")


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def describe_response(question: AnyQuestion, response: Response | None) -> str:
    """An answer (given or right) written out for reading, one line per part where there are parts."""
    if response is None:
        return "(not answered)"
    if isinstance(question, ClozeQuestion) and isinstance(response, tuple):
        return "\n".join(f"({n}) {text or '(empty)'}" for n, text in enumerate(response, 1))
    match response:
        case bool():
            return "True" if response else "False"
        case dict():
            return "\n".join(f"{left} → {right}" for left, right in response.items()) or "(nothing matched)"
        case tuple() | list():
            return "\n".join(f"{n}. {text}" for n, text in enumerate(response, 1)) or "(nothing picked)"
        case float() | int():
            unit = question.unit if isinstance(question, NumberQuestion) and question.unit else ""
            number = int(response) if float(response).is_integer() else response
            return f"{number} {unit}".strip()
    return str(response)


def gives_away(title: str, question: AnyQuestion) -> bool:
    """Whether a title shown beside the question holds its answer ("… 24 September 2023" for "On what date…")."""
    from quiz.bank.answers import correct_response, normalise

    right = correct_response(question)
    if isinstance(right, bool):
        return False
    if isinstance(right, dict):
        texts = list(right.values())
    elif isinstance(right, tuple):
        texts = list(right)
    else:
        texts = [describe_response(question, right)]
    if isinstance(question, ShortQuestion):
        texts = list(question.answers)
    if isinstance(question, NumberQuestion):
        texts = [format_score(question.answer)]
    shown = normalise(title)
    return any(len(key) >= 3 and key in shown for key in (normalise(text) for text in texts))
