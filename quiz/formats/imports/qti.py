"""Canvas's QTI 1.2 export (and text2qti's output) to quiz questions.

A zip may hold several quizzes: they make one bank, each quiz's title kept as a tag. Canvas names
each item's type in its metadata (``question_type``); the right answers are read from the response
processing, as Canvas scores them. Essay, file upload, text-only and calculated items are skipped with
a note; fill-in-multiple-blanks and multiple dropdowns become cloze questions. The zip is read within limits
(a zip bomb is refused) and its XML without expanding entities.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
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
from quiz.formats.bank_info import BankInfo, merge_info, question_meta, read_bank_info
from quiz.formats.exports.qti import QUIZ_BANK, QUIZ_META
from quiz.formats.html import cloze_passage_html, explanation_from_feedback, from_html
from quiz.formats.imports.context import FormatError, ImportContext, Imported
from quiz.formats.imports.control_characters import may_hold_controls
from quiz.formats.imports.safe_xml import parse_xml
from quiz.formats.rich_text import to_text

MAX_UNZIPPED = 256 * 1024 * 1024
"""The most a QTI zip may hold once unpacked; more is refused as a probable zip bomb."""
MAX_MEMBERS = 10000

_SKIPPED = {
    "essay_question": "essay question skipped: quiz has no free-text questions",
    "file_upload_question": "file upload question skipped: quiz cannot hold it",
    "text_only_question": "text-only item (no answers) skipped",
    "calculated_question": "calculated (formula) question skipped: quiz cannot hold it",
}


def _members(data: bytes, path: str) -> list[tuple[str, bytes]]:
    """The XML files of the package (or the one XML file given) with their names."""
    if not data.startswith(b"PK"):
        return [("", data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise FormatError(path, 1, f"not a readable zip: {error}", "export the quiz from Canvas again") from None
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNZIPPED:
        raise FormatError(path, 1, f"the zip would unpack to more than {MAX_UNZIPPED // 2**20} MiB or "
                          f"{MAX_MEMBERS} files", "is this a QTI export? Import its quizzes one zip at a time")
    names = _assessment_files(archive, path)
    return [(name, archive.read(name)) for name in names]


def _assessment_files(archive: zipfile.ZipFile, path: str) -> list[str]:
    """The manifest's QTI resources, or every XML file holding ``questestinterop`` if it has none."""
    names = set(archive.namelist())
    if "imsmanifest.xml" in names:
        root, _ = parse_xml(archive.read("imsmanifest.xml"), f"{path}/imsmanifest.xml")
        listed = [file.get("href", "") for resource in root.iter("resource")
                  if resource.get("type", "").startswith("imsqti_xmlv1p2") for file in resource.iter("file")]
        if listed and all(name in names for name in listed):
            return listed
    return sorted(n for n in names if n.endswith(".xml") and n != "imsmanifest.xml"
                  and not n.endswith("assessment_meta.xml") and b"questestinterop" in archive.read(n)[:4096])


def _below(node: ET.Element, tag: str) -> ET.Element | None:
    """The first element named ``tag`` under ``node``: ElementPath's ``.//tag``, walked in C."""
    found = node.iter(tag)
    first = next(found, None)
    return next(found, None) if first is node else first


def _fields(node: ET.Element | None) -> dict[str, str]:
    if node is None:
        return {}
    return {(f.findtext("fieldlabel") or "").strip(): (f.findtext("fieldentry") or "").strip()
            for f in node.iter("qtimetadatafield")}


@dataclass
class _Item:
    """One ``<item>`` and what reading it needs: quiz's own metadata (``ours`` when there is some), and
    its ``itemfeedback`` elements by ident (the first of each)."""

    element: ET.Element
    line: int
    path: str
    ctx: ImportContext
    meta: dict[str, Any]
    ours: bool = field(init=False)
    feedbacks: dict[str, ET.Element] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.ours = bool(self.meta)
        for node in self.element.iter("itemfeedback"):
            self.feedbacks.setdefault(node.get("ident", ""), node)

    def error(self, message: str, hint: str) -> FormatError:
        return FormatError(self.path, self.line, message, hint)

    def text(self, node: ET.Element | None) -> str:
        """The text of the first ``mattext`` under ``node``, read in its type."""
        mattext = _below(node, "mattext") if node is not None else None
        if mattext is None:
            return ""
        raw = mattext.text or ""
        html = mattext.get("texttype", "text/plain") == "text/html"
        if self.ours:
            return from_html(raw) if html else raw
        plain = to_text(raw, "html" if html else "plain")
        for medium in plain.media:
            self.ctx.note(self.line, f"{medium} left out: a bank holds text only")
        return plain.text

    def feedback(self, ident: str) -> str:
        node = self.feedbacks.get(ident)
        return self.text(node) if node is not None else ""


