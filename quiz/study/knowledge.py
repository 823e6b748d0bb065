"""How well a learner knows each question, bank and tag: new, learning, known, mastered.

Levels rest on FSRS stability, the number of days after which the chance of recall falls to 90%:

- new: never answered, reset, or its asked-and-scored content changed since the last answer;
- learning: answered, but still in fsrs's (re)learning steps or stable for under ``KNOWN_DAYS``;
- known: stable for at least ``KNOWN_DAYS`` days;
- mastered: stable for at least ``MASTERED_DAYS`` days (Anki calls a card with such an interval mature).

Suspended questions keep their level but are counted apart. Nothing here imports fsrs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple, Protocol

from quiz.store import StoredCard
from quiz.study.library import Library, Located

KNOWN_DAYS = 7.0
MASTERED_DAYS = 21.0
REVIEW_STATE = 2
"""fsrs's State.Review: out of the learning steps."""


class Level(StrEnum):
    NEW = "new"
    LEARNING = "learning"
    KNOWN = "known"
    MASTERED = "mastered"


class Remembered(Protocol):
    """What a level is decided on: a stored Memory or a CardGlance."""

    @property
    def content_hash(self) -> str: ...
    @property
    def state(self) -> int: ...
    @property
    def stability(self) -> float | None: ...
    @property
    def reviews(self) -> int: ...


def is_current(memory: Remembered, content_hash: str) -> bool:
    """Reviewed, and about the question as it is now (a changed question starts again as new)."""
    return memory.reviews > 0 and memory.content_hash == content_hash


def level(memory: Remembered | None, content_hash: str) -> Level:
    if memory is None or not is_current(memory, content_hash):
        return Level.NEW
    stability = memory.stability or 0.0
    if memory.state != REVIEW_STATE or stability < KNOWN_DAYS:
        return Level.LEARNING
    return Level.MASTERED if stability >= MASTERED_DAYS else Level.KNOWN


class LevelCounts(NamedTuple):
    """How many questions are at each level; ``suspended`` are counted here only."""

    new: int = 0
    learning: int = 0
    known: int = 0
    mastered: int = 0
    suspended: int = 0

    @property
    def total(self) -> int:
        return self.new + self.learning + self.known + self.mastered + self.suspended


class QuestionKnowledge(NamedTuple):
    located: Located
    level: Level
    suspended: bool
    changed: bool
    """Answered before, but what it asks or how it is scored has changed since: it starts again as new."""


@dataclass(frozen=True)
class Knowledge:
    """Every loaded question's level, with counts per bank and per tag."""

    questions: dict[str, QuestionKnowledge] = field(default_factory=dict)
    banks: dict[str, LevelCounts] = field(default_factory=dict)
    tags: dict[str, LevelCounts] = field(default_factory=dict)

    @property
    def changed(self) -> list[Located]:
        """Questions whose content changed since they were last answered, in bank order."""
        return [item.located for item in self.questions.values() if item.changed]


def _counts(levels: Counter[str]) -> LevelCounts:
    return LevelCounts(levels["new"], levels["learning"], levels["known"], levels["mastered"], levels["suspended"])


def build_knowledge(library: Library, cards: list[StoredCard]) -> Knowledge:
    by_key = {(card.bank_id, card.question_id): card for card in cards}
    questions: dict[str, QuestionKnowledge] = {}
    per_bank: dict[str, Counter[str]] = {}
    per_tag: dict[str, Counter[str]] = {}
    for bank in library:
        bank_counts = per_bank.setdefault(bank.id, Counter())
        for question in bank.questions:
            stored = by_key.get((bank.id, question.id))
            digest = library.content_hash(question)
            memory = None if stored is None else stored.memory
            found = level(memory, digest)
            changed = memory is not None and memory.reviews > 0 and memory.content_hash != digest
            suspended = stored is not None and stored.suspended
            questions[question.id] = QuestionKnowledge(Located(bank, question), found, suspended, changed)
            key = "suspended" if suspended else found.value
            bank_counts[key] += 1
            for tag in question.tags:
                per_tag.setdefault(tag, Counter())[key] += 1
    return Knowledge(
        questions,
        {bank_id: _counts(levels) for bank_id, levels in per_bank.items()},
        {tag: _counts(levels) for tag, levels in sorted(per_tag.items())},
    )
