"""Rounds and their answers: each write is one statement, committed before the call returns."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from quiz.store.records import MODES, AnswerRecord, ResumableRound, StoredAnswer


def start(
    connection: sqlite3.Connection,
    learner_id: int,
    *,
    bank_id: str,
    mode: str,
    question_ids: Sequence[str],
    settings: Mapping[str, Any],
    now: str,
) -> int:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    cursor = connection.execute(
        "INSERT INTO rounds (learner_id, bank_id, mode, question_ids, planned, settings, started_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (learner_id, bank_id, mode, _dump(list(question_ids)), len(question_ids), _dump(dict(settings)), now),
    )
    return int(cursor.lastrowid or 0)


def record(connection: sqlite3.Connection, round_id: int, answer: AnswerRecord, now: str) -> None:
    """Store an answer; the same attempt at a question again in the same round replaces the earlier answer."""
    if not 0.0 <= answer.score <= 1.0:
        raise ValueError(f"a score is between 0 and 1, not {answer.score}")
    cursor = connection.execute(
        "INSERT OR REPLACE INTO answers (round_id, learner_id, bank_id, question_id, attempt, content_hash,"
        " response, score, seconds, answered_at, hint_shown)"
        " SELECT id, learner_id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM rounds WHERE id = ?",
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
    if cursor.rowcount != 1:
        raise LookupError(f"there is no round {round_id}")


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
        "SELECT id, bank_id, mode, started_at, question_ids, settings FROM rounds"
        " WHERE learner_id = ? AND finished_at IS NULL AND abandoned_at IS NULL"
        " ORDER BY started_at DESC, id DESC LIMIT 1",
        (learner_id,),
    ).fetchone()
    if row is None:
        return None
    round_id, bank_id, mode, started_at, question_ids, settings = row
    answered = connection.execute(
        "SELECT question_id, score, attempt FROM answers WHERE round_id = ? ORDER BY id", (round_id,)
    ).fetchall()
    first = [(question_id, score) for question_id, score, attempt in answered if attempt == 1]
    return ResumableRound(
        id=round_id,
        bank_id=bank_id,
        mode=mode,
        started_at=started_at,
        question_ids=tuple(json.loads(question_ids)),
        answered_ids=tuple(question_id for question_id, _ in first),
        score=sum(score for _, score in first),
        settings=json.loads(settings),
        right_ids=frozenset(question_id for question_id, score, _ in answered if score >= 1.0),
    )


def answers(connection: sqlite3.Connection, round_id: int) -> list[StoredAnswer]:
    """A round's answers in the order they were given."""
    rows = connection.execute(
        "SELECT id, round_id, bank_id, question_id, content_hash, response, score, seconds, answered_at,"
        " attempt FROM answers WHERE round_id = ? ORDER BY id",
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
            attempt=row[9],
        )
        for row in rows
    ]


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _load(text: str) -> Any:
    return _tuples(json.loads(text))


def _tuples(value: Any) -> Any:
    """Lists back to tuples, at any depth: multi and order responses are tuples of texts."""
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    if isinstance(value, dict):
        return {key: _tuples(item) for key, item in value.items()}
    return value
