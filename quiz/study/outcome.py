"""One answered question: what was answered, how it scored, how long it took."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quiz.bank.answers import Response, correct_response
from quiz.study.library import Located


@dataclass(frozen=True)
class Outcome:
    """The learner's answer to one question of a round, as scored by quiz.bank.answers.check."""

    located: Located
    response: Response
    score: float
    seconds: float

    @property
    def correct(self) -> bool:
        return self.score >= 1.0

    @property
    def partial(self) -> bool:
        return 0.0 < self.score < 1.0

    @property
    def right_answer(self) -> Response:
        return correct_response(self.located.question)


def to_stored(response: Response) -> Any:
    """A response in a JSON-friendly shape for the store."""
    return list(response) if isinstance(response, tuple) else response


def from_stored(value: Any) -> Response:
    """A stored response back in the shape quiz.bank.answers.check expects."""
    return tuple(value) if isinstance(value, list) else value