def _conditions(item: _Item) -> list[tuple[float, ET.Element]]:
    """(score set, condition) for every scoring response condition."""
    found = []
    for condition in item.element.iter("respcondition"):
        setvar = condition.find("setvar")
        if setvar is None:
            continue
        try:
            found.append((float(Decimal((setvar.text or "0").strip())), condition))
        except InvalidOperation:
            raise item.error(f"score {setvar.text!r} is not a number", "export the quiz again") from None
    return found


def _labels(lid: ET.Element, item: _Item) -> list[tuple[str, str]]:
    return [(label.get("ident", ""), item.text(label)) for label in lid.iter("response_label")]


def _right_ids(condition: ET.Element, *, exact: bool = False) -> list[str]:
    """The values a condition requires, leaving out those under ``<not>``; ``exact`` keeps a typed
    answer's own spacing (an answer id is stripped of the layout around it)."""
    negated = {id(v) for n in condition.iter("not") for v in n.iter("varequal")}
    values = [v.text or "" for v in condition.iter("varequal") if id(v) not in negated]
    return values if exact else [value.strip() for value in values]


def _choice(item: _Item, common: dict[str, Any], kind: str) -> AnyQuestion:
    lid = _below(item.element, "response_lid")
    if lid is None:
        raise item.error("a choice question without choices", "export the quiz again")
    labels = _labels(lid, item)
    texts = dict(labels)
    conditions = _conditions(item)
    full = [c for score, c in conditions if score >= 100]
    right = [texts[i] for c in full[:1] for i in _right_ids(c) if i in texts]
    if not right:
        raise item.error("no right answer in the item's scoring", "mark the right answer in Canvas and export again")
    if kind == "true_false_question":
        return TrueFalseQuestion(**common, answer=right[0].strip().lower() == "true")
    choices = tuple(Choice(text=text, feedback=item.feedback(f"{ident}_fb")) for ident, text in labels)
    if kind == "multiple_answers_question":
        return MultiQuestion(**common, choices=choices, answers=tuple(right))
    credit = {texts[i]: score / 100 for score, c in conditions if 0 < score < 100 for i in _right_ids(c)
              if i in texts}
    choices = tuple(Choice(text=c.text, feedback=c.feedback, credit=credit.get(c.text, 0)) for c in choices)
    return ChoiceQuestion(**common, choices=choices, answer=right[0])


def _short(item: _Item, common: dict[str, Any]) -> AnyQuestion:
    answers = [a for score, c in _conditions(item) if score >= 100 for a in _right_ids(c, exact=True) if a.strip()]
    if not answers:
        raise item.error("no accepted answer", "add an answer in Canvas and export again")
    return ShortQuestion(**common, answers=tuple(dict.fromkeys(answers)))


def _number(item: _Item, common: dict[str, Any]) -> AnyQuestion:
    full = [c for score, c in _conditions(item) if score >= 100]
    if not full:
        raise item.error("No answers found for numerical question", "add an answer in Canvas")
    condition = full[0]
    try:
        exact = _below(condition, "varequal")
        low, high = _below(condition, "vargte"), _below(condition, "vargt")
        top, top_open = _below(condition, "varlte"), _below(condition, "varlt")
        low, top = low if low is not None else high, top if top is not None else top_open
        if low is not None and top is not None:
            small, large = Decimal((low.text or "").strip()), Decimal((top.text or "").strip())
            middle = Decimal((exact.text or "").strip()) if exact is not None else (small + large) / 2
            value, margin = middle, max(large - middle, middle - small)
        elif exact is not None:
            value, margin = Decimal((exact.text or "").strip()), Decimal(0)
        else:
            raise InvalidOperation
        if not (value.is_finite() and margin.is_finite()):
            raise InvalidOperation
    except InvalidOperation:
        raise item.error("the numerical answer is not a number", "fix the answer in Canvas") from None
    return NumberQuestion(**common, answer=_plain(value), tolerance=_plain(margin), unit=str(item.meta.get("unit", "")))


