"""What a learner did over days: answers counted between times, one indexed range count per period."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence


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
