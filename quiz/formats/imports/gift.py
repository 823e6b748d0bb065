"""Moodle GIFT text to quiz questions, read as Moodle's ``question/format/gift/format.php`` reads it.

A question ends at a blank line, at a ``$CATEGORY:`` line, or where a second question starts right
after a closed ``{...}``; an unclosed ``{`` is an error at its line and never swallows the next
question. Raw line breaks inside a question are layout and become spaces; ``\\n`` is a real line break.
Text is in the question's format (Moodle's own by default, HTML-like), answers and feedback too.
Essay and description items have no quiz counterpart and are skipped with a note naming their line.
"""

from __future__ import annotations

import json
import re
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
from quiz.formats import moodle
from quiz.formats.bank_info import BankInfo, merge_info, question_meta, read_bank_info
from quiz.formats.gift_syntax import find, split, strip_format, unescape
from quiz.formats.imports.context import FormatError, ImportContext, Imported
from quiz.formats.rich_text import to_text

_ID = re.compile(r"\[id:([^\]]*)\]")
_TAG = re.compile(r"\[tag:([^\]]*)\]")
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
"""Moodle's ``$giftanswerweightregex``: what counts as a %weight% before an answer."""
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_MAX_COMMENT = 65536
"""A ``// quiz:`` comment longer than this is not one quiz wrote: refused with its line."""


