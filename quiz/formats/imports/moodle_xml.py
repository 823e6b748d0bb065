"""Moodle XML, what Moodle's question bank exports by default, to quiz questions.

Read as Moodle's ``question/format/xml/format.php`` reads it: categories become tags, the general
feedback the explanation, answers and feedback are read in their own text format. Types quiz cannot
hold (essay, description, calculated, drag and drop, ...) are skipped with a note naming each;
embedded answers (multianswer) become cloze questions.
The XML parser refuses entity declarations, so an XML bomb is an error, never expanded.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
from typing import Any

from quiz.bank.model import (
    AnyQuestion,
    Blank,
    Choice,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Pair,
    ShortQuestion,
    TrueFalseQuestion,
)
from quiz.bank.text import PLACEHOLDER
from quiz.formats import moodle, moodle_cloze
from quiz.formats.bank_info import BankInfo, merge_info, question_meta, read_bank_info
from quiz.formats.exports.moodle_xml import QUIZ_BANK, QUIZ_META
from quiz.formats.html import cloze_passage_html, explanation_from_feedback, from_html
from quiz.formats.imports.context import FormatError, ImportContext, Imported
from quiz.formats.imports.safe_xml import parse_xml
from quiz.formats.rich_text import to_text

_FORMATS = {"html": "html", "moodle_auto_format": "moodle", "plain_text": "plain", "markdown": "markdown"}
_SKIPPED = {
    "essay": "essay question skipped: quiz has no free-text questions",
    "description": "description (text without answers) skipped",
    "random": "random question placeholder skipped",
    "randomsamatch": "random short-answer matching question skipped",
}


class _Question:
    """One ``<question>`` element with what reading it needs: its line, the context, quiz's metadata."""

    def __init__(self, element: ET.Element, line: int, ctx: ImportContext, ours: bool) -> None:
        self.element, self.line, self.ctx, self.ours = element, line, ctx, ours

    def error(self, message: str, hint: str) -> FormatError:
        return FormatError(self.ctx.path, self.line, message, hint)

    def text(self, element: ET.Element | None, default: str = "html") -> str:
        """An element's ``<text>`` in its own format, as plain bank text."""
        if element is None:
            return ""
        node = element.find("text")
        raw = (node.text if node is not None else element.text) or ""
        if self.ours:
            return from_html(raw) if element.get("format", default) == "html" else raw
        plain = to_text(raw, _FORMATS.get(element.get("format", default), "html"))
        for medium in plain.media:
            self.ctx.note(self.line, f"{medium} left out: a bank holds text only")
        return plain.text

    def raw(self, tag: str) -> str:
        """The plain text of a child's ``<text>`` (or the child itself), untouched."""
        node = self.element.find(f"{tag}/text")
        node = node if node is not None else self.element.find(tag)
        return (node.text or "").strip() if node is not None else ""

    def note(self, message: str) -> None:
        self.ctx.note(self.line, message)


def _fraction(answer: ET.Element, question: _Question) -> float:
    text = answer.get("fraction", "0")
    try:
        percent = float(Decimal(text))
    except InvalidOperation:
        raise question.error(f"answer grade {text!r} is not a number", "write fraction=\"100\" or \"0\"") from None
    if not moodle.allowed(percent):
        raise question.error(f"answer grade {text}% is not one Moodle allows", moodle.GRADE_HINT)
    return percent / 100


def _common(question: _Question, info: BankInfo | None, category_tag: str) -> dict[str, Any]:
    element, ctx = question.element, question.ctx
    known = question_meta(_meta(question), info)
    prompt = question.text(element.find("questiontext"))
    general = element.find("generalfeedback")
    if question.ours and general is not None:
        explanation = explanation_from_feedback(general.findtext("text") or "")
    else:
        explanation = question.text(general)
    tags = [ctx.tag(t.text or "", question.line) for t in element.findall("tags/tag/text")]
    difficulty = next((int(t[-1]) for t in tags if re.fullmatch(r"difficulty-[123]", t)), None)
    tags = [t for t in tags if t and not re.fullmatch(r"difficulty-[123]", t)]
    if category_tag and not question.ours:
        tags.append(category_tag)
    if not prompt:
        raise question.error("the question has no text", "write the question text")
    return {
        "id": ctx.new_id(question.line, given=question.raw("idnumber"), title=question.raw("name"), prompt=prompt),
        "prompt": prompt,
        "explanation": explanation or PLACEHOLDER,
        "source": known.get("source") or ctx.source,
        "tags": tuple(dict.fromkeys(tags)),
        "difficulty": known["difficulty"] or difficulty,
        "hint": known["hint"] or question.text(element.find("hint")),
        "lint": known["lint"],
    }


def _meta(question: _Question) -> dict[str, Any]:
    node = question.element.find(QUIZ_META)
    if node is None or not node.text:
        return {}
    try:
        value = json.loads(node.text)
    except (ValueError, RecursionError):
        raise question.error("the quizmeta element is not valid JSON", "remove it or fix its JSON") from None
    return value if isinstance(value, dict) else {}


