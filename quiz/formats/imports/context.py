"""What every importer shares: errors with a line, notes on what did not map, ids, the new bank."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from quiz.bank.model import FORMAT_VERSION, AnyQuestion, Bank, Source, SourceRef, StudyNotes
from quiz.bank.problems import DEFAULT_MAX_PROBLEMS
from quiz.bank.text import slug, tag_text
from quiz.errors import QuizError
from quiz.formats.bank_info import BankInfo

"""The explanation of an imported question that had none; the teacher is told to fill these in."""


class FormatError(QuizError):
    """An imported file that cannot be read, with the line where reading stopped."""

    def __init__(self, path: str, line: int, message: str, hint: str = "") -> None:
        super().__init__(f"{path}, line {line}: {message}", hint)
        self.line = line


@dataclass(frozen=True)
class Note:
    """Something in the imported file that did not map, or mapped with a change."""

    line: int
    message: str
    part: str = ""
    """The file inside a zip the line is in (empty for a file of its own)."""

    @property
    def where(self) -> str:
        return f"{self.part}, line {self.line}" if self.part else f"line {self.line}"


@dataclass
class ImportContext:
    """What an importer needs to build questions: the bank id, the source to cite, unique ids."""

    path: str
    bank_id: str
    source_id: str
    notes: list[Note] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)
    errors: list[FormatError] = field(default_factory=list)
    error_count: int = 0
    tag_names: dict[str, str] = field(default_factory=dict)
    noted_tags: set[str] = field(default_factory=set)
    notes_left_out: int = 0
    """Notes past the problem cap: counted, not kept, so a file of a million odd lines stays small."""
    part: str = ""
    """The file inside a zip being read, named in its notes."""
    file_errors: int = 0
    """Errors about the whole file (it cannot be read, or gave no question), not about one question."""
    unpacked_may_hold_controls: bool | None = None
    """Set by a reader that unpacked the file (a zip): whether what it unpacked may hold a character a
    bank refuses. None when the file's own bytes tell (``control_characters.may_hold_controls``)."""

    def note(self, line: int, message: str) -> None:
        if len(self.notes) < DEFAULT_MAX_PROBLEMS:
            self.notes.append(Note(line, message, self.part))
        else:
            self.notes_left_out += 1

    def error(self, error: FormatError) -> None:
        """Report a malformed question and go on with the next; past the problem cap only count it."""
        self.error_count += 1
        if len(self.errors) < DEFAULT_MAX_PROBLEMS:
            self.errors.append(error)

    def error_at(self, line: int, message: str, hint: str) -> None:
        """:meth:`error` for a message at a line of this file, built only when it will be kept."""
        if len(self.errors) < DEFAULT_MAX_PROBLEMS:
            self.error(FormatError(self.path, line, message, hint))
        else:
            self.error_count += 1

    def no_questions(self, hint: str) -> None:
        """The error of a file that gave no question: when its questions were skipped, it says so."""
        self.file_errors += 1
        if self.notes:
            self.error_at(1, "No valid question found: every question was skipped (the notes above say why)",
                          "quiz holds choice, multi, true/false, short, number, order, "
                          "match and cloze questions")
        else:
            self.error_at(1, "No valid question found", hint)

    def tag(self, name: str, line: int, *, owner: str = "") -> str:
        """A category or label as a tag: its letters in any script, NFC, lower case; two names (or two
        category paths, the ``owner``) that would give the same tag get different ones, with a note."""
        tag = tag_text(name)
        if not tag:
            return ""
        owner = owner or name
        unique, number = tag, 2
        while self.tag_names.setdefault(unique, owner) != owner:
            unique, number = f"{tag}-{number}", number + 1
        if unique != tag and unique not in self.noted_tags:
            self.noted_tags.add(unique)
            self.note(line, f"category {owner!r} would give the tag {tag!r} of {self.tag_names[tag]!r}: "
                            f"tagged {unique!r}")
        return unique

    def category_tag(self, path: str, line: int) -> str:
        """A Moodle category path (``$course$/top/Geo``, ``//`` an escaped slash) as the tag of its last
        part; two paths ending alike (``A/Algebra``, ``B/Algebra``) stay two tags."""
        path = path.strip()
        name = path.replace("//", "\0").split("/")[-1].replace("\0", "/")
        return "" if name in ("", "top", "$course$", "$system$") else self.tag(name, line, owner=path)

    @property
    def source(self) -> tuple[SourceRef, ...]:
        return (SourceRef(source=self.source_id),)

    def new_id(self, line: int, *, given: str = "", title: str = "", prompt: str = "") -> str:
        """A unique question id: the file's own id if usable, else bank id + slug of the title, else a
        hash of the prompt, so importing the same file twice gives the same ids."""
        candidate = slug(given, 80, keep="._") if given else ""
        if given and not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", candidate):
            candidate = ""
        if given and candidate != given:
            self.note(line, f"id {given!r} is not a quiz id; using {candidate or 'a generated one'!r}")
        if not candidate:
            tail = slug(title, 40) or hashlib.sha256(prompt.encode()).hexdigest()[:8]
            candidate = f"{self.bank_id}.{tail}"
        unique, number = candidate, 2
        while unique in self.used_ids:
            unique, number = f"{candidate}-{number}", number + 1
        if given and unique != candidate:
            self.note(line, f"id {candidate!r} is already an earlier question's; using {unique!r}")
        self.used_ids.add(unique)
        return unique


@dataclass(frozen=True)
class Imported:
    """What an importer read: questions, the bank information if the file carried it, and notes."""

    questions: tuple[AnyQuestion, ...]
    notes: tuple[Note, ...]
    lines: dict[str, int]
    info: BankInfo | None = None
    errors: tuple[FormatError, ...] = ()
    error_count: int = 0
    parts: dict[str, str] = field(default_factory=dict)
    """Per question id, the file inside a zip it came from (QTI), for the notes about it."""


def build_bank(imported: Imported, path: Path, bank_id: str, source_id: str, kind: str) -> Bank:
    """The bank an import writes: the file's own bank information if it had any, plus a source entry
    for the imported file itself."""
    today = dt.date.today().isoformat()
    imported_source = Source(
        title=path.name,
        publisher=f"{kind} file (fill in who wrote it)",
        date=today,
        notes=f"Imported with quiz import --from {kind.lower()} on {today}.",
    )
    info = imported.info
    if info is not None:
        sources = {**info.sources, source_id: imported_source}
        return Bank(format=FORMAT_VERSION, id=bank_id, title=info.title, description=info.description,
                    language=info.language, sources=sources, notes=info.notes, questions=imported.questions)
    return Bank(
        format=FORMAT_VERSION,
        id=bank_id,
        title=path.stem.replace("_", " ").replace("-", " ").strip() or bank_id,
        description=f"Questions imported from {path.name}.",
        sources={source_id: imported_source},
        notes=StudyNotes(),
        questions=imported.questions,
    )
