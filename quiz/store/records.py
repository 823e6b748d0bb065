"""What the store hands out: plain immutable records, so no caller ever sees a database row.

They are named tuples rather than frozen dataclasses: the store builds them by the thousand, and a frozen
dataclass generates six methods with ``exec`` when its module is imported, which `quiz` pays at every start.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

MODES = ("practice", "exam", "review", "quick", "due", "learn")
"""The round modes the store accepts; the study layer gives them their meaning."""

RoundStatus = Literal["finished", "abandoned", "unfinished"]
QuestionStatus = Literal["current", "changed", "retired"]


class Learner(NamedTuple):
    """Someone studying on this machine; names are unique regardless of case."""

    id: int
    name: str
    created_at: str
    last_seen_at: str | None


class AnswerRecord(NamedTuple):
    """One answer as the study layer gives it to the store.

    ``content_hash`` is ``quiz.bank.fingerprint.content_hash(question)`` at the time of answering,
    so history can later tell that a question changed. ``response`` must be JSON-serialisable.
    """

    question_id: str
    bank_id: str
    content_hash: str
    response: Any
    score: float
    seconds: float
    hint_shown: bool | None = None
    """Whether the hint was on screen when answering; None when the caller does not know."""
    attempt: int = 1
    """Learn mode asks a missed question again in the same round: each try is its own attempt."""


class StudySettings(NamedTuple):
    """A learner's scheduling choices: desired retention (0.70-0.97) and new questions per day."""

    desired_retention: float
    new_per_day: int


class Lease(NamedTuple):
    """Which copy of the app plays a round: ``owner`` since ``since``, renewed up to ``until`` (ISO, UTC)."""

    owner: str
    since: str
    until: str


class StoredAnswer(NamedTuple):
    """An answer as stored. JSON lists come back as tuples, the shape ``quiz.bank.answers`` uses."""

    id: int
    round_id: int
    bank_id: str
    question_id: str
    content_hash: str
    response: Any
    score: float
    seconds: float
    answered_at: str
    hint_shown: bool | None = None
    overridden_at: str | None = None
    """When the learner said "I was right" about a typed answer marked wrong; None if never."""
    attempt: int = 1


class RoundSummary(NamedTuple):
    """One round in a learner's history; ``score`` is the sum of its answers' scores."""

    id: int
    bank_id: str
    mode: str
    started_at: str
    finished_at: str | None
    abandoned_at: str | None
    planned: int
    answered: int
    score: float
    seconds: float | None

    @property
    def status(self) -> RoundStatus:
        if self.finished_at is not None:
            return "finished"
        return "abandoned" if self.abandoned_at is not None else "unfinished"


class ResumableRound(NamedTuple):
    """An unfinished round to offer again: what was planned, what is answered, the score so far."""

    id: int
    bank_id: str
    mode: str
    started_at: str
    question_ids: tuple[str, ...]
    answered_ids: tuple[str, ...]
    """Questions with a first answer, in answering order."""
    score: float
    """The sum of the first answers' scores."""
    settings: Mapping[str, Any]
    right_ids: frozenset[str] = frozenset()
    """Questions answered fully right at any attempt (what learn mode counts)."""
    deadline: str | None = None
    """A timed exam's end on the wall clock (ISO, UTC): it runs on while the app is away."""

    @property
    def remaining_ids(self) -> tuple[str, ...]:
        """The planned questions not answered yet, in their planned order."""
        answered = set(self.answered_ids)
        return tuple(question_id for question_id in self.question_ids if question_id not in answered)


class BankScores(NamedTuple):
    """A learner's last and best finished round in one bank (None until a round there is finished)."""

    bank_id: str
    last_score: float | None
    last_max: int | None
    best_score: float | None
    best_max: int | None


class BankProgress(NamedTuple):
    """A learner's standing in one bank; the score fields are None until a round there is finished."""

    bank_id: str
    last_score: float | None
    last_max: int | None
    best_score: float | None
    best_max: int | None
    questions_seen: int


class QuestionStats(NamedTuple):
    """How a learner has done on one question, across every round."""

    bank_id: str
    question_id: str
    content_hash: str
    attempts: int
    right: int
    last_score: float
    last_answered_at: str

    def status(self, current_hashes: Mapping[str, str]) -> QuestionStatus:
        """Compare with the loaded banks (question id -> content hash): current, changed or retired."""
        current = current_hashes.get(self.question_id)
        if current is None:
            return "retired"
        return "current" if current == self.content_hash else "changed"


class ClassRows(NamedTuple):
    """What ``quiz report`` reads from a database, as rows (their columns: quiz.store.classroom)."""

    first_answers: list[tuple[Any, ...]]
    round_totals: list[tuple[int, float, int]]
    apart: list[tuple[str, str, int, int]]
    learners: list[tuple[str, int, int, str | None]]


class ExportedAnswer(NamedTuple):
    """One answer in a results file (quiz scores --export); ``uid`` identifies it in every database."""

    uid: str
    bank_id: str
    question_id: str
    content_hash: str
    attempt: int
    response: Any
    score: float
    seconds: float
    answered_at: str
    overridden_at: str | None


class ExportedRound(NamedTuple):
    """One round in a results file, with its answers in the order given."""

    id: int
    mode: str
    bank_id: str
    class_name: str | None
    started_at: str
    finished_at: str | None
    abandoned_at: str | None
    answers: tuple[ExportedAnswer, ...]
