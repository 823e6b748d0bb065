"""The CSV table's columns and how a cell holds a list, shared by the CSV reader and writer.

Cells holding a list (options, answers, feedback) put one item per line; inside an item a backslash
is written ``\\\\`` and a line break ``\\n``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

COLUMNS = ("bank", "id", "type", "prompt", "options", "answer", "feedback", "tolerance", "unit",
           "explanation", "source", "tags", "difficulty", "hint")
"""The columns, in order; docs/formats.md says what each holds for each type."""

_ITEM_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def join_items(items: Sequence[str]) -> str:
    return "\n".join(item.replace("\\", "\\\\").replace("\n", "\\n") for item in items)


def split_items(cell: str) -> list[str]:
    if not cell:
        return []
    return [_ITEM_ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), line)
            for line in cell.split("\n")]
