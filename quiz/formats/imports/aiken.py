"""Aiken, the one-right-answer format teachers paste from Word, to quiz choice questions.

As Moodle does, a broken question is skipped and the rest imported; unlike Moodle, each one is
reported with its line, and the import exits 1, so no question is silently lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.bank.model import AnyQuestion, Choice, ChoiceQuestion
from quiz.bank.text import PLACEHOLDER
from quiz.formats.imports.context import FormatError, ImportContext, Imported

_OPTION = re.compile(r"^([A-Z])[.)]\s*(.*)$")
_ANSWER = re.compile(r"^ANSWER:\s*(.*)$", re.IGNORECASE)


@dataclass
class _Draft:
    line: int
    stem: list[str] = field(default_factory=list)
    options: list[tuple[str, str]] = field(default_factory=list)


def _finish(draft: _Draft, answer: str, line: int, ctx: ImportContext) -> AnyQuestion:
    if len(draft.options) < 2:
        raise FormatError(ctx.path, line, "Question must have at least 2 answers",
                          "give each option its own line: A) ... B) ...")
    letters = dict(draft.options)
    if answer not in letters:
        raise FormatError(ctx.path, line, f"ANSWER: {answer or '(nothing)'} is not one of the options "
                          f"{', '.join(letters)}", "write ANSWER: and the letter of the right option")
    prompt = " ".join(draft.stem)
    return ChoiceQuestion(
        id=ctx.new_id(draft.line, prompt=prompt), prompt=prompt, explanation=PLACEHOLDER,
        source=ctx.source, choices=tuple(Choice(text=text) for _, text in draft.options),
        answer=letters[answer],
    )


def read_aiken(text: str, ctx: ImportContext) -> Imported:
    """The questions of an Aiken file; each broken one is reported with Moodle's wording and its line."""
    questions: list[AnyQuestion] = []
    lines: dict[str, int] = {}
    draft: _Draft | None = None
    skipping = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            skipping = False
            continue
        if skipping:
            continue
        try:
            draft = _line(line, number, draft, questions, lines, ctx)
        except FormatError as error:
            ctx.error(error)
            draft, skipping = None, not _ANSWER.match(line)
    if draft is not None:
        ctx.error(FormatError(ctx.path, draft.line, "Question not completed: no ANSWER: line",
                              "end each question with ANSWER: and the right letter"))
    if not questions and not ctx.errors:
        raise FormatError(ctx.path, 1, "No valid question found", "is this an Aiken file?")
    if questions:
        ctx.note(1, f"Aiken has no feedback: the explanation of all {len(questions)} questions is a TO DO")
    return Imported(tuple(questions), tuple(ctx.notes), lines, None, tuple(ctx.errors), ctx.error_count)


def _line(line: str, number: int, draft: _Draft | None, questions: list[AnyQuestion], lines: dict[str, int],
          ctx: ImportContext) -> _Draft | None:
    """Read one non-blank line; the question being written after it."""
    if answer := _ANSWER.match(line):
        if draft is None:
            raise FormatError(ctx.path, number, "Question not started", "write the question line first")
        if not line.startswith("ANSWER:"):
            ctx.note(number, "answer line read although Aiken wants it written ANSWER: in capitals")
        question = _finish(draft, answer.group(1).strip().upper(), number, ctx)
        questions.append(question)
        lines[question.id] = draft.line
        return None
    option = _OPTION.match(line)
    if option and draft is not None and draft.stem:
        draft.options.append((option.group(1), option.group(2).strip()))
    elif option and draft is None:
        raise FormatError(ctx.path, number, "Question not started", "write the question line before its options")
    elif draft is not None and draft.options:
        ctx.error(FormatError(ctx.path, number, "Question not completed before next question start",
                              f"add an ANSWER: line after the options of the question on line {draft.line}"))
        return _Draft(number, [line])
    elif draft is None:
        return _Draft(number, [line])
    else:
        draft.stem.append(line)
    return draft
