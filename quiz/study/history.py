"""A learner's history as the history screen shows it: rounds, trend per bank, accuracy per tag, misses.

Past answers outlive bank edits: a question whose stored content hash differs from the loaded one is
"changed", one that no loaded bank has is "retired"; both keep their counts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from quiz.store import QuestionStats, Store
from quiz.study.library import Library, Located
from quiz.study.modes import Mode
from quiz.study.wording import day_and_time

TREND_LENGTH = 30
"""The trend shows this many of a bank's most recent finished rounds."""


class QuestionStatus(StrEnum):
    CURRENT = "current"
    CHANGED = "changed"
    RETIRED = "retired"


@dataclass(frozen=True)
class RoundRow:
    round_id: int
    when: str
    bank_title: str
    mode_label: str
    score: float
    planned: int
    answered: int
    finished: bool
    abandoned: bool = False


@dataclass(frozen=True)
class BankTrend:
    """Scores of a bank's finished rounds as fractions of their maximum, oldest first."""

    bank_id: str
    title: str
    fractions: tuple[float, ...]


@dataclass(frozen=True)
class TagAccuracy:
    tag: str
    attempts: int
    right: int


@dataclass(frozen=True)
class MissedQuestion:
    bank_id: str
    question_id: str
    prompt: str
    attempts: int
    misses: int
    status: QuestionStatus


@dataclass(frozen=True)
class History:
    rounds: tuple[RoundRow, ...]
    total_rounds: int
    trends: tuple[BankTrend, ...]
    tags: tuple[TagAccuracy, ...]
    most_missed: tuple[MissedQuestion, ...]


def build_history(
    store: Store, learner_id: int, library: Library, round_limit: int = 100, missed_limit: int = 20
) -> History:
    """Everything the history screen shows; only what is shown is read (newest rounds, recent trends)."""
    summaries = store.rounds(learner_id, limit=round_limit)
    rows = tuple(
        RoundRow(
            round_id=summary.id,
            when=day_and_time(summary.started_at),
            bank_title=library.bank_title(summary.bank_id),
            mode_label=Mode(summary.mode).label if summary.mode in set(Mode) else summary.mode,
            score=summary.score,
            planned=summary.planned,
            answered=summary.answered,
            finished=summary.finished_at is not None,
            abandoned=summary.abandoned_at is not None,
        )
        for summary in summaries
    )
    fractions: dict[str, list[float]] = defaultdict(list)
    for bank_id, score, planned in store.recent_finished_scores(learner_id, TREND_LENGTH):
        fractions[bank_id].append(score / planned)
    trends = tuple(
        BankTrend(bank_id, library.bank_title(bank_id), tuple(values))
        for bank_id, values in sorted(fractions.items(), key=lambda item: library.bank_title(item[0]))
    )
    stats = store.answer_stats(learner_id)
    attempts: dict[str, int] = defaultdict(int)
    right: dict[str, int] = defaultdict(int)
    missed: list[tuple[QuestionStats, Located | None]] = []
    for stat in stats:
        located = library.locate(stat.question_id)
        if located is not None:
            for tag in located.question.tags:
                attempts[tag] += stat.attempts
                right[tag] += stat.right
        if stat.attempts > stat.right:
            missed.append((stat, located))
    missed.sort(key=lambda item: (item[0].right - item[0].attempts, item[0].question_id))
    most_missed = tuple(_missed_question(stat, located, library) for stat, located in missed[:missed_limit])
    weakest_first = sorted(attempts, key=lambda tag: (right[tag] / attempts[tag], -attempts[tag], tag))
    tags = tuple(TagAccuracy(tag, attempts[tag], right[tag]) for tag in weakest_first)
    return History(rows, store.round_count(learner_id), trends, tags, most_missed)


def _missed_question(stat: QuestionStats, located: Located | None, library: Library) -> MissedQuestion:
    """Only the questions shown are hashed to tell "changed" from "current": hashing is the costly part."""
    if located is None:
        status, prompt = QuestionStatus.RETIRED, stat.question_id
    else:
        prompt = located.question.prompt
        changed = library.content_hash(located.question) != stat.content_hash
        status = QuestionStatus.CHANGED if changed else QuestionStatus.CURRENT
    return MissedQuestion(stat.bank_id, stat.question_id, prompt, stat.attempts, stat.attempts - stat.right, status)
