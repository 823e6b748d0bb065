"""What a learner has to do today: reviews due now and new questions still allowed, in all and per bank.

"12 due · 8 new": due counts the reviews whose time has come; new counts the questions never answered
(or reset, or changed since) that today's new limit still allows. The limit (``learners.new_per_day``,
20 unless changed) counts every question met for the first time since the learner's local midnight, in
any mode, so it resets at midnight where the learner is. Suspended questions count nowhere. Nothing here
imports fsrs: the library shows these counts at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import NamedTuple

from quiz.store import BankCounts
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


def build_today(library: Library, counts: Mapping[str, BankCounts], new_left: int) -> Today:
    """From the store's counts of the learner's cards against the loaded questions (quiz.store.loaded_questions):
    the library shows these counts before any bank is loaded. A card for a question no bank has any more
    is not counted."""
    banks: dict[str, BankToday] = {}
    for bank in library.summaries:
        counted = counts.get(bank.id)
        total = len(bank.question_ids)
        current = suspended = due = known = 0
        if counted is not None:
            current, suspended, due, known = counted.current, counted.suspended, counted.due, counted.stable
        unseen = total - current - suspended
        banks[bank.id] = BankToday(bank.id, due, min(unseen, new_left), unseen, known, total)
    unseen_total = sum(bank.unseen for bank in banks.values())
    next_due = min((c.next_due for c in counts.values() if c.next_due), default=None)
    return Today(
        due=sum(bank.due for bank in banks.values()),
        new=min(unseen_total, new_left),
        new_left=new_left,
        next_due=None if next_due is None else datetime.fromisoformat(next_due),
        banks=banks,
        changed=sum(c.changed for c in counts.values()),
    )
