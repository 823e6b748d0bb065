"""Reading a number as people type it: ``1974``, ``1,974``, ``1 974``, ``3,14``, ``-2.5``, ``70 days``.

A comma followed by exactly three digits groups thousands (``1,974`` is 1974, ``1,974,000`` a million);
any other comma is a decimal comma (``3,14``). Spaces group thousands too. The question's unit may
follow the number. Anything else (letters, ``1e3``, ``inf``) is refused with a message that says what
to type, so nothing the learner typed is silently dropped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_GROUPED = re.compile(r"[0-9]{1,3}(?:([, \u00a0\u202f])[0-9]{3})(?:\1[0-9]{3})*")
_DIGITS = re.compile(r"[0-9]+")
_SIGN = {"-": -1, "−": -1, "+": 1}


class NotANumber(ValueError):
    """What was typed is not a number this field reads; the message says why and what to type."""


@dataclass(frozen=True)
class TypedNumber:
    value: float | int
    """An int when the number is whole, so 1974 reads back as 1974, not 1974.0."""


def read_number(text: str, unit: str = "") -> TypedNumber:
    """The number in ``text``, the question's unit allowed after it; NotANumber otherwise."""
    body = _without_unit(text.strip(), unit)
    if not body:
        raise NotANumber("Type a number first.")
    sign = 1
    if body[0] in _SIGN:
        sign, body = _SIGN[body[0]], body[1:].lstrip()
    integer, decimals = _split(body)
    if decimals and not integer:
        integer = "0"  # .5
    if not _DIGITS.fullmatch(integer) or not (decimals == "" or _DIGITS.fullmatch(decimals)):
        raise NotANumber(_refusal(text, unit))
    number = float(f"{integer}.{decimals or 0}") * sign
    if not math.isfinite(number) or abs(number) >= 1e15:
        raise NotANumber("That number is too large for this question.")
    return TypedNumber(int(number) if number.is_integer() and not decimals.strip("0") else number)


def _without_unit(text: str, unit: str) -> str:
    """``70 days`` -> ``70`` when the unit is days (also ``70 day``, ``70days``), case ignored."""
    if not unit:
        return text
    for form in sorted({unit, unit.rstrip("s")} - {""}, key=len, reverse=True):
        if text.casefold().endswith(form.casefold()):
            return text[: -len(form)].rstrip()
    return text


def _split(body: str) -> tuple[str, str]:
    """Integer digits and decimal digits, with thousands separators removed."""
    if "." in body:
        whole, _, decimals = body.partition(".")
        return _ungroup(whole), decimals
    grouped = _GROUPED.fullmatch(body)
    if grouped:
        return re.sub(r"[^0-9]", "", body), ""
    if body.count(",") == 1:
        whole, _, decimals = body.partition(",")
        return whole, decimals
    return body, ""


def _ungroup(whole: str) -> str:
    """``1,974`` or ``1 974`` before a decimal point -> ``1974``; anything else is kept as typed."""
    return re.sub(r"[^0-9]", "", whole) if _GROUPED.fullmatch(whole) else whole


def _refusal(text: str, unit: str) -> str:
    shown = text.strip()
    example = f"e.g. 1999, 2.5 or 70 {unit}" if unit else "e.g. 1999, 2.5 or 1,974"
    if any(character.isalpha() for character in shown):
        return f"Only digits{' and the unit' if unit else ''} here: {shown!r} has letters; type {example}."
    return f"{shown!r} is not a number; type {example}."
