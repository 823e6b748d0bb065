"""Which files are banks: the one rule the validator, the loader and the app's cache share.

Kept apart from the loader so that finding bank files never imports the YAML machinery.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

BANK_SUFFIXES = (".yaml", ".yml")


def find_bank_files(paths: Sequence[Path]) -> list[Path]:
    """The bank files named or found (recursively, *.yaml and *.yml) under the given paths, sorted.

    Raises FileNotFoundError for a path that does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in BANK_SUFFIXES and p.is_file()))
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(path)
    return found
