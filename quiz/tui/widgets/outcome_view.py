"""An answered question laid out for learning: verdict in words, the right answer, why, and the source."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.bank.model import ChoiceQuestion, MultiQuestion
from quiz.study.describe import describe_response, reflow, verdict_kind, verdict_words
from quiz.study.library import sources_of
from quiz.study.outcome import Outcome


def _choice_feedback(outcome: Outcome) -> list[str]:
    """Feedback the bank attached to the options the learner picked."""
    question = outcome.located.question
    if not isinstance(question, (ChoiceQuestion, MultiQuestion)):
        return []
    picked = outcome.response if isinstance(outcome.response, tuple) else (outcome.response,)
    return [choice.feedback for choice in question.choices if choice.text in picked and choice.feedback]


class OutcomeView(VerticalScroll):
    """Everything a learner should read after answering one question."""

    def __init__(self, outcome: Outcome, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="outcome")
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        outcome = self.outcome
        question = outcome.located.question
        yield Static(
            Content(verdict_words(outcome.score)), id="verdict", classes=f"verdict {verdict_kind(outcome.score)}"
        )
        yield Static(Content(question.prompt), classes="prompt")
        yield Static(Content("Your answer"), classes="heading")
        yield Static(Content(describe_response(question, outcome.response)), id="your-answer")
        yield Static(Content("Right answer"), classes="heading")
        yield Static(Content(describe_response(question, outcome.right_answer)), id="right-answer")
        for feedback in _choice_feedback(outcome):
            yield Static(Content(feedback), classes="choice-feedback")
        yield Static(Content("Why"), classes="heading")
        yield Static(Content(reflow(question.explanation)), id="explanation")
        yield Static(Content("Source"), classes="heading")
        lines = [line.describe() for line in sources_of(outcome.located.bank, question)]
        yield Static(Content("\n".join(lines)), id="source")
