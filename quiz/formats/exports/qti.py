"""Banks to an IMS QTI 1.2 zip as Canvas Classic Quizzes imports it: one assessment per bank.

Layout and metadata follow Canvas's own exports (and text2qti): ``imsmanifest.xml``, then per bank
``<id>/<id>.xml`` (the items) and ``<id>/assessment_meta.xml`` (quiz settings). Canvas fails
silently on a bad package, so the tests parse every file the manifest names.
"""

from __future__ import annotations

import hashlib
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from typing import assert_never

from quiz.bank.answers import range_ends
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
from quiz.formats.bank_info import bank_info
from quiz.formats.exports.gift import question_meta
from quiz.formats.exports.losses import Exported, Loss, all_questions, bank_losses, question_loss
from quiz.formats.exports.moodle_xml import cannot_hold, xml_safe
from quiz.formats.html import cloze_html, feedback_html, to_html

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
QUIZ_META = "quiz_meta"
"""An item's metadata field for what Canvas has no field for (tags, sources, hint, ...), for `quiz import`."""
QUIZ_BANK = "quiz_bank"
"""The assessment's metadata field for the bank's own information."""



def canvas_type(question: AnyQuestion) -> str:
    """The ``question_type`` Canvas files the item under."""
    match question:
        case ChoiceQuestion():
            return "multiple_choice_question"
        case MultiQuestion():
            return "multiple_answers_question"
        case TrueFalseQuestion():
            return "true_false_question"
        case ShortQuestion():
            return "short_answer_question"
        case NumberQuestion():
            return "numerical_question"
        case MatchQuestion() | OrderQuestion():
            return "matching_question"
        case ClozeQuestion():
            dropdowns = all(blank.choices for blank in question.blanks)
            return "multiple_dropdowns_question" if dropdowns else "fill_in_multiple_blanks_question"
        case _:
            assert_never(question)


def ident(*parts: str) -> str:
    """A stable identifier Canvas accepts (letters and digits), so re-exports keep their ids."""
    return "g" + hashlib.sha256("\0".join(parts).encode()).hexdigest()[:31]


def _sub(parent: ET.Element, tag: str, attrs: dict[str, str] | None = None, text: str = "") -> ET.Element:
    element = ET.SubElement(parent, tag, attrs or {})
    if text:
        element.text = text
    return element


def _material(parent: ET.Element, html_text: str) -> None:
    _sub(_sub(parent, "material"), "mattext", {"texttype": "text/html"}, html_text)


def _metadata(item: ET.Element, question: AnyQuestion, answer_ids: Sequence[str]) -> None:
    fields = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    meta = json.dumps({**question_meta(question), "tags": list(question.tags)}, ensure_ascii=True)
    for label, entry in (("question_type", canvas_type(question)), ("points_possible", "1.0"),
                         ("original_answer_ids", ",".join(answer_ids)), (QUIZ_META, meta)):
        field = _sub(fields, "qtimetadatafield")
        _sub(field, "fieldlabel", text=label)
        _sub(field, "fieldentry", text=entry)


def _choice_list(presentation: ET.Element, response: str, labels: Sequence[tuple[str, str]],
                 cardinality: str = "Single", prompt: str = "") -> None:
    lid = _sub(presentation, "response_lid", {"ident": response, "rcardinality": cardinality})
    if prompt:
        _material(lid, prompt)
    render = _sub(lid, "render_choice")
    for label_id, text in labels:
        _material(_sub(render, "response_label", {"ident": label_id}), to_html(text))


def _condition(processing: ET.Element, score: str, *, action: str = "Set", stop: bool = True) -> ET.Element:
    condition = _sub(processing, "respcondition", {"continue": "No" if stop else "Yes"})
    holder = _sub(condition, "conditionvar")
    _sub(condition, "setvar", {"action": action, "varname": "SCORE"}, score)
    return holder


def _feedback_condition(processing: ET.Element, link: str, response: str = "", value: str = "") -> None:
    condition = _sub(processing, "respcondition", {"continue": "Yes"})
    holder = _sub(condition, "conditionvar")
    if value:
        _sub(holder, "varequal", {"respident": response}, value)
    else:
        _sub(holder, "other")
    _sub(condition, "displayfeedback", {"feedbacktype": "Response", "linkrefid": link})


