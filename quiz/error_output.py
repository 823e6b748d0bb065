"""How a user error is printed: one line of message, one line of hint, nothing from a file able to forge more."""

from __future__ import annotations

import sys

from quiz.bank.controls import shown
from quiz.errors import QuizError


def print_error(error: QuizError) -> None:
    """The error and its hint on standard error, each on one line whatever file name or text they quote."""
    print(f"quiz: error: {shown(error.message, one_line=True)}", file=sys.stderr)
    if error.hint:
        print(f"  hint: {shown(error.hint, one_line=True)}", file=sys.stderr)
