"""The summary of a finished round: score, time, results per tag, and what was missed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from quiz.study.modes import Mode
from quiz.study.outcome import Outcome, Reviewed, Unanswered
from quiz.study.round import Round


@dataclass(frozen=True)
class TagResult:
    """How a round went on one tag: score out of the questions asked with that tag."""

    tag: str
    score: float
    maximum: int


@dataclass(frozen=True)
class RoundReport:
    """What the summary screen shows; unanswered questions (time ran out) count as 0."""

    bank_id: str
    title: str
    mode: Mode
    mode_label: str
    score: float
    maximum: int
    seconds: float
    tags: tuple[TagResult, ...]
    outcomes: tuple[Outcome, ...]
    """Each question's first answer, in the order asked."""
    unanswered: int
    attempts: int
    """Every answer given, retries in learn mode included."""
    not_reached: tuple[Unanswered, ...] = ()
    """The questions left when an exam's time ran out, in the order planned."""

    @property
    def everything(self) -> tuple[Reviewed, ...]:
        """What "review all" shows: every answer, then every question the time ran out on."""
        return (*self.outcomes, *self.not_reached)

    @property
    def missed(self) -> tuple[Outcome, ...]:
        """Every first answer that did not score full marks, in the order asked."""
        return tuple(outcome for outcome in self.outcomes if not outcome.correct)

    @property
    def retries(self) -> int:
        """Answers given again after a miss (learn mode)."""
        return self.attempts - len(self.outcomes)

    def learned_words(self) -> str:
        """Learn mode's last word: the score counts first answers, this says that the rest came right too."""
        retries = "1 retry" if self.retries == 1 else f"{self.retries} retries"
        return f"All {self.maximum} right in the end, after {retries}."


def report(round_: Round) -> RoundReport:
    """Summarise a round from the answers it holds."""
    scores: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    first = round_.first_attempts
    by_id = {outcome.located.question.id: outcome for outcome in first}
    for located in round_.planned:
        outcome = by_id.get(located.question.id)
        for tag in located.question.tags:
            counts[tag] += 1
            scores[tag] += outcome.score if outcome else 0.0
    tags = tuple(TagResult(tag, round(scores[tag], 6), counts[tag]) for tag in sorted(counts))
    return RoundReport(
        bank_id=round_.settings.bank_id,
        title=round_.title,
        mode=round_.mode,
        mode_label=round_.mode.label,
        score=round_.score,
        maximum=round_.total,
        seconds=round_.elapsed(),
        tags=tags,
        outcomes=tuple(first),
        unanswered=round_.total - len(first),
        attempts=round_.answered,
        not_reached=tuple(Unanswered(located) for located in round_.planned if located.question.id not in by_id),
    )