def _choices(question: ChoiceQuestion | MultiQuestion | TrueFalseQuestion, presentation: ET.Element,
             processing: ET.Element, feedback: list[tuple[str, str]]) -> list[str]:
    if isinstance(question, TrueFalseQuestion):
        texts, right, notes = ["True", "False"], ["True" if question.answer else "False"], ["", ""]
    else:
        texts = [c.text for c in question.choices]
        notes = [c.feedback for c in question.choices]
        right = [question.answer] if isinstance(question, ChoiceQuestion) else list(question.answers)
    answer_ids = [ident(question.id, "choice", str(n)) for n in range(len(texts))]
    multiple = isinstance(question, MultiQuestion)
    _choice_list(presentation, "response1", list(zip(answer_ids, texts, strict=True)),
                 "Multiple" if multiple else "Single")
    for answer_id, note in zip(answer_ids, notes, strict=True):
        if note:
            _feedback_condition(processing, f"{answer_id}_fb", "response1", answer_id)
            feedback.append((f"{answer_id}_fb", to_html(note)))
    if isinstance(question, ChoiceQuestion):
        for answer_id, choice in zip(answer_ids, question.choices, strict=True):
            if choice.credit and choice.text != question.answer:
                credit = _condition(processing, number_text(round(choice.credit * 100, 4)))
                _sub(credit, "varequal", {"respident": "response1"}, answer_id)
    holder = _condition(processing, "100")
    if multiple:
        holder = _sub(holder, "and")
    for answer_id, text in zip(answer_ids, texts, strict=True):
        if text in right:
            _sub(holder, "varequal", {"respident": "response1"}, answer_id)
        elif multiple:
            _sub(_sub(holder, "not"), "varequal", {"respident": "response1"}, answer_id)
    return answer_ids


def _typed(presentation: ET.Element, decimal: bool) -> None:
    response = _sub(presentation, "response_str", {"ident": "response1", "rcardinality": "Single"})
    fib = _sub(response, "render_fib", {"fibtype": "Decimal"} if decimal else {})
    _sub(fib, "response_label", {"ident": "answer1", "rshuffle": "No"})


def _short(question: ShortQuestion, presentation: ET.Element, processing: ET.Element) -> None:
    _typed(presentation, decimal=False)
    holder = _condition(processing, "100")
    for text in question.answers:
        _sub(holder, "varequal", {"respident": "response1"}, text)


def _number(question: NumberQuestion, presentation: ET.Element, processing: ET.Element) -> None:
    _typed(presentation, decimal=True)
    either = _sub(_condition(processing, "100"), "or")
    _sub(either, "varequal", {"respident": "response1"}, number_text(question.answer))
    both = _sub(either, "and")
    low, high = range_ends(question.answer, question.tolerance)
    _sub(both, "vargte", {"respident": "response1"}, low)
    _sub(both, "varlte", {"respident": "response1"}, high)


def _pairs(question: MatchQuestion | OrderQuestion, presentation: ET.Element,
           processing: ET.Element) -> list[str]:
    pairs = ([(p.left, p.right) for p in question.pairs] if isinstance(question, MatchQuestion)
             else [(str(n), item) for n, item in enumerate(question.items, 1)])
    right_ids = [ident(question.id, "right", str(n)) for n in range(len(pairs))]
    labels = [(right_id, right) for right_id, (_, right) in zip(right_ids, pairs, strict=True)]
    share = number_text(round(100 / len(pairs), 2))
    for n, (left, _) in enumerate(pairs):
        response = f"response_{ident(question.id, 'left', str(n))}"
        _choice_list(presentation, response, labels, prompt=to_html(left))
        holder = _condition(processing, share, action="Add", stop=False)
        _sub(holder, "varequal", {"respident": response}, right_ids[n])
    return right_ids


def _blank_name(index: int) -> str:
    return f"blank{index + 1}"


def _prompt_html(question: AnyQuestion) -> str:
    """The prompt; a cloze adds its passage with each blank written ``[blank1]``, as Canvas marks them."""
    if not isinstance(question, ClozeQuestion):
        return to_html(question.prompt)
    passage = "".join(to_html(part) if isinstance(part, str) else f"[{_blank_name(part)}]"
                      for part in question.parts())
    return cloze_html(question.prompt, passage)


def _blanks(question: ClozeQuestion, presentation: ET.Element, processing: ET.Element) -> list[str]:
    """One response per blank: its accepted answers (Canvas's typed blanks) or its dropdown's choices."""
    dropdowns = all(blank.choices for blank in question.blanks)
    share = number_text(round(100 / len(question.blanks), 2))
    answer_ids: list[str] = []
    for index, blank in enumerate(question.blanks):
        texts = list(blank.choices) if dropdowns else list(blank.answers)
        ids = [ident(question.id, _blank_name(index), str(n)) for n in range(len(texts))]
        answer_ids += ids
        response = f"response_{_blank_name(index)}"
        _choice_list(presentation, response, list(zip(ids, texts, strict=True)), prompt=_blank_name(index))
        holder = _condition(processing, share, action="Add", stop=False)
        right = [answer_id for answer_id, text in zip(ids, texts, strict=True) if text in blank.answers]
        alternatives = _sub(holder, "or") if len(right) > 1 else holder
        for answer_id in right:
            _sub(alternatives, "varequal", {"respident": response}, answer_id)
    return answer_ids


