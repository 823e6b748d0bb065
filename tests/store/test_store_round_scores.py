"""Each round keeps its score, the sum of its first attempts, whatever writes its answers: the triggers
of migration 3 hold ``rounds.score`` to what summing the answers gives (the history and the library's
last and best rounds read it instead of the answers)."""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import Any
from uuid import uuid4

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.store import AnswerRecord, Store
from tests.support.clocks import TickingClock

_RECORD = st.tuples(
    st.just("record"), st.integers(0, 2), st.integers(0, 3), st.integers(1, 2), st.sampled_from([0.0, 0.25, 0.5, 1.0])
)
_RESCORE = st.tuples(st.just("rescore"), st.integers(0, 30), st.sampled_from([0.0, 0.5, 1.0]))  # by another program
_MOVE = st.tuples(st.just("move"), st.integers(0, 30), st.integers(0, 2))  # to another round
_ATTEMPT = st.tuples(st.just("attempt"), st.integers(0, 30), st.integers(1, 3))
_DELETE = st.tuples(st.just("delete"), st.integers(0, 30))
_RENUMBER = st.just(("renumber",))  # as merging a class's answers does


def _summed(connection: sqlite3.Connection) -> dict[int, float]:
    return dict(connection.execute(
        "SELECT id, (SELECT coalesce(sum(score), 0.0) FROM answers WHERE round_id = rounds.id AND attempt = 1)"
        " FROM rounds"
    ).fetchall())


def _kept(connection: sqlite3.Connection) -> dict[int, float]:
    return dict(connection.execute("SELECT id, score FROM rounds").fetchall())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.one_of(_RECORD, _RESCORE, _MOVE, _ATTEMPT, _DELETE, _RENUMBER), max_size=25))
def test_the_kept_score_is_the_sum_of_first_attempts(tmp_path: Path, steps: list[tuple[Any, ...]]) -> None:
    path = tmp_path / f"{uuid4().hex}.sqlite3"
    with Store.open(path, clock=TickingClock()) as store:
        learner = store.add_learner("Ana").id
        rounds = [store.start_round(learner, "bank", "learn", ["q0", "q1", "q2", "q3"], {}) for _ in range(3)]
        for step in steps:
            if step[0] == "record":
                _, round_index, question, attempt, score = step
                answer = AnswerRecord(f"q{question}", "bank", "h", "x", score, 1.0, attempt=attempt)
                store.record_answer(rounds[round_index], answer)
                continue
            with sqlite3.connect(path) as other:  # another write path than record_answer
                ids = [row[0] for row in other.execute("SELECT id FROM answers ORDER BY id")]
                if step[0] == "renumber":
                    other.executemany("UPDATE answers SET id = ? WHERE id = ?",
                                      [(1000 + n, old) for n, old in enumerate(ids)])
                elif ids:
                    target = ids[step[1] % len(ids)]
                    if step[0] == "delete":
                        other.execute("DELETE FROM answers WHERE id = ?", (target,))
                    else:
                        column = {"rescore": "score", "move": "round_id", "attempt": "attempt"}[step[0]]
                        value = rounds[step[2]] if column == "round_id" else step[2]
                        with suppress(sqlite3.IntegrityError):  # that attempt is in that round already
                            other.execute(f"UPDATE answers SET {column} = ? WHERE id = ?", (value, target))
        connection = sqlite3.connect(path)
        kept, summed = _kept(connection), _summed(connection)
        assert kept.keys() == summed.keys()
        assert all(abs(kept[r] - summed[r]) < 1e-9 for r in kept), (kept, summed)
