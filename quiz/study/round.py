"""A round as plain Python: the questions planned, the answers given, each one committed as it is given.

Tests and the app drive the same object; the app only shows it.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from quiz.bank.answers import Response, check, known_answers, normalise
from quiz.clock import Clock, seconds_between, system_clock
from quiz.store import AnswerRecord, Lease, ResumableRound, Store
from quiz.study import learn
from quiz.study.lease import LEASE_SECONDS
from quiz.study.library import Library, Located
from quiz.study.modes import ALL_BANKS, Mode
from quiz.study.outcome import Outcome, stored_outcome, to_stored
from quiz.study.picking import PREFERS_UNSEEN, pick_questions
from quiz.study.presentation import Presentation, present
from quiz.study.settings import RoundSettings
from quiz.study.strength import question_strength, suspended_ids


class RoundTakenOver(Exception):
    """Another copy of the app took this round over; this copy must stop playing it."""


class Round:
    """The questions of one round and the answers recorded so far, played by one copy of the app."""

    def __init__(
        self,
        *,
        store: Store,
        round_id: int,
        library: Library,
        settings: RoundSettings,
        planned: list[Located],
        outcomes: list[Outcome],
        clock: Clock = system_clock,
        owner: str | None = None,
        deadline: datetime | None = None,
    ) -> None:
        self.store = store
        self.round_id = round_id
        self.library = library
        self.settings = settings
        self.planned = planned
        self.outcomes = outcomes
        self._clock = clock
        self._shown_at = clock()
        self.finished = False
        self.owner = owner or uuid.uuid4().hex
        """This copy of the app, as named in the round's lease."""
        self.deadline = deadline
        """A timed exam's end on the wall clock; leaving or a crash does not stop it."""
        self.hint_shown = False
        """Whether the hint of the question on screen has been shown."""
        self._known: dict[str, frozenset[str]] = {}

    @classmethod
    def start(
        cls,
        store: Store,
        learner_id: int,
        library: Library,
        settings: RoundSettings,
        clock: Clock = system_clock,
        owner: str | None = None,
    ) -> Round:
        """Pick the questions and record the round as started, held by this copy; QuizError when nothing matches.

        The learner's older unfinished rounds stop being offered, so they do not pile up.
        """
        mistakes: list[tuple[str, str]] = []
        if settings.mode is Mode.REVIEW and not settings.question_ids:
            bank_filter = None if settings.bank_id == ALL_BANKS else settings.bank_id
            mistakes = list(store.open_mistakes(learner_id, bank_filter))
        now = clock()
        if settings.mode is Mode.DUE and not settings.question_ids:
            from quiz.study.due import pick_due
            from quiz.study.today import local_midnight

            new_left = max(0, store.study_settings(learner_id).new_per_day
                           - store.introduced_since(learner_id, local_midnight(now)))
            planned = pick_due(store, learner_id, library, settings, now, new_left)
        else:
            cards = store.glances(learner_id)
            strength = None
            if settings.mode in PREFERS_UNSEEN and not settings.question_ids:
                strength = question_strength(cards, library, now)
            planned = pick_questions(library, settings, mistakes, strength, suspended_ids(cards))
        deadline = now + timedelta(seconds=settings.time_limit) if settings.time_limit else None
        round_id = store.start_round(
            learner_id,
            settings.bank_id,
            settings.mode.value,
            [item.question.id for item in planned],
            settings.to_json(),
            deadline=deadline,
        )
        round_ = cls(
            store=store,
            round_id=round_id,
            library=library,
            settings=settings,
            planned=planned,
            outcomes=[],
            clock=clock,
            owner=owner,
            deadline=deadline,
        )
        round_.claim()
        store.abandon_older_rounds(learner_id, round_id, now)
        return round_

    @classmethod
    def resume(
        cls,
        store: Store,
        library: Library,
        resumable: ResumableRound,
        clock: Clock = system_clock,
        owner: str | None = None,
    ) -> Round:
        """Carry on an unfinished round; questions no loaded bank has any more are skipped.

        The caller claims the lease (``claim``) and says so when another copy holds it.
        """
        settings = RoundSettings.from_json(resumable.settings)
        planned = [loc for qid in resumable.question_ids if (loc := library.locate(qid)) is not None]
        outcomes = [
            outcome
            for stored in store.round_answers(resumable.id)
            if (outcome := stored_outcome(library, stored))
        ]
        deadline = datetime.fromisoformat(resumable.deadline) if resumable.deadline else None
        return cls(
            store=store,
            round_id=resumable.id,
            library=library,
            settings=settings,
            planned=planned,
            outcomes=outcomes,
            clock=clock,
            owner=owner,
            deadline=deadline,
        )

    # one copy at a time

    def claim(self, force: bool = False) -> Lease | None:
        """Hold the round for this copy; None when held, else the lease of the copy playing it now."""
        now = self._clock()
        return self.store.take_lease(
            self.round_id, self.owner, now=now, until=now + timedelta(seconds=LEASE_SECONDS), force=force
        )

    def renew(self) -> bool:
        """Keep holding the round; False when another copy has taken it over."""
        until = self._clock() + timedelta(seconds=LEASE_SECONDS)
        return self.store.renew_lease(self.round_id, self.owner, until)

    def release(self) -> None:
        """Leaving the round: another copy may resume it at once."""
        self.store.release_lease(self.round_id, self.owner)

    @property
    def mode(self) -> Mode:
        return self.settings.mode

    @property
    def total(self) -> int:
        return len(self.planned)

    @property
    def answered(self) -> int:
        """Answers given; in learn mode a question asked again counts once per attempt."""
        return len(self.outcomes)

    @property
    def first_attempts(self) -> list[Outcome]:
        """Each question's first answer: what the round's score counts (retries in learn mode teach)."""
        seen: set[str] = set()
        first = []
        for outcome in self.outcomes:
            if outcome.located.question.id not in seen:
                seen.add(outcome.located.question.id)
                first.append(outcome)
        return first

    @property
    def score(self) -> float:
        return round(sum(outcome.score for outcome in self.first_attempts), 6)

    @property
    def right_this_session(self) -> int:
        """Different questions answered fully right so far (learn mode's progress)."""
        return learn.right_this_session(self.outcomes)

    @property
    def title(self) -> str:
        return self.library.bank_title(self.settings.bank_id)

    def remaining(self) -> list[Located]:
        """The questions still to ask, in order; learn mode keeps a missed one until it is right."""
        if self.mode is Mode.LEARN:
            return learn.pending(self.planned, self.outcomes)
        done = {outcome.located.question.id for outcome in self.outcomes}
        return [loc for loc in self.planned if loc.question.id not in done]

    @property
    def current(self) -> Located | None:
        """The next unanswered question, or None when every one is answered."""
        return next(iter(self.remaining()), None)

    def presentation(self) -> Presentation | None:
        """The current question laid out by the round's seed; in learn mode each try is shuffled anew,
        so a retry is answered from memory, not from where the right option was."""
        located = self.current
        if located is None:
            return None
        seed = self.settings.seed
        if self.mode is Mode.LEARN:
            seed += learn.attempt_number(located.question.id, self.outcomes) - 1
        return present(located.question, seed)

    def show_current(self) -> None:
        """Start timing the question now on screen."""
        self._shown_at = self._clock()
        self.hint_shown = False

    def show_hint(self) -> None:
        """The learner looked at the hint; stored with the answer (the schedule may weigh it)."""
        self.hint_shown = True

    def answer(self, response: Response, hint_shown: bool | None = None) -> Outcome:
        """Score the answer to the current question and commit it, with its schedule update, at once.

        ``hint_shown`` defaults to whether ``show_hint`` was called for this question. RoundTakenOver
        when another copy holds the round now: nothing is stored. If an answer to this attempt is
        already stored, it stands and is what this returns.
        """
        from quiz.study.schedule import CARDS  # fsrs loads with the first answer, not with the app

        located = self.current
        if located is None:
            raise RuntimeError("every question of this round is already answered")
        if not self.renew():
            raise RoundTakenOver("this round was taken over in another window")
        shown_hint = self.hint_shown if hint_shown is None else hint_shown
        attempt = learn.attempt_number(located.question.id, self.outcomes)
        verdict = check(located.question, response, self._known_elsewhere(located))
        seconds = seconds_between(self._shown_at, self._clock())
        outcome = Outcome(
            located, response, verdict.score, round(seconds, 3), hint_shown=shown_hint, spelled=verdict.spelled
        )
        stored = self.store.record_answer(
            self.round_id,
            AnswerRecord(
                question_id=located.question.id,
                bank_id=located.bank.id,
                content_hash=self.library.content_hash(located.question),
                response=to_stored(response),
                score=verdict.score,
                seconds=outcome.seconds,
                hint_shown=shown_hint,
                attempt=attempt,
            ),
            CARDS,
        )
        if not stored:
            outcome = self._standing_answer(located, attempt) or outcome
        self.outcomes.append(outcome)
        self._shown_at = self._clock()
        self.hint_shown = False
        return outcome

    def _known_elsewhere(self, located: Located) -> frozenset[str]:
        """What the question's bank gives as answers elsewhere, so a typed one is not taken for a typo."""
        if located.bank.id not in self._known:
            self._known[located.bank.id] = known_answers(located.bank.questions)
        own = {normalise(text) for text in getattr(located.question, "answers", ())}
        return self._known[located.bank.id] - own

    def _standing_answer(self, located: Located, attempt: int) -> Outcome | None:
        for stored in self.store.round_answers(self.round_id):
            if stored.question_id == located.question.id and stored.attempt == attempt:
                return stored_outcome(self.library, stored)
        return None

    def override(self, outcome: Outcome) -> Outcome:
        """The learner says a typed answer marked wrong was right: stored as an override, which the
        schedule replays as right; the round's score keeps the app's verdict, so scores stay comparable."""
        from quiz.study.schedule import CARDS

        if not outcome.can_override:
            return outcome
        question_id = outcome.located.question.id
        upto = self.outcomes[: self.outcomes.index(outcome) + 1] if outcome in self.outcomes else []
        attempt = max(1, sum(item.located.question.id == question_id for item in upto))
        self.store.override_answer(self.round_id, question_id, CARDS, attempt)
        overridden = outcome.overridden_now()
        self.outcomes = [overridden if item is outcome else item for item in self.outcomes]
        return overridden

    def elapsed(self) -> float:
        """Seconds spent on answered questions plus the one on screen."""
        answered = sum(outcome.seconds for outcome in self.outcomes)
        return answered + (0.0 if self.current is None else seconds_between(self._shown_at, self._clock()))

    def time_left(self) -> float | None:
        """Exam with a time limit: seconds left on the wall clock, never below zero; None without a limit."""
        if self.settings.time_limit is None:
            return None
        if self.deadline is not None:
            return max(0.0, (self.deadline - self._clock()).total_seconds())
        return max(0.0, self.settings.time_limit - self.elapsed())

    @property
    def out_of_time(self) -> bool:
        left = self.time_left()
        return left is not None and left <= 0

    def finish(self) -> None:
        """Mark the round finished in the store (also when time ran out with questions unanswered)."""
        if not self.finished:
            self.store.finish_round(self.round_id, round(self.elapsed(), 3))
            self.release()
            self.finished = True