@dataclass(slots=True)
class _Block:
    """One question's lines (comments apart), the number of its first line, and where its ``{`` opened."""

    comments: list[tuple[int, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    first_line: int = 0
    category: tuple[int, str] | None = None
    opened_at: int = 0
    """The line of a ``{`` not closed yet (0 when none is open)."""
    brace_line: int = 0
    closed: bool = False
    blank_noted: bool = False
    broken: bool = False
    """A ``{`` opened inside the answers: reported once, the rest of the question is left out."""

    @property
    def start(self) -> int:
        return self.first_line if self.lines else self.comments[0][0]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


_LAYOUT = re.compile(r"[ \t]*\n[ \t]*")
"""A raw line break inside a question, with the spaces around it: layout, read as one space."""
_BRACE = re.compile(r"\\.|[{}]", re.DOTALL)
_BARE_BRACE = re.compile(r"[{}]")
_UNCLOSED = "Could not find a }", "close the answers with } (write \\} for a literal brace)"
_STARTS_QUESTION = ("::", "$CATEGORY:")


def _braces(line: str) -> list[str]:
    """The unescaped braces of a line, in order."""
    if "\\" not in line:
        return _BARE_BRACE.findall(line)
    return [found for found in _BRACE.findall(line) if found in ("{", "}")]


def _blocks(text: str, ctx: ImportContext) -> list[_Block]:
    """Cut GIFT text into question blocks in one pass over its lines. A block ends at a blank line, at a
    ``$CATEGORY:`` line, or where a question starts after a closed ``{...}``; inside open braces blank and
    comment lines are skipped, and a line that starts a question or a new ``{`` reports the open one as
    never closed and starts the next block. One loop with no call for an ordinary line, since a hostile
    file runs it millions of times (tests/benchmarks/bench_hostile.py)."""
    blocks: list[_Block] = []
    category: tuple[int, str] | None = None
    block = _Block()
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if block.broken:  # the rest of a question cut at a nested brace, up to its end
            if stripped and not stripped.startswith(_STARTS_QUESTION):
                continue
            block = _Block()
        braces = _braces(line) if "{" in line or "}" in line else []
        if block.opened_at:
            if not stripped:
                if not block.blank_noted:
                    block.blank_noted = True
                    ctx.note(number, "blank line(s) inside a question's braces ignored (GIFT ends a "
                                     "question at a blank line)")
                continue
            if stripped.startswith("//"):
                continue
            if stripped.startswith(_STARTS_QUESTION) or braces[:1] == ["{"]:
                ctx.error_at(block.opened_at, *_UNCLOSED)
                block = _Block()  # and this line starts the next block, read on below as any first line
        if block.opened_at:
            pass  # an ordinary line inside the braces
        elif not stripped:
            block = _flushed(block, category, blocks)
            continue
        elif stripped.startswith("//"):
            if block.closed:
                block = _flushed(block, category, blocks)
            if not block.lines:
                block.comments.append((number, stripped[2:].strip()))
            continue
        elif stripped.startswith("$CATEGORY:"):
            block = _flushed(block, category, blocks)
            category = (number, stripped[len("$CATEGORY:"):].strip())
            continue
        elif block.closed and ("{" in braces or stripped.startswith("::")):
            block = _flushed(block, category, blocks)
        if braces:
            _open_and_close(block, braces, number, ctx)
        if not block.broken:
            if not block.lines:
                block.first_line = number
            block.lines.append(line)
    if block.opened_at:
        ctx.error_at(block.opened_at, *_UNCLOSED)
    else:
        _flushed(block, category, blocks)
    return blocks


def _open_and_close(block: _Block, braces: list[str], number: int, ctx: ImportContext) -> None:
    """Open and close the block's answers at a line's braces; a second ``{`` on the line that opened the
    first is an error, and the rest of the question is left out (Moodle would cut it at the wrong brace)."""
    for brace in braces:
        if brace == "}":
            if block.opened_at:
                block.opened_at, block.closed = 0, True
        elif block.opened_at:
            ctx.error_at(number, "a { inside a question's answers",
                         "write \\{ for a literal brace, or close the answers with } first")
            block.broken, block.opened_at = True, 0
            return
        else:
            block.opened_at = block.brace_line = number


def _flushed(block: _Block, category: tuple[int, str] | None, blocks: list[_Block]) -> _Block:
    """A new block, after keeping ``block`` (in ``category``) if it holds anything and was not cut short."""
    if not (block.lines or block.comments or block.broken):
        return block  # nothing in it to keep
    if not block.broken:
        block.category = category
        blocks.append(block)
    return _Block()


def _field(raw: str, default_format: str, line: int, ctx: ImportContext) -> str:
    """One escaped GIFT text field as plain text, read in its own [format] or the question's."""
    body, text_format = strip_format(raw.strip())
    unwrapped = _LAYOUT.sub(" ", body) if "\n" in body else body
    plain = to_text(unescape(unwrapped).strip(), text_format or default_format)
    for medium in plain.media:
        ctx.note(line, f"{medium} left out: a bank holds text only")
    return plain.text


@dataclass(frozen=True)
class _Answer:
    """One answer of a choice question with Moodle's fraction (1 for ``=``), text and feedback."""

    fraction: float
    text: str
    feedback: str


@dataclass
class _Parts:
    """A question's pieces before they become a quiz question."""

    line: int
    title: str
    prompt: str
    explanation: str
    answers: str
    answers_line: int
    text_format: str
    labels: dict[str, Any]
    missing_word: tuple[str, str] | None = None
    """The text before and after the braces of a missing-word question, which becomes a cloze."""

    def error(self, ctx: ImportContext, message: str, hint: str) -> FormatError:
        return FormatError(ctx.path, self.answers_line, message, hint)

    def text(self, raw: str, ctx: ImportContext) -> str:
        return _field(raw, self.text_format, self.line, ctx)


def _pieces(text: str, mark: str) -> list[str]:
    """Moodle's ``explode`` of the answers, dropping an empty first piece."""
    pieces = split(text, mark)
    if pieces and not pieces[0].strip():
        pieces = pieces[1:]
    return pieces


def _weight(piece: str, parts: _Parts, ctx: ImportContext) -> tuple[float | None, str]:
    """(fraction, rest) when the piece starts with a %weight%, else (None, piece); a weight that is not
    one of Moodle's grades is an error, as Moodle's import refuses it."""
    match = _WEIGHT.match(piece)
    if match is None:
        return None, piece
    value = piece[1:].split("%", 1)[0]
    try:
        percent = float(value)
    except ValueError:  # %--50%: Moodle's pattern takes any number of minus signs, but no number has two
        raise parts.error(ctx, f"answer weight %{value}% is not a number", moodle.GRADE_HINT) from None
    if not moodle.allowed(percent):
        raise parts.error(ctx, f"answer weight %{value}% is not one Moodle allows", moodle.GRADE_HINT)
    return percent / 100, piece[match.end():]


def _comment(piece: str) -> tuple[str, str]:
    index = find(piece, "#")
    return (piece, "") if index < 0 else (piece[:index], piece[index + 1:])


def _question(parts: _Parts, ctx: ImportContext) -> AnyQuestion | None:
    body = parts.answers.strip()
    if not body:
        ctx.note(parts.line, "essay question skipped: quiz has no free-text questions")
        return None
    if body.startswith("#"):
        return _number(parts, body[1:], ctx)
    if find(body, "~") >= 0:
        return _choice(parts, body, ctx)
    if find(body, "=") >= 0 and "->" in body:
        return _match(parts, body, ctx)
    head, rest = _comment(body)
    if head.strip() in _TRUE_FALSE:
        if rest.strip():
            ctx.note(parts.line, "true/false feedback dropped: quiz shows the explanation instead")
        return TrueFalseQuestion(**_common(parts, ctx), answer=_TRUE_FALSE[head.strip()])
    return _short(parts, body, ctx)


def _as_cloze(parts: _Parts, question: AnyQuestion | None, ctx: ImportContext) -> AnyQuestion | None:
    """A missing-word question (text after the braces) as a cloze of one blank, when its answer is
    typed or picked; other types keep the blank in their prompt as _____."""
    if parts.missing_word is None or question is None:
        return question
    before, after = parts.missing_word
    gap = "" if after[:1] in tuple(".,;:!?") else " "
    passage = f"{before}{' ' if before else ''}{{1}}{gap}{after}".strip()
    match question:
        case ShortQuestion():
            blank = Blank(answers=question.answers)
        case ChoiceQuestion():
            if any(c.feedback or c.credit for c in question.choices):
                ctx.note(parts.line, "per-choice feedback and partial credit dropped: a cloze blank has none")
            blank = Blank(answers=(question.answer,), choices=tuple(c.text for c in question.choices))
        case _:
            ctx.note(parts.line, "missing-word question: the blank is shown as _____")
            return question
    return ClozeQuestion(id=question.id, prompt=parts.labels.get("prompt") or "Fill in the blank.",
                         explanation=question.explanation, source=question.source, tags=question.tags,
                         difficulty=question.difficulty, hint=question.hint, passage=passage, blanks=(blank,))


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
        "lint": labels.get("lint"),
    }


def _choice_answers(parts: _Parts, body: str, ctx: ImportContext) -> list[_Answer]:
    """Moodle: ``=`` becomes ``~=``, the text is cut at ``~``, ``=`` is full marks, else a %weight%."""
    pieces = _pieces("~=".join(split(body, "=")), "~")
    if len(pieces) < 2:
        raise parts.error(ctx, "a choice question needs at least two answers", "write {=right ~wrong}")
    answers = []
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        fraction, rest = (1.0, piece[1:]) if piece.startswith("=") else _weight(piece, parts, ctx)
        text, feedback = _comment(rest)
        answers.append(_Answer(fraction or 0.0, parts.text(text, ctx), parts.text(feedback, ctx)))
    return answers


def _choice(parts: _Parts, body: str, ctx: ImportContext) -> AnyQuestion:
    answers = _choice_answers(parts, body, ctx)
    if find(body, "=") >= 0:
        return _single(parts, answers, ctx)
    right = [a for a in answers if a.fraction > 0]
    if not right:
        raise parts.error(ctx, "no right answer: mark one with = or give it a positive %weight%",
                          "write {=right ~wrong} or {~%50%a ~%50%b ~%-100%c}")
    if len({a.fraction for a in right}) > 1:
        ctx.note(parts.line, "unequal %weights% dropped: quiz scores each right choice equally")
    choices = tuple(Choice(text=a.text, feedback=a.feedback) for a in answers)
    return MultiQuestion(**_common(parts, ctx), choices=choices, answers=tuple(a.text for a in right))


def _single(parts: _Parts, answers: list[_Answer], ctx: ImportContext) -> AnyQuestion:
    """A question with an ``=`` answer: one answer counts, others may carry partial credit."""
    best = max(answers, key=lambda a: a.fraction)
    if best.fraction < 1:
        raise parts.error(ctx, "no answer gets full marks", "mark the right answer with =")
    if any(a.fraction < 0 for a in answers):
        ctx.note(parts.line, "negative %weights% dropped: a wrong choice in quiz scores 0")
    choices = tuple(Choice(text=a.text, feedback=a.feedback,
                           credit=0 if a is best else max(0.0, min(1.0, a.fraction))) for a in answers)
    return ChoiceQuestion(**_common(parts, ctx), choices=choices, answer=best.text)


def _match(parts: _Parts, body: str, ctx: ImportContext) -> AnyQuestion:
    pieces = _pieces(body, "=")
    if len(pieces) < 2:
        raise parts.error(ctx, "a matching question needs at least two pairs", "write {=a -> 1 =b -> 2 =c -> 3}")
    pairs = []
    for piece in pieces:
        arrow = piece.find("->")
        if arrow < 0:
            raise parts.error(ctx, "Matching question answers are improperly formatted",
                              "write each pair as =left -> right")
        left = parts.text(piece[:arrow], ctx)
        right = _field("[plain]" + piece[arrow + 2:].strip(), "plain", parts.line, ctx)
        if not left:
            ctx.note(parts.line, f"extra matching answer {right!r} dropped: quiz has no distractors")
            continue
        pairs.append(Pair(left=left, right=right))
    if parts.labels.get("type") == "order" and [p.left for p in pairs] == [str(n) for n in
                                                                           range(1, len(pairs) + 1)]:
        return OrderQuestion(**_common(parts, ctx), items=tuple(p.right for p in pairs))
    return MatchQuestion(**_common(parts, ctx), pairs=tuple(pairs))


def _short(parts: _Parts, body: str, ctx: ImportContext) -> AnyQuestion:
    answers = []
    for piece in _pieces(body, "="):
        weight, rest = _weight(piece.strip(), parts, ctx)
        text, feedback = _comment(rest)
        plain = parts.text(text, ctx)
        if weight is not None and weight < 1:
            ctx.note(parts.line, f"answer {plain!r} dropped: quiz accepts an answer fully or not at all")
            continue
        literal = moodle.short_answer_read(plain)
        if literal is None:
            ctx.note(parts.line, f"answer {plain!r} dropped: {moodle.WILDCARD_LOSS}")
            continue
        plain = literal
        if feedback.strip():
            ctx.note(parts.line, "per-answer feedback dropped: quiz short answers have none")
        if plain:
            answers.append(plain)
    if not answers:
        raise parts.error(ctx, "no accepted answer", "write {=answer =other spelling}")
    return ShortQuestion(**_common(parts, ctx), answers=tuple(answers))


def _decimal(text: str) -> Decimal:
    value = Decimal(text.strip())
    if not value.is_finite():
        raise InvalidOperation
    return value


def _value(raw: str, parts: _Parts, ctx: ImportContext) -> tuple[float, float]:
    """value, value:tolerance or min..max, kept as written: 3.141..3.142 is 3.1415 +- 0.0005."""
    text = unescape(raw).strip()
    try:
        if text.find("..") > 0:
            low, high = (_decimal(x) for x in text.split("..", 1))
            middle = (low + high) / 2
            return _number_of(middle), _number_of(abs(high - middle))
        value, _, tolerance = text.partition(":")
        return _number_of(_decimal(value)), _number_of(abs(_decimal(tolerance))) if tolerance.strip() else 0
    except (InvalidOperation, ValueError):
        raise parts.error(ctx, f"{text!r} is not a number, value:tolerance or min..max",
                          "write {#1999}, {#300000:1000} or {#1..6}") from None


def _number_of(value: Decimal) -> float:
    number = float(value)
    if abs(number) == float("inf"):
        raise ValueError(value)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _number(parts: _Parts, body: str, ctx: ImportContext) -> AnyQuestion:
    wrong = find(body, "~")
    if wrong >= 0:
        ctx.note(parts.line, "wrong-answer feedback (~#...) dropped: quiz shows the explanation instead")
        body = body[:wrong]
    pieces = [p for p in _pieces(body, "=") if p.strip()]
    if not pieces:
        raise parts.error(ctx, "No answers found for numerical question", "write {#42} or {#42:1}")
    best = None
    for piece in pieces:
        weight, rest = _weight(piece.strip(), parts, ctx)
        if best is None and (weight is None or weight >= 1):
            best = rest
    if best is None:
        raise parts.error(ctx, "No answers found for numerical question",
                          "give one answer without a weight or with %100%")
    if len(pieces) > 1:
        ctx.note(parts.line, f"{len(pieces) - 1} other numerical answer(s) dropped: quiz has one right number")
    raw, feedback = _comment(best)
    if feedback.strip():
        ctx.note(parts.line, "numerical answer feedback dropped")
    if not raw.strip():
        raise parts.error(ctx, "No answers found for numerical question", "write {#42} or {#42:1}")
    answer, tolerance = _value(raw, parts, ctx)
    return NumberQuestion(**_common(parts, ctx), answer=answer, tolerance=tolerance,
                          unit=str(parts.labels.get("unit", "")))


def _labels(block: _Block, info: BankInfo | None, ctx: ImportContext) -> dict[str, Any]:
    labels: dict[str, Any] = {}
    tags: list[str] = []
    meta: dict[str, Any] | None = None
    for number, comment in block.comments:
        if comment.startswith("quiz:"):
            meta = _json(comment[5:], number, ctx)
            continue
        if match := _ID.search(comment):
            labels["id"] = match.group(1).strip()
        tags.extend(tag for t in _TAG.findall(comment) if (tag := ctx.tag(t, number)))
    if meta is None and block.category:
        line, path = block.category
        tags.append(ctx.category_tag(path, line))
    elif meta is not None:
        labels.update(question_meta(meta, info))
        labels.update({key: str(meta[key]) for key in ("unit", "type", "prompt") if meta.get(key)})
    labels["tags"] = tuple(dict.fromkeys(t for t in tags if t))
    return labels


def _json(text: str, line: int, ctx: ImportContext) -> dict[str, Any]:
    """A quiz comment's JSON object; anything else is an error at its line."""
    if len(text) > _MAX_COMMENT:
        raise FormatError(ctx.path, line, f"quiz comment is longer than {_MAX_COMMENT} characters",
                          "remove the comment line (quiz export writes short ones)")
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise FormatError(ctx.path, line, "quiz comment is not valid JSON",
                          "remove the comment line or fix its JSON") from None
    if not isinstance(value, dict):
        raise FormatError(ctx.path, line, "quiz comment is not a JSON object",
                          "remove the comment line or write {...}")
    return value


def _parts(block: _Block, labels: dict[str, Any], ctx: ImportContext) -> _Parts | None:
    text = block.text.strip()
    title = ""
    if text.startswith("::"):
        end = find(text, "::", 2)
        if end < 0:
            text = text[2:]
        else:
            title = _field(text[2:end], "plain", block.start, ctx)
            text = text[end + 2:].strip()
    opening, closing = find(text, "{"), find(text, "}")
    if opening < 0 and closing < 0:
        ctx.note(block.start, "description (text without answers) skipped")
        return None
    if opening < 0 or closing < opening:
        raise FormatError(ctx.path, block.start, "Could not find a {", "every } needs a { before it")
    stem, answers, tail = text[:opening], text[opening + 1:closing], text[closing + 1:]
    text_format = strip_format(stem.strip())[1] or "moodle"
    prompt = _field(stem, "moodle", block.start, ctx)
    missing_word = None
    if tail.strip():
        after = _field(f"[{text_format}]{tail}", text_format, block.start, ctx)
        missing_word = (prompt, after)
        prompt = f"{prompt} _____{'' if after[:1] in tuple('.,;:!?') else ' '}{after}".strip()
    if text_format in ("html", "markdown"):
        ctx.note(block.start, f"[{text_format}] text converted to plain text")
    prompt = prompt or title
    if not prompt:
        raise FormatError(ctx.path, block.start, "No valid question found", "write the question before {")
    general = _last(answers, "####")
    explanation = _field(answers[general + 4:], text_format, block.start, ctx) if general >= 0 else ""
    return _Parts(
        line=block.start, title=title, prompt=prompt, explanation=explanation or PLACEHOLDER,
        answers=answers[:general] if general >= 0 else answers, answers_line=block.brace_line or block.start,
        text_format=text_format, labels=labels, missing_word=missing_word,
    )


def _last(text: str, token: str) -> int:
    """The last unescaped ``token`` (Moodle's strrpos), or -1."""
    pieces = split(text, token)
    return -1 if len(pieces) == 1 else len(text) - len(pieces[-1]) - len(token)


def _bank_comment(number: int, comment: str, ctx: ImportContext) -> BankInfo:
    data = _json(comment[len("quiz-bank:"):], number, ctx)
    try:
        return read_bank_info(data)
    except (KeyError, TypeError, AttributeError, ValueError):
        raise FormatError(ctx.path, number, "quiz-bank comment does not describe a bank",
                          "remove the comment line (quiz export writes it)") from None


def read_gift(text: str, ctx: ImportContext) -> Imported:
    """The questions of a GIFT file; each malformed one is reported with its line and the rest read."""
    info: BankInfo | None = None
    banks: list[BankInfo] = []
    questions: list[AnyQuestion] = []
    lines: dict[str, int] = {}
    for block in _blocks(text.removeprefix("\ufeff"), ctx):
        try:
            for number, comment in block.comments:
                if comment.startswith("quiz-bank:"):
                    info = _bank_comment(number, comment, ctx)
                    banks.append(info)
            if not block.lines:
                continue
            parts = _parts(block, _labels(block, info, ctx), ctx)
            question = _as_cloze(parts, _question(parts, ctx), ctx) if parts is not None else None
        except FormatError as error:
            ctx.error(error)
            continue
        if parts is not None and question is not None:
            questions.append(question)
            lines[question.id] = parts.line
    if not questions and not ctx.errors:
        ctx.no_questions("is this a GIFT file?")
    if len(banks) > 1:
        ctx.note(1, f"{len(banks)} banks merged into one: {', '.join(b.id for b in banks)}")
    return Imported(tuple(questions), tuple(ctx.notes), lines, merge_info(banks) if banks else None,
                    tuple(ctx.errors), ctx.error_count)