def _item(bank: Bank, question: AnyQuestion) -> ET.Element:
    item = ET.Element("item", {"ident": ident(bank.id, question.id), "title": question.id})
    presentation = ET.Element("presentation")
    _material(presentation, _prompt_html(question))
    processing = ET.Element("resprocessing")
    decvar = {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"}
    _sub(_sub(processing, "outcomes"), "decvar", decvar)
    _feedback_condition(processing, "general_fb")
    feedback: list[tuple[str, str]] = [("general_fb", feedback_html(bank, question))]
    answer_ids: list[str] = []
    match question:
        case ChoiceQuestion() | MultiQuestion() | TrueFalseQuestion():
            answer_ids = _choices(question, presentation, processing, feedback)
        case ShortQuestion():
            _short(question, presentation, processing)
        case NumberQuestion():
            _number(question, presentation, processing)
        case MatchQuestion() | OrderQuestion():
            answer_ids = _pairs(question, presentation, processing)
        case ClozeQuestion():
            answer_ids = _blanks(question, presentation, processing)
        case _:
            assert_never(question)
    _metadata(item, question, answer_ids)
    item.append(presentation)
    item.append(processing)
    for link, text in feedback:
        _material(_sub(_sub(item, "itemfeedback", {"ident": link}), "flow_mat"), text)
    return item


def assessment_xml(bank: Bank, assessment_id: str) -> bytes:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    assessment = _sub(root, "assessment", {"ident": assessment_id, "title": bank.title})
    field = _sub(_sub(assessment, "qtimetadata"), "qtimetadatafield")
    _sub(field, "fieldlabel", text=QUIZ_BANK)
    _sub(field, "fieldentry", text=json.dumps(bank_info(bank), ensure_ascii=True))
    section = _sub(assessment, "section", {"ident": "root_section"})
    section.extend(_item(bank, question) for question in bank.questions)
    return _document(root)


def meta_xml(bank: Bank, assessment_id: str) -> bytes:
    root = ET.Element("quiz", {"identifier": assessment_id, "xmlns": CANVAS_NS})
    for tag, value in (("title", bank.title), ("description", to_html(bank.description)),
                       ("shuffle_answers", "true"), ("scoring_policy", "keep_highest"),
                       ("quiz_type", "practice_quiz"), ("points_possible", f"{len(bank.questions)}.0"),
                       ("show_correct_answers", "true"), ("allowed_attempts", "-1")):
        _sub(root, tag, text=value)
    return _document(root)


def manifest_xml(banks: Sequence[Bank]) -> bytes:
    root = ET.Element("manifest", {"identifier": ident("manifest", *(b.id for b in banks)), "xmlns": CP_NS})
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", text="IMS Content")
    _sub(metadata, "schemaversion", text="1.1.3")
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    for bank in banks:
        assessment_id = ident("assessment", bank.id)
        resource = _sub(resources, "resource", {"identifier": assessment_id, "type": "imsqti_xmlv1p2"})
        _sub(resource, "file", {"href": f"{assessment_id}/{assessment_id}.xml"})
        _sub(resource, "dependency", {"identifierref": f"{assessment_id}_meta"})
        meta = _sub(resources, "resource", {
            "identifier": f"{assessment_id}_meta", "href": f"{assessment_id}/assessment_meta.xml",
            "type": "associatedcontent/imscc_xmlv1p1/learning-application-resource"})
        _sub(meta, "file", {"href": f"{assessment_id}/assessment_meta.xml"})
    return _document(root)


def _document(root: ET.Element) -> bytes:
    ET.indent(root)
    document = xml_safe(ET.tostring(root, encoding="unicode"))
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + document.encode() + b"\n"


def _losses(question: AnyQuestion) -> list[Loss]:
    losses = []
    if question.hint:
        losses.append(question_loss(question, "hint", "Canvas quiz questions have no hint"))
    if question.tags:
        losses.append(question_loss(question, "tags", "Canvas quiz questions have no tags"))
    if question.difficulty is not None:
        losses.append(question_loss(question, "difficulty", "Canvas quiz questions have no difficulty"))
    if question.lint is not None:
        losses.append(question_loss(question, "lint", "Canvas has no field for it", kept=True))
    if isinstance(question, NumberQuestion) and question.unit:
        losses.append(question_loss(question, "unit", "Canvas numerical questions have no unit"))
    if cannot_hold(question):
        losses.append(question_loss(question, "text", "control characters XML cannot hold became U+FFFD"))
    if isinstance(question, OrderQuestion):
        losses.append(question_loss(question, "type", "order becomes a matching question of position -> "
                                    "item; partial credit for a nearly right order is lost"))
    if isinstance(question, ClozeQuestion) and any(b.choices for b in question.blanks) and not all(
            b.choices for b in question.blanks):
        losses.append(question_loss(question, "blanks", "Canvas cannot mix typed blanks and dropdowns in one "
                                    "question: the dropdowns become typed blanks"))
    return losses


def export_qti(banks: Sequence[Bank]) -> Exported:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest_xml(banks))
        archive.writestr("non_cc_assessments/", b"")
        for bank in banks:
            assessment_id = ident("assessment", bank.id)
            archive.writestr(f"{assessment_id}/{assessment_id}.xml", assessment_xml(bank, assessment_id))
            archive.writestr(f"{assessment_id}/assessment_meta.xml", meta_xml(bank, assessment_id))
    questions = all_questions(banks)
    losses = [loss for q in questions for loss in _losses(q)]
    losses += bank_losses(banks, "QTI", carried=("description", "sources"))
    return Exported(buffer.getvalue(), tuple(losses), len(questions))
