"""A CSV table of questions (as ``quiz export --to csv`` writes it, or by hand with its header) to quiz."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from quiz.bank.model import (
    LINT_CODES,
    QUESTION_TYPES,
    AnyQuestion,
    Choice,
    LintAllowance,
    Pair,
    Source,
    SourceRef,
    StudyNotes,
)
from quiz.bank.text import PLACEHOLDER_MARK, is_tag, tag_text
from quiz.formats.bank_info import BankInfo
from quiz.formats.csv_cells import COLUMNS, MAX_CELL, OPTIONAL_COLUMNS, read_blanks_cell, split_items, unguard
from quiz.formats.imports.context import FormatError, ImportContext, Imported

_KNOWN = frozenset(COLUMNS + OPTIONAL_COLUMNS)


def _number(text: str, column: str, line: int, ctx: ImportContext) -> float:
    try:
        value = float(text)
    except ValueError:
        raise FormatError(ctx.path, line, f"{column} {text!r} is not a number", "write digits, e.g. 1999 "
                          "or 0.5") from None
    return int(value) if value.is_integer() and re.fullmatch(r"\s*-?\d+\s*", text) else value


def _specific(kind: str, row: dict[str, str], line: int, ctx: ImportContext) -> dict[str, Any]:
    options, answers = split_items(row["options"]), split_items(row["answer"])
    if kind in ("choice", "multi"):
        feedback = split_items(row["feedback"]) + [""] * len(options)
        choices = tuple(Choice(text=t, feedback=f) for t, f in zip(options, feedback, strict=False))
        if kind == "multi":
            return {"choices": choices, "answers": tuple(answers)}
        return {"choices": choices, "answer": answers[0] if answers else ""}
    if kind == "truefalse":
        value = row["answer"].strip().lower()
        if value not in ("true", "false"):
            raise FormatError(ctx.path, line, f"answer {row['answer']!r} is not true or false",
                              "write true or false in the answer column")
        return {"answer": value == "true"}
    if kind == "short":
        return {"answers": tuple(answers)}
    if kind == "order":
        return {"items": tuple(options)}
    if kind == "cloze":
        blanks = read_blanks_cell(row["answer"])
        if blanks is None or len(options) != 1:
            raise FormatError(ctx.path, line, "a cloze row needs its passage in options and its blanks as JSON "
                              "in answer", 'write answer like [{"answers": ["Banjska"]}], one object per blank')
        return {"passage": options[0], "blanks": blanks}
    if kind == "match":
        if len(options) != len(answers):
            raise FormatError(ctx.path, line, f"{len(options)} left items but {len(answers)} right items",
                              "put one right item per line in answer for each line of options")
        return {"pairs": tuple(Pair(left=a, right=b) for a, b in zip(options, answers, strict=True))}
    return {"answer": _number(row["answer"], "answer", line, ctx),
            "tolerance": _number(row["tolerance"] or "0", "tolerance", line, ctx), "unit": row["unit"]}


def _question(row: dict[str, str], line: int, ctx: ImportContext) -> AnyQuestion:
    kind = row["type"].strip().lower()
    if kind not in QUESTION_TYPES:
        raise FormatError(ctx.path, line, f"unknown type {row['type']!r}",
                          f"use one of: {', '.join(QUESTION_TYPES)}")
    refs = []
    for text in row["source"].split():
        ref = SourceRef.parse(text)
        if ref is None:
            raise FormatError(ctx.path, line, f"source {text!r} is not a reference like report#p6",
                              "separate several references with spaces")
        refs.append(ref)
    difficulty = row["difficulty"].strip()
    if difficulty not in ("", "1", "2", "3"):
        raise FormatError(ctx.path, line, f"difficulty {difficulty!r} is not 1, 2 or 3", "leave it empty or "
                          "write 1, 2 or 3")
    prompt = row["prompt"]
    return QUESTION_TYPES[kind](
        id=row["id"].strip() or ctx.new_id(line, prompt=prompt), prompt=prompt,
        explanation=row["explanation"], source=tuple(refs) or ctx.source, tags=_tags(row["tags"], line, ctx),
        difficulty=int(difficulty) if difficulty else None, hint=row["hint"],
        lint=_lint(row.get("lint", ""), line, ctx),
        **_specific(kind, row, line, ctx),
    )


def _tags(cell: str, line: int, ctx: ImportContext) -> tuple[str, ...]:
    """The tags column, words separated by spaces; a word that is not a tag as written becomes one, with a note."""
    tags = []
    for word in cell.split():
        tag = word if is_tag(word) else tag_text(word)
        if tag != word:
            ctx.note(line, f"tag {word!r} " + (f"written as {tag!r}" if tag else "left out") + ": a tag is "
                     "lower-case letters, digits, '.', '_' and '-', and tags are separated by spaces")
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)


def _lint(cell: str, line: int, ctx: ImportContext) -> LintAllowance | None:
    """The lint column: the codes `quiz lint` accepts on its first line, why on the second."""
    if not cell.strip():
        return None
    codes, because = [*split_items(cell), "", ""][:2]
    allow = tuple(codes.split())
    unknown = [code for code in allow if code not in LINT_CODES]
    if not allow or unknown or not because.strip():
        raise FormatError(ctx.path, line, f"lint {cell!r} is not lint codes and a reason",
                          "write the codes on the first line of the cell and why on the second (docs/lint.md)")
    return LintAllowance(allow=allow, because=because)


def _cited_sources(questions: Sequence[AnyQuestion], ctx: ImportContext) -> dict[str, Source]:
    """A placeholder entry for every source the rows cite, which the teacher completes."""
    cited = sorted({ref.source for q in questions for ref in q.source} - {ctx.source_id})
    for source_id in cited:
        ctx.note(1, f"source {source_id!r} is cited but CSV has no source list: fill in its title, publisher "
                    "and date")
    today = dt.date.today().isoformat()
    return {source_id: Source(title=f"{PLACEHOLDER_MARK}: title of {source_id}", publisher=PLACEHOLDER_MARK, date=today,
                              notes="Created by quiz import --from csv; fill in title, publisher and date.")
            for source_id in cited}


def read_csv(text: str, ctx: ImportContext) -> Imported:
    """The questions of a CSV written by ``quiz export --to csv`` (or by hand with its header)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames or ()
    except csv.Error as error:
        raise FormatError(ctx.path, 1, f"the header row cannot be read: {error}", "check its quotes") from None
    missing = [c for c in COLUMNS if c not in fieldnames]
    if missing:
        raise FormatError(ctx.path, 1, f"the header row lacks the column(s) {', '.join(missing)}",
                          f"the first row must name the columns: {','.join(COLUMNS)}")
    questions: list[AnyQuestion] = []
    lines: dict[str, int] = {}
    bank_ids: list[str] = []
    start = 2
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as error:
            ctx.error(FormatError(ctx.path, start, _csv_message(error), "shorten the cell or close its quotes"))
            start = reader.line_num + 1
            continue
        cells = {key: unguard(value or "") for key, value in row.items() if key in _KNOWN}
        if any(cells.values()):
            try:
                question = _question(cells, start, ctx)
            except FormatError as error:
                ctx.error(error)
            else:
                questions.append(question)
                lines[question.id] = start
                bank_ids.append(cells["bank"].strip())
        start = reader.line_num + 1
    if not questions and not ctx.errors:
        raise FormatError(ctx.path, 1, "no question rows", "add one row per question under the header")
    sources = _cited_sources(questions, ctx)
    bank_id = next((b for b in bank_ids if b), ctx.bank_id)
    info = None
    if sources or bank_id != ctx.bank_id:
        info = BankInfo(id=bank_id, title=bank_id, description=f"Questions imported from {ctx.path}.",
                        language="en", sources=sources, notes=StudyNotes())
    return Imported(tuple(questions), tuple(ctx.notes), lines, info, tuple(ctx.errors), ctx.error_count)


def _csv_message(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return f"a cell is longer than {MAX_CELL // 1024} KiB"
    return f"the row cannot be read: {error}"
