"""A Problem: one thing wrong with a bank, where it is, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


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


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem is an error (warnings alone leave a bank usable)."""
    return any(problem.is_error for problem in problems)
