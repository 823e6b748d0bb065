"""Choosing the questions of a round: by mode, bank, tag and difficulty, in an order fixed by a seed."""

from __future__ import annotations

import random
from collections.abc import Sequence

from quiz.errors import QuizError
from quiz.study.library import Library, Located
from quiz.study.modes import ALL_BANKS, QUICK_COUNT, Mode
from quiz.study.settings import RoundSettings


def pick_questions(
    library: Library, settings: RoundSettings, mistakes: Sequence[tuple[str, str]] = ()
) -> list[Located]:
    """The questions to ask, shuffled by the seed; ``mistakes`` are (bank id, question id) for review.

    Raises QuizError when nothing matches, so the learner is told why no round starts.
    """
    pool = _pool(library, settings, mistakes)
    pool = [item for item in pool if _matches(item, settings)]
    if not pool:
        raise QuizError(_empty_reason(settings), "Choose another bank, tag or difficulty.")
    if settings.question_ids:
        return pool
    random.Random(settings.seed).shuffle(pool)
    count = QUICK_COUNT if settings.mode is Mode.QUICK and settings.count is None else settings.count
    return pool[:count] if count else pool


def _pool(library: Library, settings: RoundSettings, mistakes: Sequence[tuple[str, str]]) -> list[Located]:
    if settings.question_ids:
        return [loc for qid in settings.question_ids if (loc := library.locate(qid)) is not None]
    if settings.mode is Mode.REVIEW:
        wanted = {qid for bank_id, qid in mistakes if settings.bank_id in (ALL_BANKS, bank_id)}
        return [loc for loc in library.all_questions() if loc.question.id in wanted]
    if settings.bank_id == ALL_BANKS:
        return library.all_questions()
    bank = library.bank(settings.bank_id)
    if bank is None:
        raise QuizError(f"No bank with the id {settings.bank_id!r} is loaded.")
    return [Located(bank, question) for question in bank.questions]


def _matches(item: Located, settings: RoundSettings) -> bool:
    question = item.question
    if settings.tag and settings.tag not in question.tags:
        return False
    return not (settings.difficulty and question.difficulty != settings.difficulty)


def _empty_reason(settings: RoundSettings) -> str:
    if settings.mode is Mode.REVIEW and not (settings.tag or settings.difficulty):
        return "No mistakes to review: every question you missed has since been answered right."
    return "No question matches this choice of bank, tag and difficulty."
