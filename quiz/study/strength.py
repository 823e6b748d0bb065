"""How well a learner knows each question they have met, for picking the weakest first.

A question's strength is fsrs's predicted chance of recalling it now (its retrievability, 0 to 1),
then its stability (days): fsrs counts whole days, so on the day of study the stability tells a
question missed this morning from one answered right.
A question never answered, reset, or whose asked-and-scored content changed since its last answer is
unseen: it has no strength and is picked before any seen one. Suspended questions are never picked.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from quiz.store import CardGlance
from quiz.study.knowledge import is_current
from quiz.study.library import Library
from quiz.study.picking import Strength


def question_strength(cards: Iterable[CardGlance], library: Library, now: datetime) -> dict[str, Strength]:
    """Question id -> chance of recall now, for the loaded questions the learner has met as they are now."""
    from quiz.study.schedule import retrievabilities  # fsrs: only when a round is picked

    met = []
    for card in cards:
        located = library.locate(card.question_id)
        if located is None or located.bank.id != card.bank_id or card.suspended:
            continue
        if is_current(card, library.content_hash(located.question)):
            met.append(card)
    chances = retrievabilities([(card.stability, card.last_review) for card in met], now)
    return {card.question_id: (chance, card.stability or 0.0) for card, chance in zip(met, chances, strict=True)}


def suspended_ids(cards: Iterable[CardGlance]) -> frozenset[str]:
    """The questions the learner suspended: no picked round asks them until they are unsuspended."""
    return frozenset(card.question_id for card in cards if card.suspended)