def _plain(value: Decimal) -> float:
    number = float(value)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _match(item: _Item, common: dict[str, Any]) -> AnyQuestion:
    lids = list(item.element.iter("response_lid"))
    right_by_response: dict[str, str] = {}
    for _, condition in _conditions(item):
        for value in condition.iter("varequal"):
            right_by_response.setdefault(value.get("respident", ""), (value.text or "").strip())
    labelled = [_labels(lid, item) for lid in lids]
    pairs = []
    for lid, labels in zip(lids, map(dict, labelled), strict=True):
        right = labels.get(right_by_response.get(lid.get("ident", ""), ""), "")
        left = item.text(lid.find("material"))
        if not right:
            raise item.error(f"matching item {left!r} has no right answer", "pair every item in Canvas")
        pairs.append(Pair(left=left, right=right))
    distractors = {text for labels in labelled for _, text in labels} - {p.right for p in pairs}
    if distractors:
        item.ctx.note(item.line, f"{len(distractors)} extra matching answer(s) dropped: quiz has no distractors")
    if item.meta.get("type") == "order" and [p.left for p in pairs] == [str(n) for n in range(1, len(pairs) + 1)]:
        return OrderQuestion(**common, items=tuple(p.right for p in pairs))
    return MatchQuestion(**common, pairs=tuple(pairs))


def _kind(item: _Item, fields: dict[str, str]) -> str:
    kind = fields.get("question_type", "")
    if kind:
        return kind
    lids = list(item.element.iter("response_lid"))
    if len(lids) > 1:
        return "matching_question"
    if lids:
        return "multiple_answers_question" if lids[0].get("rcardinality") == "Multiple" else "multiple_choice_question"
    fib = _below(item.element, "render_fib")
    if fib is not None:
        return "numerical_question" if fib.get("fibtype") in ("Decimal", "Integer") else "short_answer_question"
    return "text_only_question"


def _common(item: _Item, info: BankInfo | None, quiz_tag: str) -> dict[str, Any]:
    ctx, meta = item.ctx, item.meta
    known = question_meta(meta, info)
    presentation = item.element.find("presentation")
    material = presentation.find("material") if presentation is not None else None
    prompt = item.text(material) or item.text(presentation)
    if not prompt:
        raise item.error("the question has no text", "write the question text in Canvas")
    if item.ours:
        node = item.feedbacks.get("general_fb")
        mattext = _below(node, "mattext") if node is not None else None
        general = explanation_from_feedback(mattext.text or "") if mattext is not None else ""
    else:
        general = item.feedback("general_fb")
    tags = [str(t) for t in meta.get("tags", [])] if item.ours else ([quiz_tag] if quiz_tag else [])
    return {
        "id": ctx.new_id(item.line, given=item.element.get("title", "") if item.ours else "",
                         title=item.element.get("title", ""), prompt=prompt),
        "prompt": prompt,
        "explanation": general or PLACEHOLDER,
        "source": known.get("source") or ctx.source,
        "tags": tuple(tags),
        "difficulty": known["difficulty"],
        "hint": known["hint"],
        "lint": known["lint"],
    }


