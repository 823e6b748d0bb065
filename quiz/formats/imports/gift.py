"""Moodle GIFT text to quiz questions, as Moodle writes it and as teachers hand-write it.

Raw line breaks inside a question are layout and become spaces; ``\\n`` is a real line break.
Essay and description items have no quiz counterpart and are skipped with a note naming their line.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from quiz.bank.model import (
    AnyQuestion,
    Choice,
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Pair,
    ShortQuestion,
    SourceRef,
    TrueFalseQuestion,
)
from quiz.bank.text import PLACEHOLDER, slug
from quiz.formats.bank_info import BankInfo, merge_info, read_bank_info, read_refs
from quiz.formats.gift_syntax import find, positions, split, strip_format, to_plain, unescape
from quiz.formats.imports.context import FormatError, ImportContext, Imported

_ID = re.compile(r"\[id:([^\]]*)\]")
_TAG = re.compile(r"\[tag:([^\]]*)\]")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


@dataclass
class _Block:
    """Consecutive non-blank lines: comments apart, the rest joined with their line numbers."""

    comments: list[tuple[int, str]] = field(default_factory=list)
    lines: list[tuple[int, str]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return (self.lines or self.comments)[0][0]

    @property
    def text(self) -> str:
        return "\n".join(line for _, line in self.lines)

    def line_at(self, offset: int) -> int:
        """The file line of a character offset in :attr:`text`."""
        starts, position = [], 0
        for _, line in self.lines:
            starts.append(position)
            position += len(line) + 1
        return self.lines[max(0, bisect_right(starts, offset) - 1)][0]

    def open_braces(self) -> int:
        text = self.text
        return len(split(text, "{")) - len(split(text, "}"))


@dataclass(frozen=True)
class _Item:
    """One answer inside the braces: ``=`` or ``~``, an optional %weight%, text, optional #feedback."""

    mark: str
    weight: float | None
    text: str
    feedback: str

    @property
    def full_marks(self) -> bool:
        return self.weight is None or self.weight >= 100


def _blocks(text: str, ctx: ImportContext) -> list[_Block]:
    blocks: list[_Block] = []
    current = _Block()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            if current.lines and current.open_braces() > 0:
                ctx.note(number, "blank line inside a question's braces ignored (GIFT ends a question at a "
                                 "blank line)")
                continue
            if current.lines or current.comments:
                blocks.append(current)
            current = _Block()
        elif line.lstrip().startswith("//"):
            current.comments.append((number, line.lstrip()[2:].strip()))
        else:
            current.lines.append((number, line))
    if current.lines or current.comments:
        blocks.append(current)
    return blocks


def _plain(raw: str, default_format: str = "") -> tuple[str, str]:
    """(plain text, format found) for an escaped GIFT text field."""
    body, text_format = strip_format(raw.strip())
    unwrapped = re.sub(r"[ \t]*\n[ \t]*", " ", body)
    return to_plain(unescape(unwrapped).strip(), text_format or default_format), text_format or default_format


def _items(body: str, line: int, path: str) -> list[_Item]:
    marks = positions(body, "=~")
    if not marks or body[: marks[0]].strip():
        raise FormatError(path, line, "the answers must each start with = (right) or ~ (wrong)",
                          "write {=right ~wrong}, {T}, {#42} or {=left -> right ...}")
    items = []
    for start, end in zip(marks, [*marks[1:], len(body)], strict=True):
        chunk = body[start + 1:end]
        weight = None
        if match := _WEIGHT.match(chunk.lstrip()):
            weight = float(match.group(1))
            chunk = chunk.lstrip()[match.end():]
        text, _, feedback = _split_feedback(chunk)
        items.append(_Item(body[start], weight, text, feedback))
    return items


def _split_feedback(chunk: str) -> tuple[str, str, str]:
    index = find(chunk, "#")
    if index < 0:
        return chunk, "", ""
    return chunk[:index], "#", chunk[index + 1:]


