"""The last learner's card glances, kept while nothing changes and patched for this copy's own answers.

Picking a practice or quick round (unseen questions first, then the weakest) reads every card of the
learner, and so does every round's check for suspended questions. Read again only when the database
changed, and then, when the change was one answer recorded here, only that answer's card: coming back
from a round costs one row per answer, not every card. Any other change (another copy's commit, a reset,
a suspension, an import) leaves the cache stale, and the next read takes every card again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from quiz.store.cards import CardGlance

Version = tuple[int, int]
"""``PRAGMA data_version`` (moved by other connections' commits) and this connection's total changes."""


class _Entry(NamedTuple):
    learner_id: int
    version: Version
    cards: dict[tuple[str, str], CardGlance]
    """By (bank id, question id)."""
    listed: tuple[CardGlance, ...] | None
    """``cards`` as handed out, made again at the first read after a patch, not at every answer."""


class GlanceCache:
    def __init__(self) -> None:
        self._entry: _Entry | None = None

    def get(self, learner_id: int, version: Version) -> tuple[CardGlance, ...] | None:
        """The learner's glances if nothing changed since they were read; None otherwise."""
        entry = self._entry
        if entry is None or entry.learner_id != learner_id or entry.version != version:
            return None
        if entry.listed is None:
            entry = self._entry = entry._replace(listed=tuple(entry.cards.values()))
        return entry.listed

    def put(self, learner_id: int, version: Version, glances: Iterable[CardGlance]) -> tuple[CardGlance, ...]:
        cards = {(glance.bank_id, glance.question_id): glance for glance in glances}
        listed = tuple(cards.values())
        self._entry = _Entry(learner_id, version, cards, listed)
        return listed

    def patch(self, before: Version, after: Version, learner_id: int, glance: CardGlance | None) -> None:
        """This copy's write, which moved the version from ``before`` to ``after``, changed one card of
        ``learner_id`` to ``glance``: still current if the cache was current before it and no other copy
        committed meanwhile (``data_version`` did not move)."""
        entry = self._entry
        if entry is None or entry.version != before or after[0] != before[0]:
            return
        if entry.learner_id != learner_id or glance is None:
            self._entry = entry._replace(version=after)
            return
        entry.cards[glance.bank_id, glance.question_id] = glance
        self._entry = entry._replace(version=after, listed=None)
