"""Choosing a Due round: the reviews whose time has come, least likely recalled first, mixed with new ones.

A Due round asks at most ``settings.count`` (``DUE_COUNT`` unless chosen) questions. Reviews come
first in priority, lowest fsrs retrievability first; the places left go to new questions, up to what
today's new limit still allows, in the order the bank lists them (a teacher writes a bank to be read
in order). New questions are spread evenly between the reviews. Studying ahead (``settings.ahead``)
takes the reviews not yet due, lowest retrievability first, when nothing is due.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from quiz.errors import QuizError
from quiz.store import Store
from quiz.study.library import Library, Located
from quiz.study.modes import ALL_BANKS
from quiz.study.settings import RoundSettings
from quiz.study.wording import short_time

DUE_COUNT = 20
"""A Due round asks this many questions at most unless the learner chooses another number."""


def _in_pool(library: Library, settings: RoundSettings) -> Callable[[str, str], Located | None]:
    """The question of that bank and id if it is loaded and matches the round's tag and difficulty."""

    def wanted(bank_id: str, question_id: str) -> Located | None:
        located = library.locate(question_id)
        if located is None or located.bank.id != bank_id:
            return None
        question = located.question
        if settings.tag and settings.tag not in question.tags:
            return None
        if settings.difficulty and question.difficulty != settings.difficulty:
            return None
        return located

    return wanted


def _spread(reviews: list[Located], new: list[Located]) -> list[Located]:
    """New questions spread evenly among the reviews, which keep their order and come first."""
    keyed = [(index / len(reviews), 0, item) for index, item in enumerate(reviews)]
    keyed += [((index + 1) / (len(new) + 1), 1, item) for index, item in enumerate(new)]
    return [item for *_, item in sorted(keyed, key=lambda entry: entry[:2])]


def pick_due(
    store: Store, learner_id: int, library: Library, settings: RoundSettings, now: datetime, new_left: int
) -> list[Located]:
    """The questions of a Due round; QuizError saying when the next review is when there is nothing to ask.

    The store finds the due cards and the new questions against the loaded ones (quiz.store.loaded_questions);
    only those are read, and a filter on tag or difficulty is applied to them here.
    """
    from quiz.study.schedule import retrievabilities  # fsrs is loaded when a round starts, not with the library

    library.load_into(store)
    bank_id = None if settings.bank_id == ALL_BANKS else settings.bank_id
    wanted = _in_pool(library, settings)
    filtered = bool(settings.tag or settings.difficulty)
    waiting = [(card, located) for card in store.due_cards(learner_id, now, bank_id, ahead=settings.ahead)
               if (located := wanted(card.bank_id, card.question_id)) is not None]
    chances = retrievabilities([(card.stability, card.last_review) for card, _ in waiting], now)
    reviews = sorted(
        ((chance, card.due, located) for chance, (card, located) in zip(chances, waiting, strict=True)),
        key=lambda item: (item[0], item[1], item[2].question.id),
    )
    count = settings.count or DUE_COUNT
    chosen = [located for _, _, located in reviews[:count]]
    room = max(0, min(new_left, count - len(chosen)))
    unseen = store.unseen(learner_id, bank_id, -1 if filtered else max(room, 1))
    new = [located for bank, question in unseen if (located := wanted(bank, question)) is not None]
    fresh = new[:room]
    if not chosen and not fresh:
        later = store.coming(learner_id, now, bank_id, -1 if filtered else 1)
        next_due = next((card.due for card in later if wanted(card.bank_id, card.question_id)), None)
        raise _nothing_due(next_due, new_left, bool(new))
    return _spread(chosen, fresh)


def _nothing_due(next_due: str | None, new_left: int, unseen: bool) -> QuizError:
    when = "No review is scheduled yet."
    if next_due is not None:
        when = f"The next review is due {short_time(next_due)}."
    if unseen and new_left == 0:
        when += " Today's new questions are used up; more come after midnight."
    return QuizError(f"Nothing is due now. {when}", "Study ahead, or practise a bank.")
