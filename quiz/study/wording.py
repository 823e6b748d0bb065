"""Numbers, times and dates as every screen writes them: scores, durations, verdicts, timestamps.

Nothing here knows a question type, so the library can show scores and times without the bank model.
"""

from __future__ import annotations

import re
from datetime import datetime

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


def _local(stamp: str) -> datetime | None:
    """The store's ISO timestamp (UTC) in local time; None for text that is not one."""
    try:
        return datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return None


def short_time(stamp: str | None) -> str:
    """``2026-11-26 12:45`` in local time, from the store's ISO timestamp (UTC)."""
    if not stamp:
        return ""
    local = _local(stamp)
    return stamp[:16] if local is None else local.strftime("%Y-%m-%d %H:%M")


def clock_time(stamp: str) -> str:
    """``10:42`` in local time, from the store's ISO timestamp: when something happened today."""
    local = _local(stamp)
    return stamp[11:16] if local is None else local.strftime("%H:%M")


def day_and_time(stamp: str | None) -> str:
    """``1 Mar 09:05`` in local time: short enough for a table column at 80x24."""
    if not stamp:
        return ""
    local = _local(stamp)
    return stamp[:16] if local is None else f"{local.day} {local.strftime('%b %H:%M')}"


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
