"""Choosing the questions of a round: by mode, bank, tag and difficulty, in an order fixed by a seed.

Practice, quick and learn rounds that ask fewer questions than match take the unseen ones first, then
the weakest (``strength``, from quiz.study.strength), so a bank is covered before anything comes back.
Suspended questions are left out of every picked round but an exam, which samples the bank as written.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence

from quiz.errors import QuizError
from quiz.study.library import Library, Located
from quiz.study.modes import ALL_BANKS, QUICK_COUNT, Mode
from quiz.study.settings import RoundSettings

Strength = tuple[float, float]
"""How well a seen question is known, weakest lowest: (chance of recall now, stability in days)."""

PREFERS_UNSEEN = frozenset({Mode.PRACTICE, Mode.QUICK, Mode.LEARN})
"""Modes that pick unseen questions first, then the weakest; an exam samples the bank evenly."""


def pick_questions(
    library: Library,
    settings: RoundSettings,
    mistakes: Sequence[tuple[str, str]] = (),
    strength: Mapping[str, Strength] | None = None,
    suspended: Collection[str] = (),
) -> list[Located]:
    """The questions to ask, shuffled by the seed; ``mistakes`` are (bank id, question id) for review.

    ``strength`` maps each question the learner has seen (id) to how well they know it; a question
    missing from it is unseen. ``suspended`` question ids are skipped (not in an exam, nor when
    the settings name the questions). Raises QuizError when nothing matches, so the learner is told
    why no round starts.
    """
    pool = _pool(library, settings, mistakes)
    pool = [item for item in pool if _matches(item, settings)]
    if suspended and settings.mode is not Mode.EXAM and not settings.question_ids:
        pool = [item for item in pool if item.question.id not in suspended]
    if not pool:
        hint = "Choose another bank, tag or difficulty."
        if suspended:
            hint += " Suspended questions are left out until you unsuspend them."
        raise QuizError(_empty_reason(settings), hint)
    if settings.question_ids:
        return pool
    shuffle = random.Random(settings.seed)
    shuffle.shuffle(pool)
    count = QUICK_COUNT if settings.mode is Mode.QUICK and settings.count is None else settings.count
    if not count or count >= len(pool):
        return pool
    if strength is None or settings.mode not in PREFERS_UNSEEN:
        return pool[:count]
    known = strength
    chosen = sorted(pool, key=lambda item: (item.question.id in known, known.get(item.question.id, (0.0, 0.0))))[:count]
    shuffle.shuffle(chosen)
    return chosen


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
