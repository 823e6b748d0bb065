"""Learners, rounds and answers in SQLite. No UI; nothing is opened at import time.

Usage::

    from quiz.store import Store, AnswerRecord

    with Store.open(path) as store:          # creates folders; WAL; migrations on PRAGMA user_version
                                             # (Store.open(path, clock=...) for fixed times in tests)
        if store.notice:                     # the file was not a quiz database and was moved aside
            show(store.notice)
        ana = store.learner("ana") or store.add_learner("Ana")
        store.touch_learner(ana.id)
        round_id = store.start_round(ana.id, "attack-2023", "practice", ["q1", "q2"], {"count": 2})
        store.record_answer(round_id, AnswerRecord("q1", "attack-2023", content_hash, "Leposavić", 1.0, 4.2))
        store.finish_round(round_id, seconds=30.5)

Learners (names unique whatever their case and spacing; QuizError for an empty, long or taken name):
    learners() -> list[Learner]                 most recently used first
    learner(name) -> Learner | None
    add_learner(name) -> Learner
    rename_learner(name, new_name) -> Learner   QuizError if unknown or taken
    remove_learner(name) -> None                also removes their rounds and answers
    touch_learner(learner_id) -> None           "used now", so they are offered first
    last_learner() -> Learner | None

Rounds and answers (every write is its own committed, fsynced transaction):
    start_round(learner_id, bank_id, mode, question_ids, settings) -> int     mode in MODES
    start_round(..., deadline=None)             a timed exam's end on the wall clock
    record_answer(round_id, AnswerRecord) -> bool    the first answer to an attempt stands; False if one did
    take_lease(round_id, owner, now=, until=, force=False) -> Lease | None   None: held; else the holder
    renew_lease(round_id, owner, until) -> bool   False: another copy took the round over
    release_lease(round_id, owner), round_lease(round_id) -> Lease | None
    abandon_older_rounds(learner_id, newest, now)   earlier unfinished rounds stop being offered
    finish_round(round_id, seconds) -> None
    resumable_round(learner_id) -> ResumableRound | None   newest round neither finished nor abandoned
    abandon_round(round_id) -> None             keeps its answers, stops offering to resume it
    round_answers(round_id) -> list[StoredAnswer]    in answering order; JSON lists come back as tuples

The schedule (FSRS cards; the scheduler itself is quiz.study.schedule, handed in by the caller):
    record_answer(round_id, answer, scheduler) also updates the learner's card, in one transaction
    override_answer(round_id, question_id, scheduler, attempt=1)   "I was right": replayed as right
    cards(learner_id) -> list[StoredCard]; card(learner_id, bank_id, question_id) -> StoredCard | None
    glances(learner_id) -> tuple[CardGlance, ...]     the fields picking needs, read fast
    load_questions(loaded, questions, image=None)   the loaded (bank id, question id, content hash), or
        their image as the bank cache keeps it (loaded_questions.image_of); then, against them:
        bank_counts(learner_id, now, review_state=, stable=) -> dict[bank_id, BankCounts]   the Today line
        due_cards(learner_id, now, bank_id, ahead=) -> list[DueCard]; coming(...) the ones not due yet
        unseen(learner_id, bank_id, limit) -> list[(bank_id, question_id)]   new to the learner, in order
    introduced_since(learner_id, since) -> int  questions first reviewed since then (daily new limit)
    study_settings(learner_id) -> StudySettings; set_retention(learner_id, r); set_new_per_day(learner_id, n)
    study_event(learner_id, "suspend" | "unsuspend" | "reset", bank_id, question_id=None, content_hash="")
    rebuild_schedule(scheduler, version, progress) -> int   every card from the answers (upgrade)
    backup(target); meta(key); set_meta(key, value); stored_hashes(); rewrite_hashes(renames)

History:
    rounds(learner_id, limit=None) -> list[RoundSummary]    newest first; .status finished/abandoned/unfinished
    round_count(learner_id) -> int
    recent_finished_scores(learner_id, per_bank) -> list[(bank_id, score, planned)]   for trends
    bank_progress(learner_id) -> dict[bank_id, BankProgress]   last and best finished round, questions seen
    bank_scores(learner_id) -> dict[bank_id, BankScores]   the last and best alone (the library's columns)
    open_mistakes(learner_id, bank_id=None) -> list[(bank_id, question_id)]   latest answer scored < 1
    answer_stats(learner_id) -> list[QuestionStats]   per question; .status(current_hashes) tells
        "current", "changed" (content hash differs from the loaded bank's) or "retired" (in no bank)

Activity over days (periods are [start, end) pairs of ISO UTC times, e.g. local days):
    answers_between(learner_id, periods) -> list[(answers, fully right)]
    answered_between(learner_id, periods) -> list[bool]
    review_history(learner_id, since) -> list[(bank_id, question_id, Review)]   whole histories of the
        questions answered since then, oldest first per question (true retention replays them)
    resets(learner_id) -> list[(bank_id, question_id | None, at)]

``store.path`` is the file; ``store.notice`` is a message to show when a file that was not a quiz
database was moved aside (``<name>.corrupt-YYYYmmdd-HHMMSS``). One Store may be shared by threads.

Errors: QuizError for what a user can fix (a bad or taken name, a database from a newer quiz, an
unusable path, and while running: a full disk, a damaged file, a file held too long by another
program); ValueError/LookupError for a caller's bug (unknown mode, score outside 0..1, no such round).
"""

from __future__ import annotations

from quiz.store.cards import CardGlance, CardScheduler, Memory, Review, StoredCard
from quiz.store.database import RETENTION_RANGE, Store
from quiz.store.loaded_questions import BankCounts, DueCard, QuestionsImage, image_of
from quiz.store.records import (
    MODES,
    AnswerRecord,
    BankProgress,
    BankScores,
    ClassRows,
    Learner,
    Lease,
    QuestionStats,
    ResumableRound,
    RoundSummary,
    StoredAnswer,
    StudySettings,
)

__all__ = [
    "MODES",
    "RETENTION_RANGE",
    "AnswerRecord",
    "BankCounts",
    "BankProgress",
    "BankScores",
    "CardGlance",
    "CardScheduler",
    "ClassRows",
    "DueCard",
    "Learner",
    "Lease",
    "Memory",
    "QuestionStats",
    "QuestionsImage",
    "ResumableRound",
    "Review",
    "RoundSummary",
    "Store",
    "StoredAnswer",
    "StoredCard",
    "StudySettings",
    "image_of",
]
