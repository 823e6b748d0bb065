"""Rounds and their answers: each write is one statement, committed before the call returns."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from quiz.store.failures import stored_json
from quiz.store.records import MODES, AnswerRecord, Lease, ResumableRound, StoredAnswer


def start(
    connection: sqlite3.Connection,
    learner_id: int,
    *,
    bank_id: str,
    mode: str,
    question_ids: Sequence[str],
    settings: Mapping[str, Any],
    now: str,
    deadline: str | None = None,
) -> int:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    cursor = connection.execute(
        "INSERT INTO rounds (learner_id, bank_id, mode, question_ids, planned, settings, started_at, deadline)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            learner_id,
            bank_id,
            mode,
            _dump(list(question_ids)),
            len(question_ids),
            _dump(dict(settings)),
            now,
            deadline,
        ),
    )
    return int(cursor.lastrowid or 0)


def record(connection: sqlite3.Connection, round_id: int, answer: AnswerRecord, now: str) -> bool:
    """Store an answer unless this attempt at the question is already answered: the first answer stands.

    Returns False when an earlier answer (from this or another copy of the app) was kept instead.
    """
    if not 0.0 <= answer.score <= 1.0:
        raise ValueError(f"a score is between 0 and 1, not {answer.score}")
    cursor = connection.execute(
        "INSERT INTO answers (round_id, learner_id, bank_id, question_id, attempt, content_hash,"
        " response, score, seconds, answered_at, hint_shown)"
        " SELECT id, learner_id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM rounds WHERE id = ?"
        " ON CONFLICT (round_id, question_id, attempt) DO NOTHING",
        (
            answer.bank_id,
            answer.question_id,
            answer.attempt,
            answer.content_hash,
            _dump(answer.response),
            float(answer.score),
            float(answer.seconds),
            now,
            None if answer.hint_shown is None else int(answer.hint_shown),
            round_id,
        ),
    )
    if cursor.rowcount == 1:
        return True
    if connection.execute("SELECT 1 FROM rounds WHERE id = ?", (round_id,)).fetchone() is None:
        raise LookupError(f"there is no round {round_id}")
    return False


def take_lease(
    connection: sqlite3.Connection, round_id: int, owner: str, *, now: str, until: str, force: bool = False
) -> Lease | None:
    """Hold the round for ``owner`` unless another copy holds a lease that has not expired.

    Returns None when taken (or renewed), else the other copy's lease. ``force`` takes it over.
    """
    cursor = connection.execute(
        "UPDATE rounds SET lease_owner = :owner, lease_until = :until,"
        " lease_since = CASE WHEN lease_owner = :owner THEN coalesce(lease_since, :now) ELSE :now END"
        " WHERE id = :id AND (:force OR lease_owner IS NULL OR lease_owner = :owner OR lease_until < :now)",
        {"owner": owner, "until": until, "now": now, "id": round_id, "force": int(force)},
    )
    return None if cursor.rowcount == 1 else lease(connection, round_id)


def renew_lease(connection: sqlite3.Connection, round_id: int, owner: str, until: str) -> bool:
    """Extend this copy's lease; False when another copy has taken the round over."""
    cursor = connection.execute(
        "UPDATE rounds SET lease_until = ? WHERE id = ? AND lease_owner = ?", (until, round_id, owner)
    )
    return cursor.rowcount == 1


def release_lease(connection: sqlite3.Connection, round_id: int, owner: str) -> None:
    connection.execute(
        "UPDATE rounds SET lease_owner = NULL, lease_until = NULL, lease_since = NULL"
        " WHERE id = ? AND lease_owner = ?",
        (round_id, owner),
    )


def lease(connection: sqlite3.Connection, round_id: int) -> Lease | None:
    """The round's lease as stored, expired or not; None when no copy holds it."""
    row = connection.execute(
        "SELECT lease_owner, lease_since, lease_until FROM rounds WHERE id = ? AND lease_owner IS NOT NULL",
        (round_id,),
    ).fetchone()
    return None if row is None else Lease(owner=row[0], since=row[1] or row[2], until=row[2])


def abandon_older(connection: sqlite3.Connection, learner_id: int, newest: int, now: str) -> None:
    """Stop offering the learner's earlier unfinished rounds once a new one starts (no other copy's)."""
    connection.execute(
        "UPDATE rounds SET abandoned_at = :now WHERE learner_id = :learner AND id <> :newest"
        " AND finished_at IS NULL AND abandoned_at IS NULL AND (lease_until IS NULL OR lease_until < :now)",
        {"now": now, "learner": learner_id, "newest": newest},
    )


def finish(connection: sqlite3.Connection, round_id: int, seconds: float, now: str) -> None:
    connection.execute(
        "UPDATE rounds SET finished_at = ?, seconds = ? WHERE id = ? AND finished_at IS NULL",
        (now, float(seconds), round_id),
    )


def abandon(connection: sqlite3.Connection, round_id: int, now: str) -> None:
    connection.execute(
        "UPDATE rounds SET abandoned_at = ? WHERE id = ? AND finished_at IS NULL AND abandoned_at IS NULL",
        (now, round_id),
    )


def resumable(connection: sqlite3.Connection, learner_id: int) -> ResumableRound | None:
    """The learner's newest round that was neither finished nor abandoned."""
    row = connection.execute(
        "SELECT id, bank_id, mode, started_at, question_ids, settings, deadline FROM rounds"
        " WHERE learner_id = ? AND finished_at IS NULL AND abandoned_at IS NULL"
        " ORDER BY started_at DESC, id DESC LIMIT 1",
        (learner_id,),
    ).fetchone()
    if row is None:
        return None
    round_id, bank_id, mode, started_at, question_ids, settings, deadline = row
    answered = connection.execute(
        "SELECT question_id, score, attempt FROM answers WHERE round_id = ? ORDER BY id", (round_id,)
    ).fetchall()
    first = [(question_id, score) for question_id, score, attempt in answered if attempt == 1]
    return ResumableRound(
        id=round_id,
        bank_id=bank_id,
        mode=mode,
        started_at=started_at,
        question_ids=tuple(stored_json(question_ids, "rounds.question_ids")),
        answered_ids=tuple(question_id for question_id, _ in first),
        score=sum(score for _, score in first),
        settings=stored_json(settings, "rounds.settings"),
        right_ids=frozenset(question_id for question_id, score, _ in answered if score >= 1.0),
        deadline=deadline,
    )


def answers(connection: sqlite3.Connection, round_id: int) -> list[StoredAnswer]:
    """A round's answers in the order they were given."""
    rows = connection.execute(
        "SELECT id, round_id, bank_id, question_id, content_hash, response, score, seconds, answered_at,"
        " hint_shown, overridden_at, attempt FROM answers WHERE round_id = ? ORDER BY id",
        (round_id,),
    )
    return [
        StoredAnswer(
            id=row[0],
            round_id=row[1],
            bank_id=row[2],
            question_id=row[3],
            content_hash=row[4],
            response=_load(row[5]),
            score=row[6],
            seconds=row[7],
            answered_at=row[8],
            hint_shown=None if row[9] is None else bool(row[9]),
            overridden_at=row[10],
            attempt=row[11],
        )
        for row in rows
    ]


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _load(text: str) -> Any:
    return _tuples(stored_json(text, "answers.response"))


def _tuples(value: Any) -> Any:
    """Lists back to tuples, at any depth: multi and order responses are tuples of texts."""
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    if isinstance(value, dict):
        return {key: _tuples(item) for key, item in value.items()}
    return value
