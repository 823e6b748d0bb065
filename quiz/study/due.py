"""Choosing a Due round: the reviews whose time has come, least likely recalled first, mixed with new ones.

A Due round asks at most ``settings.count`` (``DUE_COUNT`` unless chosen) questions. Reviews come
first in priority, lowest fsrs retrievability first; the places left go to new questions, up to what
today's new limit still allows, in the order the bank lists them (a teacher writes a bank to be read
in order). New questions are spread evenly between the reviews. Studying ahead (``settings.ahead``)
takes the reviews not yet due, lowest retrievability first, when nothing is due.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from quiz.errors import QuizError
from quiz.store import CardGlance
from quiz.study.knowledge import is_current
from quiz.study.library import Library, Located
from quiz.study.modes import ALL_BANKS
from quiz.study.settings import RoundSettings
from quiz.study.wording import short_time

DUE_COUNT = 20
"""A Due round asks this many questions at most unless the learner chooses another number."""


def _pool(library: Library, settings: RoundSettings) -> list[Located]:
    banks = library.banks if settings.bank_id == ALL_BANKS else [b for b in library.banks if b.id == settings.bank_id]
    return [
        Located(bank, question)
        for bank in banks
        for question in bank.questions
        if (not settings.tag or settings.tag in question.tags)
        and (not settings.difficulty or question.difficulty == settings.difficulty)
    ]


def _spread(reviews: list[Located], new: list[Located]) -> list[Located]:
    """New questions spread evenly among the reviews, which keep their order and come first."""
    keyed = [(index / len(reviews), 0, item) for index, item in enumerate(reviews)]
    keyed += [((index + 1) / (len(new) + 1), 1, item) for index, item in enumerate(new)]
    return [item for *_, item in sorted(keyed, key=lambda entry: entry[:2])]


def pick_due(
    library: Library, settings: RoundSettings, cards: Sequence[CardGlance], now: datetime, new_left: int
) -> list[Located]:
    """The questions of a Due round; QuizError saying when the next review is when there is nothing to ask."""
    from quiz.study.schedule import retrievabilities  # fsrs is loaded when a round starts, not with the library

    stamp = now.isoformat(timespec="milliseconds")
    by_key = {(card.bank_id, card.question_id): card for card in cards}
    waiting: list[tuple[CardGlance, Located]] = []
    new: list[Located] = []
    next_due: str | None = None
    for located in _pool(library, settings):
        stored = by_key.get((located.bank.id, located.question.id))
        if stored is not None and stored.suspended:
            continue
        if stored is None or not is_current(stored, library.content_hash(located.question)):
            new.append(located)
            continue
        memory = stored
        if memory.due <= stamp or settings.ahead:
            waiting.append((memory, located))
        elif next_due is None or memory.due < next_due:
            next_due = memory.due
    chances = retrievabilities([(memory.stability, memory.last_review) for memory, _ in waiting], now)
    reviews = [(chance, memory.due, located) for chance, (memory, located) in zip(chances, waiting, strict=True)]
    reviews.sort(key=lambda item: (item[0], item[1], item[2].question.id))
    count = settings.count or DUE_COUNT
    chosen = [located for _, _, located in reviews[:count]]
    fresh = new[: max(0, min(new_left, count - len(chosen)))]
    if not chosen and not fresh:
        raise _nothing_due(next_due, new_left, bool(new))
    return _spread(chosen, fresh)


def _nothing_due(next_due: str | None, new_left: int, unseen: bool) -> QuizError:
    when = "No review is scheduled yet."
    if next_due is not None:
        when = f"The next review is due {short_time(next_due)}."
    if unseen and new_left == 0:
        when += " Today's new questions are used up; more come after midnight."
    return QuizError(f"Nothing is due now. {when}", "Study ahead, or practise a bank.")
