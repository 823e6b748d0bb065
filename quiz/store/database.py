"""The Store: the one object the study layer and the commands talk to about learners and scores."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path
from types import TracebackType
from typing import Any

from quiz.clock import Clock, system_clock
from quiz.store import history, learners, rounds
from quiz.store.connection import open_database
from quiz.store.failures import as_quiz_error
from quiz.store.records import (
    AnswerRecord,
    BankProgress,
    Learner,
    QuestionStats,
    ResumableRound,
    RoundSummary,
    StoredAnswer,
)


class Store:
    """Learners, rounds and answers in one SQLite file; every write is committed before returning.

    Safe to share between threads of one process (calls are serialised) and between processes
    (WAL and a busy timeout). Timestamps are ISO 8601 in UTC, to the millisecond.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path, notice: str | None, clock: Clock) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self._clock = clock
        self.path = path
        self.notice = notice
        """Set when the file at ``path`` was not a quiz database and was moved aside; show it."""

    @classmethod
    def open(cls, path: Path, *, clock: Clock = system_clock, repair: bool = True) -> Store:
        """Open or create the database; raises QuizError for a newer schema or an unusable path.

        ``repair`` False refuses a file that is not a quiz database instead of moving it aside.
        """
        path = Path(path).expanduser()
        opened = open_database(path, repair=repair)
        return cls(opened.connection, path, opened.notice, clock)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # learners

    def learners(self) -> list[Learner]:
        """Most recently used (or added) first."""
        with self._guard():
            return learners.all_learners(self._connection)

    def learner(self, name: str) -> Learner | None:
        """The learner with this name, whatever its case and spacing."""
        with self._guard():
            return learners.find(self._connection, name)

    def add_learner(self, name: str) -> Learner:
        """QuizError if the name is empty, too long, or taken."""
        with self._write():
            return learners.add(self._connection, name, self._now())

    def rename_learner(self, name: str, new_name: str) -> Learner:
        with self._write():
            return learners.rename(self._connection, name, new_name)

    def remove_learner(self, name: str) -> None:
        """Removes the learner with all their rounds and answers."""
        with self._write():
            learners.remove(self._connection, name)

    def touch_learner(self, learner_id: int) -> None:
        """Mark the learner as just used, so they are offered first next time."""
        with self._write():
            learners.touch(self._connection, learner_id, self._now())

    def last_learner(self) -> Learner | None:
        """The most recently used (or, failing that, added) learner."""
        with self._guard():
            return learners.most_recent(self._connection)

    # rounds and answers

    def start_round(
        self,
        learner_id: int,
        bank_id: str,
        mode: str,
        question_ids: Sequence[str],
        settings: Mapping[str, Any],
    ) -> int:
        """Record the planned questions and the JSON-serialisable settings; returns the round id."""
        with self._write():
            return rounds.start(
                self._connection,
                learner_id,
                bank_id=bank_id,
                mode=mode,
                question_ids=question_ids,
                settings=settings,
                now=self._now(),
            )

    def record_answer(self, round_id: int, answer: AnswerRecord) -> None:
        """Committed (and fsynced) on return; a second answer to the same question replaces the first."""
        with self._write():
            rounds.record(self._connection, round_id, answer, self._now())

    def finish_round(self, round_id: int, seconds: float) -> None:
        with self._write():
            rounds.finish(self._connection, round_id, seconds, self._now())

    def abandon_round(self, round_id: int) -> None:
        """Keep the round's answers but stop offering to resume it."""
        with self._write():
            rounds.abandon(self._connection, round_id, self._now())

    def resumable_round(self, learner_id: int) -> ResumableRound | None:
        with self._read():
            return rounds.resumable(self._connection, learner_id)

    def round_answers(self, round_id: int) -> list[StoredAnswer]:
        with self._guard():
            return rounds.answers(self._connection, round_id)

    # history

    def rounds(self, learner_id: int, limit: int | None = None) -> list[RoundSummary]:
        """Newest first, finished or not; only the newest ``limit`` when given."""
        with self._guard():
            return history.round_summaries(self._connection, learner_id, limit)

    def round_count(self, learner_id: int) -> int:
        with self._guard():
            return history.round_count(self._connection, learner_id)

    def recent_finished_scores(self, learner_id: int, per_bank: int) -> list[tuple[str, float, int]]:
        """(bank id, score, planned) of each bank's newest ``per_bank`` finished rounds, by bank, oldest first."""
        with self._guard():
            return history.recent_finished_scores(self._connection, learner_id, per_bank)

    def bank_progress(self, learner_id: int) -> dict[str, BankProgress]:
        with self._read():
            return history.bank_progress(self._connection, learner_id)

    def open_mistakes(self, learner_id: int, bank_id: str | None = None) -> list[tuple[str, str]]:
        """(bank id, question id) whose latest answer scored below 1, sorted."""
        with self._guard():
            return history.open_mistakes(self._connection, learner_id, bank_id)

    def answer_stats(self, learner_id: int) -> list[QuestionStats]:
        with self._guard():
            return history.answer_stats(self._connection, learner_id)

    def _now(self) -> str:
        return self._clock().astimezone(UTC).isoformat(timespec="milliseconds")

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """One call at a time; a full disk, a damaged or busy file become a QuizError the UI can show."""
        with self._lock:
            try:
                yield
            except sqlite3.Error as error:
                translated = as_quiz_error(error, self.path)
                if translated is None:
                    raise
                raise translated from error

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction that takes the write lock at once, so it never fails half-way on a busy file."""
        with self._guard():
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._connection.execute("COMMIT")
            finally:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")

    @contextmanager
    def _read(self) -> Iterator[None]:
        """One snapshot for queries that take several statements."""
        with self._guard():
            self._connection.execute("BEGIN")
            try:
                yield
            finally:
                if self._connection.in_transaction:
                    self._connection.execute("COMMIT")
