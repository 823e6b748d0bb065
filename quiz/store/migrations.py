"""The schema as numbered migrations, tracked in ``PRAGMA user_version``.

Migration N brings a database from version N-1 to N. Add new ones at the end and never edit one
that has shipped: a learner's database may have stopped at any of them.
"""

from __future__ import annotations

import sqlite3

from quiz.errors import QuizError

APPLICATION_ID = 0x5155495A
"""``PRAGMA application_id`` of a quiz database ("QUIZ"), so another program's file is recognised."""

_ANSWERS_DAMAGED_V4 = (
    "json_valid(NEW.response) = 0 OR typeof(NEW.uid) = 'blob' OR typeof(NEW.round_id) = 'real' OR "
    "typeof(NEW.round_id) = 'text' OR typeof(NEW.round_id) = 'blob' OR typeof(NEW.learner_id) = "
    "'real' OR typeof(NEW.learner_id) = 'text' OR typeof(NEW.learner_id) = 'blob' OR "
    "typeof(NEW.bank_id) = 'blob' OR typeof(NEW.question_id) = 'blob' OR typeof(NEW.attempt) = 'real' "
    "OR typeof(NEW.attempt) = 'text' OR typeof(NEW.attempt) = 'blob' OR typeof(NEW.content_hash) = "
    "'blob' OR typeof(NEW.response) = 'blob' OR typeof(NEW.score) = 'text' OR typeof(NEW.score) = "
    "'blob' OR typeof(NEW.seconds) = 'text' OR typeof(NEW.seconds) = 'blob' OR "
    "typeof(NEW.answered_at) = 'blob' OR typeof(NEW.hint_shown) = 'real' OR typeof(NEW.hint_shown) = "
    "'text' OR typeof(NEW.hint_shown) = 'blob' OR typeof(NEW.overridden_at) = 'blob'"
)
_CARDS_DAMAGED_V4 = (
    "typeof(NEW.learner_id) = 'real' OR typeof(NEW.learner_id) = 'text' OR typeof(NEW.learner_id) = "
    "'blob' OR typeof(NEW.bank_id) = 'blob' OR typeof(NEW.question_id) = 'blob' OR "
    "typeof(NEW.content_hash) = 'blob' OR typeof(NEW.state) = 'real' OR typeof(NEW.state) = 'text' OR "
    "typeof(NEW.state) = 'blob' OR typeof(NEW.step) = 'real' OR typeof(NEW.step) = 'text' OR "
    "typeof(NEW.step) = 'blob' OR typeof(NEW.stability) = 'text' OR typeof(NEW.stability) = 'blob' OR "
    "typeof(NEW.difficulty) = 'text' OR typeof(NEW.difficulty) = 'blob' OR typeof(NEW.due) = 'blob' "
    "OR typeof(NEW.last_review) = 'blob' OR typeof(NEW.reviews) = 'real' OR typeof(NEW.reviews) = "
    "'text' OR typeof(NEW.reviews) = 'blob' OR typeof(NEW.lapses) = 'real' OR typeof(NEW.lapses) = "
    "'text' OR typeof(NEW.lapses) = 'blob' OR typeof(NEW.suspended) = 'real' OR typeof(NEW.suspended) "
    "= 'text' OR typeof(NEW.suspended) = 'blob' OR typeof(NEW.introduced_at) = 'blob'"
)
"""Migration 4's conditions for a row of answers or cards holding a wrong value, as written then."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE learners (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            last_seen_at TEXT
        )""",
        """CREATE TABLE rounds (
            id INTEGER PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            bank_id TEXT NOT NULL,
            mode TEXT NOT NULL,
            question_ids TEXT NOT NULL,
            planned INTEGER NOT NULL,
            settings TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            abandoned_at TEXT,
            seconds REAL
        )""",
        "CREATE INDEX rounds_by_learner ON rounds(learner_id, started_at)",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            bank_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            response TEXT NOT NULL,
            score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
            seconds REAL NOT NULL,
            answered_at TEXT NOT NULL,
            UNIQUE (round_id, question_id)
        )""",
        "CREATE INDEX answers_by_round ON answers(round_id, score)",
        """CREATE INDEX answers_by_question
            ON answers(learner_id, bank_id, question_id, id, score, content_hash)""",
    ),
    # 2: learning over time and honest rounds. Answers get an attempt number (learn mode asks a missed
    # question again in the same round; the first answer to each attempt stands), a stable uid (for
    # results files handed in from home), whether the hint was shown (NULL: answered before quiz
    # recorded it) and the learner's "I was right" override. Rounds get a lease (one copy of the app
    # plays a round at a time), an exam deadline on the wall clock and a class label. Learners get a
    # PIN for a served class and their study settings. Cards hold each (learner, question)'s FSRS
    # memory state; study events (suspend, unsuspend, reset) are what the schedule replay honours
    # besides the answers; meta records facts about the file such as when the schedule was rebuilt.
    (
        """CREATE TABLE answers_v2 (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
            round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            bank_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            attempt INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
            content_hash TEXT NOT NULL,
            response TEXT NOT NULL,
            score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
            seconds REAL NOT NULL,
            answered_at TEXT NOT NULL,
            hint_shown INTEGER CHECK (hint_shown IN (0, 1)),
            overridden_at TEXT,
            UNIQUE (round_id, question_id, attempt)
        )""",
        """INSERT INTO answers_v2 (id, round_id, learner_id, bank_id, question_id, content_hash, response,
            score, seconds, answered_at)
            SELECT id, round_id, learner_id, bank_id, question_id, content_hash, response, score, seconds,
            answered_at FROM answers ORDER BY id""",
        "DROP TABLE answers",
        "ALTER TABLE answers_v2 RENAME TO answers",
        "CREATE INDEX answers_by_round ON answers(round_id, score)",
        """CREATE INDEX answers_by_question
            ON answers(learner_id, bank_id, question_id, id, score, content_hash)""",
        "CREATE INDEX answers_by_time ON answers(learner_id, answered_at)",
        "ALTER TABLE rounds ADD COLUMN lease_owner TEXT",
        "ALTER TABLE rounds ADD COLUMN lease_until TEXT",
        "ALTER TABLE rounds ADD COLUMN deadline TEXT",
        "ALTER TABLE rounds ADD COLUMN class_name TEXT",
        "ALTER TABLE learners ADD COLUMN pin_hash TEXT",
        """ALTER TABLE learners ADD COLUMN desired_retention REAL NOT NULL DEFAULT 0.9
            CHECK (desired_retention >= 0.7 AND desired_retention <= 0.97)""",
        "ALTER TABLE learners ADD COLUMN new_per_day INTEGER NOT NULL DEFAULT 20 CHECK (new_per_day >= 0)",
        """CREATE TABLE cards (
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            bank_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,
            last_review TEXT,
            reviews INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
            PRIMARY KEY (learner_id, bank_id, question_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX cards_by_due ON cards(learner_id, suspended, due)",
        """CREATE TABLE study_events (
            id INTEGER PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('suspend', 'unsuspend', 'reset')),
            bank_id TEXT NOT NULL,
            question_id TEXT,
            at TEXT NOT NULL
        )""",
        "CREATE INDEX study_events_by_learner ON study_events(learner_id, bank_id, id)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        # When a card was first reviewed since it was new: the daily new limit counts these.
        "ALTER TABLE cards ADD COLUMN introduced_at TEXT",
        # A database with no answers has nothing to replay and no hash of an older definition.
        "INSERT INTO meta (key, value) SELECT 'schedule_built', '1' WHERE NOT EXISTS (SELECT 1 FROM answers)",
        "INSERT INTO meta (key, value) SELECT 'content_hash_version', '2' WHERE NOT EXISTS (SELECT 1 FROM answers)",
        # quiz report: each learner's first answer to each version of a question, in one pass, no sort
        "CREATE INDEX answers_by_version ON answers(learner_id,bank_id,question_id,content_hash,answered_at,round_id)",
        "ALTER TABLE rounds ADD COLUMN lease_since TEXT",
    ),
    # 3: a round's score, the sum of its first attempts, kept in the round by triggers on every write of
    # an answer, so the library's last and best rounds and the history read no answer over a long
    # history; the attempt joins the index for the count of a round's answers.
    (
        "DROP INDEX answers_by_round",
        "CREATE INDEX answers_by_round ON answers(round_id, attempt, score)",
        "ALTER TABLE rounds ADD COLUMN score REAL NOT NULL DEFAULT 0",
        "UPDATE rounds SET score ="
        " (SELECT coalesce(sum(score), 0.0) FROM answers WHERE round_id = rounds.id AND attempt = 1)",
        """CREATE TRIGGER answers_add_to_round AFTER INSERT ON answers WHEN NEW.attempt = 1 BEGIN
            UPDATE rounds SET score = score + NEW.score WHERE id = NEW.round_id;
        END""",
        """CREATE TRIGGER answers_change_in_round AFTER UPDATE OF round_id, attempt, score ON answers BEGIN
            UPDATE rounds SET score = score - OLD.score WHERE id = OLD.round_id AND OLD.attempt = 1;
            UPDATE rounds SET score = score + NEW.score WHERE id = NEW.round_id AND NEW.attempt = 1;
        END""",
        """CREATE TRIGGER answers_leave_round AFTER DELETE ON answers WHEN OLD.attempt = 1 BEGIN
            UPDATE rounds SET score = score - OLD.score WHERE id = OLD.round_id;
        END""",
    ),
    # 4: SQLite refuses a value of the wrong type in the answers and the schedule, from any program,
    # so opening the file need not scan them (quiz.store.type_guards, whose guard_triggers() a test
    # holds equal to these); the rows already there are checked once, here.
    (
        f"CREATE TRIGGER answers_types_on_insert BEFORE INSERT ON answers WHEN {_ANSWERS_DAMAGED_V4}"
        " BEGIN SELECT RAISE(ABORT, 'quiz: a value of the wrong type for answers'); END",
        f"CREATE TRIGGER answers_types_on_update BEFORE UPDATE ON answers WHEN {_ANSWERS_DAMAGED_V4}"
        " BEGIN SELECT RAISE(ABORT, 'quiz: a value of the wrong type for answers'); END",
        f"CREATE TRIGGER cards_types_on_insert BEFORE INSERT ON cards WHEN {_CARDS_DAMAGED_V4}"
        " BEGIN SELECT RAISE(ABORT, 'quiz: a value of the wrong type for cards'); END",
        f"CREATE TRIGGER cards_types_on_update BEFORE UPDATE ON cards WHEN {_CARDS_DAMAGED_V4}"
        " BEGIN SELECT RAISE(ABORT, 'quiz: a value of the wrong type for cards'); END",
        "DELETE FROM meta WHERE key = 'rows_type_checked'",
        ("INSERT INTO meta (key, value) SELECT 'rows_type_checked', '1' WHERE "
         "NOT EXISTS (SELECT 1 FROM answers WHERE json_valid(response) = 0 OR typeof(uid) = 'blob' OR "
         "typeof(round_id) = 'real' OR typeof(round_id) = 'text' OR typeof(round_id) = 'blob' OR "
         "typeof(learner_id) = 'real' OR typeof(learner_id) = 'text' OR typeof(learner_id) = 'blob' OR "
         "typeof(bank_id) = 'blob' OR typeof(question_id) = 'blob' OR typeof(attempt) = 'real' OR "
         "typeof(attempt) = 'text' OR typeof(attempt) = 'blob' OR typeof(content_hash) = 'blob' OR "
         "typeof(response) = 'blob' OR typeof(score) = 'text' OR typeof(score) = 'blob' OR typeof(seconds) "
         "= 'text' OR typeof(seconds) = 'blob' OR typeof(answered_at) = 'blob' OR typeof(hint_shown) = "
         "'real' OR typeof(hint_shown) = 'text' OR typeof(hint_shown) = 'blob' OR typeof(overridden_at) = "
         "'blob') AND NOT EXISTS (SELECT 1 FROM cards WHERE typeof(learner_id) = 'real' OR "
         "typeof(learner_id) = 'text' OR typeof(learner_id) = 'blob' OR typeof(bank_id) = 'blob' OR "
         "typeof(question_id) = 'blob' OR typeof(content_hash) = 'blob' OR typeof(state) = 'real' OR "
         "typeof(state) = 'text' OR typeof(state) = 'blob' OR typeof(step) = 'real' OR typeof(step) = "
         "'text' OR typeof(step) = 'blob' OR typeof(stability) = 'text' OR typeof(stability) = 'blob' OR "
         "typeof(difficulty) = 'text' OR typeof(difficulty) = 'blob' OR typeof(due) = 'blob' OR "
         "typeof(last_review) = 'blob' OR typeof(reviews) = 'real' OR typeof(reviews) = 'text' OR "
         "typeof(reviews) = 'blob' OR typeof(lapses) = 'real' OR typeof(lapses) = 'text' OR typeof(lapses) "
         "= 'blob' OR typeof(suspended) = 'real' OR typeof(suspended) = 'text' OR typeof(suspended) = "
         "'blob' OR typeof(introduced_at) = 'blob')"),
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)
"""The newest schema this version of quiz knows."""

COLUMNS: dict[str, frozenset[str]] = {
    "learners": frozenset(
        {"id", "name", "name_key", "created_at", "last_seen_at", "pin_hash", "desired_retention", "new_per_day"}
    ),
    "rounds": frozenset(
        {"id", "learner_id", "bank_id", "mode", "started_at", "finished_at", "abandoned_at", "planned", "seconds",
         "question_ids", "settings", "lease_owner", "lease_since", "lease_until", "deadline", "class_name", "score"}
    ),
    "answers": frozenset(
        {"id", "uid", "round_id", "learner_id", "bank_id", "question_id", "content_hash", "response", "score",
         "seconds", "answered_at", "hint_shown", "overridden_at", "attempt"}
    ),
    "cards": frozenset(
        {"learner_id", "bank_id", "question_id", "content_hash", "state", "step", "stability", "difficulty", "due",
         "last_review", "reviews", "lapses", "suspended", "introduced_at"}
    ),
    "study_events": frozenset({"id", "learner_id", "bank_id", "question_id", "kind", "at"}),
    "meta": frozenset({"key", "value"}),
}
"""Every table and its columns once the migrations above have run (a test holds the two together), so
opening a database can check them without building a fresh one to compare."""


def user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def refuse_newer(version: int, where: str) -> None:
    """A newer quiz wrote this file; downgrading it would lose data, so stop and say why."""
    if version > SCHEMA_VERSION:
        raise QuizError(
            f"{where} was written by a newer version of quiz (schema {version}; this one knows "
            f"up to {SCHEMA_VERSION}).",
            hint="Upgrade quiz, or choose another scores database with --db PATH or $QUIZ_DB.",
        )


def migrate(connection: sqlite3.Connection, where: str) -> None:
    """Apply the missing migrations, each in one transaction that another process cannot interleave."""
    while True:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(connection)
            refuse_newer(version, where)
            if version == SCHEMA_VERSION:
                connection.execute("COMMIT")
                return
            for statement in MIGRATIONS[version]:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