@dataclass
class _Parts:
    """A question's pieces before they become a quiz question."""

    line: int
    title: str
    prompt: str
    explanation: str
    answers: str
    answers_line: int
    labels: dict[str, Any]


def _question(parts: _Parts, ctx: ImportContext) -> AnyQuestion | None:
    body = parts.answers.strip()
    if not body:
        ctx.note(parts.line, "essay question skipped: quiz has no free-text questions")
        return None
    if parts.explanation == PLACEHOLDER:
        ctx.note(parts.line, "no general feedback (####): explanation left as a TO DO placeholder")
    if body.startswith("#"):
        return _number(parts, body[1:], ctx)
    if find(body, "~") >= 0:
        return _choice(parts, _items(body, parts.answers_line, ctx.path), ctx)
    if find(body, "=") >= 0 and "->" in body:
        return _match(parts, _items(body, parts.answers_line, ctx.path), ctx)
    head, _, rest = _split_feedback(body)
    if head.strip().upper() in _TRUE_FALSE:
        if rest.strip():
            ctx.note(parts.line, "true/false feedback dropped: quiz shows the explanation instead")
        return TrueFalseQuestion(**_common(parts, ctx), answer=_TRUE_FALSE[head.strip().upper()])
    return _short(parts, _items(body, parts.answers_line, ctx.path), ctx)


def _common(parts: _Parts, ctx: ImportContext) -> dict[str, Any]:
    labels = parts.labels
    return {
        "id": ctx.new_id(parts.line, given=labels.get("id", ""), title=parts.title, prompt=parts.prompt),
        "prompt": parts.prompt,
        "explanation": parts.explanation,
        "source": labels.get("source") or ctx.source,
        "tags": labels.get("tags", ()),
        "difficulty": labels.get("difficulty"),
        "hint": labels.get("hint", ""),
    }


def _text(raw: str) -> str:
    return _plain(raw)[0]


def _choice(parts: _Parts, items: list[_Item], ctx: ImportContext) -> AnyQuestion:
    choices = tuple(Choice(text=_text(i.text), feedback=_text(i.feedback)) for i in items)
    equals = [c.text for c, i in zip(choices, items, strict=True) if i.mark == "="]
    positive = [c.text for c, i in zip(choices, items, strict=True) if i.mark == "~" and (i.weight or 0) > 0]
    if len(equals) == 1 and not positive:
        return ChoiceQuestion(**_common(parts, ctx), choices=choices, answer=equals[0])
    if len(equals) > 1:
        ctx.note(parts.line, "several = answers: Moodle gives full marks for any one of them, quiz imports a "
                             "multi question that asks for all of them")
    answers = equals + positive
    if not answers:
        raise FormatError(ctx.path, parts.answers_line, "no right answer: mark one with = or give it a "
                          "positive %weight%", "write {=right ~wrong} or {~%50%a ~%50%b ~%-100%c}")
    if len(answers) == 1 and not equals:
        return ChoiceQuestion(**_common(parts, ctx), choices=choices, answer=answers[0])
    weights = {i.weight for i in items if i.mark == "~" and (i.weight or 0) > 0}
    if len(weights) > 1:
        ctx.note(parts.line, "unequal %weights% dropped: quiz scores each right choice equally")
    return MultiQuestion(**_common(parts, ctx), choices=choices, answers=tuple(answers))


def _match(parts: _Parts, items: list[_Item], ctx: ImportContext) -> AnyQuestion:
    pairs = []
    for item in items:
        arrow = item.text.find("->")
        if item.mark != "=" or arrow < 0:
            raise FormatError(ctx.path, parts.answers_line, "Matching question answers are improperly "
                              "formatted", "write each pair as =left -> right")
        left, right = _text(item.text[:arrow]), _text(item.text[arrow + 2:])
        if not left:
            ctx.note(parts.line, f"extra matching answer {right!r} dropped: quiz has no distractors")
            continue
        pairs.append(Pair(left=left, right=right))
    if parts.labels.get("type") == "order" and [p.left for p in pairs] == [str(n) for n in
                                                                           range(1, len(pairs) + 1)]:
        return OrderQuestion(**_common(parts, ctx), items=tuple(p.right for p in pairs))
    return MatchQuestion(**_common(parts, ctx), pairs=tuple(pairs))


