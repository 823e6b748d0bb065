"""Each learner's memory of each question (table ``cards``) and the study events that change it.

The store knows no scheduling algorithm: the study layer hands it a ``CardScheduler``
(quiz.study.schedule wraps fsrs) and the store calls it inside the transaction that records the
answer, so an answer is never stored without its card update, nor the other way round. A card is
always what replaying its answers (after the last reset, in the order given) would give; the
functions here keep that true for live answers, overrides, suspensions and resets alike.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, Protocol

NEW_STATE = 1
"""fsrs's Learning state at step 0 with no stability: a question not reviewed yet (or reset)."""

EVENT_KINDS = ("suspend", "unsuspend", "reset")


class Review(NamedTuple):
    """What the scheduler is told about one stored answer."""

    content_hash: str
    score: float
    hint_shown: bool | None
    overridden: bool
    at: str
    """When it was answered: ISO 8601 UTC, as the store writes it."""


class Memory(NamedTuple):
    """The scheduler's part of a card: fsrs's state, plus counts the app shows.

    A NamedTuple rather than a dataclass: the library reads every card of a learner at start-up.
    """

    content_hash: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: str
    last_review: str | None
    reviews: int
    lapses: int
    introduced_at: str | None
    """When it was first reviewed since it was new; counts against that day's new limit."""


class StoredCard(NamedTuple):
    """A card as stored: which question, its memory, and whether the learner suspended it."""

    bank_id: str
    question_id: str
    memory: Memory
    suspended: bool


class CardGlance(NamedTuple):
    """What the library's counts and a Due round's picking read of every card: no more, for speed."""

    bank_id: str
    question_id: str
    content_hash: str
    due: str
    last_review: str | None
    stability: float | None
    state: int
    reviews: int
    suspended: int


class CardScheduler(Protocol):
    """Turns answers into memory; ``replay(reviews)`` must equal ``review`` applied one by one."""

    def review(self, memory: Memory | None, review: Review, retention: float) -> Memory: ...

    def replay(self, reviews: Sequence[Review], retention: float) -> Memory | None: ...


def fresh(content_hash: str, at: str) -> Memory:
    """A card that has never been reviewed (or was reset): new, due at once."""
    return Memory(content_hash, NEW_STATE, 0, None, None, at, None, 0, 0, None)


_CARD_COLUMNS = (
    "bank_id, question_id, content_hash, state, step, stability, difficulty, due, last_review, reviews, lapses,"
    " introduced_at, suspended"
)


def _card(row: Sequence[Any]) -> StoredCard:
    return StoredCard(row[0], row[1], Memory._make(row[2:12]), bool(row[12]))


def learner_cards(connection: sqlite3.Connection, learner_id: int) -> list[StoredCard]:
    rows = connection.execute(f"SELECT {_CARD_COLUMNS} FROM cards WHERE learner_id = ?", (learner_id,)).fetchall()
    return list(map(_card, rows))


_GLANCE_COLUMNS = "bank_id, question_id, content_hash, due, last_review, stability, state, reviews, suspended"


def learner_glances(connection: sqlite3.Connection, learner_id: int) -> list[CardGlance]:
    rows = connection.execute(f"SELECT {_GLANCE_COLUMNS} FROM cards WHERE learner_id = ?", (learner_id,)).fetchall()
    return list(map(CardGlance._make, rows))


def card(connection: sqlite3.Connection, learner_id: int, bank_id: str, question_id: str) -> StoredCard | None:
    row = connection.execute(
        f"SELECT {_CARD_COLUMNS} FROM cards WHERE learner_id = ? AND bank_id = ? AND question_id = ?",
        (learner_id, bank_id, question_id),
    ).fetchone()
    return None if row is None else _card(row)


def save(
    connection: sqlite3.Connection, learner_id: int, bank_id: str, question_id: str, memory: Memory
) -> None:
    """Write the memory; a card's suspended flag is kept (a new card is not suspended)."""
    connection.execute(
        "INSERT INTO cards (learner_id, bank_id, question_id, content_hash, state, step, stability, difficulty,"
        " due, last_review, reviews, lapses, introduced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (learner_id, bank_id, question_id) DO UPDATE SET content_hash = excluded.content_hash,"
        " state = excluded.state, step = excluded.step, stability = excluded.stability,"
        " difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review,"
        " reviews = excluded.reviews, lapses = excluded.lapses, introduced_at = excluded.introduced_at",
        (
            learner_id,
            bank_id,
            question_id,
            memory.content_hash,
            memory.state,
            memory.step,
            memory.stability,
            memory.difficulty,
            memory.due,
            memory.last_review,
            memory.reviews,
            memory.lapses,
            memory.introduced_at,
        ),
    )


def retention(connection: sqlite3.Connection, learner_id: int) -> float:
    row = connection.execute("SELECT desired_retention FROM learners WHERE id = ?", (learner_id,)).fetchone()
    if row is None:
        raise LookupError(f"there is no learner {learner_id}")
    return float(row[0])


