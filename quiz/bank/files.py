"""Which files are banks: the one rule the validator, the loader and the app's cache share.

Kept apart from the loader so that finding bank files never imports the YAML machinery.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

BANK_SUFFIXES = (".yaml", ".yml")

MAX_BYTES = 16 * 1024 * 1024
"""The largest bank file read: far above any hand-written bank, far below what hurts a laptop.
`quiz import` never writes a bank larger than this, since it could not be read back."""


def read_at_most(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, at most ``max_bytes + 1`` of them (so the caller can tell it is too large).

    Opened without blocking and checked once open, so a named pipe, a device or a socket put there is
    refused (OSError EINVAL) instead of hanging or reading without end.
    """
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file (a device, a named pipe or a socket)")
        return stream.read(max_bytes + 1)


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
