"""How well a learner knows each question they have seen, 0 to 1, for picking the weakest first.

Half the latest answer's score, half the share of answers fully right: a question missed last time is
weak even if it was right before, and one missed often stays weaker than one missed once. A question
whose asked-and-scored content changed since its latest answer counts as unseen (it is left out).
"""

from __future__ import annotations

from collections.abc import Iterable

from quiz.store import QuestionStats
from quiz.study.library import Library


def question_strength(stats: Iterable[QuestionStats], library: Library) -> dict[str, float]:
    """Question id -> strength, for the questions of the loaded banks that were answered as they are now."""
    strength = {}
    for stat in stats:
        located = library.locate(stat.question_id)
        if located is None or library.content_hash(located.question) != stat.content_hash:
            continue
        strength[stat.question_id] = 0.5 * stat.last_score + 0.5 * stat.right / stat.attempts
    return strength
