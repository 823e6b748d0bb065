"""Learn mode's queue: a missed question comes back a few questions later until it is answered right.

The queue is never stored. It is replayed from the planned order and the answers in the order given,
so a resumed learn round carries on exactly where it stopped, with the missed questions still pending.
"""

from __future__ import annotations

from collections.abc import Sequence

from quiz.study.library import Located
from quiz.study.outcome import Outcome

COMES_BACK_AFTER = 3
"""A missed question is asked again after this many others (sooner when fewer are left)."""


def pending(planned: Sequence[Located], outcomes: Sequence[Outcome]) -> list[Located]:
    """The questions still to ask, in order: the planned ones not yet right, with misses moved back."""
    queue = list(planned)
    for outcome in outcomes:
        question_id = outcome.located.question.id
        index = next((n for n, loc in enumerate(queue) if loc.question.id == question_id), None)
        if index is None:
            continue  # answered already right, or no longer in any loaded bank
        located = queue.pop(index)
        if not outcome.correct:
            queue.insert(min(COMES_BACK_AFTER, len(queue)), located)
    return queue


def attempt_number(question_id: str, outcomes: Sequence[Outcome]) -> int:
    """1 for a question's first answer in the round, 2 for the next, and so on."""
    return 1 + sum(1 for outcome in outcomes if outcome.located.question.id == question_id)


def right_this_session(outcomes: Sequence[Outcome]) -> int:
    """How many different questions have been answered fully right in the round so far."""
    return len({outcome.located.question.id for outcome in outcomes if outcome.correct})


def progress_words(right: int, total: int) -> str:
    """Learn mode's progress; "right this session" is not a knowledge level, which takes days to earn."""
    return f"Right this session: {right} of {total}"
