"""Import a file into a new bank: read, build, write YAML, and prove it validates before anyone sees it."""

from __future__ import annotations

import datetime as dt
import importlib
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

from quiz.bank.constraints import meets_constraints
from quiz.bank.controls import shown as printable
from quiz.bank.files import MAX_BYTES, size_text
from quiz.bank.model import Bank, SourceRef
from quiz.bank.problems import Problem, has_errors
from quiz.bank.text import PLACEHOLDER, slug
from quiz.bank.validate import check_bank
from quiz.bank.write import Written, write_bank
from quiz.errors import UsageError
from quiz.formats.imports.context import FormatError, ImportContext, Imported, Note, build_bank
from quiz.formats.imports.control_characters import may_hold_controls, same_objects, without_controls

Reader = Callable[[bytes, ImportContext], Imported]

KINDS = {"gift": "GIFT", "aiken": "Aiken", "csv": "CSV", "moodle-xml": "Moodle XML", "qti": "QTI"}
"""Every format ``quiz import --from`` reads, by the name the option takes."""

_READERS = {
    "gift": ("quiz.formats.imports.gift", "read_gift", True),
    "aiken": ("quiz.formats.imports.aiken", "read_aiken", True),
    "csv": ("quiz.formats.imports.csv", "read_csv", True),
    "moodle-xml": ("quiz.formats.imports.moodle_xml", "read_moodle_xml", False),
    "qti": ("quiz.formats.imports.qti", "read_qti", False),
}
"""Module, function and whether it reads text (decoded from UTF-8 here) rather than the file's bytes."""


def _reader(kind: str) -> Reader:
    module, name, reads_text = _READERS[kind]
    read = getattr(importlib.import_module(module), name)
    if not reads_text:
        return cast(Reader, read)
    return lambda data, ctx: cast(Imported, read(decode(data, ctx.path), ctx))


@dataclass(frozen=True)
class ImportResult:
    """The new bank (None when no question could be read), its YAML text, what the teacher should
    know about it, and every malformed question with its line (up to the problem cap, then counted)."""

    bank: Bank | None
    text: str
    notes: tuple[Note, ...]
    errors: tuple[FormatError, ...] = ()
    error_count: int = 0
    notes_left_out: int = 0
    """Notes past the problem cap, counted only."""
    file_errors: int = 0
    """How many of the errors are about the whole file rather than one question."""

    @property
    def placeholders(self) -> list[str]:
        return [] if self.bank is None else [q.id for q in self.bank.questions if q.explanation == PLACEHOLDER]


def decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FormatError(path, line, f"byte 0x{data[error.start]:02x} is not valid UTF-8",
                          "save the file as UTF-8 (in a spreadsheet: CSV UTF-8)") from None


def _read(reader: Reader, data: bytes, ctx: ImportContext) -> Imported:
    """The reader's questions; an error about the whole file is reported like a question's."""
    try:
        return reader(data, ctx)
    except FormatError as error:
        ctx.error(error)
        ctx.file_errors += 1
        return Imported((), tuple(ctx.notes), {}, None, tuple(ctx.errors), ctx.error_count)


def import_file(source: Path, kind: str, *, bank_id: str = "", output: Path | None = None,
                schema: str = "") -> ImportResult:
    """Read ``source`` as ``kind``: a bank of every question that could be read and would validate,
    and the errors of the others, each naming its line in the source file.

    Raises UsageError when the file cannot be opened.
    """
    shown = str(source)
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {shown}: {error.strerror or error}",
                         "check the path and its permissions") from None
    default_id = slug(source.stem) or "imported"
    ctx = ImportContext(shown, bank_id or default_id, default_id)
    imported = _read(_reader(kind), raw, ctx)
    unpacked = ctx.unpacked_may_hold_controls
    if may_hold_controls(raw) if unpacked is None else unpacked:
        imported = _without_controls(imported, ctx)
    final_id = bank_id or (imported.info.id if imported.info else default_id)
    source_id = default_id
    if imported.info and source_id in imported.info.sources:
        source_id = f"{source_id}-import"
        imported = _resourced(imported, default_id, source_id)
    errors, count = list(imported.errors), imported.error_count
    output = output or source.with_suffix(".yaml")
    named = source.with_name(printable(source.name, one_line=True))  # the name the bank's text quotes
    for _ in range(2):
        if not imported.questions:
            return ImportResult(None, "", imported.notes, tuple(errors), count, ctx.notes_left_out,
                                ctx.file_errors)
        bank = build_bank(imported, named, final_id, source_id, KINDS[kind])
        written = _write(bank, named, kind, imported, schema)
        _refuse_too_large(written.text, shown, len(imported.questions))
        invalid = {} if _surely_valid(bank) else _prove(written.text, written.question_lines, output, shown)
        if not invalid:
            return ImportResult(bank, written.text, imported.notes, tuple(errors), count, ctx.notes_left_out)
        for question_id, problem in invalid.items():
            count += 1
            errors.append(FormatError(shown, imported.lines.get(question_id, 1),
                                      f"this would not make a valid question: {problem.message}",
                                      problem.hint or "fix the question in the source file and import again"))
        imported = replace(imported, questions=tuple(q for q in imported.questions if q.id not in invalid))
    raise FormatError(shown, 1, "this would not make a valid bank", "report this as a bug in quiz import")


