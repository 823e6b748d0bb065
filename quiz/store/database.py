"""The Store: the one object the study layer and the commands talk to about learners and scores."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from quiz.clock import Clock, system_clock
from quiz.errors import QuizError
from quiz.store import activity, cards, classroom, history, learners, loaded_questions, replay, rounds
from quiz.store.cards import CardGlance, CardScheduler, Review, StoredCard
from quiz.store.connection import open_database
from quiz.store.failures import DamagedValue, as_quiz_error
from quiz.store.records import (
    AnswerRecord,
    BankProgress,
    BankScores,
    ClassRows,
    ExportedRound,
    Learner,
    Lease,
    QuestionStats,
    ResumableRound,
    RoundSummary,
    StoredAnswer,
    StudySettings,
)

RETENTION_RANGE = (0.70, 0.97)
"""Desired retention a learner may choose: below, reviews are too rare to learn; above, too many."""


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
        self._loaded: object | None = None
        """What the loaded questions came from (load_questions)."""

    @classmethod
    def open(cls, path: Path, *, clock: Clock = system_clock, repair: bool = True) -> Store:
        """Open or create the database; raises QuizError for a newer schema, an unusable path or a file
        another program damaged (quiz.store.tampering).

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

    def pin_hash(self, learner_id: int) -> str | None:
        """The learner's PIN hash for a served class; None until they set one."""
        with self._guard():
            return classroom.pin_hash(self._connection, learner_id)

    def set_pin_hash(self, learner_id: int, value: str | None) -> None:
        with self._write():
            classroom.set_pin_hash(self._connection, learner_id, value)

    # rounds and answers

    def start_round(
        self,
        learner_id: int,
        bank_id: str,
        mode: str,
        question_ids: Sequence[str],
        settings: Mapping[str, Any],
        deadline: datetime | None = None,
    ) -> int:
        """Record the planned questions and the JSON-serialisable settings; returns the round id.

        ``deadline`` is when a timed exam ends on the wall clock, whatever happens to the app.
        """
        with self._write():
            return rounds.start(
                self._connection,
                learner_id,
                bank_id=bank_id,
                mode=mode,
                question_ids=question_ids,
                settings=settings,
                now=self._now(),
                deadline=None if deadline is None else stamp(deadline),
            )

    def record_answer(self, round_id: int, answer: AnswerRecord, scheduler: CardScheduler | None = None) -> bool:
        """Committed (and fsynced) on return. The first answer to an attempt stands: False when one did.

        With a ``scheduler`` (the study layer always passes one) the learner's card for the question is
        updated in the same transaction, so neither is ever stored without the other; an answer that
        was not stored (an earlier one stands) does not touch the card.
        """
        with self._write():
            now = self._now()
            connection = self._connection
            if not rounds.record(connection, round_id, answer, now):
                return False
            if scheduler is not None:
                learner_id = cards.round_learner(connection, round_id)
                review = Review(answer.content_hash, answer.score, answer.hint_shown, False, now)
                cards.review_answer(connection, learner_id, answer.bank_id, answer.question_id, review, scheduler)
            return True

    def override_answer(
        self, round_id: int, question_id: str, scheduler: CardScheduler, attempt: int = 1
    ) -> None:
        """"I was right": mark the answer overridden and replay its card, where it now counts as right."""
        with self._write():
            now = self._now()
            row = self._connection.execute(
                "UPDATE answers SET overridden_at = coalesce(overridden_at, ?)"
                " WHERE round_id = ? AND question_id = ? AND attempt = ? RETURNING learner_id, bank_id",
                (now, round_id, question_id, attempt),
            ).fetchone()
            if row is None:
                raise LookupError(f"round {round_id} has no answer to {question_id} (attempt {attempt})")
            cards.rebuild(self._connection, row[0], row[1], question_id, scheduler, now)

    def take_lease(
        self, round_id: int, owner: str, *, now: datetime, until: datetime, force: bool = False
    ) -> Lease | None:
        """Hold the round for this copy of the app; None when held, else the other copy's live lease.

        Times come from the caller's clock, the same one that renews, so expiry is tested with a fake.
        """
        with self._write():
            return rounds.take_lease(
                self._connection, round_id, owner, now=stamp(now), until=stamp(until), force=force
            )

    def renew_lease(self, round_id: int, owner: str, until: datetime) -> bool:
        """False when another copy has taken the round over."""
        with self._write():
            return rounds.renew_lease(self._connection, round_id, owner, stamp(until))

    def release_lease(self, round_id: int, owner: str) -> None:
        with self._write():
            rounds.release_lease(self._connection, round_id, owner)

    def round_lease(self, round_id: int) -> Lease | None:
        with self._guard():
            return rounds.lease(self._connection, round_id)

    def abandon_older_rounds(self, learner_id: int, newest: int, now: datetime) -> None:
        """Stop offering unfinished rounds older than ``newest`` that no other copy is playing."""
        with self._write():
            rounds.abandon_older(self._connection, learner_id, newest, stamp(now))

    def finish_round(self, round_id: int, seconds: float) -> None:
        """Then the round's answers are copied from the write-ahead log into the database file, off the
        answering path (quiz.store.connection.WAL_CHECKPOINT_PAGES)."""
        with self._write():
            rounds.finish(self._connection, round_id, seconds, self._now())
        self._checkpoint()

    def label_round(self, round_id: int, class_name: str) -> None:
        """Mark the round as played in this served class, so one database can hold several classes."""
        with self._write():
            classroom.label_round(self._connection, round_id, class_name)

    def abandon_round(self, round_id: int) -> None:
        """Keep the round's answers but stop offering to resume it."""
        with self._write():
            rounds.abandon(self._connection, round_id, self._now())
        self._checkpoint()

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

    def bank_scores(self, learner_id: int) -> dict[str, BankScores]:
        """Per bank with a finished round: the last and the best (without counting questions seen)."""
        with self._read():
            return history.bank_scores(self._connection, learner_id)

    def open_mistakes(self, learner_id: int, bank_id: str | None = None) -> list[tuple[str, str]]:
        """(bank id, question id) whose latest answer scored below 1, sorted."""
        with self._guard():
            return history.open_mistakes(self._connection, learner_id, bank_id)

    def answer_stats(self, learner_id: int) -> list[QuestionStats]:
        with self._guard():
            return history.answer_stats(self._connection, learner_id)

    # activity over days

    def answers_between(self, learner_id: int, periods: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
        """(answers, fully right) in each [start, end) period of ISO UTC times."""
        with self._read():
            return activity.answers_between(self._connection, learner_id, periods)

    def answered_between(self, learner_id: int, periods: Sequence[tuple[str, str]]) -> list[bool]:
        """Whether the learner answered anything in each [start, end) period."""
        with self._read():
            return activity.answered_between(self._connection, learner_id, periods)

    def review_history(self, learner_id: int, since: str) -> list[tuple[str, str, Review]]:
        """Every answer, as reviews, of the questions answered at or after ``since``; oldest first per question."""
        with self._read():
            return activity.review_history(self._connection, learner_id, since)

    def resets(self, learner_id: int) -> list[tuple[str, str | None, str]]:
        """(bank id, question id or None for a whole bank, when) of every reset of the learner's progress."""
        with self._guard():
            return activity.resets(self._connection, learner_id)

    # the schedule

    def cards(self, learner_id: int) -> list[StoredCard]:
        """Every card of the learner, in no particular order."""
        with self._guard():
            return cards.learner_cards(self._connection, learner_id)

    def glances(self, learner_id: int) -> tuple[CardGlance, ...]:
        """The few fields of every card that picking a practice or quick round needs, read fast."""
        with self._guard():
            return tuple(cards.learner_glances(self._connection, learner_id))

    def load_questions(
        self,
        loaded: object,
        questions: Callable[[], Iterable[tuple[str, str, str]]],
        image: loaded_questions.QuestionsImage | None = None,
    ) -> None:
        """Which questions are loaded, for the counts and picks below (quiz.store.loaded_questions).

        ``questions()`` gives (bank id, question id, content hash) of each, in the banks' order; it is
        asked only when ``loaded``, what they come from, is not what was given last, and ``image``, the
        same rows as the bank cache keeps them (quiz.store.loaded_questions.image_of), does not load.
        """
        with self._guard():
            if self._loaded is not loaded:
                if image is None or not loaded_questions.load_image(self._connection, image):
                    loaded_questions.load_questions(self._connection, questions())
                self._loaded = loaded

    def bank_counts(
        self, learner_id: int, now: datetime, *, review_state: int, stable: float
    ) -> dict[str, loaded_questions.BankCounts]:
        """The learner's cards counted per loaded bank; ``stable`` is in days."""
        with self._guard():
            return loaded_questions.bank_counts(self._connection, learner_id, stamp(now), review_state, stable)

    def due_cards(
        self, learner_id: int, now: datetime, bank_id: str | None, *, ahead: bool = False
    ) -> list[loaded_questions.DueCard]:
        """The learner's current cards of the loaded questions due now (or every one, ``ahead``)."""
        with self._guard():
            return loaded_questions.due_cards(self._connection, learner_id, stamp(now), bank_id, ahead)

    def unseen(self, learner_id: int, bank_id: str | None, limit: int = -1) -> list[tuple[str, str]]:
        """(bank id, question id) of loaded questions new to the learner, in the banks' order."""
        with self._guard():
            return loaded_questions.unseen(self._connection, learner_id, bank_id, limit)

    def coming(
        self, learner_id: int, now: datetime, bank_id: str | None, limit: int = -1
    ) -> list[loaded_questions.DueCard]:
        """The learner's current cards of the loaded questions not due yet, soonest first."""
        with self._guard():
            return loaded_questions.coming(self._connection, learner_id, stamp(now), bank_id, limit)

    def card(self, learner_id: int, bank_id: str, question_id: str) -> StoredCard | None:
        with self._guard():
            return cards.card(self._connection, learner_id, bank_id, question_id)

    def introduced_since(self, learner_id: int, since: datetime) -> int:
        """Questions first reviewed (since new) at or after ``since``: what today's new limit has used."""
        with self._guard():
            return cards.introduced_since(self._connection, learner_id, stamp(since))

    def study_settings(self, learner_id: int) -> StudySettings:
        with self._guard():
            row = self._connection.execute(
                "SELECT desired_retention, new_per_day FROM learners WHERE id = ?", (learner_id,)
            ).fetchone()
        if row is None:
            raise LookupError(f"there is no learner {learner_id}")
        return StudySettings(float(row[0]), int(row[1]))

    def set_retention(self, learner_id: int, retention: float) -> None:
        """QuizError outside 0.70-0.97. Cards keep their memory; new intervals use the new retention."""
        low, high = RETENTION_RANGE
        if not low <= retention <= high:
            raise QuizError(
                f"Desired retention must be between {low:.2f} and {high:.2f}, not {retention:g}.",
                hint="0.90 (the default) means reviews come when you would still recall 9 in 10.",
            )
        with self._write():
            self._connection.execute(
                "UPDATE learners SET desired_retention = ? WHERE id = ?", (round(retention, 4), learner_id)
            )

    def set_new_per_day(self, learner_id: int, count: int) -> None:
        if not 0 <= count <= 1000:
            raise QuizError(f"New questions per day must be between 0 and 1000, not {count}.")
        with self._write():
            self._connection.execute("UPDATE learners SET new_per_day = ? WHERE id = ?", (count, learner_id))

    def study_event(
        self, learner_id: int, kind: str, bank_id: str, question_id: str | None = None, content_hash: str = ""
    ) -> None:
        """Suspend or unsuspend a question, or reset a bank's (or a question's) progress; answers are kept."""
        with self._write():
            cards.add_event(self._connection, learner_id, kind, bank_id, question_id, content_hash, self._now())

    def meta(self, key: str) -> str | None:
        with self._guard():
            row = self._connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._write():
            self._connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def answer_count(self) -> int:
        """Answers of every learner: what an upgrade replay has to go through."""
        with self._guard():
            return int(self._connection.execute("SELECT count(*) FROM answers").fetchone()[0])

    def rebuild_schedule(
        self, scheduler: CardScheduler, version: str, progress: replay.Progress | None = None
    ) -> int:
        """Rebuild every card from the answers in short transactions; returns the answers replayed."""
        with self._guard():
            return replay.rebuild_all(self._connection, scheduler, version, progress)

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole database at ``target`` (SQLite's online backup)."""
        with self._guard():
            copy = sqlite3.connect(target)
            try:
                self._connection.backup(copy)
            finally:
                copy.close()

    def stored_hashes(self) -> list[tuple[str, str, str]]:
        """(bank id, question id, content hash) of every distinct hash in answers and cards."""
        with self._guard():
            rows = self._connection.execute(
                "SELECT DISTINCT bank_id, question_id, content_hash FROM answers"
                " UNION SELECT bank_id, question_id, content_hash FROM cards"
            )
            return [(str(bank), str(question), str(digest)) for bank, question, digest in rows]

    def rewrite_hashes(self, renames: Mapping[tuple[str, str, str], str], batch: int = 2000) -> None:
        """Replace stored hashes, (bank id, question id, old hash) -> new hash, a batch per transaction."""
        items = list(renames.items())
        for start in range(0, len(items), batch):
            with self._write():
                for (bank_id, question_id, old), new in items[start : start + batch]:
                    for table in ("answers", "cards"):
                        self._connection.execute(
                            f"UPDATE {table} SET content_hash = ? WHERE learner_id IN (SELECT id FROM learners)"
                            " AND bank_id = ? AND question_id = ? AND content_hash = ?",
                            (new, bank_id, question_id, old),
                        )

    # a class's statistics (quiz report)

    def class_rows(
        self, class_name: str | None = None, bank_id: str | None = None, since: str | None = None
    ) -> ClassRows:
        """The raw material of the class report, read in one snapshot (see quiz.store.classroom)."""
        with self._read():
            connection = self._connection
            return ClassRows(
                first_answers=classroom.first_answers(connection, class_name, bank_id, since),
                round_totals=classroom.round_totals(connection, class_name, bank_id, since),
                apart=classroom.answers_apart(connection, class_name, bank_id, since),
                learners=classroom.learner_activity(connection, class_name, bank_id, since),
            )

    def exported_rounds(self, learner_id: int) -> list[ExportedRound]:
        with self._read():
            return classroom.exported_rounds(self._connection, learner_id)

    def import_rounds(self, learner_id: int, rounds: Sequence[ExportedRound]) -> int:
        """Merge rounds from a results file in one transaction; answers already here (same uid) are skipped."""
        with self._write():
            return classroom.import_rounds(self._connection, learner_id, list(rounds))

    def known_uids(self, uids: Sequence[str]) -> set[str]:
        with self._guard():
            return classroom.known_uids(self._connection, list(uids))

    def _now(self) -> str:
        return stamp(self._clock())

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """One call at a time; a full disk, a damaged or busy file become a QuizError the UI can show."""
        with self._lock:
            try:
                yield
            except (sqlite3.Error, DamagedValue) as error:
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

    def _checkpoint(self) -> None:
        """Copy what the log holds into the database file, without waiting for other copies of quiz: what
        a reader still needs stays in the log for a later checkpoint. Only an optimisation, so a busy
        database is no error."""
        with self._guard(), suppress(sqlite3.OperationalError):
            self._connection.execute("PRAGMA wal_checkpoint(PASSIVE)")

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


def stamp(moment: datetime) -> str:
    """The store's timestamp form: ISO 8601 in UTC, to the millisecond, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")
