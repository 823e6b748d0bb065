"""An answered question laid out for learning: the verdict in words, each part marked, why, and the source.

Kept compact so that at 80x24 the source is on screen without scrolling for a typical question.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.bank.model import ChoiceQuestion, MultiQuestion
from quiz.study.describe import marked_answer, parts_in_words, right_answer_text
from quiz.study.library import sources_of
from quiz.study.outcome import Reviewed, Unanswered
from quiz.study.wording import reflow, verdict_kind, verdict_words

LABEL_STYLE = "bold $text-accent"


def _pick_feedback(outcome: Reviewed) -> list[tuple[str, str]]:
    """(option, feedback) the bank attached to the options the learner picked."""
    question = outcome.located.question
    if not isinstance(question, (ChoiceQuestion, MultiQuestion)) or outcome.response is None:
        return []
    picked = outcome.response if isinstance(outcome.response, tuple) else (outcome.response,)
    return [(choice.text, choice.feedback) for choice in question.choices if choice.text in picked and choice.feedback]


def verdict_line(outcome: Reviewed) -> str:
    """``✗ Wrong``, ``◐ Partly right 0.5 · 1 right tick, …``, ``✓ Right · accepted; spelled …``."""
    if isinstance(outcome, Unanswered):
        return f"— {outcome.note}"
    if outcome.overridden:
        return "✓ You said you were right: your schedule counts it as right (this round's score does not)"
    words = verdict_words(outcome.score)
    if outcome.spelled:
        return f"{words} · accepted; spelled {outcome.spelled}"
    parts = "" if outcome.correct else parts_in_words(outcome.located.question, outcome.response)
    return f"{words} · {parts}" if parts else words


def labelled(label: str, text: str) -> Content:
    """``Your answer  Zvečan`` on one line, or the label above a list of parts."""
    gap = "\n" if "\n" in text else "  "
    return Content.assemble((label, LABEL_STYLE), gap, Content(text))


class OutcomeView(VerticalScroll):
    """Everything a learner should read after answering one question."""

    def __init__(self, outcome: Reviewed, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="outcome")
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        outcome = self.outcome
        question = outcome.located.question
        kind = "wrong" if isinstance(outcome, Unanswered) else verdict_kind(outcome.score)
        yield Static(Content(verdict_line(outcome)), id="verdict", classes=f"verdict {kind}")
        yield Static(Content(question.prompt), classes="prompt")
        if not isinstance(outcome, Unanswered):
            yield Static(labelled("Your answer", marked_answer(question, outcome.response)), id="your-answer")
        right = right_answer_text(question, outcome.right_answer, outcome.response)
        yield Static(labelled("Right answer", right), id="right-answer")
        picks = _pick_feedback(outcome)
        if picks:
            label = "About your pick" if len(picks) == 1 else "About your picks"
            lines = "\n".join(f"{text}: {feedback}" for text, feedback in picks)
            yield Static(labelled(label, lines), id="pick-feedback", classes="part")
        yield Static(labelled("Why", reflow(question.explanation)), id="explanation", classes="part")
        sources = "\n".join(line.describe() for line in sources_of(outcome.located.bank, question))
        yield Static(labelled("Source", sources), id="source", classes="part")
