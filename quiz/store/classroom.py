"""What a served class needs from the store: learners' PIN hashes and the class a round was played in."""

from __future__ import annotations

import sqlite3


def pin_hash(connection: sqlite3.Connection, learner_id: int) -> str | None:
    row = connection.execute("SELECT pin_hash FROM learners WHERE id = ?", (learner_id,)).fetchone()
    return None if row is None else row[0]


def set_pin_hash(connection: sqlite3.Connection, learner_id: int, value: str | None) -> None:
    connection.execute("UPDATE learners SET pin_hash = ? WHERE id = ?", (value, learner_id))


def label_round(connection: sqlite3.Connection, round_id: int, class_name: str) -> None:
    connection.execute("UPDATE rounds SET class_name = ? WHERE id = ?", (class_name, round_id))
