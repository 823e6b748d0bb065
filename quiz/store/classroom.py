"""What a served class needs from the store: learners' PIN hashes and the class a round was played in."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from quiz.store.failures import stored_json
from quiz.store.records import ExportedAnswer, ExportedRound


def pin_hash(connection: sqlite3.Connection, learner_id: int) -> str | None:
    row = connection.execute("SELECT pin_hash FROM learners WHERE id = ?", (learner_id,)).fetchone()
    return None if row is None else row[0]


def set_pin_hash(connection: sqlite3.Connection, learner_id: int, value: str | None) -> None:
    connection.execute("UPDATE learners SET pin_hash = ? WHERE id = ?", (value, learner_id))


def label_round(connection: sqlite3.Connection, round_id: int, class_name: str) -> None:
    connection.execute("UPDATE rounds SET class_name = ? WHERE id = ?", (class_name, round_id))


COUNTED_MODES = ("practice", "exam")
"""Rounds whose first answers the class statistics count; other modes are shown apart."""

Filters = tuple[str, str, list[object], list[object]]


def _filters(class_name: str | None, bank_id: str | None, since: str | None) -> Filters:
    """SQL conditions on rounds and on answers, with their values, for the report's filters.

    The round condition picks round ids in a subquery (a list SQLite looks ids up in), which keeps
    each query a single pass over one index of the answers.
    """
    on_rounds, round_values = "", list[object]()
    if class_name is not None:
        on_rounds, round_values = " AND class_name = ?", [class_name]
    clauses: list[str] = []
    answer_values: list[object] = []
    if bank_id is not None:
        clauses.append("bank_id = ?")
        answer_values.append(bank_id)
    if since is not None:
        clauses.append("answered_at >= ?")
        answer_values.append(since)
    return on_rounds, "".join(f" AND {clause}" for clause in clauses), round_values, answer_values


_COUNTED = "SELECT id FROM rounds WHERE mode IN ('practice', 'exam') AND finished_at IS NOT NULL"


def first_answers(
    connection: sqlite3.Connection, class_name: str | None, bank_id: str | None, since: str | None
) -> list[tuple[Any, ...]]:
    """Each learner's first answer to each version of a question in finished practice and exam rounds.

    Rows: learner name, bank, question, content hash, round id, score, seconds, response (JSON),
    answered at, overridden at, uid. The first is the earliest by answered_at: SQLite gives the
    other columns of the row that holds the min() (answers_by_version keeps this one pass, no sort).
    """
    on_rounds, on_answers, round_values, answer_values = _filters(class_name, bank_id, since)
    has_index = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'answers_by_version'"
    ).fetchone()
    hint = " INDEXED BY answers_by_version" if has_index else ""  # a file from a pre-release quiz lacks it
    rows = connection.execute(
        "SELECT learner_id, bank_id, question_id, content_hash, round_id, score, seconds, response,"
        f" min(answered_at), overridden_at, uid FROM answers{hint}"
        f" WHERE round_id IN ({_COUNTED}{on_rounds}){on_answers}"
        " GROUP BY learner_id, bank_id, question_id, content_hash",
        [*round_values, *answer_values],
    ).fetchall()
    names = dict(connection.execute("SELECT id, name FROM learners").fetchall())
    return [(names[row[0]], *row[1:]) for row in rows]


def round_totals(
    connection: sqlite3.Connection, class_name: str | None, bank_id: str | None, since: str | None
) -> list[tuple[int, float, int]]:
    """(round id, sum of scores, answers) per counted round, for the rest-of-round score."""
    on_rounds, on_answers, round_values, answer_values = _filters(class_name, bank_id, since)
    return connection.execute(
        f"SELECT round_id, sum(score), count(*) FROM answers WHERE round_id IN ({_COUNTED}{on_rounds}){on_answers}"
        " GROUP BY round_id",
        [*round_values, *answer_values],
    ).fetchall()


def answers_apart(
    connection: sqlite3.Connection, class_name: str | None, bank_id: str | None, since: str | None
) -> list[tuple[str, str, int, int]]:
    """(bank, question, answers outside counted rounds, overridden answers) per question that has any."""
    on_rounds, on_answers, round_values, answer_values = _filters(class_name, bank_id, since)
    in_class = f" AND round_id IN (SELECT id FROM rounds WHERE 1{on_rounds})" if on_rounds else ""
    counts: dict[tuple[str, str], list[int]] = {}
    others = connection.execute(
        f"SELECT bank_id, question_id, count(*) FROM answers WHERE round_id NOT IN ({_COUNTED}){in_class}{on_answers}"
        " GROUP BY bank_id, question_id",
        [*round_values, *answer_values],
    )
    for bank, question, count in others:
        counts.setdefault((bank, question), [0, 0])[0] = count
    overridden = connection.execute(
        f"SELECT bank_id, question_id, count(*) FROM answers WHERE overridden_at IS NOT NULL{in_class}{on_answers}"
        " GROUP BY bank_id, question_id",
        [*round_values, *answer_values],
    )
    for bank, question, count in overridden:
        counts.setdefault((bank, question), [0, 0])[1] = count
    return [(bank, question, other, overrides) for (bank, question), (other, overrides) in sorted(counts.items())]


def learner_activity(
    connection: sqlite3.Connection, class_name: str | None, bank_id: str | None, since: str | None
) -> list[tuple[str, int, int, str | None]]:
    """(name, rounds, answers, last answered at) per learner with answers matching the filters."""
    on_rounds, on_answers, round_values, answer_values = _filters(class_name, bank_id, since)
    in_class = f" AND round_id IN (SELECT id FROM rounds WHERE 1{on_rounds})" if on_rounds else ""
    answered = connection.execute(
        f"SELECT learner_id, count(*), max(answered_at) FROM answers WHERE 1{in_class}{on_answers} GROUP BY learner_id",
        [*round_values, *answer_values],
    ).fetchall()
    rounds = dict(connection.execute(
        f"SELECT r.learner_id, count(*) FROM rounds r WHERE 1{on_rounds.replace('class_name', 'r.class_name')}"
        f" AND EXISTS (SELECT 1 FROM answers WHERE round_id = r.id{on_answers}) GROUP BY r.learner_id",
        [*round_values, *answer_values],
    ).fetchall())
    names = dict(connection.execute("SELECT id, name FROM learners").fetchall())
    return [(names[learner], rounds.get(learner, 0), count, last) for learner, count, last in answered]


def known_uids(connection: sqlite3.Connection, uids: list[str]) -> set[str]:
    """Which of these answer uids this database already holds."""
    found: set[str] = set()
    for start in range(0, len(uids), 500):
        chunk = uids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in connection.execute(f"SELECT uid FROM answers WHERE uid IN ({marks})", chunk))
    return found


def exported_rounds(connection: sqlite3.Connection, learner_id: int) -> list[ExportedRound]:
    """Every round of the learner with its answers, oldest first, for a results file."""
    answers: dict[int, list[ExportedAnswer]] = {}
    for round_id, *fields in connection.execute(
        "SELECT round_id, uid, bank_id, question_id, content_hash, attempt, response, score, seconds, answered_at,"
        " overridden_at FROM answers WHERE learner_id = ? ORDER BY id",
        (learner_id,),
    ):
        uid, bank, question, digest, attempt, response, score, seconds, at, overridden = fields
        response = stored_json(response, "answers.response")
        answers.setdefault(round_id, []).append(
            ExportedAnswer(uid, bank, question, digest, attempt, response, score, seconds, at, overridden)
        )
    return [
        ExportedRound(round_id, mode, bank, class_name, started, finished, abandoned, tuple(answers.get(round_id, ())))
        for round_id, mode, bank, class_name, started, finished, abandoned in connection.execute(
            "SELECT id, mode, bank_id, class_name, started_at, finished_at, abandoned_at FROM rounds"
            " WHERE learner_id = ? ORDER BY started_at, id",
            (learner_id,),
        )
    ]


def import_rounds(connection: sqlite3.Connection, learner_id: int, rounds: list[ExportedRound]) -> int:
    """Add the rounds' answers this database lacks (by uid), each new round as a new round; the answers added."""
    added = 0
    for item in rounds:
        uids = [answer.uid for answer in item.answers]
        fresh = [answer for answer in item.answers if answer.uid not in known_uids(connection, uids)]
        if not fresh and item.answers:
            continue
        if not item.answers and connection.execute(
            "SELECT 1 FROM rounds WHERE learner_id = ? AND started_at = ? AND bank_id = ?",
            (learner_id, item.started_at, item.bank_id),
        ).fetchone():
            continue
        question_ids = list(dict.fromkeys(answer.question_id for answer in item.answers))
        cursor = connection.execute(
            "INSERT INTO rounds (learner_id, bank_id, mode, question_ids, planned, settings, started_at, finished_at,"
            " abandoned_at, class_name) VALUES (?, ?, ?, ?, ?, '{\"imported\":true}', ?, ?, ?, ?)",
            (learner_id, item.bank_id, item.mode, json.dumps(question_ids), len(question_ids), item.started_at,
             item.finished_at, item.abandoned_at, item.class_name),
        )
        round_id = cursor.lastrowid
        for answer in fresh:
            connection.execute(
                "INSERT INTO answers (uid, round_id, learner_id, bank_id, question_id, attempt, content_hash, response,"
                " score, seconds, answered_at, overridden_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (answer.uid, round_id, learner_id, answer.bank_id, answer.question_id, answer.attempt,
                 answer.content_hash, json.dumps(answer.response, ensure_ascii=False), answer.score, answer.seconds,
                 answer.answered_at, answer.overridden_at),
            )
            added += 1
    if added:
        _number_in_time_order(connection, learner_id)
    return added


def _number_in_time_order(connection: sqlite3.Connection, learner_id: int) -> None:
    """Renumber the learner's answers by when they were given: imported answers come in after later ones,
    and the schedule replay and "latest answer" queries read answers in id order."""
    ids = [row[0] for row in connection.execute(
        "SELECT id FROM answers WHERE learner_id = ? ORDER BY answered_at, id", (learner_id,)
    )]
    if ids == sorted(ids):
        return
    top = int(connection.execute("SELECT max(id) FROM answers").fetchone()[0])
    connection.executemany("UPDATE answers SET id = ? WHERE id = ?",
                           [(top + offset, old) for offset, old in enumerate(ids, start=1)])
