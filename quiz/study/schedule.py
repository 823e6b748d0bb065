"""When each question comes back: fsrs (py-fsrs, the FSRS algorithm Anki ships) with its default parameters.

This module is the one place that turns an answer into an FSRS rating (``rating``) and the only one that
imports fsrs; it is imported when a round records an answer or picks due reviews, never at start-up.

The rating map (docs/learning.md says why):

=====================================  ======
answer                                 rating
=====================================  ======
wrong (score 0)                        Again
partly right (0 < score < 1)           Hard
right after the hint was shown         Hard
right                                  Good
"I was right" (an overridden answer)   Good
=====================================  ======

Speed never makes an answer Easy, and exam answers count like any other. Fuzzing is off
(``enable_fuzzing=False``): the same answers at the same times always give the same schedule, so
replaying the stored answers rebuilds it exactly. Changing the map or the settings means raising
quiz.study.upgrade.SCHEDULE_VERSION, so that every database replays its answers again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache

from fsrs import Card, Rating, Scheduler, State

from quiz.store import Memory, Review


def rating(review: Review) -> Rating:
    """The FSRS rating for one answer: the single place this is decided."""
    if review.overridden:
        return Rating.Good
    if review.score >= 1.0:
        return Rating.Hard if review.hint_shown else Rating.Good
    if review.score > 0.0:
        return Rating.Hard
    return Rating.Again


@lru_cache(maxsize=16)
def fsrs_scheduler(retention: float) -> Scheduler:
    """fsrs's own Scheduler with default parameters and steps, no fuzz, at this desired retention."""
    return Scheduler(desired_retention=retention, enable_fuzzing=False)


def _time(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def to_fsrs(memory: Memory) -> Card:
    """The fsrs Card for a stored memory (``card_id`` 0: fsrs would otherwise sleep to make one up)."""
    return Card(
        card_id=0,
        state=State(memory.state),
        step=memory.step,
        stability=memory.stability,
        difficulty=memory.difficulty,
        due=_time(memory.due),
        last_review=None if memory.last_review is None else _time(memory.last_review),
    )


class _Progress:
    """An fsrs Card being reviewed, with the counts fsrs does not keep."""

    __slots__ = ("card", "content_hash", "introduced_at", "lapses", "reviews")

    def __init__(self, content_hash: str, at: str) -> None:
        self.content_hash = content_hash
        self.card = Card(card_id=0, due=_time(at))
        self.reviews = 0
        self.lapses = 0
        self.introduced_at: str | None = None

    @classmethod
    def of(cls, memory: Memory) -> _Progress:
        progress = cls.__new__(cls)
        progress.content_hash = memory.content_hash
        progress.card = to_fsrs(memory)
        progress.reviews = memory.reviews
        progress.lapses = memory.lapses
        progress.introduced_at = memory.introduced_at
        return progress

    def review(self, review: Review, scheduler: Scheduler) -> None:
        grade = rating(review)
        if grade is Rating.Again and self.card.state is State.Review:
            self.lapses += 1
        self.card, _ = scheduler.review_card(self.card, grade, _time(review.at))
        if self.reviews == 0:
            self.introduced_at = review.at
        self.reviews += 1

    def memory(self) -> Memory:
        card = self.card
        return Memory(
            content_hash=self.content_hash,
            state=int(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=_stamp(card.due),
            last_review=None if card.last_review is None else _stamp(card.last_review),
            reviews=self.reviews,
            lapses=self.lapses,
            introduced_at=self.introduced_at,
        )


def _starts_again(memory: Memory | None, review: Review) -> bool:
    """New, reset, or its asked-and-scored content changed since the last review: start as new."""
    return memory is None or memory.reviews == 0 or memory.content_hash != review.content_hash


class FsrsCards:
    """The store's CardScheduler, backed by fsrs."""

    def review(self, memory: Memory | None, review: Review, retention: float) -> Memory:
        progress = _Progress(review.content_hash, review.at) if _starts_again(memory, review) else None
        if progress is None:
            assert memory is not None
            progress = _Progress.of(memory)
        progress.review(review, fsrs_scheduler(retention))
        return progress.memory()

    def replay(self, reviews: Sequence[Review], retention: float) -> Memory | None:
        """The memory after these answers, oldest first: the same as ``review`` one by one."""
        if not reviews:
            return None
        scheduler = fsrs_scheduler(retention)
        progress = _Progress(reviews[0].content_hash, reviews[0].at)
        for review in reviews:
            if review.content_hash != progress.content_hash:
                progress = _Progress(review.content_hash, review.at)
            progress.review(review, scheduler)
        return progress.memory()


CARDS = FsrsCards()
"""The scheduler every round hands the store."""


def retrievabilities(cards: Iterable[tuple[float | None, str | None]], now: datetime) -> list[float]:
    """fsrs's predicted chance of recalling each question now, from its (stability, last review); 0 for one
    never reviewed.

    It depends only on those two (and fsrs's parameters, not the desired retention), so one Card, given
    each pair in turn, asks fsrs for them all: a Card per review took half the time of picking a Due
    round from thousands of due reviews.
    """
    scheduler = fsrs_scheduler(0.9)
    card = Card(card_id=0, state=State.Review, due=now)
    chances = []
    for stability, last_review in cards:
        if stability is None or last_review is None:
            chances.append(0.0)
            continue
        card.stability, card.last_review = stability, _time(last_review)
        chances.append(float(scheduler.get_card_retrievability(card, now)))
    return chances


def lapses_in_review(reviews: Sequence[Review], retention: float, since: str) -> tuple[int, int]:
    """(reviews, passed) among ``reviews`` (one question's, oldest first, from new) answered at or after
    ``since`` while the card was in the Review state: true retention's counts, as ``replay`` would see
    them. A changed content hash starts the card again as new, as in ``replay``.
    """
    if not reviews:
        return 0, 0
    scheduler = fsrs_scheduler(retention)
    progress = _Progress(reviews[0].content_hash, reviews[0].at)
    counted = passed = 0
    for review in reviews:
        if review.content_hash != progress.content_hash:
            progress = _Progress(review.content_hash, review.at)
        elif progress.reviews and progress.card.state is State.Review and review.at >= since:
            counted += 1
            passed += rating(review) is not Rating.Again
        progress.review(review, scheduler)
    return counted, passed
