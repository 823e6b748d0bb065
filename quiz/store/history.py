"""The questions the history screen and ``quiz scores`` ask; each is one indexed query.

A round's score is the sum of its first attempts (``attempt = 1``): learn mode asks a missed question
again until it is right, and those retries teach but do not raise the round's score. The round keeps
that sum in ``rounds.score``, updated by triggers whenever an answer is written (migration 3).
"""

from __future__ import annotations

import sqlite3

from quiz.store.records import BankProgress, BankScores, QuestionStats, RoundSummary


def round_summaries(connection: sqlite3.Connection, learner_id: int, limit: int | None = None) -> list[RoundSummary]:
    """The learner's rounds, newest first (the newest ``limit`` when given), with answered count and score."""
    rows = connection.execute(
        "SELECT id, bank_id, mode, started_at, finished_at, abandoned_at, planned,"
        " (SELECT count(*) FROM answers WHERE round_id = rounds.id AND attempt = 1), score, seconds"
        " FROM rounds WHERE learner_id = ? ORDER BY started_at DESC, id DESC LIMIT ?",
        (learner_id, -1 if limit is None else limit),
    )
    return [RoundSummary(*row) for row in rows]


def round_count(connection: sqlite3.Connection, learner_id: int) -> int:
    row = connection.execute("SELECT count(*) FROM rounds WHERE learner_id = ?", (learner_id,)).fetchone()
    return int(row[0])


def recent_finished_scores(
    connection: sqlite3.Connection, learner_id: int, per_bank: int
) -> list[tuple[str, float, int]]:
    """(bank id, score, planned) of each bank's newest ``per_bank`` finished rounds that planned a question.

    Sorted by bank, then oldest first. Each round's score is the one it keeps (migration 3).
    """
    rows = connection.execute(
        "SELECT bank_id, score, planned"
        " FROM (SELECT id, bank_id, score, planned, started_at,"
        "       row_number() OVER (PARTITION BY bank_id ORDER BY started_at DESC, id DESC) AS newness"
        "       FROM rounds WHERE learner_id = ? AND finished_at IS NOT NULL AND planned > 0) AS recent"
        " WHERE newness <= ? ORDER BY bank_id, started_at, id",
        (learner_id, per_bank),
    )
    return [(str(bank_id), float(score), int(planned)) for bank_id, score, planned in rows]


def bank_progress(connection: sqlite3.Connection, learner_id: int) -> dict[str, BankProgress]:
    """Per bank: the last and best finished round (``bank_scores``), questions seen."""
    seen = dict(
        connection.execute(
            "SELECT bank_id, count(DISTINCT question_id) FROM answers WHERE learner_id = ? GROUP BY bank_id",
            (learner_id,),
        ).fetchall()
    )
    scores = bank_scores(connection, learner_id)
    return {
        bank_id: BankProgress(*scores.get(bank_id, BankScores(bank_id, None, None, None, None)), seen.get(bank_id, 0))
        for bank_id in sorted(seen.keys() | scores.keys())
    }


_FINISHED_ROUNDS = (
    "SELECT bank_id, score, planned, mode IN ('practice', 'exam')"
    " AND coalesce(json_array_length(json_extract(settings, '$.question_ids')), 0) = 0"
    " AND json_extract(settings, '$.difficulty') IS NULL"
    " FROM rounds WHERE learner_id = ? AND finished_at IS NOT NULL ORDER BY finished_at, id"
)
"""Each finished round's score and whether it can be a best, oldest first."""


def bank_scores(connection: sqlite3.Connection, learner_id: int) -> dict[str, BankScores]:
    """Per bank with a finished round: the last and the best, what the library shows.

    Best is by share of the maximum, over practice and exam rounds on the whole bank or a tag only:
    a retry of just-seen mistakes, a review, a quick round or one difficulty level is not a best; the
    first such round on a tie. Each round's score is the one its answers keep in it (migration 3), so
    no answer is read: over 10,000 rounds of 20 answers, 116 ms became about 13 ms.
    """
    last: dict[str, tuple[float, int]] = {}
    best: dict[str, tuple[float, int]] = {}
    for bank_id, score, planned, counts_for_best in connection.execute(_FINISHED_ROUNDS, (learner_id,)):
        last[bank_id] = (score, planned)
        if counts_for_best and (bank_id not in best or _share(score, planned) > _share(*best[bank_id])):
            best[bank_id] = (score, planned)
    return {
        bank_id: BankScores(bank_id, score, planned, *best.get(bank_id, (None, None)))
        for bank_id, (score, planned) in sorted(last.items())
    }


OPEN_MISTAKES_SQL = (
    "SELECT bank_id, question_id, score, max(id) FROM answers"
    " WHERE learner_id = :learner AND (:bank IS NULL OR bank_id = :bank)"
    " GROUP BY bank_id, question_id ORDER BY bank_id, question_id"
)
"""Each question's latest answer; a module constant so a test can EXPLAIN the very query that runs."""


def open_mistakes(connection: sqlite3.Connection, learner_id: int, bank_id: str | None) -> list[tuple[str, str]]:
    """(bank id, question id) of each question whose latest answer scored below 1.

    A question answered wrongly and later answered right is no longer a mistake.
    """
    rows = connection.execute(OPEN_MISTAKES_SQL, {"learner": learner_id, "bank": bank_id})
    return [(bank, question) for bank, question, score, _ in rows if score < 1.0]


def answer_stats(connection: sqlite3.Connection, learner_id: int) -> list[QuestionStats]:
    """Per question answered: attempts, fully right answers, and the latest answer's hash and score."""
    rows = connection.execute(
        "SELECT a.bank_id, a.question_id, a.content_hash, s.attempts, s.right, a.score, a.answered_at"
        " FROM (SELECT max(id) AS last_id, count(*) AS attempts, sum(score >= 1.0) AS right"
        "       FROM answers WHERE learner_id = ? GROUP BY bank_id, question_id) AS s"
        " JOIN answers AS a ON a.id = s.last_id ORDER BY a.bank_id, a.question_id",
        (learner_id,),
    )
    return [QuestionStats(*row) for row in rows]


def _share(score: float, planned: int) -> float:
    return score / planned if planned else 0.0
