"""Banks to Moodle GIFT text.

Everything Moodle can hold goes where Moodle reads it; what it cannot (hints, source references,
difficulty, units, the bank's sources and notes) goes in ``//`` comments that ``quiz import`` reads back.
"""

from __future__ import annotations

import html
import json
import re
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
from quiz.formats.exports.losses import Exported, Loss, all_questions, bank_losses, question_loss, some_text
from quiz.formats.gift_syntax import escape, strip_format
from quiz.formats.moodle import category_path

BANK_COMMENT = "// quiz-bank: "
QUESTION_COMMENT = "// quiz: "


_WEIGHT = re.compile(r"^\s*%-*[0-9]{1,2}\.?[0-9]*%")
"""Text Moodle would read as a %weight% at the start of an answer."""


def _field(text: str) -> str:
    """A text field; one that starts like a ``[format]`` prefix gets ``[plain]`` before it, which
    Moodle reads as the field's format, so the text arrives as written."""
    return _prefix(text) + escape(text)


def _prefix(text: str) -> str:
    return "[plain]" if strip_format(text)[1] else ""


def _feedback(text: str) -> str:
    return f"#{_field(text)}" if text else ""


def _weighted(text: str, percent: float) -> str:
    """``~`` with a %weight% when it has credit or its text would otherwise read as one."""
    weight = f"%{moodle.text(percent)}%" if percent or _WEIGHT.match(text) else ""
    return f"~{weight}{_field(text)}"


def _left(text: str) -> str:
    """A match question's left side: in HTML when it holds ``->``, so Moodle does not cut it there."""
    if "->" not in text:
        return _field(text)
    return "[html]" + escape(html.escape(text, quote=False).replace("->", "-&gt;").replace("\n", "<br>"))


def _right(text: str) -> str:
    """The right side, which Moodle reads without a format prefix: leading spaces would be lost."""
    return escape(text)


def _answers(question: AnyQuestion) -> list[str]:
    match question:
        case ChoiceQuestion():
            return [("=" + _field(c.text) if c.text == question.answer
                     else _weighted(c.text, moodle.snap(c.credit * 100))) + _feedback(c.feedback)
                    for c in question.choices]
        case MultiQuestion():
            weights = moodle.multi_weights([c.text for c in question.choices], question.answers)
            return [f"~%{moodle.text(w)}%{_field(c.text)}{_feedback(c.feedback)}"
                    for c, w in zip(question.choices, weights, strict=True)]
        case TrueFalseQuestion():
            return ["TRUE" if question.answer else "FALSE"]
        case ShortQuestion():
            return [("=%100%" if _WEIGHT.match(answer) else "=") + _field(moodle.short_answer_text(answer))
                    for answer in question.answers]
        case MatchQuestion():
            return [f"={_left(p.left)} -> {_right(p.right)}" for p in question.pairs]
        case OrderQuestion():
            return [f"={position} -> {_right(item)}" for position, item in enumerate(question.items, 1)]
        case NumberQuestion():
            return [f"#{number_text(question.answer)}:{number_text(question.tolerance)}"]
        case ClozeQuestion():
            [blank] = question.blanks
            if not blank.choices:
                return [f"={escape(moodle.short_answer_text(answer))}" for answer in blank.answers]
            return [("=" if text in blank.answers else "~") + escape(text) for text in blank.choices]
        case _:
            assert_never(question)


def question_meta(question: AnyQuestion) -> dict[str, object]:
    """What a question has that Moodle has no field for; GIFT and Moodle XML carry it for quiz import."""
    meta: dict[str, object] = {"source": [str(ref) for ref in question.source]}
    if question.difficulty is not None:
        meta["difficulty"] = question.difficulty
    if question.hint:
        meta["hint"] = question.hint
    if isinstance(question, NumberQuestion) and question.unit:
        meta["unit"] = question.unit
    if question.lint is not None:
        meta["lint"] = plain(question.lint)
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
    text = question.passage if isinstance(question, ClozeQuestion) else question.prompt
    before, after = escape(text) + " ", ""
    if isinstance(question, ClozeQuestion):
        # GIFT's missing-word form: the answers stand where the one blank is.
        before, _, after = (escape(part) for part in question.passage.partition("{1}"))
    lines = [
        "// " + " ".join(labels),
        QUESTION_COMMENT + json.dumps(question_meta(question), ensure_ascii=False),
        f"::{escape(question.id)}::{_text_format(question) or _prefix(text)}{before}{{",
        *(f"  {answer}" for answer in _answers(question)),
        f"  ####{_field(question.explanation)}",
        "}" + after,
    ]
    return "\n".join(lines)


_SPACES = re.compile(r"^[ \t]|[ \t]$|[ \t]{2}|\t|[ \t]\n|\n[ \t]")
"""Spacing the GIFT reader (Moodle's and quiz's) does not keep; a final line end (a YAML block's) is not
content and is not counted."""
_IN_COMMENT = frozenset({"id", "type", "source", "tags", "difficulty", "hint", "unit", "lint"})
"""A question's fields carried exactly, in the ``// quiz:`` comment or as ids and tags."""


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
    if question.lint is not None:
        losses.append(question_loss(question, "lint", kept, kept=True))
    if isinstance(question, NumberQuestion) and question.unit:
        losses.append(question_loss(question, "unit", "GIFT numerical questions have no unit", kept=True))
    if moodle.credit_rounded(question):
        losses.append(question_loss(question, "credit", "partial credit rounded to the nearest Moodle grade"))
    skip = _IN_COMMENT | ({"prompt"} if isinstance(question, ClozeQuestion) else set())
    if some_text(plain(question), lambda text: _SPACES.search(text) is not None, skip=skip):
        losses.append(question_loss(question, "text", "spaces at the ends of a text or a line, tabs and runs "
                                    "of spaces become one space or none, as Moodle reads GIFT"))
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