def _without_controls(imported: Imported, ctx: ImportContext) -> Imported:
    """The questions and bank information without the characters a bank refuses, each named in a note."""
    start = len(ctx.notes)
    questions = []
    for question in imported.questions:
        ctx.part = imported.parts.get(question.id, "")
        questions.append(without_controls(question, ctx, imported.lines.get(question.id, 1),
                                          f"question {question.id!r}"))
    ctx.part = ""
    info = imported.info and without_controls(imported.info, ctx, 1, "the bank's title, description or sources")
    unchanged = info is imported.info and same_objects(questions, imported.questions)
    if unchanged:  # a carriage return is cleaned without a note, and notes past the cap are only counted
        return imported
    return replace(imported, questions=tuple(questions), info=info, notes=imported.notes + tuple(ctx.notes[start:]))


def _write(bank: Bank, source: Path, kind: str, imported: Imported, schema: str) -> Written:
    today = dt.date.today().isoformat()
    header = (f"Imported from {source.name} with `quiz import --from {kind}` on {today}.\n"
              "Check each question against the original; questions whose explanation says TO DO need one.")
    origins = {qid: f"from line {line} of {source.name}" for qid, line in imported.lines.items()}
    return write_bank(bank, header, schema, origins)


def _refuse_too_large(text: str, shown: str, questions: int) -> None:
    """FormatError when the bank would be larger than `quiz validate` reads: nothing is written."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise FormatError(shown, 1, f"the {questions:,} questions would make a bank of {size_text(size)}, over the "
                          f"{size_text(MAX_BYTES)} a bank file may hold",
                          "split the file and import each part as its own bank")


def _resourced(imported: Imported, old: str, new: str) -> Imported:
    """Point questions citing the generated source id at its renamed id."""
    questions = tuple(
        replace(q, source=tuple(SourceRef(source=new) if r.source == old and r.paragraph is None else r
                                for r in q.source))
        for q in imported.questions
    )
    return replace(imported, questions=questions)


def _surely_valid(bank: Bank) -> bool:
    """Whether the bank built already passes `quiz validate`, so its text need not be read back: it
    meets every constraint the model declares and the validator's rules, and the writer's text reads
    back as these same objects (tests/bank/test_write.py). When not sure, ``_prove`` reads it back."""
    return meets_constraints(bank) and not has_errors(check_bank(bank))


def _prove(text: str, starts: dict[int, str], output: Path, shown: str) -> dict[str, Problem]:
    """The first error of every question that would not validate; a bank-wide error is raised."""
    from quiz.bank.load import read_bank_text  # only when the bank built is not surely valid

    bank, problems = read_bank_text(text, str(output))
    if bank is not None:
        problems = problems + check_bank(bank)
    invalid: dict[str, Problem] = {}
    ordered = sorted(starts.items())
    lines = [line for line, _ in ordered]
    for problem in (p for p in problems if p.is_error):
        index = bisect_right(lines, problem.line) - 1
        if index < 0:
            raise FormatError(shown, 1, f"this would not make a valid bank: {problem.message}",
                              problem.hint or "report this as a bug in quiz import")
        invalid.setdefault(ordered[index][1], problem)
    return invalid
