"""Every path quiz reads by default or writes: the bundled banks, the schema, the scores database."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

DB_ENV = "QUIZ_DB"
"""Environment variable naming the scores database, overridden by ``--db``."""


def bundled_banks_dir() -> Path:
    """The banks shipped with quiz: inside the installed package, or the repository's questions/."""
    installed = _PACKAGE / "questions"
    return installed if installed.is_dir() else _PACKAGE.parent / "questions"


def schema_path() -> Path:
    """The JSON Schema of the bank format, shipped for editors."""
    return _PACKAGE / "bank" / "bank.schema.json"


def default_db_path() -> Path:
    """The scores database: ``$QUIZ_DB`` if set, else quiz's folder in the user's data directory."""
    if configured := os.environ.get(DB_ENV):
        return Path(configured).expanduser()
    from platformdirs import user_data_path

    return user_data_path("quiz", appauthor=False) / "scores.sqlite3"
