"""Banks to Moodle XML: one category per bank, every question type Moodle has a match for.

Text is written as escaped HTML (bank text is plain text). Difficulty becomes a ``difficulty-N`` tag
and the sources are named in the general feedback after the explanation.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
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
from quiz.formats import moodle, moodle_cloze
from quiz.formats.bank_info import bank_info
from quiz.formats.exports.gift import question_meta
from quiz.formats.exports.losses import Exported, Loss, all_questions, bank_losses, question_loss, some_text
from quiz.formats.html import cloze_html, feedback_html, to_html
from quiz.formats.moodle import category_path

QUIZ_META = "quizmeta"
"""What Moodle has no field for, as JSON, for `quiz import` (Moodle ignores elements it does not know)."""
QUIZ_BANK = "quizbank"
"""The bank's own information, in the category question."""


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
        weights = [100.0 if c.text == question.answer else moodle.snap(c.credit * 100) for c in question.choices]
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
                _answer(element, 100, moodle.short_answer_text(text), html=False)
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


def _embedded_passage(question: ClozeQuestion) -> str:
    return "".join(to_html(part) if isinstance(part, str) else moodle_cloze.embedded(question.blanks[part])
                   for part in question.parts())


def question_element(bank: Bank, question: AnyQuestion) -> ET.Element:
    element = ET.Element("question", {"type": _moodle_type(question)})
    _text(element, "name", question.id, html=False)
    if isinstance(question, ClozeQuestion):
        holder = ET.SubElement(element, "questiontext", {"format": "html"})
        ET.SubElement(holder, "text").text = cloze_html(question.prompt, _embedded_passage(question))
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
    _simple(element, QUIZ_META, json.dumps(question_meta(question), ensure_ascii=True))
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
    _simple(element, QUIZ_BANK, json.dumps(bank_info(bank), ensure_ascii=True))
    return element


NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold, even as a character reference."""


def cannot_hold(question: AnyQuestion) -> bool:
    """Whether some text of the question holds a character XML 1.0 cannot."""
    return some_text(plain(question), lambda text: NOT_XML.search(text) is not None)


def xml_safe(document: str) -> str:
    """Carriage returns as references (a parser would read a raw one as a line feed), and what XML
    cannot hold as U+FFFD, so the file parses for any bank."""
    return NOT_XML.sub("\ufffd", document).replace("\r", "&#13;")


def _losses(question: AnyQuestion) -> list[Loss]:
    losses = []
    if question.lint is not None:
        losses.append(question_loss(question, "lint", "Moodle has no field for it", kept=True))
    if isinstance(question, OrderQuestion):
        losses.append(question_loss(question, "type", "order becomes a matching question of position -> item; "
                                    "partial credit for a nearly right order is lost"))
    if cannot_hold(question):
        losses.append(question_loss(question, "text", "control characters XML cannot hold became U+FFFD"))
    if moodle.credit_rounded(question):
        losses.append(question_loss(question, "credit", "partial credit rounded to the nearest Moodle grade"))
    return losses


def export_moodle_xml(banks: Sequence[Bank]) -> Exported:
    root = ET.Element("quiz")
    for bank in banks:
        root.append(_category(bank))
        root.extend(question_element(bank, question) for question in bank.questions)
    ET.indent(root)
    document = xml_safe(ET.tostring(root, encoding="unicode"))
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + document.encode() + b"\n"
    questions = all_questions(banks)
    losses = [loss for q in questions for loss in _losses(q)]
    losses += bank_losses(banks, "Moodle XML", carried=("description", "sources"))
    return Exported(data, tuple(losses), len(questions))
