"""What a learner did over days: answers counted between times (one indexed range count per period),
and the answer histories that true retention is replayed from."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from quiz.store.cards import REVIEW_COLUMNS, Review


def answers_between(
    connection: sqlite3.Connection, learner_id: int, periods: Sequence[tuple[str, str]]
) -> list[tuple[int, int]]:
    """(answers, fully right answers) given in each [start, end) period of ISO UTC times, in order."""
    counts = []
    for start, end in periods:
        row = connection.execute(
            "SELECT count(*), coalesce(sum(score >= 1.0), 0) FROM answers"
            " WHERE learner_id = ? AND answered_at >= ? AND answered_at < ?",
            (learner_id, start, end),
        ).fetchone()
        counts.append((int(row[0]), int(row[1])))
    return counts


def answered_between(connection: sqlite3.Connection, learner_id: int, periods: Sequence[tuple[str, str]]) -> list[bool]:
    """Whether anything was answered in each [start, end) period: cheaper than counting, for streaks."""
    found = []
    for start, end in periods:
        row = connection.execute(
            "SELECT EXISTS (SELECT 1 FROM answers WHERE learner_id = ? AND answered_at >= ? AND answered_at < ?)",
            (learner_id, start, end),
        ).fetchone()
        found.append(bool(row[0]))
    return found


def review_history(connection: sqlite3.Connection, learner_id: int, since: str) -> list[tuple[str, str, Review]]:
    """(bank id, question id, review) of every answer to the questions answered at or after ``since``.

    Whole histories, oldest first per question, so a replay knows each card's state before each answer.
    """
    rows = connection.execute(
        f"SELECT bank_id, question_id, {REVIEW_COLUMNS} FROM answers WHERE learner_id = ?"
        " AND (bank_id, question_id) IN (SELECT bank_id, question_id FROM answers"
        "      WHERE learner_id = ? AND answered_at >= ?)"
        " ORDER BY bank_id, question_id, id",
        (learner_id, learner_id, since),
    )
    return [
        (str(bank_id), str(question_id), Review(str(digest), float(score), None if hint is None else bool(hint),
                                                bool(overridden), str(at)))
        for bank_id, question_id, digest, score, hint, overridden, at in rows
    ]


def resets(connection: sqlite3.Connection, learner_id: int) -> list[tuple[str, str | None, str]]:
    """(bank id, question id or None for the whole bank, when) of every reset, oldest first."""
    rows = connection.execute(
        "SELECT bank_id, question_id, at FROM study_events WHERE learner_id = ? AND kind = 'reset' ORDER BY id",
        (learner_id,),
    )
    return [(str(bank), None if question is None else str(question), str(at)) for bank, question, at in rows]