def _short(parts: _Parts, items: list[_Item], ctx: ImportContext) -> AnyQuestion:
    answers = []
    for item in items:
        if item.mark != "=" or not item.full_marks:
            ctx.note(parts.line, f"answer {_text(item.text)!r} dropped: quiz accepts an answer fully or not "
                                 "at all")
            continue
        if item.feedback.strip():
            ctx.note(parts.line, "per-answer feedback dropped: quiz short answers have none")
        answers.append(_text(item.text))
    if not answers:
        raise FormatError(ctx.path, parts.answers_line, "no accepted answer", "write {=answer =other spelling}")
    return ShortQuestion(**_common(parts, ctx), answers=tuple(answers))


def _value(raw: str, line: int, path: str) -> tuple[float, float]:
    text = unescape(raw).strip()
    try:
        if ".." in text:
            low, high = (float(x) for x in text.split("..", 1))
            return _tidy((low + high) / 2), _tidy((high - low) / 2)
        value, _, tolerance = text.partition(":")
        return _tidy(float(value)), _tidy(abs(float(tolerance))) if tolerance.strip() else 0
    except ValueError:
        raise FormatError(path, line, f"{text!r} is not a number, value:tolerance or min..max",
                          "write {#1999}, {#300000:1000} or {#1..6}") from None


def _tidy(value: float) -> float:
    return int(value) if value.is_integer() else value


def _number(parts: _Parts, body: str, ctx: ImportContext) -> AnyQuestion:
    if find(body, "=") >= 0:
        items = _items(body, parts.answers_line, ctx.path)
        best = next((i for i in items if i.full_marks), None)
        if best is None:
            raise FormatError(ctx.path, parts.answers_line, "No answers found for numerical question",
                              "give one answer without a weight or with %100%")
        dropped = len(items) - 1
        if dropped:
            ctx.note(parts.line, f"{dropped} other numerical answer(s) dropped: quiz has one right number")
        raw = best.text
    else:
        raw, _, feedback = _split_feedback(body)
        if feedback.strip():
            ctx.note(parts.line, "numerical answer feedback dropped")
    if not raw.strip():
        raise FormatError(ctx.path, parts.answers_line, "No answers found for numerical question",
                          "write {#42} or {#42:1}")
    answer, tolerance = _value(raw, parts.answers_line, ctx.path)
    return NumberQuestion(**_common(parts, ctx), answer=answer, tolerance=tolerance,
                          unit=str(parts.labels.get("unit", "")))


def _labels(block: _Block, info: BankInfo | None, category: str, ctx: ImportContext) -> dict[str, Any]:
    labels: dict[str, Any] = {}
    tags: list[str] = []
    meta: dict[str, Any] | None = None
    for number, comment in block.comments:
        if comment.startswith("quiz:"):
            meta = _json(comment[5:], number, ctx)
            continue
        if match := _ID.search(comment):
            labels["id"] = match.group(1).strip()
        tags.extend(slug(t) for t in _TAG.findall(comment) if slug(t))
    if meta is None and category:
        tags.append(category)
    elif meta is not None:
        labels.update(_meta(meta, info))
    labels["tags"] = tuple(dict.fromkeys(tags))
    return labels


def _meta(meta: dict[str, Any], info: BankInfo | None) -> dict[str, Any]:
    """What quiz's own export kept in a ``// quiz:`` comment; source references only if their sources
    came along in a ``// quiz-bank:`` comment."""
    labels: dict[str, Any] = {key: str(meta[key]) for key in ("hint", "unit", "type") if meta.get(key)}
    if meta.get("difficulty") in (1, 2, 3):
        labels["difficulty"] = meta["difficulty"]
    refs: tuple[SourceRef, ...] = read_refs(meta.get("source"))
    if info is not None and refs and all(ref.source in info.sources for ref in refs):
        labels["source"] = refs
    return labels


