"""What a learner has to do today: reviews due now and new questions still allowed, in all and per bank.

"12 due · 8 new": due counts the reviews whose time has come; new counts the questions never answered
(or reset, or changed since) that today's new limit still allows. The limit (``learners.new_per_day``,
20 unless changed) counts every question met for the first time since the learner's local midnight, in
any mode, so it resets at midnight where the learner is. Suspended questions count nowhere. Nothing here
imports fsrs: the library shows these counts at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from quiz.store import CardGlance
from quiz.study.knowledge import Level, is_current, level
from quiz.study.library import Library


def local_midnight(now: datetime) -> datetime:
    """The start of the learner's day, in the machine's time zone (daylight saving included)."""
    local = now.astimezone()
    return datetime(local.year, local.month, local.day).astimezone()


class BankToday(NamedTuple):
    """One bank's line: reviews due, new questions allowed today, and how many are known or mastered."""

    bank_id: str
    due: int
    new: int
    unseen: int
    known: int
    total: int


class Today(NamedTuple):
    due: int
    new: int
    """New questions still allowed today, across all banks (at most the unseen ones)."""
    new_left: int
    """What is left of today's new limit, whether or not there are that many unseen questions."""
    next_due: datetime | None
    """The earliest scheduled review (in the past when some are due now); None when none is scheduled."""
    banks: dict[str, BankToday]
    changed: int = 0
    """Questions answered before whose asked-and-scored content has changed: they start again as new."""

    def describe(self) -> str:
        """``12 due · 8 new``"""
        return f"{self.due} due · {self.new} new"


def build_today(library: Library, cards: Sequence[CardGlance], now: datetime, new_left: int) -> Today:
    """Counts over the loaded questions only; a card for a question no bank has any more is ignored.

    Read from the banks' summaries and hashes: the library shows these counts before any bank is loaded.
    """
    stamp = now.isoformat(timespec="milliseconds")
    by_key = {(card.bank_id, card.question_id): card for card in cards}
    next_due: str | None = None
    banks: dict[str, BankToday] = {}
    changed = 0
    for bank in library.summaries:
        due = unseen = known = 0
        for question_id in bank.question_ids:
            stored = by_key.get((bank.id, question_id))
            if stored is None:
                unseen += 1
                continue
            if stored.suspended:
                continue
            memory = stored
            digest = library.hash_of(question_id)
            if not is_current(memory, digest):
                unseen += 1
                changed += memory.reviews > 0
                continue
            if memory.due <= stamp:
                due += 1
            if next_due is None or memory.due < next_due:
                next_due = memory.due
            if level(memory, digest) in (Level.KNOWN, Level.MASTERED):
                known += 1
        banks[bank.id] = BankToday(bank.id, due, min(unseen, new_left), unseen, known, len(bank.question_ids))
    unseen_total = sum(bank.unseen for bank in banks.values())
    return Today(
        due=sum(bank.due for bank in banks.values()),
        new=min(unseen_total, new_left),
        new_left=new_left,
        next_due=None if next_due is None else datetime.fromisoformat(next_due),
        banks=banks,
        changed=changed,
    )