def answer_exists(connection: sqlite3.Connection, round_id: int, question_id: str, attempt: int) -> bool:
    row = connection.execute(
        "SELECT 1 FROM answers WHERE round_id = ? AND question_id = ? AND attempt = ?",
        (round_id, question_id, attempt),
    ).fetchone()
    return row is not None


def round_learner(connection: sqlite3.Connection, round_id: int) -> int:
    row = connection.execute("SELECT learner_id FROM rounds WHERE id = ?", (round_id,)).fetchone()
    if row is None:
        raise LookupError(f"there is no round {round_id}")
    return int(row[0])


def review_answer(
    connection: sqlite3.Connection,
    learner_id: int,
    bank_id: str,
    question_id: str,
    review: Review,
    scheduler: CardScheduler,
) -> None:
    """Apply one just-recorded answer to its card."""
    stored = card(connection, learner_id, bank_id, question_id)
    memory = scheduler.review(None if stored is None else stored.memory, review, retention(connection, learner_id))
    save(connection, learner_id, bank_id, question_id, memory)


def _reviews(rows: Iterable[Sequence[object]]) -> list[Review]:
    return [
        Review(str(content_hash), float(score), None if hint is None else bool(hint), bool(overridden), str(at))  # type: ignore[arg-type]
        for content_hash, score, hint, overridden, at in rows
    ]


REVIEW_COLUMNS = "content_hash, score, hint_shown, overridden_at IS NOT NULL, answered_at"


def last_reset(connection: sqlite3.Connection, learner_id: int, bank_id: str, question_id: str) -> str | None:
    """When the question's progress was last reset (the whole bank or just it); None if never."""
    row = connection.execute(
        "SELECT max(at) FROM study_events WHERE learner_id = ? AND bank_id = ? AND kind = 'reset'"
        " AND (question_id IS NULL OR question_id = ?)",
        (learner_id, bank_id, question_id),
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def rebuild(
    connection: sqlite3.Connection,
    learner_id: int,
    bank_id: str,
    question_id: str,
    scheduler: CardScheduler,
    now: str,
) -> None:
    """Replay one question's answers since its last reset: after an override or a replaced answer."""
    since = last_reset(connection, learner_id, bank_id, question_id) or ""
    rows = connection.execute(
        f"SELECT {REVIEW_COLUMNS} FROM answers WHERE learner_id = ? AND bank_id = ? AND question_id = ?"
        " AND answered_at > ? ORDER BY id",
        (learner_id, bank_id, question_id, since),
    )
    reviews = _reviews(rows)
    memory = scheduler.replay(reviews, retention(connection, learner_id))
    stored = card(connection, learner_id, bank_id, question_id)
    if memory is None:
        if stored is None:
            return
        memory = fresh(stored.memory.content_hash, since or now)
    save(connection, learner_id, bank_id, question_id, memory)


def add_event(
    connection: sqlite3.Connection,
    learner_id: int,
    kind: str,
    bank_id: str,
    question_id: str | None,
    content_hash: str,
    now: str,
) -> None:
    """Record a suspend, unsuspend or reset and apply it to the cards, as the replay would."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown study event {kind!r}; expected one of {', '.join(EVENT_KINDS)}")
    if kind != "reset" and question_id is None:
        raise ValueError(f"{kind} needs a question")
    connection.execute(
        "INSERT INTO study_events (learner_id, kind, bank_id, question_id, at) VALUES (?, ?, ?, ?, ?)",
        (learner_id, kind, bank_id, question_id, now),
    )
    apply_event(connection, learner_id, kind, bank_id, question_id, content_hash, now)


def apply_event(
    connection: sqlite3.Connection,
    learner_id: int,
    kind: str,
    bank_id: str,
    question_id: str | None,
    content_hash: str,
    at: str,
) -> None:
    if kind == "reset":
        connection.execute(
            "UPDATE cards SET state = ?, step = 0, stability = NULL, difficulty = NULL, due = ?, last_review = NULL,"
            " reviews = 0, lapses = 0, introduced_at = NULL"
            " WHERE learner_id = ? AND bank_id = ? AND (? IS NULL OR question_id = ?)",
            (NEW_STATE, at, learner_id, bank_id, question_id, question_id),
        )
        return
    assert question_id is not None
    if card(connection, learner_id, bank_id, question_id) is None:
        save(connection, learner_id, bank_id, question_id, fresh(content_hash, at))
    connection.execute(
        "UPDATE cards SET suspended = ? WHERE learner_id = ? AND bank_id = ? AND question_id = ?",
        (int(kind == "suspend"), learner_id, bank_id, question_id),
    )


def introduced_since(connection: sqlite3.Connection, learner_id: int, since: str) -> int:
    """How many questions were reviewed for the first time (since new) at or after ``since``."""
    row = connection.execute(
        "SELECT count(*) FROM cards WHERE learner_id = ? AND introduced_at >= ?", (learner_id, since)
    ).fetchone()
    return int(row[0])