def _json(text: str, line: int, ctx: ImportContext) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except ValueError:
        ctx.note(line, "quiz comment could not be read and was ignored")
        return None
    return value if isinstance(value, dict) else None


def _parts(block: _Block, labels: dict[str, Any], ctx: ImportContext) -> _Parts | None:
    text = block.text
    title = ""
    rest_at = 0
    if text.lstrip().startswith("::"):
        start = text.index("::") + 2
        end = find(text, "::", start)
        if end < 0:
            raise FormatError(ctx.path, block.start, "the title has no closing ::", "write ::title::question")
        title = _text(text[start:end])
        rest_at = end + 2
    opening = find(text, "{", rest_at)
    if opening < 0:
        if find(text, "}", rest_at) >= 0:
            raise FormatError(ctx.path, block.start, "Could not find a {", "every } needs a { before it")
        ctx.note(block.start, "description (text without answers) skipped")
        return None
    closing = find(text, "}", opening + 1)
    if closing < 0:
        raise FormatError(ctx.path, block.line_at(opening), "Could not find a }",
                          "close the answers with } (write \\} for a literal brace)")
    stem, answers, tail = text[rest_at:opening], text[opening + 1:closing], text[closing + 1:]
    prompt, text_format = _plain(stem)
    if tail.strip():
        after = _plain(tail, text_format)[0]
        prompt = f"{prompt} _____{'' if after[:1] in tuple('.,;:!?') else ' '}{after}".strip()
        ctx.note(block.start, "missing-word question: the blank is shown as _____")
    if text_format in ("html", "markdown"):
        ctx.note(block.start, f"[{text_format}] text converted to plain text")
    prompt = prompt or title
    if not prompt:
        raise FormatError(ctx.path, block.start, "No valid question found", "write the question before {")
    general = find(answers, "####")
    explanation = _plain(answers[general + 4:], text_format)[0] if general >= 0 else ""
    return _Parts(
        line=block.start, title=title, prompt=prompt, explanation=explanation or PLACEHOLDER,
        answers=answers[:general] if general >= 0 else answers,
        answers_line=block.line_at(opening), labels=labels,
    )


def read_gift(text: str, ctx: ImportContext) -> Imported:
    """The questions of a GIFT file; raises FormatError, naming the line, on what cannot be read."""
    info: BankInfo | None = None
    banks: list[BankInfo] = []
    category = ""
    questions: list[AnyQuestion] = []
    lines: dict[str, int] = {}
    for block in _blocks(text.removeprefix("\ufeff"), ctx):
        for number, comment in block.comments:
            if comment.startswith("quiz-bank:"):
                data = _json(comment[10:], number, ctx)
                try:
                    info = read_bank_info(data) if data else info
                except (KeyError, TypeError):
                    ctx.note(number, "quiz-bank comment could not be read and was ignored")
                else:
                    banks.extend([info] if info else [])
        if block.lines and block.lines[0][1].lstrip().startswith("$CATEGORY:"):
            path = block.lines[0][1].split(":", 1)[1].strip()
            category = slug(path.replace("//", "\0").split("/")[-1].replace("\0", "/"))
            block.lines = block.lines[1:]
        if not block.lines:
            continue
        parts = _parts(block, _labels(block, info, category, ctx), ctx)
        if parts is not None and (question := _question(parts, ctx)) is not None:
            questions.append(question)
            lines[question.id] = parts.line
    if not questions:
        raise FormatError(ctx.path, 1, "No valid question found", "is this a GIFT file?")
    if len(banks) > 1:
        ctx.note(1, f"{len(banks)} banks merged into one: {', '.join(b.id for b in banks)}")
    return Imported(tuple(questions), tuple(ctx.notes), lines, merge_info(banks) if banks else None)
