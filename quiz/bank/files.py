"""Which files are banks: the one rule the validator, the loader and the app's cache share.

Kept apart from the loader so that finding bank files never imports the YAML machinery.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

BANK_SUFFIXES = (".yaml", ".yml")

MAX_BYTES = 16 * 1024 * 1024
"""The largest bank file read: far above any hand-written bank, far below what hurts a laptop.
`quiz import` never writes a bank larger than this, since it could not be read back."""


def size_text(count: int) -> str:
    """``16 MiB``, ``16.3 MiB`` or ``2048 bytes``, for messages about a file's size."""
    if count < 1024 * 1024:
        return f"{count} bytes"
    mib = count / (1024 * 1024)
    return f"{mib:.0f} MiB" if mib.is_integer() else f"{mib:.1f} MiB"


def find_bank_files(paths: Sequence[Path]) -> list[Path]:
    """The bank files named or found (recursively, *.yaml and *.yml) under the given paths, sorted.

    A file reached twice (named twice, inside a folder also named, or through a link) is listed once,
    so it is never a duplicate of itself. Raises FileNotFoundError for a path that does not exist.
    """
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for path in paths:
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.suffix in BANK_SUFFIXES and p.is_file())
        elif path.exists():
            candidates = [path]
        else:
            raise FileNotFoundError(path)
        for candidate in candidates:
            status = candidate.stat()
            if (status.st_dev, status.st_ino) not in seen:
                seen.add((status.st_dev, status.st_ino))
                found.append(candidate)
    return found
