"""Rebuilding every card from the stored answers: the upgrade from a database without schedules.

The answers are read in (learner, bank, question, id) order, a batch at a time; each batch is one
short write transaction (far below the busy timeout), so another copy of quiz, or `quiz due`, waits
for a moment instead of failing. A batch recomputes whole questions from all their answers, so an
answer another copy records meanwhile is never lost: either it is in the batch, or it updated a card
already rebuilt. Running the replay twice gives the same cards.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import groupby

from quiz.store.cards import NEW_STATE, REVIEW_COLUMNS, CardScheduler, Review, fresh, save

BATCH_ANSWERS = 4000
"""Answers replayed per transaction: about 50 ms of fsrs, well under the busy timeout."""

SCHEDULE_BUILT = "schedule_built"
"""meta key: set (to the schedule version) once every card has been rebuilt from the answers."""

Key = tuple[int, str, str]
Progress = Callable[[int, int], None]
"""Called after each batch with (answers replayed so far, answers in all)."""


@contextmanager
def _immediate(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    finally:
        if connection.in_transaction:
            connection.execute("ROLLBACK")


def _events(connection: sqlite3.Connection) -> tuple[dict[Key, str], dict[tuple[int, str], str], dict[Key, bool]]:
    """Resets per question and per bank (latest time) and the latest suspend state per question."""
    question_resets: dict[Key, str] = {}
    bank_resets: dict[tuple[int, str], str] = {}
    suspended: dict[Key, bool] = {}
    rows = connection.execute("SELECT learner_id, kind, bank_id, question_id, at FROM study_events ORDER BY id")
    for learner_id, kind, bank_id, question_id, at in rows:
        if kind == "reset" and question_id is None:
            bank_resets[(learner_id, bank_id)] = max(at, bank_resets.get((learner_id, bank_id), ""))
        elif kind == "reset":
            key = (learner_id, bank_id, question_id)
            question_resets[key] = max(at, question_resets.get(key, ""))
        else:
            suspended[(learner_id, bank_id, question_id)] = kind == "suspend"
    return question_resets, bank_resets, suspended


def rebuild_all(
    connection: sqlite3.Connection,
    scheduler: CardScheduler,
    version: str,
    progress: Progress | None = None,
    batch: int = BATCH_ANSWERS,
) -> int:
    """Rebuild every card from its answers, then mark the schedule built; returns the answers replayed."""
    total = int(connection.execute("SELECT count(*) FROM answers").fetchone()[0])
    retention = {row[0]: float(row[1]) for row in connection.execute("SELECT id, desired_retention FROM learners")}
    question_resets, bank_resets, suspended = _events(connection)
    after: Key = (-1, "", "")
    done = 0
    while True:
        with _immediate(connection):
            rows = connection.execute(
                f"SELECT learner_id, bank_id, question_id, {REVIEW_COLUMNS} FROM answers"
                " WHERE (learner_id, bank_id, question_id) > (?, ?, ?)"
                " ORDER BY learner_id, bank_id, question_id, id LIMIT ?",
                (*after, batch),
            ).fetchall()
            if not rows:
                _suspended_without_answers(connection, suspended)
                connection.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SCHEDULE_BUILT, version)
                )
                return done
            last: Key = tuple(rows[-1][:3])
            if len(rows) == batch and tuple(rows[0][:3]) != last:
                rows = [row for row in rows if tuple(row[:3]) != last]  # that question goes whole in the next batch
            elif len(rows) == batch:  # one question with more answers than a batch: take it whole
                rows = connection.execute(
                    f"SELECT learner_id, bank_id, question_id, {REVIEW_COLUMNS} FROM answers"
                    " WHERE learner_id = ? AND bank_id = ? AND question_id = ? ORDER BY id",
                    last,
                ).fetchall()
            for key, group in groupby(rows, key=lambda row: (row[0], row[1], row[2])):
                learner_id, bank_id, question_id = key
                since = max(question_resets.get(key, ""), bank_resets.get((learner_id, bank_id), ""))
                answers = [row[3:] for row in group]
                reviews = [
                    Review(content_hash, score, None if hint is None else bool(hint), bool(overridden), at)
                    for content_hash, score, hint, overridden, at in answers
                    if at > since
                ]
                memory = scheduler.replay(reviews, retention.get(learner_id, 0.9))
                if memory is None:
                    memory = fresh(answers[-1][0], since)
                save(connection, learner_id, bank_id, question_id, memory)
                connection.execute(
                    "UPDATE cards SET suspended = ? WHERE learner_id = ? AND bank_id = ? AND question_id = ?",
                    (int(suspended.pop(key, False)), learner_id, bank_id, question_id),
                )
                done += len(answers)
                after = key
        if progress is not None:
            progress(done, total)


def _suspended_without_answers(connection: sqlite3.Connection, suspended: dict[Key, bool]) -> None:
    """Questions suspended before they were ever answered still need their card to say so."""
    for (learner_id, bank_id, question_id), flag in suspended.items():
        if flag:
            connection.execute(
                "INSERT INTO cards (learner_id, bank_id, question_id, content_hash, state, step, due, suspended)"
                " SELECT ?, ?, ?, '', ?, 0, max(at), 1 FROM study_events WHERE learner_id = ? AND bank_id = ?"
                " AND question_id = ? ON CONFLICT (learner_id, bank_id, question_id) DO UPDATE SET suspended = 1",
                (learner_id, bank_id, question_id, NEW_STATE, learner_id, bank_id, question_id),
            )
