"""Errors a user can cause, shown as a calm message with a hint instead of a traceback."""

from __future__ import annotations

from quiz import exit_codes


class QuizError(Exception):
    """A problem the user can fix: a message, what to do about it, and the exit code it maps to."""

    def __init__(self, message: str, hint: str = "", exit_code: int = exit_codes.INVALID) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class UsageError(QuizError):
    """The command line asked for something impossible: a missing file, a bad option value."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message, hint, exit_codes.USAGE)
