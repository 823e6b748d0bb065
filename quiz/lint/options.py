"""The choices of a choice or multi question, split into keys (right) and distractors (wrong)."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.bank.model import AnyQuestion, ChoiceQuestion, MultiQuestion


@dataclass(frozen=True)
class Option:
    """One choice, where it was written, and whether it is right."""

    index: int
    text: str
    is_key: bool

    @property
    def key(self) -> str:
        """Its field in ``Question.spans``."""
        return f"choices[{self.index}]"


def options(question: AnyQuestion) -> list[Option]:
    """The choices with their rightness; empty for questions without choices."""
    if isinstance(question, ChoiceQuestion):
        right = {question.answer}
    elif isinstance(question, MultiQuestion):
        right = set(question.answers)
    else:
        return []
    return [Option(index, choice.text, choice.text in right) for index, choice in enumerate(question.choices)]


def split(question: AnyQuestion) -> tuple[list[Option], list[Option]]:
    """(keys, distractors); both empty for questions without choices."""
    found = options(question)
    return [o for o in found if o.is_key], [o for o in found if not o.is_key]
