"""What an export could not carry, so the teacher is told instead of finding out in their LMS."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from quiz.bank.model import AnyQuestion, Bank


@dataclass(frozen=True)
class Loss:
    """One piece of a bank that the target format drops, changes, or keeps only where quiz reads it.

    ``where`` is a question id, or a bank id for bank-level information. A loss that is ``kept`` is
    still in the file (a comment quiz reads back) but the target's own tool ignores it.
    """

    where: str
    field: str
    detail: str
    kept: bool = False
    bank_level: bool = False

    @property
    def fails_check(self) -> bool:
        """``quiz export --check`` fails on question content that is gone from the file."""
        return not self.kept and not self.bank_level


@dataclass(frozen=True)
class Exported:
    """The bytes of an export and what they could not carry."""

    data: bytes
    losses: tuple[Loss, ...]
    questions: int


def some_text(value: object, test: Callable[[str], bool], skip: Collection[str] = ()) -> bool:
    """Whether some text in ``value`` (a question as :func:`quiz.bank.write.plain` data) passes ``test``;
    the top-level keys in ``skip`` are left out."""
    if isinstance(value, str):
        return test(value)
    if isinstance(value, dict):
        return any(some_text(item, test) for key, item in value.items() if key not in skip)
    return isinstance(value, list) and any(some_text(item, test) for item in value)


def question_loss(question: AnyQuestion, field: str, detail: str, *, kept: bool = False) -> Loss:
    return Loss(question.id, field, detail, kept=kept)


def bank_losses(
    banks: Sequence[Bank], target: str, carried: Iterable[str] = (), *, kept: bool = False
) -> list[Loss]:
    """The bank-level information (description, source list, study notes) that ``target`` leaves out."""
    keep = set(carried)
    losses: list[Loss] = []
    for bank in banks:
        present = {
            "description": bool(bank.description),
            "sources": bool(bank.sources),
            "notes.primer": bool(bank.notes.primer),
            "notes.timeline": bool(bank.notes.timeline),
            "notes.glossary": bool(bank.notes.glossary),
        }
        losses.extend(
            Loss(bank.id, name, f"{target} has no place for a bank's {name.replace('notes.', '')}",
                 kept=kept, bank_level=True)
            for name, has in present.items()
            if has and name not in keep
        )
    return losses


def all_questions(banks: Sequence[Bank]) -> list[AnyQuestion]:
    return [question for bank in banks for question in bank.questions]


def describe(losses: Sequence[Loss], target: str) -> list[str]:
    """Report lines grouped by kind: dropped question content, comment-only content, bank-level."""
    lines: list[str] = []
    groups = (
        ("lost (quiz export --check fails on these):", [x for x in losses if x.fails_check]),
        (f"kept only in comments quiz reads back ({target} ignores them):", [x for x in losses if x.kept]),
        ("bank information not carried:", [x for x in losses if x.bank_level and not x.kept]),
    )
    for heading, items in groups:
        if items:
            lines.append(f"  {heading}")
            lines.extend(_grouped(items))
    return lines


def _grouped(losses: Sequence[Loss]) -> list[str]:
    by_detail: dict[str, list[str]] = {}
    for loss in losses:
        by_detail.setdefault(f"{loss.field}: {loss.detail}", []).append(loss.where)
    lines = []
    for detail, where in by_detail.items():
        shown = ", ".join(where[:4]) + (f" and {len(where) - 4} more" if len(where) > 4 else "")
        lines.append(f"    {detail} ({shown})")
    return lines