def _cloze(item: _Item, common: dict[str, Any], dropdowns: bool) -> AnyQuestion:
    """Canvas's blanks, ``[name]`` in the text with one response per name, as a cloze passage."""
    mattext = item.element.find("presentation/material/mattext")
    raw = (mattext.text or "") if mattext is not None else ""
    prompt = str(item.meta.get("prompt") or "")
    raw = cloze_passage_html(raw, prompt)  # quiz's own export: the prompt came along in its metadata
    right: dict[str, list[str]] = {}
    for score, condition in _conditions(item):
        if score > 0:
            for value in condition.iter("varequal"):
                right.setdefault(value.get("respident", ""), []).append((value.text or "").strip())
    blanks: list[Blank] = []
    for lid in item.element.iter("response_lid"):
        name = (lid.findtext("material/mattext") or "").strip()
        texts = dict(_labels(lid, item))
        accepted = [texts[i] for i in right.get(lid.get("ident", ""), []) if i in texts]
        if not name or f"[{name}]" not in raw:
            raise item.error(f"blank {name!r} is not marked in the question text", "write it as [name] in the text")
        if not accepted:
            raise item.error(f"blank {name!r} has no right answer", "mark its answer in Canvas and export again")
        raw = raw.replace(f"[{name}]", f"{{{len(blanks) + 1}}}", 1)
        choices = tuple(texts.values()) if dropdowns else ()
        blanks.append(Blank(answers=tuple(dict.fromkeys(accepted if dropdowns else texts.values())), choices=choices))
    if not blanks:
        raise item.error("a fill-in-the-blanks question without blanks", "add a blank in Canvas and export again")
    passage = from_html(raw) if item.ours else to_text(raw, "html").text
    return ClozeQuestion(**{**common, "prompt": prompt or "Fill in the blanks."}, passage=passage.strip(),
                         blanks=tuple(blanks))


def _question(item: _Item, kind: str, common: dict[str, Any]) -> AnyQuestion:
    if kind in ("fill_in_multiple_blanks_question", "multiple_dropdowns_question"):
        return _cloze(item, common, dropdowns=kind == "multiple_dropdowns_question")
    if kind in ("multiple_choice_question", "true_false_question", "multiple_answers_question"):
        return _choice(item, common, kind)
    if kind == "short_answer_question":
        return _short(item, common)
    if kind == "numerical_question":
        return _number(item, common)
    return _match(item, common)


_READ = {"multiple_choice_question", "true_false_question", "multiple_answers_question", "short_answer_question",
         "numerical_question", "matching_question", "fill_in_multiple_blanks_question", "multiple_dropdowns_question"}


def _json(text: str, path: str, line: int) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise FormatError(path, line, "quiz metadata is not valid JSON", "remove the field or export again") from None
    return value if isinstance(value, dict) else {}


def read_qti(data: bytes, ctx: ImportContext) -> Imported:
    """The questions of a QTI zip (or a single QTI XML file); each malformed one reported with its line."""
    questions: list[AnyQuestion] = []
    lines: dict[str, int] = {}
    parts: dict[str, str] = {}
    banks: list[BankInfo] = []
    for name, member in _members(data, ctx.path):
        path = f"{ctx.path}/{name}" if name else ctx.path
        ctx.part = name
        if name:  # a member of a zip, whose compressed bytes say nothing of its text
            ctx.unpacked_may_hold_controls = bool(ctx.unpacked_may_hold_controls) or may_hold_controls(member)
        root, item_lines = parse_xml(member, path, record="item")
        for assessment in root.iter("assessment"):
            fields = _fields(assessment.find("qtimetadata"))
            info = None
            if fields.get(QUIZ_BANK):
                try:
                    info = read_bank_info(_json(fields[QUIZ_BANK], path, 1))
                except (KeyError, TypeError, AttributeError, ValueError):
                    ctx.error(FormatError(path, 1, "quiz bank metadata does not describe a bank", "remove it"))
                banks.extend([info] if info else [])
            quiz_tag = ctx.tag(assessment.get("title", ""), 1)
            for element in assessment.iter("item"):
                line = item_lines.get(element, 1)
                try:
                    item_fields = _fields(element.find("itemmetadata"))
                    meta = _json(item_fields[QUIZ_META], path, line) if item_fields.get(QUIZ_META) else {}
                    item = _Item(element, line, path, ctx, meta)
                    kind = _kind(item, item_fields)
                    if kind not in _READ:
                        ctx.note(line, _SKIPPED.get(kind, f"{kind} skipped: quiz cannot hold it"))
                        continue
                    question = _question(item, kind, _common(item, info, quiz_tag))
                except FormatError as error:
                    ctx.error(error)
                    continue
                questions.append(question)
                lines[question.id] = line
                parts[question.id] = name
    ctx.part = ""
    if not questions and not ctx.errors:
        ctx.no_questions("is this a Canvas QTI export?")
    return Imported(tuple(questions), tuple(ctx.notes), lines, merge_info(banks) if banks else None,
                    tuple(ctx.errors), ctx.error_count, parts)
