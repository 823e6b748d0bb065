"""The constraints model.py declares on its fields, checked on model objects built in Python.

The loader checks the same declarations while it reads YAML, with messages and positions. An import
builds its questions in Python: when they already meet every declaration, and the bank writer's text
reads back as the same objects (tests/bank/test_write.py), reading that text back finds nothing more.
The answer is yes or "not sure": a constraint, a type or a number this module does not know counts as
not met, and the caller then reads the text back with the loader to find out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import MISSING, fields, is_dataclass
from typing import Any

from quiz.bank.controls import first_refused
from quiz.bank.model import ID_PATTERN, SourceRef

_KNOWN = frozenset(("doc", "min_length", "min_items", "max_items", "minimum", "maximum", "pattern", "one_of",
                    "one_or_many", "keep_valid", "not_content"))
"""The metadata keys checked here (or, for the last three, that change nothing about a valid value)."""
_EXACT_DIGITS = 15
"""A whole number is written with all its digits; past what a float holds exactly, leave it to the loader."""
_ID = re.compile(ID_PATTERN)
_EMPTY: tuple[object, ...] = ("", (), {})
"""What a required field may not be: the writer leaves empty fields out, the loader finds them missing."""

Check = Callable[[Any], bool]
_Declared = tuple[tuple[str, bool, Check | None], ...]
_DECLARED: dict[type, _Declared] = {}


def meets_constraints(record: object) -> bool:
    """Whether a model object (a bank, a question, a source...) meets every constraint declared on its
    fields and on theirs, as the loader would find reading it from YAML; False when not sure."""
    for name, required, check in _declared(type(record)):
        value = getattr(record, name)
        if check is None or (required and value in _EMPTY) or not check(value):
            return False
    return True


def _declared(cls: type) -> _Declared:
    """(name, required, check) of each field a bank file holds, worked out once per class."""
    found = _DECLARED.get(cls)
    if found is None:
        found = _DECLARED[cls] = tuple(
            (f.name, f.default is MISSING and f.default_factory is MISSING, _check(f.metadata))
            for f in fields(cls) if not f.metadata.get("internal"))
    return found


def _check(meta: Mapping[str, Any]) -> Check | None:
    """The check of a field's value against its declared constraints; None if one is not known here."""
    if not meta.keys() <= _KNOWN:
        return None
    text = _text_check(meta.get("min_length"), meta.get("pattern"), meta.get("one_of"))
    item_text = _text_check(None, meta.get("pattern"), meta.get("one_of"))
    minimum, maximum = meta.get("minimum"), meta.get("maximum")
    least, most = meta.get("min_items", 0), meta.get("max_items")

    def check(value: Any) -> bool:
        kind = type(value)
        if kind is str:
            return text(value)
        if kind is tuple:
            return least <= len(value) and (most is None or len(value) <= most) and all(
                item_text(item) if type(item) is str else _other_fits(item) for item in value)
        if kind is int or kind is float:
            return _number_fits(value, minimum, maximum)
        if kind is dict:
            return least <= len(value) and all(type(key) is str and _ID.fullmatch(key) is not None
                                                and meets_constraints(item) for key, item in value.items())
        return _other_fits(value)

    return check


def _text_check(min_length: int | None, pattern: str | None, one_of: tuple[str, ...] | None) -> Check:
    compiled = re.compile(pattern) if pattern else None

    def check(text: str) -> bool:
        return (first_refused(text) is None
                and (min_length is None or len(text.strip()) >= min_length)
                and (compiled is None or compiled.fullmatch(text) is not None)
                and (one_of is None or text in one_of))

    return check


def _number_fits(number: float, minimum: float | None, maximum: float | None) -> bool:
    if not math.isfinite(number) or (float(number).is_integer() and abs(number) >= 10**_EXACT_DIGITS):
        return False
    return (minimum is None or number >= minimum) and (maximum is None or number <= maximum)


def _other_fits(value: object) -> bool:
    """Nothing, a boolean, a source reference or a nested record; any other value is not known here."""
    if value is None or type(value) is bool:
        return True
    if type(value) is SourceRef:
        return SourceRef.parse(str(value)) == value
    return is_dataclass(value) and not isinstance(value, type) and meets_constraints(value)
