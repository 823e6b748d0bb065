"""One answered question: what was answered, how it scored, how long it took."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from quiz.bank.answers import Response, correct_response
from quiz.bank.model import ShortQuestion
from quiz.store import StoredAnswer
from quiz.study.library import Library, Located


@dataclass(frozen=True)
class Outcome:
    """The learner's answer to one question of a round, as scored by quiz.bank.answers.check."""

    located: Located
    response: Response
    score: float
    seconds: float
    hint_shown: bool = False
    spelled: str | None = None
    """A typed answer accepted with one typo: the accepted form it was read as."""
    overridden: bool = False
    """The learner said "I was right" about a typed answer the app marked wrong."""

    @property
    def correct(self) -> bool:
        return self.score >= 1.0

    @property
    def partial(self) -> bool:
        return 0.0 < self.score < 1.0

    @property
    def right_answer(self) -> Response:
        return correct_response(self.located.question)

    @property
    def can_override(self) -> bool:
        """Only a typed answer marked wrong can be claimed right: matching text is a guess at meaning."""
        return isinstance(self.located.question, ShortQuestion) and self.score < 1.0 and not self.overridden

    def overridden_now(self) -> Outcome:
        return replace(self, overridden=True)


@dataclass(frozen=True)
class Unanswered:
    """A question of a round that ended before it was answered (an exam's time ran out): it scores 0.

    It is never stored as an answer, so it does not touch the learner's history or schedule.
    """

    located: Located
    note: str = "Not answered: the time ran out (counts 0)"
    """What the review says instead of a verdict."""
    response: None = None
    score: float = 0.0
    hint_shown: bool = False
    spelled: None = None
    overridden: bool = False
    can_override: bool = False

    @property
    def right_answer(self) -> Response:
        return correct_response(self.located.question)


Reviewed = Outcome | Unanswered
"""What a review shows: an answered question, or one the round ended before."""


def to_stored(response: Response) -> Any:
    """A response in a JSON-friendly shape for the store."""
    return list(response) if isinstance(response, tuple) else response


def from_stored(value: Any) -> Response:
    """A stored response back in the shape quiz.bank.answers.check expects."""
    return tuple(value) if isinstance(value, list) else value


def stored_outcome(library: Library, stored: StoredAnswer) -> Outcome | None:
    """A stored answer as an outcome, or None when no loaded bank has its question any more."""
    located = library.locate(stored.question_id)
    if located is None:
        return None
    return Outcome(
        located,
        from_stored(stored.response),
        stored.score,
        stored.seconds,
        hint_shown=bool(stored.hint_shown),
        overridden=stored.overridden_at is not None,
    )
