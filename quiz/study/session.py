"""The app's one door to the store: learners, the library's progress, rounds and history.

Screens ask a Session, never the Store, so the study layer decides what a learner's data means
(import-linter holds ``quiz.tui`` away from ``quiz.store``). The records it hands out are the
store's frozen ones, re-exported here for the screens' type hints.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from quiz.clock import Clock
from quiz.errors import QuizError
from quiz.store import (
    RETENTION_RANGE,
    BankScores,
    Learner,
    Lease,
    ResumableRound,
    Store,
    StoredCard,
    StudySettings,
)
from quiz.store.database import stamp
from quiz.study.library import Library, Located

if TYPE_CHECKING:
    from quiz.study.history import History
    from quiz.study.knowledge import Knowledge
    from quiz.study.outcome import Reviewed, Unanswered
    from quiz.study.progress import Progress, Retention
    from quiz.study.round import Round
    from quiz.study.settings import RoundSettings
    from quiz.study.today import Today

__all__ = [
    "RETENTION_RANGE",
    "BankScores", "Learner", "Lease", "ResumableRound", "Session", "Store", "StoredCard",
    "StudySettings",
]

MAX_PIN_TRIES = 5
"""Wrong PINs one session may type before it is refused any more (reloading the page starts afresh)."""


class Session:
    """One learner-facing view of a store and a library, read through one clock."""

    def __init__(self, store: Store, library: Library, clock: Clock, class_name: str | None = None) -> None:
        self.store = store
        self.library = library
        self.clock = clock
        self.class_name = class_name
        """Set in a served class: learners sign in with a PIN and rounds are labelled with the class."""
        self._wrong_pins = 0
        self.owner = uuid.uuid4().hex
        """This copy of the app, as named in the lease of the round it plays."""

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

    def has_pin(self, name: str) -> bool:
        """Whether a learner with this name exists and has set a PIN (else signing in sets one)."""
        learner = self.store.learner(name)
        return learner is not None and self.store.pin_hash(learner.id) is not None

    def sign_in(self, name: str, pin: str) -> Learner:
        """The learner, after checking their PIN or setting it on first use; QuizError when refused."""
        from quiz.study.pins import PIN_LENGTH, hash_pin, is_valid_pin, verify_pin

        if self._wrong_pins >= MAX_PIN_TRIES:
            raise QuizError("Too many wrong PINs.", hint="Reload the page to try again, or ask your teacher.")
        if not is_valid_pin(pin):
            raise QuizError(f"A PIN is {PIN_LENGTH} digits.", hint="Type four digits, for example 4096.")
        learner = self.store.learner(name)
        if learner is None:
            learner = self.store.add_learner(name)
        stored = self.store.pin_hash(learner.id)
        if stored is None:
            self.store.set_pin_hash(learner.id, hash_pin(pin))
        elif not verify_pin(pin, stored):
            self._wrong_pins += 1
            raise QuizError("That is not the PIN for this name.", hint="Try again, or ask your teacher.")
        return learner

    def enter(self, learner: Learner) -> None:
        """Mark the learner as just used, so they are offered first next time."""
        self.store.touch_learner(learner.id)

    # the library

    def bank_scores(self, learner: Learner) -> dict[str, BankScores]:
        """The last and best finished round per bank, as the library shows them."""
        return self.store.bank_scores(learner.id)

    def history(self, learner: Learner) -> History:
        from quiz.study.history import build_history

        return build_history(self.store, learner.id, self.library)

    def progress(self, learner: Learner) -> Progress:
        """Progress over days, now: answers per day, streak, retention, reviews ahead, knowledge."""
        from quiz.study.progress import build_progress

        return build_progress(self.store, learner.id, self.library, self.clock())

    def true_retention(self, learner: Learner, progress: Progress) -> Retention:
        """The share of reviews not forgotten over the progress screen's days; replays answers, so it is
        worth calling off the UI thread (one fsrs step per answer of the questions answered then)."""
        from quiz.study.progress import true_retention

        return true_retention(self.store, learner.id, progress.retention_since)

    def round_review(self, round_id: int) -> tuple[Reviewed, ...]:
        """A past round's answers, to read again from history (questions no bank has are left out)."""
        from quiz.study.outcome import stored_outcome

        found = (stored_outcome(self.library, stored) for stored in self.store.round_answers(round_id))
        return tuple(outcome for outcome in found if outcome is not None)

    def missed_question(self, question_id: str, misses: int, attempts: int) -> Unanswered | None:
        """A most-missed question to read with its right answer and explanation."""
        from quiz.study.outcome import Unanswered

        located = self.library.locate(question_id)
        times = "time" if attempts == 1 else "times"
        return None if located is None else Unanswered(located, note=f"Missed {misses} of {attempts} {times}")

    # rounds

    def resumable(self, learner: Learner) -> ResumableRound | None:
        return self.store.resumable_round(learner.id)

    def exam_in_progress(self, learner: Learner) -> bool:
        """An unfinished exam whose time has not run out: the study notes stay closed until it ends."""
        resumable = self.store.resumable_round(learner.id)
        if resumable is None or resumable.mode != "exam":
            return False
        return resumable.deadline is None or resumable.deadline > stamp(self.clock())

    def discard(self, resumable: ResumableRound) -> None:
        """Keep the round's answers but stop offering to resume it."""
        self.store.abandon_round(resumable.id)

    def start_round(self, learner: Learner, settings: RoundSettings) -> Round:
        """QuizError when nothing matches the settings."""
        from quiz.study.round import Round

        round_ = Round.start(self.store, learner.id, self.library, settings, self.clock)
        if self.class_name:
            self.store.label_round(round_.round_id, self.class_name)
        return round_
        return Round.start(self.store, learner.id, self.library, settings, self.clock, self.owner)

    def resume_round(self, resumable: ResumableRound, take_over: bool = False) -> Round | Lease:
        """The round, now held by this copy; or the live lease of the copy playing it (unless taking over)."""
        from quiz.study.round import Round

        round_ = Round.resume(self.store, self.library, resumable, self.clock, self.owner)
        held = round_.claim(force=take_over)
        return round_ if held is None else held

    # learning over time (docs/learning.md)

    def today(self, learner: Learner) -> Today:
        """Reviews due now and new questions still allowed today, in all and per bank."""
        from quiz.study.knowledge import KNOWN_DAYS, REVIEW_STATE
        from quiz.study.today import build_today, local_midnight

        now = self.clock()
        settings = self.store.study_settings(learner.id)
        used = self.store.introduced_since(learner.id, local_midnight(now))
        self.library.load_into(self.store)
        counts = self.store.bank_counts(learner.id, now, review_state=REVIEW_STATE, stable=KNOWN_DAYS)
        return build_today(self.library, counts, max(0, settings.new_per_day - used))

    def knowledge(self, learner: Learner) -> Knowledge:
        """Each loaded question's level (new, learning, known, mastered), with counts per bank and tag.

        ``knowledge(...).changed`` lists the questions whose content changed since they were answered.
        """
        from quiz.study.knowledge import build_knowledge

        return build_knowledge(self.library, self.store.cards(learner.id))

    def cards(self, learner: Learner) -> list[StoredCard]:
        """The learner's raw schedule, for statistics such as a forecast of due reviews."""
        return self.store.cards(learner.id)

    def study_settings(self, learner: Learner) -> StudySettings:
        return self.store.study_settings(learner.id)

    def set_retention(self, learner: Learner, retention: float) -> None:
        """QuizError outside 0.70-0.97; intervals from the next answer on use the new retention."""
        self.store.set_retention(learner.id, retention)

    def set_new_per_day(self, learner: Learner, count: int) -> None:
        self.store.set_new_per_day(learner.id, count)

    def suspend(self, learner: Learner, located: Located) -> None:
        """Never scheduled again (nor counted as due or new) until unsuspended; its memory is kept."""
        self._event(learner, "suspend", located)

    def unsuspend(self, learner: Learner, located: Located) -> None:
        self._event(learner, "unsuspend", located)

    def reset_bank(self, learner: Learner, bank_id: str) -> None:
        """Every question of the bank starts again as new; answers, history and statistics keep them."""
        self.store.study_event(learner.id, "reset", bank_id)

    def _event(self, learner: Learner, kind: str, located: Located) -> None:
        question = located.question
        self.store.study_event(learner.id, kind, located.bank.id, question.id, self.library.content_hash(question))
