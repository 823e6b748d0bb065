"""Helpers shared by the store tests: a clock that ticks on each call, answers without content."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quiz.store import AnswerRecord


class TickingClock:
    """Each reading is one minute after the last, so "newest first" never depends on timing."""

    def __init__(self) -> None:
        self.current = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.current += timedelta(minutes=1)
        return self.current


def answer(question_id: str, score: float, bank_id: str = "bank-a", response: object = "x") -> AnswerRecord:
    """An answer with a hash derived from the id, for tests that do not care about content."""
    return AnswerRecord(question_id, bank_id, f"hash-{question_id}", response, score, 3.0)
