"""The CSV table's columns and how a cell holds a list, shared by the CSV reader and writer.

Cells holding a list (options, answers, feedback) put one item per line; inside an item a backslash
is written ``\\\\`` and a line break ``\\n``. A cell a spreadsheet would run as a formula gets a
leading ``'``, as OWASP recommends; the reader takes it off again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from quiz.bank.model import Blank

COLUMNS = ("bank", "id", "type", "prompt", "options", "answer", "feedback", "tolerance", "unit",
           "explanation", "source", "tags", "difficulty", "hint")
"""The columns every table has, in order; docs/formats.md says what each holds for each type."""

OPTIONAL_COLUMNS = ("lint",)
"""Columns the writer adds after them and the reader takes when present (files written before them lack them)."""

_ITEM_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def join_items(items: Sequence[str]) -> str:
    return "\n".join(item.replace("\\", "\\\\").replace("\n", "\\n") for item in items)


def split_items(cell: str) -> list[str]:
    if not cell:
        return []
    return [_ITEM_ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), line)
            for line in cell.split("\n")]


def lint_cell(allow: Sequence[str], because: str) -> str:
    """A ``lint:`` allowance as one cell: its codes on the first line, why on the second."""
    return join_items([" ".join(allow), because])


_FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's CSV injection list)."""

MAX_CELL = 128 * 1024
"""The largest cell the CSV reader takes (Python's csv module refuses bigger ones)."""


def _needs_guard(cell: str) -> bool:
    return cell[:1] in (*_FORMULA, "'") and cell.lstrip("'")[:1] in _FORMULA


def guard(cell: str) -> str:
    """``'`` before a cell that starts like a formula (or like a guarded one), so a spreadsheet shows
    it as text."""
    return "'" + cell if _needs_guard(cell) else cell


def unguard(cell: str) -> str:
    """Undo :func:`guard`: a round trip gives back the text exactly."""
    return cell[1:] if cell.startswith("'") and _needs_guard(cell[1:]) else cell


def blanks_cell(blanks: Sequence[Blank]) -> str:
    """A cloze's blanks as JSON, one object per blank: ``[{"answers": [...], "choices": [...]}]``."""
    return json.dumps([{"answers": list(b.answers), **({"choices": list(b.choices)} if b.choices else {})}
                       for b in blanks], ensure_ascii=False)


def read_blanks_cell(cell: str) -> tuple[Blank, ...] | None:
    """The blanks a ``blanks_cell`` wrote; None when the cell is not that JSON."""
    try:
        data: Any = json.loads(cell)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, list) or not data:
        return None
    blanks = []
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("answers"), list):
            return None
        answers, choices = item["answers"], item.get("choices", [])
        if not all(isinstance(text, str) for text in [*answers, *choices]) or not answers:
            return None
        blanks.append(Blank(answers=tuple(answers), choices=tuple(choices)))
    return tuple(blanks)
