"""Plain-text wording shared by every screen: scores, durations, verdicts and answers."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.bank.answers import blank_right
from quiz.bank.model import AnyQuestion, ClozeQuestion, NumberQuestion

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


def verdict_kind(score: float) -> str:
    """A CSS class name for the verdict: right, partial or wrong."""
    return "right" if score >= 1.0 else "partial" if score > 0.0 else "wrong"


def describe_blank(question: ClozeQuestion, index: int, filled: str) -> str:
    """``(2) Zvečan ✗``: a cloze blank as filled, marked in a symbol and a word, never colour alone."""
    if index >= len(question.blanks):
        return f"({index + 1}) {filled}"
    mark = "✓ right" if blank_right(question.blanks[index], filled) else "✗ wrong"
    return f"({index + 1}) {filled or '(empty)'}  {mark}"


def describe_response(question: AnyQuestion, response: Response | None) -> str:
    """An answer (given or right) written out for reading, one line per part where there are parts."""
    if response is None:
        return "(not answered)"
    if isinstance(question, ClozeQuestion) and isinstance(response, tuple):
        return "\n".join(describe_blank(question, index, text) for index, text in enumerate(response))
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
