"""A round as plain Python: the questions planned, the answers given, each one committed as it is given.

Tests and the app drive the same object; the app only shows it.
"""

from __future__ import annotations

from quiz.bank.answers import Response, check
from quiz.clock import Clock, seconds_between, system_clock
from quiz.store import AnswerRecord, ResumableRound, Store
from quiz.study import learn
from quiz.study.library import Library, Located
from quiz.study.modes import ALL_BANKS, Mode
from quiz.study.outcome import Outcome, from_stored, to_stored
from quiz.study.picking import PREFERS_UNSEEN, pick_questions
from quiz.study.presentation import Presentation, present
from quiz.study.settings import RoundSettings
from quiz.study.strength import question_strength, suspended_ids


class Round:
    """The questions of one round and the answers recorded so far."""

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

    @classmethod
    def start(
        cls,
        store: Store,
        learner_id: int,
        library: Library,
        settings: RoundSettings,
        clock: Clock = system_clock,
    ) -> Round:
        """Pick the questions and record the round as started; QuizError when nothing matches."""
        mistakes: list[tuple[str, str]] = []
        if settings.mode is Mode.REVIEW and not settings.question_ids:
            bank_filter = None if settings.bank_id == ALL_BANKS else settings.bank_id
            mistakes = list(store.open_mistakes(learner_id, bank_filter))
        if settings.mode is Mode.DUE and not settings.question_ids:
            from quiz.study.due import pick_due
            from quiz.study.today import local_midnight

            now = clock()
            new_left = max(0, store.study_settings(learner_id).new_per_day
                           - store.introduced_since(learner_id, local_midnight(now)))
            planned = pick_due(library, settings, store.glances(learner_id), now, new_left)
        else:
            cards = store.glances(learner_id)
            strength = None
            if settings.mode in PREFERS_UNSEEN and not settings.question_ids:
                strength = question_strength(cards, library, clock())
            planned = pick_questions(library, settings, mistakes, strength, suspended_ids(cards))
        round_id = store.start_round(
            learner_id,
            settings.bank_id,
            settings.mode.value,
            [item.question.id for item in planned],
            settings.to_json(),
        )
        return cls(
            store=store,
            round_id=round_id,
            library=library,
            settings=settings,
            planned=planned,
            outcomes=[],
            clock=clock,
        )

    @classmethod
    def resume(
        cls, store: Store, library: Library, resumable: ResumableRound, clock: Clock = system_clock
    ) -> Round:
        """Carry on an unfinished round; questions no loaded bank has any more are skipped."""
        settings = RoundSettings.from_json(resumable.settings)
        planned = [loc for qid in resumable.question_ids if (loc := library.locate(qid)) is not None]
        outcomes = [
            Outcome(loc, from_stored(stored.response), stored.score, stored.seconds)
            for stored in store.round_answers(resumable.id)
            if (loc := library.locate(stored.question_id)) is not None
        ]
        return cls(
            store=store,
            round_id=resumable.id,
            library=library,
            settings=settings,
            planned=planned,
            outcomes=outcomes,
            clock=clock,
        )

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

    def answer(self, response: Response, hint_shown: bool | None = None) -> Outcome:
        """Score the answer to the current question and commit it, with its schedule update, at once."""
        from quiz.study.schedule import CARDS  # fsrs loads with the first answer, not with the app

        located = self.current
        if located is None:
            raise RuntimeError("every question of this round is already answered")
        verdict = check(located.question, response)
        seconds = seconds_between(self._shown_at, self._clock())
        outcome = Outcome(located, response, verdict.score, round(seconds, 3))
        self.store.record_answer(
            self.round_id,
            AnswerRecord(
                question_id=located.question.id,
                bank_id=located.bank.id,
                content_hash=self.library.content_hash(located.question),
                response=to_stored(response),
                score=verdict.score,
                seconds=outcome.seconds,
                hint_shown=hint_shown,
                attempt=learn.attempt_number(located.question.id, self.outcomes),
            ),
            CARDS,
        )
        self.outcomes.append(outcome)
        self._shown_at = self._clock()
        return outcome

    def elapsed(self) -> float:
        """Seconds spent on answered questions plus the one on screen."""
        answered = sum(outcome.seconds for outcome in self.outcomes)
        return answered + (0.0 if self.current is None else seconds_between(self._shown_at, self._clock()))

    def time_left(self) -> float | None:
        """Exam with a time limit: seconds left, never below zero; None without a limit."""
        if self.settings.time_limit is None:
            return None
        return max(0.0, self.settings.time_limit - self.elapsed())

    def finish(self) -> None:
        """Mark the round finished in the store (also when time ran out with questions unanswered)."""
        if not self.finished:
            self.store.finish_round(self.round_id, round(self.elapsed(), 3))
            self.finished = True
