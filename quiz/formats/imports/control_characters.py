"""Imported text without the characters a bank refuses, and a note naming each one left out.

Another tool's file may hold carriage returns (Windows line ends), escape sequences or
bidirectional overrides. A bank refuses them (``quiz.bank.controls``), so an import turns a carriage
return into a line end and leaves every other such character out, telling the teacher where.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import cache
from typing import Any, TypeVar, cast

from quiz.bank.controls import REFUSED, character_name
from quiz.formats.imports.context import ImportContext

_LINE_END = re.compile("\r\n?")
_PLAIN_BYTES = b"\t\n" + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
"""Every byte but the C0 controls (tab and newline aside) and DEL: what ``bytes.translate`` deletes, so
that what is left is the refused ASCII, found at memory speed."""
_BEYOND_C0 = tuple(re.compile(pattern) for pattern in (rb"\xc2[\x80-\x9f]", rb"\xe2\x80[\xaa-\xae]",
                                                     rb"\xe2\x81[\xa6-\xa9]", rb"&#", rb"\\u"))
"""A C1 control, a bidirectional override or isolate in UTF-8, or an escape that may stand for a refused
character: a character reference (``&#27;`` in XML or HTML text) or a JSON ``\\u001b`` (in quiz's own
metadata comments). One search each: each starts with a fixed byte, which the regex engine finds fast,
ten times faster than one search for them all."""
_REFUSED = re.compile(f"[{REFUSED}]")

T = TypeVar("T")


def may_hold_controls(data: bytes) -> bool:
    """Whether text read from ``data`` may hold a refused character: False saves a walk over every
    question. A compressed file is asked of what it unpacks to (``ImportContext.unpacked_may_hold_controls``)."""
    if data.translate(None, _PLAIN_BYTES):
        return True
    return any(pattern.search(data) is not None for pattern in _BEYOND_C0)


def without_controls(value: T, ctx: ImportContext, line: int, what: str) -> T:
    """``value`` (a question or other dataclass, a tuple, a dict or a string) with its text cleaned; one note
    at ``line`` names the characters left out of ``what``."""
    dropped: set[str] = set()
    cleaned = _clean(value, dropped)
    if dropped:
        names = ", ".join(character_name(char) for char in sorted(dropped))
        ctx.note(line, f"{what}: left out {names}, which a bank may not hold")
    return cast(T, cleaned)


def _clean(value: Any, dropped: set[str]) -> Any:
    if isinstance(value, str):
        if _REFUSED.search(value) is None:
            return value
        value = _LINE_END.sub("\n", value)
        dropped.update(_REFUSED.findall(value))
        return _REFUSED.sub("", value)
    if isinstance(value, tuple):
        items = tuple(_clean(item, dropped) for item in value)
        return value if same_objects(items, value) else items
    if isinstance(value, dict):
        keys = [_clean(key, dropped) for key in value]
        values = [_clean(item, dropped) for item in value.values()]
        same = same_objects(keys, list(value)) and same_objects(values, list(value.values()))
        return value if same else dict(zip(keys, values, strict=True))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {name: new for name in _text_fields(type(value))
                   if (new := _clean(old := getattr(value, name), dropped)) is not old}
        return dataclasses.replace(value, **changes) if changes else value
    return value


def same_objects(new: Sequence[object], old: Sequence[object]) -> bool:
    """Whether cleaning left every item as the very object it was: nothing to copy."""
    return all(mine is theirs for mine, theirs in zip(new, old, strict=True))


@cache
def _text_fields(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass that may hold text: all but its positions and its id (an id with such a
    character is refused as an id, rather than cleaned into another question's)."""
    return tuple(f.name for f in dataclasses.fields(kind) if f.name not in ("spans", "id") and f.init)
