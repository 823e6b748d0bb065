"""Import a file into a new bank: read, build, write YAML, and prove it loads before anyone sees it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from quiz.bank.load import read_bank_text
from quiz.bank.model import Bank, SourceRef
from quiz.bank.text import PLACEHOLDER, slug
from quiz.bank.validate import check_bank
from quiz.bank.write import write_bank
from quiz.errors import UsageError
from quiz.formats.imports.context import FormatError, ImportContext, Imported, Note, build_bank

Reader = Callable[[str, ImportContext], Imported]

KINDS = {"gift": "GIFT", "aiken": "Aiken", "csv": "CSV"}


def _reader(kind: str) -> Reader:
    if kind == "gift":
        from quiz.formats.imports.gift import read_gift
        return read_gift
    if kind == "aiken":
        from quiz.formats.imports.aiken import read_aiken
        return read_aiken
    from quiz.formats.imports.csv import read_csv
    return read_csv


@dataclass(frozen=True)
class ImportResult:
    """The new bank, its YAML text, and what the teacher should know about it."""

    bank: Bank
    text: str
    notes: tuple[Note, ...]

    @property
    def placeholders(self) -> list[str]:
        return [q.id for q in self.bank.questions if q.explanation == PLACEHOLDER]


def decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FormatError(path, line, f"byte 0x{data[error.start]:02x} is not valid UTF-8",
                          "save the file as UTF-8 (in a spreadsheet: CSV UTF-8)") from None


def import_file(source: Path, kind: str, *, bank_id: str = "", output: Path | None = None,
                schema: str = "") -> ImportResult:
    """Read ``source`` as ``kind`` and return a bank that loads and validates without errors.

    Raises UsageError when the file cannot be opened, and FormatError (naming the line of the source
    file) when its text cannot be read or the result would not be a valid bank.
    """
    shown = str(source)
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {shown}: {error.strerror or error}",
                         "check the path and its permissions") from None
    text = decode(raw, shown)
    default_id = slug(source.stem) or "imported"
    ctx = ImportContext(shown, bank_id or default_id, default_id)
    imported = _reader(kind)(text, ctx)
    final_id = bank_id or (imported.info.id if imported.info else default_id)
    source_id = default_id
    if imported.info and source_id in imported.info.sources:
        source_id = f"{source_id}-import"
        imported = _resourced(imported, default_id, source_id)
    bank = build_bank(imported, source, final_id, source_id, KINDS[kind])
    today = dt.date.today().isoformat()
    header = (f"Imported from {source.name} with `quiz import --from {kind}` on {today}.\n"
              "Check each question against the original; questions whose explanation says TO DO need one.")
    origins = {qid: f"from line {line} of {source.name}" for qid, line in imported.lines.items()}
    written = write_bank(bank, header, schema, origins)
    _prove(written.text, written.question_lines, imported, output or source.with_suffix(".yaml"), shown)
    return ImportResult(bank, written.text, imported.notes)


def _resourced(imported: Imported, old: str, new: str) -> Imported:
    """Point questions citing the generated source id at its renamed id."""
    questions = tuple(
        replace(q, source=tuple(SourceRef(source=new) if r.source == old and r.paragraph is None else r
                                for r in q.source))
        for q in imported.questions
    )
    return replace(imported, questions=questions)


def _prove(text: str, starts: dict[int, str], imported: Imported, output: Path, shown: str) -> None:
    bank, problems = read_bank_text(text, str(output))
    if bank is not None:
        problems = problems + check_bank(bank)
    errors = [p for p in problems if p.is_error]
    if not errors:
        return
    first = errors[0]
    question_id = next((qid for line, qid in sorted(starts.items(), reverse=True) if line <= first.line), "")
    line = imported.lines.get(question_id, 1)
    raise FormatError(shown, line, f"this would not make a valid bank: {first.message}",
                      first.hint or "fix the question in the source file and import again")
