"""The shape every rule shares, and what a rule finds."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

from quiz.bank.model import LINT_CODES, AnyQuestion, Bank


@dataclass(frozen=True)
class Flaw:
    """One flaw in one question: the field it sits at (a key of ``Question.spans``) and what is wrong."""

    key: str
    message: str


@dataclass(frozen=True)
class BankFlaw:
    """A flaw found by looking at several questions or banks: where it is, in which question if any."""

    bank: Bank
    question: AnyQuestion | None
    flaw: Flaw


Scope = Literal["question", "banks"]


@dataclass(frozen=True)
class Rule:
    """A rule as the runner and the docs see it, read from its module.

    A module declares ``ID``, ``HINT`` (what to do), ``SOURCE`` (where the literature names the flaw),
    ``SCOPE`` ("question": ``check(question)`` yields Flaws; "banks": ``check(banks)`` yields BankFlaws)
    and a docstring that is its documentation, ending with a Bad: and a Good: example.
    """

    id: str
    hint: str
    source: str
    scope: Scope
    doc: str
    check_question: Callable[[AnyQuestion], Iterator[Flaw]] | None
    check_banks: Callable[[Sequence[Bank]], Iterator[BankFlaw]] | None

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        scope: Scope = module.SCOPE
        return cls(
            id=module.ID,
            hint=module.HINT,
            source=module.SOURCE,
            scope=scope,
            doc=module.__doc__ or "",
            check_question=module.check if scope == "question" else None,
            check_banks=module.check if scope == "banks" else None,
        )

    @property
    def allowable(self) -> bool:
        """Whether a question can allow this flaw (a bank-wide flaw belongs to no question)."""
        return self.id in LINT_CODES
