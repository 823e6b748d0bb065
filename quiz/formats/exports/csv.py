"""Banks to one CSV row per question, for spreadsheets; ``quiz import --from csv`` reads it back losslessly.

The bank's sources and study notes are not in the table.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import assert_never

from quiz.bank.model import (
    AnyQuestion,
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from quiz.bank.text import number_text
from quiz.formats.csv_cells import COLUMNS, MAX_CELL, OPTIONAL_COLUMNS, blanks_cell, guard, join_items, lint_cell
from quiz.formats.exports.losses import Exported, Loss, all_questions, bank_losses, question_loss


def _cells(question: AnyQuestion) -> dict[str, str]:
    match question:
        case ChoiceQuestion() | MultiQuestion():
            answers = [question.answer] if isinstance(question, ChoiceQuestion) else question.answers
            cells = {"options": join_items([c.text for c in question.choices]), "answer": join_items(answers)}
            if any(c.feedback for c in question.choices):
                cells["feedback"] = join_items([c.feedback for c in question.choices])
            return cells
        case TrueFalseQuestion():
            return {"answer": "true" if question.answer else "false"}
        case ShortQuestion():
            return {"answer": join_items(question.answers)}
        case OrderQuestion():
            return {"options": join_items(question.items)}
        case MatchQuestion():
            return {"options": join_items([p.left for p in question.pairs]),
                    "answer": join_items([p.right for p in question.pairs])}
        case NumberQuestion():
            return {"answer": number_text(question.answer), "tolerance": number_text(question.tolerance),
                    "unit": question.unit}
        case ClozeQuestion():
            return {"options": join_items([question.passage]), "answer": blanks_cell(question.blanks)}
        case _:
            assert_never(question)


def _row(bank: Bank, question: AnyQuestion) -> dict[str, str]:
    return {
        "bank": bank.id, "id": question.id, "type": question.TYPE, "prompt": question.prompt,
        **_cells(question),
        "explanation": question.explanation,
        "source": " ".join(str(ref) for ref in question.source),
        "tags": " ".join(question.tags),
        "difficulty": "" if question.difficulty is None else str(question.difficulty),
        "hint": question.hint,
        "lint": "" if question.lint is None else lint_cell(question.lint.allow, question.lint.because),
    }


def export_csv(banks: Sequence[Bank]) -> Exported:
    """A CSV table (UTF-8, with a header row) of every question."""
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=COLUMNS + OPTIONAL_COLUMNS, restval="", lineterminator="\r\n")
    writer.writeheader()
    losses: list[Loss] = []
    for bank in banks:
        for question in bank.questions:
            row = {key: guard(value) for key, value in _row(bank, question).items()}
            writer.writerow(row)
            losses.extend(question_loss(question, key, f"a cell over {MAX_CELL // 1024} KiB, which quiz import "
                                        "--from csv refuses (a spreadsheet may cut it too)")
                          for key, value in row.items() if len(value) > MAX_CELL)
    losses += bank_losses(banks, "CSV")
    return Exported(stream.getvalue().encode(), tuple(losses), len(all_questions(banks)))
