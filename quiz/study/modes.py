"""The ways to study a bank, and what each one promises the learner."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    """A round's mode, stored as its value in the scores database."""

    PRACTICE = "practice"
    EXAM = "exam"
    REVIEW = "review"
    QUICK = "quick"
    DUE = "due"
    LEARN = "learn"
    """Ask a missed question again later in the same round until it is answered right."""

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def feedback_each_answer(self) -> bool:
        """Exam keeps its verdicts for the end; every other mode teaches as it goes."""
        return self is not Mode.EXAM


_LABELS = {
    Mode.PRACTICE: "Practice",
    Mode.EXAM: "Exam",
    Mode.REVIEW: "Review mistakes",
    Mode.QUICK: "Quick round",
    Mode.DUE: "Due reviews",
    Mode.LEARN: "Learn",
}

QUICK_COUNT = 10
"""A quick round asks this many questions, mixed from every bank."""

DEFAULT_COUNT = 10
"""Practice and exam rounds ask this many questions unless the learner chooses another number."""

ALL_BANKS = "*"
"""The bank id stored for a round that draws on every bank (quick rounds, review of all banks)."""