def _choices(question: _Question, common: dict[str, Any]) -> AnyQuestion:
    answers = question.element.findall("answer")
    default = "html"
    read = [(_fraction(a, question), question.text(a, default), question.text(a.find("feedback"))) for a in answers]
    read = [(fraction, text, feedback) for fraction, text, feedback in read if text]
    if len(read) < 2:
        raise question.error("a multiple-choice question needs at least two answers", "add the answers")
    if question.raw("shuffleanswers").strip().lower() in ("0", "false"):
        question.note("answers in a fixed order: quiz shuffles a question's choices, so their order is not kept")
    single = question.raw("single").lower() not in ("false", "0")
    if single:
        best = max(read, key=lambda r: r[0])
        if best[0] < 1:
            raise question.error("no answer gets full marks", "give the right answer fraction=\"100\"")
        if any(f < 0 for f, _, _ in read):
            question.note("negative grades dropped: a wrong choice in quiz scores 0")
        choices = tuple(Choice(text=t, feedback=fb, credit=0 if (f, t, fb) == best else max(0.0, f))
                        for f, t, fb in read)
        return ChoiceQuestion(**common, choices=choices, answer=best[1])
    right = [t for f, t, _ in read if f > 0]
    if not right:
        raise question.error("no right answer: give one a positive grade", "set fraction=\"100\" on it")
    if len({round(f, 4) for f, _, _ in read if f > 0}) > 1:
        question.note("unequal grades dropped: quiz scores each right choice equally")
    return MultiQuestion(**common, choices=tuple(Choice(text=t, feedback=fb) for _, t, fb in read),
                         answers=tuple(right))


def _true_false(question: _Question, common: dict[str, Any]) -> AnyQuestion:
    answers = question.element.findall("answer")
    right = [a for a in answers if _fraction(a, question) >= 1]
    if len(right) != 1:
        raise question.error("a true/false question needs one answer with full marks", "set fraction=\"100\"")
    if any(question.text(a.find("feedback")) for a in answers):
        question.note("true/false feedback dropped: quiz shows the explanation instead")
    return TrueFalseQuestion(**common, answer=(right[0].findtext("text") or "").strip().lower() == "true")


def _short(question: _Question, common: dict[str, Any]) -> AnyQuestion:
    accepted = []
    for answer in question.element.findall("answer"):
        text = (answer.findtext("text") or "").strip()
        if _fraction(answer, question) < 1 or text == "*":
            question.note(f"answer {text!r} dropped: quiz accepts an answer fully or not at all")
            continue
        literal = moodle.short_answer_read(text)
        if literal is None:
            question.note(f"answer {text!r} dropped: {moodle.WILDCARD_LOSS}")
            continue
        text = literal
        if question.text(answer.find("feedback")):
            question.note("per-answer feedback dropped: quiz short answers have none")
        if text:
            accepted.append(text)
    if question.raw("usecase") == "1":
        question.note("case-sensitive answers become case-insensitive: quiz ignores case")
    if not accepted:
        raise question.error("no accepted answer", "give an answer fraction=\"100\"")
    return ShortQuestion(**common, answers=tuple(accepted))


def _number(question: _Question, common: dict[str, Any]) -> AnyQuestion:
    answers = question.element.findall("answer")
    best = next((a for a in answers if _fraction(a, question) >= 1 and (a.findtext("text") or "").strip() != "*"), None)
    if best is None:
        raise question.error("No answers found for numerical question", "give an answer fraction=\"100\"")
    if len(answers) > 1:
        question.note(f"{len(answers) - 1} other numerical answer(s) dropped: quiz has one right number")
    text, tolerance = (best.findtext("text") or "").strip(), (best.findtext("tolerance") or "0").strip()
    try:
        value, margin = Decimal(text), abs(Decimal(tolerance or "0"))
        if not (value.is_finite() and margin.is_finite()):
            raise InvalidOperation
    except InvalidOperation:
        raise question.error(f"{text!r} (tolerance {tolerance!r}) is not a number",
                             "write the answer and its tolerance as numbers") from None
    units = [u for u in question.element.findall("units/unit") if (u.findtext("multiplier") or "1").strip() in
             ("1", "1.0")]
    unit = (units[0].findtext("unit_name") or "").strip() if units else ""
    if len(question.element.findall("units/unit")) > len(units[:1]):
        question.note("other units dropped: quiz shows one unit")
    return NumberQuestion(**common, answer=_plain_number(value), tolerance=_plain_number(margin), unit=unit)


def _plain_number(value: Decimal) -> float:
    number = float(value)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _match(question: _Question, common: dict[str, Any], order: bool) -> AnyQuestion:
    pairs = []
    for sub in question.element.findall("subquestion"):
        left = question.text(sub)
        right = (sub.findtext("answer/text") or "").strip()
        if not left:
            question.note(f"extra matching answer {right!r} dropped: quiz has no distractors")
            continue
        pairs.append(Pair(left=left, right=right))
    if order and [p.left for p in pairs] == [str(n) for n in range(1, len(pairs) + 1)]:
        return OrderQuestion(**common, items=tuple(p.right for p in pairs))
    return MatchQuestion(**common, pairs=tuple(pairs))


