"""A Problem: one thing wrong with a bank, where it is, and what to do about it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

DEFAULT_MAX_PROBLEMS = 200
"""How many problems a file reports before the rest are only counted (\"and N more\"), so a file of
broken items costs bounded time and memory."""


@dataclass(frozen=True)
class Problem:
    """One finding of the loader or the validator, positioned at the offending node."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.code)


def did_you_mean(value: str, options: Iterable[str]) -> str | None:
    """"did you mean 'x'?" for the closest option to a misspelt value, if one is close enough."""
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem is an error (warnings alone leave a bank usable)."""
    return any(problem.is_error for problem in problems)
