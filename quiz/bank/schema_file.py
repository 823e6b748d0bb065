"""The JSON Schema beside a bank, so its ``$schema`` line works on any machine the folder is copied to.

A path into the installed package breaks on the next machine (or the next virtual environment); a file
beside the bank, named for the format version it describes, travels with it. It is written when missing
or when an older quiz wrote it, never downgraded, and never written over when it is not ours: a file
the user wrote, a symbolic link (followed, it could write anywhere) or a pipe is left as it is.
"""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

from quiz.bank.files import read_at_most
from quiz.bank.model import FORMAT_VERSION
from quiz.bank.schema import schema_text
from quiz.output_file import write_atomically

SCHEMA_FILE = f"quiz-bank-{FORMAT_VERSION}.schema.json"
"""The schema's file name beside a bank; it carries the format version, so versions can live side by side."""

_WRITTEN_BY = re.compile(r'"\$comment": "written by quiz ([0-9.]+)')


def schema_beside(bank: Path, quiz_version: str) -> str:
    """Write the schema beside ``bank`` if missing or older, and return the reference for its ``$schema`` line.

    Raises UsageError when the folder cannot be written.
    """
    path = bank.parent / SCHEMA_FILE
    try:
        mode: int | None = path.lstat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is None or (stat.S_ISREG(mode) and () < _written_by(path) < _version(quiz_version)):
        write_atomically(path, _schema_file_text(quiz_version).encode("utf-8"))
    return SCHEMA_FILE


def _schema_file_text(quiz_version: str) -> str:
    document = json.loads(schema_text())
    return json.dumps({"$comment": f"written by quiz {quiz_version}", **document}, indent=2, ensure_ascii=False) + "\n"


def _written_by(path: Path) -> tuple[int, ...]:
    """The quiz version that wrote an existing schema file; () when it is missing or not ours."""
    try:
        head = read_at_most(path, 200).decode("utf-8", "replace")
    except OSError:
        return ()
    match = _WRITTEN_BY.search(head)
    return _version(match.group(1)) if match else ()


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())
