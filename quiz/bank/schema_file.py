"""The JSON Schema beside a bank, so its ``$schema`` line works on any machine the folder is copied to.

A path into the installed package breaks on the next machine (or the next virtual environment); a file
beside the bank, named for the format version it describes, travels with it. It is written when missing
or when an older quiz wrote it, never downgraded.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from quiz.bank.model import FORMAT_VERSION
from quiz.bank.schema import schema_text

SCHEMA_FILE = f"quiz-bank-{FORMAT_VERSION}.schema.json"
"""The schema's file name beside a bank; it carries the format version, so versions can live side by side."""

_WRITTEN_BY = re.compile(r'"\$comment": "written by quiz ([0-9.]+)')


def schema_beside(bank: Path, quiz_version: str) -> str:
    """Write the schema beside ``bank`` if missing or older, and return the reference for its ``$schema`` line.

    Raises OSError when the folder cannot be written (the caller reports it).
    """
    path = bank.parent / SCHEMA_FILE
    if _written_by(path) < _version(quiz_version):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_schema_file_text(quiz_version), encoding="utf-8")
    return SCHEMA_FILE


def _schema_file_text(quiz_version: str) -> str:
    document = json.loads(schema_text())
    return json.dumps({"$comment": f"written by quiz {quiz_version}", **document}, indent=2, ensure_ascii=False) + "\n"


def _written_by(path: Path) -> tuple[int, ...]:
    """The quiz version that wrote an existing schema file; () when it is missing or not ours."""
    try:
        head = path.read_text(encoding="utf-8")[:200]
    except (OSError, UnicodeDecodeError):
        return ()
    match = _WRITTEN_BY.search(head)
    return _version(match.group(1)) if match else ()


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())
