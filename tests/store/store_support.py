"""Helpers shared by the store tests: answers without content."""

from __future__ import annotations

from quiz.store import AnswerRecord


def answer(question_id: str, score: float, bank_id: str = "bank-a", response: object = "x") -> AnswerRecord:
    """An answer with a hash derived from the id, for tests that do not care about content."""
    return AnswerRecord(question_id, bank_id, f"hash-{question_id}", response, score, 3.0)
