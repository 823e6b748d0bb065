"""A Problem: one thing wrong with a bank, where it is, and what to do about it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from quiz.bank.text import plural

Severity = Literal["error", "warning"]

DEFAULT_MAX_PROBLEMS = 200
"""How many problems are kept per file; the others are only counted, and one "and N more" line says so.

A file of millions of broken items then costs the time of reading it and the memory of 200 problems,
not gigabytes of messages nobody reads (`quiz validate --max-problems` changes it).
"""

MAX_COUNTED = 10_000
"""How many problems past those kept are counted; after that the rest of the file is only parsed.

Parsing alone (libyaml, in C) is several times faster than checking each item in Python, so a 16 MiB file
of millions of broken items still answers in a second or two; its count then reads "at least".
"""

MORE_PROBLEMS = "more-problems"
"""The code of the one problem that stands for the ones not kept."""


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
    hidden: int = 0
    """How many problems not kept this one stands for (only on the "and N more" problem)."""
    all_counted: bool = True
    """False when counting stopped at ``MAX_COUNTED``: there are at least ``hidden`` more."""
    question: str = ""
    """The id of the question the problem is in, when it is in one (`quiz lint` always says)."""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def sort_key(self) -> tuple[str, bool, int, int, str]:
        """By file, then position; the "and N more" problem last in its file."""
        return (self.path, self.hidden > 0, self.line, self.col, self.code)


def more_problems(
    path: str, hidden: int, limit: int, errors: bool, parsed_only_after: tuple[int, int] | None = None
) -> Problem:
    """The problem that says how many more were found in a file than the ``limit`` kept.

    It is an error when any of those was one, so that a bank is never taken as usable because of the cap.
    ``parsed_only_after`` is the (line, column) after which counting stopped and only the YAML syntax was checked.
    """
    if parsed_only_after is None:
        counted = (f"and {plural(hidden, 'more problem')} in this file, not shown "
                   f"(at most {limit} are reported per file)")
    else:
        line, col = parsed_only_after
        counted = (f"and at least {plural(hidden, 'more problem')} in this file, not shown (at most {limit} are "
                   f"reported per file; after line {line}, column {col} only the YAML syntax was checked)")
    return Problem(path, 1, 1, MORE_PROBLEMS, counted, "fix the ones shown and validate again, or raise --max-problems",
                   "error" if errors else "warning", hidden, all_counted=parsed_only_after is None)


def did_you_mean(value: str, options: Iterable[str]) -> str | None:
    """"did you mean 'x'?" for the closest option to a misspelt value, if one is close enough."""
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem is an error (warnings alone leave a bank usable)."""
    return any(problem.is_error for problem in problems)
