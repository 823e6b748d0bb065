"""The app's one door to the store: learners, the library's progress, rounds and history.

Screens ask a Session, never the Store, so the study layer decides what a learner's data means
(import-linter holds ``quiz.tui`` away from ``quiz.store``). The records it hands out are the
store's frozen ones, re-exported here for the screens' type hints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.clock import Clock
from quiz.store import BankProgress, Learner, ResumableRound, Store
from quiz.study.library import Library

if TYPE_CHECKING:
    from quiz.study.history import History
    from quiz.study.round import Round
    from quiz.study.settings import RoundSettings

__all__ = ["BankProgress", "Learner", "ResumableRound", "Session", "Store"]


class Session:
    """One learner-facing view of a store and a library, read through one clock."""

    def __init__(self, store: Store, library: Library, clock: Clock) -> None:
        self.store = store
        self.library = library
        self.clock = clock

    @property
    def notice(self) -> str | None:
        """Set when the scores file was not a quiz database and was moved aside; show it once."""
        return self.store.notice

    # learners

    def learners(self) -> list[Learner]:
        """Most recently used first."""
        return self.store.learners()

    def find_or_add_learner(self, name: str) -> Learner:
        """The learner with this name, added if new; QuizError for a name that cannot be used."""
        return self.store.learner(name) or self.store.add_learner(name)

    def add_learner(self, name: str) -> Learner:
        return self.store.add_learner(name)

    def enter(self, learner: Learner) -> None:
        """Mark the learner as just used, so they are offered first next time."""
        self.store.touch_learner(learner.id)

    # the library

    def bank_progress(self, learner: Learner) -> dict[str, BankProgress]:
        return self.store.bank_progress(learner.id)

    def history(self, learner: Learner) -> History:
        from quiz.study.history import build_history

        return build_history(self.store, learner.id, self.library)

    # rounds

    def resumable(self, learner: Learner) -> ResumableRound | None:
        return self.store.resumable_round(learner.id)

    def discard(self, resumable: ResumableRound) -> None:
        """Keep the round's answers but stop offering to resume it."""
        self.store.abandon_round(resumable.id)

    def start_round(self, learner: Learner, settings: RoundSettings) -> Round:
        """QuizError when nothing matches the settings."""
        from quiz.study.round import Round

        return Round.start(self.store, learner.id, self.library, settings, self.clock)

    def resume_round(self, resumable: ResumableRound) -> Round:
        from quiz.study.round import Round

        return Round.resume(self.store, self.library, resumable, self.clock)
