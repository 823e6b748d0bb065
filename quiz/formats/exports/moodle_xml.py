"""Banks to Moodle XML: one category per bank, every question type Moodle has a match for.

Text is written as escaped HTML (bank text is plain text). Difficulty becomes a ``difficulty-N`` tag
and the sources are named in the general feedback after the explanation.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import assert_never

from quiz.bank.model import (
    AnyQuestion,
    Bank,
    Blank,
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
from quiz.formats import moodle
from quiz.formats.exports.losses import Exported, Loss, all_questions, bank_losses, question_loss
from quiz.formats.html import feedback_html, to_html
from quiz.formats.moodle import category_path


def _moodle_type(question: AnyQuestion) -> str:
    match question:
        case ChoiceQuestion() | MultiQuestion():
            return "multichoice"
        case TrueFalseQuestion():
            return "truefalse"
        case ShortQuestion():
            return "shortanswer"
        case MatchQuestion() | OrderQuestion():
            return "matching"
        case NumberQuestion():
            return "numerical"
        case ClozeQuestion():
            return "multianswer"
        case _:
            assert_never(question)


def _text(parent: ET.Element, tag: str, text: str, *, html: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(element, "text").text = to_html(text) if html else text
    return element


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str = "", *,
            html: bool = True) -> ET.Element:
    answer = ET.SubElement(parent, "answer", {"fraction": moodle.text(fraction)}
                           | ({"format": "html"} if html else {}))
    ET.SubElement(answer, "text").text = to_html(text) if html else text
    _text(answer, "feedback", feedback)
    return answer


def _simple(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _choices(element: ET.Element, question: ChoiceQuestion | MultiQuestion) -> None:
    single = isinstance(question, ChoiceQuestion)
    _simple(element, "single", "true" if single else "false")
    _simple(element, "shuffleanswers", "true")
    _simple(element, "answernumbering", "abc")
    texts = [c.text for c in question.choices]
    if isinstance(question, ChoiceQuestion):
        weights = [100.0 if t == question.answer else 0.0 for t in texts]
    else:
        weights = moodle.multi_weights(texts, question.answers)
    for choice, weight in zip(question.choices, weights, strict=True):
        _answer(element, weight, choice.text, choice.feedback)


def _pairs(element: ET.Element, pairs: Sequence[tuple[str, str]]) -> None:
    _simple(element, "shuffleanswers", "true")
    for left, right in pairs:
        sub = ET.SubElement(element, "subquestion", {"format": "html"})
        ET.SubElement(sub, "text").text = to_html(left)
        ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right


def _body(element: ET.Element, question: AnyQuestion) -> None:
    match question:
        case ChoiceQuestion() | MultiQuestion():
            _choices(element, question)
        case TrueFalseQuestion():
            _answer(element, 100 if question.answer else 0, "true", html=False)
            _answer(element, 0 if question.answer else 100, "false", html=False)
        case ShortQuestion():
            _simple(element, "usecase", "0")
            for text in question.answers:
                _answer(element, 100, text, html=False)
        case MatchQuestion():
            _pairs(element, [(p.left, p.right) for p in question.pairs])
        case OrderQuestion():
            _pairs(element, [(str(n), item) for n, item in enumerate(question.items, 1)])
        case NumberQuestion():
            answer = _answer(element, 100, number_text(question.answer), html=False)
            _simple(answer, "tolerance", number_text(question.tolerance))
            if question.unit:
                unit = ET.SubElement(ET.SubElement(element, "units"), "unit")
                _simple(unit, "multiplier", "1")
                _simple(unit, "unit_name", question.unit)
                _simple(element, "showunits", "3")
                _simple(element, "unitsleft", "0")
        case ClozeQuestion():
            pass  # the blanks are embedded in the question text
        case _:
            assert_never(question)


_EMBEDDED_SPECIAL = re.compile(r'([}#~/"\\])')


def _embedded(text: str) -> str:
    """Answer text inside Moodle's embedded-answers syntax, where ``} # ~ / " \\`` take a backslash.

    Quotes stay unescaped for HTML: ``&#x27;`` would bring a ``#``, which starts feedback there.
    """
    return _EMBEDDED_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _embedded_blank(blank: Blank) -> str:
    """``{1:SHORTANSWER:=a~=b}`` for a typed blank, ``{1:MULTICHOICE:=right~wrong}`` for a dropdown."""
    if blank.choices:
        options = [("=" if text in blank.answers else "") + _embedded(text) for text in blank.choices]
        return "{1:MULTICHOICE:" + "~".join(options) + "}"
    return "{1:SHORTANSWER:" + "~".join(f"={_embedded(answer)}" for answer in blank.answers) + "}"


def _embedded_passage(question: ClozeQuestion) -> str:
    return "".join(to_html(part) if isinstance(part, str) else _embedded_blank(question.blanks[part])
                   for part in question.parts())


def question_element(bank: Bank, question: AnyQuestion) -> ET.Element:
    element = ET.Element("question", {"type": _moodle_type(question)})
    _text(element, "name", question.id, html=False)
    if isinstance(question, ClozeQuestion):
        holder = ET.SubElement(element, "questiontext", {"format": "html"})
        ET.SubElement(holder, "text").text = f"<p>{to_html(question.prompt)}</p><p>{_embedded_passage(question)}</p>"
    else:
        _text(element, "questiontext", question.prompt)
    general = ET.SubElement(element, "generalfeedback", {"format": "html"})
    ET.SubElement(general, "text").text = feedback_html(bank, question)
    _simple(element, "defaultgrade", "1")
    _simple(element, "penalty", "0.3333333")
    _simple(element, "hidden", "0")
    _simple(element, "idnumber", question.id)
    _body(element, question)
    if question.hint:
        _text(element, "hint", question.hint)
    tags = [*question.tags, *([f"difficulty-{question.difficulty}"] if question.difficulty else [])]
    if tags:
        holder = ET.SubElement(element, "tags")
        for tag in tags:
            ET.SubElement(ET.SubElement(holder, "tag"), "text").text = tag
    return element


def _category(bank: Bank) -> ET.Element:
    element = ET.Element("question", {"type": "category"})
    ET.SubElement(ET.SubElement(element, "category"), "text").text = category_path(bank)
    _text(element, "info", bank.description)
    return element


def _losses(question: AnyQuestion) -> list[Loss]:
    if isinstance(question, OrderQuestion):
        return [question_loss(question, "type", "order becomes a matching question of position -> item; "
                              "partial credit for a nearly right order is lost")]
    return []


def export_moodle_xml(banks: Sequence[Bank]) -> Exported:
    root = ET.Element("quiz")
    for bank in banks:
        root.append(_category(bank))
        root.extend(question_element(bank, question) for question in bank.questions)
    ET.indent(root)
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode() + b"\n"
    questions = all_questions(banks)
    losses = [loss for q in questions for loss in _losses(q)]
    losses += bank_losses(banks, "Moodle XML", carried=("description", "sources"))
    return Exported(data, tuple(losses), len(questions))
