"""Banks to Moodle GIFT text.

Everything Moodle can hold goes where Moodle reads it; what it cannot (hints, source references,
difficulty, units, the bank's sources and notes) goes in ``//`` comments that ``quiz import`` reads back.
"""

from __future__ import annotations

import json
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
from quiz.bank.write import plain
from quiz.formats import moodle
from quiz.formats.bank_info import bank_info
from quiz.formats.exports.losses import Exported, Loss, all_questions, bank_losses, question_loss
from quiz.formats.gift_syntax import escape
from quiz.formats.moodle import category_path

BANK_COMMENT = "// quiz-bank: "
QUESTION_COMMENT = "// quiz: "


def _feedback(text: str) -> str:
    return f"#{escape(text)}" if text else ""


def _answers(question: AnyQuestion) -> list[str]:
    match question:
        case ChoiceQuestion():
            return [("=" if c.text == question.answer else "~") + escape(c.text) + _feedback(c.feedback)
                    for c in question.choices]
        case MultiQuestion():
            weights = moodle.multi_weights([c.text for c in question.choices], question.answers)
            return [f"~%{moodle.text(w)}%{escape(c.text)}{_feedback(c.feedback)}"
                    for c, w in zip(question.choices, weights, strict=True)]
        case TrueFalseQuestion():
            return ["TRUE" if question.answer else "FALSE"]
        case ShortQuestion():
            return [f"={escape(answer)}" for answer in question.answers]
        case MatchQuestion():
            return [f"={escape(p.left)} -> {escape(p.right)}" for p in question.pairs]
        case OrderQuestion():
            return [f"={position} -> {escape(item)}" for position, item in enumerate(question.items, 1)]
        case NumberQuestion():
            return [f"#{number_text(question.answer)}:{number_text(question.tolerance)}"]
        case ClozeQuestion():
            [blank] = question.blanks
            if not blank.choices:
                return [f"={escape(answer)}" for answer in blank.answers]
            return [("=" if text in blank.answers else "~") + escape(text) for text in blank.choices]
        case _:
            assert_never(question)


def _meta(question: AnyQuestion) -> dict[str, object]:
    meta: dict[str, object] = {"source": [str(ref) for ref in question.source]}
    if question.difficulty is not None:
        meta["difficulty"] = question.difficulty
    if question.hint:
        meta["hint"] = question.hint
    if isinstance(question, NumberQuestion) and question.unit:
        meta["unit"] = question.unit
    if isinstance(question, OrderQuestion):
        meta["type"] = "order"
    if isinstance(question, ClozeQuestion):
        meta["type"] = "cloze"
        meta["prompt"] = question.prompt
    return meta


def _text_format(question: AnyQuestion) -> str:
    """``[plain]`` when some text of the question holds ``<``, ``>`` or ``&``.

    Without a prefix Moodle reads GIFT text in its own format, where ``<b>`` is markup and ``&amp;``
    an entity; ``[plain]`` (which also covers the answers and feedback) shows the text as written.
    """
    texts = json.dumps(plain(question), ensure_ascii=False)
    return "[plain]" if any(sign in texts for sign in "<>&") else ""


def question_text(question: AnyQuestion) -> str:
    """One question: its comment lines, then ``::id::prompt {answers ####explanation}``."""
    labels = [f"[id:{question.id}]", *(f"[tag:{tag}]" for tag in question.tags)]
    before, after = escape(question.prompt) + " ", ""
    if isinstance(question, ClozeQuestion):
        # GIFT's missing-word form: the answers stand where the one blank is.
        before, _, after = (escape(part) for part in question.passage.partition("{1}"))
    lines = [
        "// " + " ".join(labels),
        QUESTION_COMMENT + json.dumps(_meta(question), ensure_ascii=False),
        f"::{escape(question.id)}::{_text_format(question)}{before}{{",
        *(f"  {answer}" for answer in _answers(question)),
        f"  ####{escape(question.explanation)}",
        "}" + after,
    ]
    return "\n".join(lines)


def _holds(question: AnyQuestion) -> bool:
    """GIFT holds every type but a cloze of more than one blank."""
    return not isinstance(question, ClozeQuestion) or len(question.blanks) == 1


def _losses(question: AnyQuestion) -> list[Loss]:
    kept = "GIFT has no field for it"
    losses = [question_loss(question, "source", kept, kept=True)]
    if question.difficulty is not None:
        losses.append(question_loss(question, "difficulty", kept, kept=True))
    if question.hint:
        losses.append(question_loss(question, "hint", kept, kept=True))
    if isinstance(question, NumberQuestion) and question.unit:
        losses.append(question_loss(question, "unit", "GIFT numerical questions have no unit", kept=True))
    if isinstance(question, OrderQuestion):
        losses.append(question_loss(
            question, "type",
            "order becomes a match of position -> item; partial credit for a nearly right order is lost",
        ))
    if not _holds(question):
        return [question_loss(question, "type", "GIFT holds a cloze of one blank only (its missing-word form); "
                              "this question is left out: export it to Moodle XML instead")]
    return losses


def export_gift(banks: Sequence[Bank]) -> Exported:
    """GIFT text for the banks, one ``$CATEGORY`` per bank, and what Moodle will not see."""
    parts: list[str] = []
    for bank in banks:
        parts.append(f"$CATEGORY: {category_path(bank)}")
        parts.append(BANK_COMMENT + json.dumps(bank_info(bank), ensure_ascii=False))
        parts.extend(question_text(question) for question in bank.questions if _holds(question))
    questions = all_questions(banks)
    losses = [loss for question in questions for loss in _losses(question)]
    losses += bank_losses(banks, "GIFT", kept=True)
    written = sum(map(_holds, questions))
    return Exported(("\n\n".join(parts) + "\n").encode(), tuple(losses), written)
