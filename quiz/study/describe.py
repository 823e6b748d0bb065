"""Plain-text wording shared by every screen: scores, durations, verdicts and answers."""

from __future__ import annotations

import re
from datetime import datetime
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

if TYPE_CHECKING:
    from quiz.bank.answers import Response  # checking answers is not needed to show the library

_LIST_ITEM = re.compile(r"^\s*([-*•]|\d+[.)])\s")


def reflow(text: str) -> str:
    """Join the lines of each paragraph so prose wraps to the screen, not to the editor's width.

    Blank lines still separate paragraphs, and list items (``- x``, ``1. x``) keep their own lines;
    no character other than those line breaks changes.
    """
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text.strip()):
        lines: list[str] = []
        for line in block.splitlines():
            if lines and not _LIST_ITEM.match(line):
                lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
            else:
                lines.append(line.rstrip())
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def format_score(score: float) -> str:
    """``3`` for whole scores, ``2.67`` otherwise."""
    rounded = round(score, 2)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.2f}".rstrip("0")


def format_percent(score: float, maximum: float) -> str:
    return "—" if not maximum else f"{round(100 * score / maximum)}%"


def format_seconds(seconds: float) -> str:
    """``45 s``, ``3 min 05 s``."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    return f"{rest} s" if not minutes else f"{minutes} min {rest:02d} s"


def verdict_words(score: float) -> str:
    """The verdict as a symbol and words, so it never rests on colour alone."""
    if score >= 1.0:
        return "✓ Right"
    if score > 0.0:
        return f"◐ Partly right {format_score(score)}"
    return "✗ Wrong"


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


def verdict_kind(score: float) -> str:
    """A CSS class name for the verdict: right, partial or wrong."""
    return "right" if score >= 1.0 else "partial" if score > 0.0 else "wrong"


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


def short_time(stamp: str | None) -> str:
    """``2026-11-26 12:45`` in local time, from the store's ISO timestamp (UTC)."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:16]
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def clock_time(stamp: str) -> str:
    """``10:42`` in local time, from the store's ISO timestamp: when something happened today."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%H:%M")
    except ValueError:
        return stamp[11:16]


def day_and_time(stamp: str | None) -> str:
    """``1 Mar 09:05`` in local time: short enough for a table column at 80x24."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:16]
    local = moment.astimezone()
    return f"{local.day} {local.strftime('%b %H:%M')}"


TREND_LEVELS = " ▁▂▃▄▅▆▇█"


def trend_bars(fractions: tuple[float, ...]) -> str:
    """One bar per round on a fixed 0-100% scale, so 83% twice looks the same twice and 8% looks low."""
    top = len(TREND_LEVELS) - 1
    return "".join(TREND_LEVELS[max(1, round(min(1.0, max(0.0, f)) * top))] * 2 for f in fractions)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def human_date(text: str) -> str:
    """A timeline date as people write it: ``1998-09`` -> ``September 1998``, ``2004-03-17/2004-03-18``
    -> ``17-18 March 2004``, ``1989/1998`` -> ``1989-1998``; text in any other form is kept as written."""
    parts = [_ISO_DATE.fullmatch(part.strip()) for part in text.split("/")]
    if not 1 <= len(parts) <= 2 or not all(parts):
        return text
    dates = [tuple(int(g) if g else 0 for g in match.groups()) for match in parts if match]
    if any(month > 12 or day > 31 for _, month, day in dates):
        return text
    if len(dates) == 1:
        return _one_date(*dates[0])
    (y1, m1, d1), (y2, m2, d2) = dates
    if y1 == y2 and m1 == m2 and m1 and d1 and d2:
        return f"{d1}-{d2} {_MONTHS[m1 - 1]} {y1}"
    if y1 == y2 and m1 and m2:
        start = f"{d1} {_MONTHS[m1 - 1]}" if d1 else _MONTHS[m1 - 1]
        return f"{start} - {_one_date(y2, m2, d2)}"
    return f"{_one_date(y1, m1, d1)} - {_one_date(y2, m2, d2)}" if m1 or m2 else f"{y1}-{y2}"


def _one_date(year: int, month: int, day: int) -> str:
    if not month:
        return str(year)
    return f"{day} {_MONTHS[month - 1]} {year}" if day else f"{_MONTHS[month - 1]} {year}"


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