def _cloze(question: _Question, common: dict[str, Any]) -> AnyQuestion:
    """Embedded answers: each blank becomes ``{n}`` in the passage and an entry of ``blanks``."""
    node = question.element.find("questiontext")
    raw = (node.findtext("text") if node is not None else "") or ""
    prompt = str(_meta(question).get("prompt") or "")
    raw = cloze_passage_html(raw, prompt)  # quiz's own export: the prompt came along in its metadata
    blanks: list[Blank] = []

    def placed(found: re.Match[str]) -> str:
        read = moodle_cloze.read(found.group(2), found.group(3))
        if read.blank is None:
            raise question.error(f"blank {len(blanks) + 1}: {read.dropped[0]}, which quiz cannot hold",
                                 "make it a short-answer or a multiple-choice blank")
        blanks.append(read.blank)
        for what in read.dropped:
            question.note(f"blank {len(blanks)}: {what} left out")
        return f"{{{len(blanks)}}}"

    marked = moodle_cloze.EMBEDDED.sub(placed, raw)
    if not blanks:
        raise question.error("an embedded-answers question without blanks", "add a blank like {1:SHORTANSWER:=answer}")
    if question.ours:
        passage = from_html(marked)
    else:
        plain = to_text(marked, _FORMATS.get(node.get("format", "html") if node is not None else "html", "html"))
        for medium in plain.media:
            question.note(f"{medium} left out: a bank holds text only")
        passage = plain.text
    return ClozeQuestion(**{**common, "prompt": prompt or "Fill in the blanks."}, passage=passage.strip(),
                         blanks=tuple(blanks))


def _ordering(question: _Question, common: dict[str, Any]) -> AnyQuestion:
    items = [question.text(a) for a in question.element.findall("answer")]
    return OrderQuestion(**common, items=tuple(i for i in items if i))


def _read(question: _Question, kind: str, common: dict[str, Any]) -> AnyQuestion:
    if kind == "multichoice":
        return _choices(question, common)
    if kind == "truefalse":
        return _true_false(question, common)
    if kind == "shortanswer":
        return _short(question, common)
    if kind == "numerical":
        return _number(question, common)
    if kind == "matching":
        return _match(question, common, order=_meta(question).get("type") == "order")
    if kind in ("multianswer", "cloze"):
        return _cloze(question, common)
    return _ordering(question, common)


_TYPES = ("multichoice", "truefalse", "shortanswer", "numerical", "matching", "ordering", "multianswer", "cloze")


def _category_tag(element: ET.Element, line: int, ctx: ImportContext) -> str:
    return ctx.category_tag(element.findtext("category/text") or element.findtext("category") or "", line)


def _bank(element: ET.Element, line: int, ctx: ImportContext) -> BankInfo | None:
    node = element.find(QUIZ_BANK)
    if node is None or not node.text:
        return None
    try:
        return read_bank_info(json.loads(node.text))
    except (ValueError, RecursionError, KeyError, TypeError, AttributeError):
        raise FormatError(ctx.path, line, "the quizbank element does not describe a bank",
                          "remove it (quiz export writes it)") from None


def read_moodle_xml(data: bytes, ctx: ImportContext) -> Imported:
    """The questions of a Moodle XML file; each malformed one is reported with its line."""
    root, lines = parse_xml(data, ctx.path)
    if root.tag != "quiz":
        raise FormatError(ctx.path, 1, f"the document is <{root.tag}>, not Moodle's <quiz>",
                          "export the questions from Moodle's question bank as Moodle XML")
    questions: list[AnyQuestion] = []
    found: dict[str, int] = {}
    banks: list[BankInfo] = []
    info: BankInfo | None = None
    category = ""
    for element in root.findall("question"):
        line, kind = lines.get(element, 1), element.get("type", "")
        try:
            if kind == "category":
                category = _category_tag(element, line, ctx)
                info = _bank(element, line, ctx) or info
                banks.extend([info] if element.find(QUIZ_BANK) is not None and info else [])
                continue
            if kind not in _TYPES:
                ctx.note(line, _SKIPPED.get(kind, f"{kind or 'untyped'} question skipped: quiz cannot hold it"))
                continue
            question = _Question(element, line, ctx, ours=element.find(QUIZ_META) is not None)
            made = _read(question, kind, _common(question, info, category))
        except FormatError as error:
            ctx.error(error)
            continue
        questions.append(made)
        found[made.id] = line
    if not questions and not ctx.errors:
        ctx.no_questions("is this a Moodle XML export?")
    return Imported(tuple(questions), tuple(ctx.notes), found, merge_info(banks) if banks else None,
                    tuple(ctx.errors), ctx.error_count)
