"""Write a file a command produced (an export, an imported bank) safely and with ordinary permissions."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from quiz.errors import UsageError


def write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target and rename, so a failure never leaves half a file.

    The file gets the permissions any new file gets (not the private ones of a temporary file), and a
    path that cannot be written is the user's to fix, so it is reported as such rather than as a bug.
    """
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        temporary.chmod(0o666 & ~_umask())
        temporary.replace(path)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {error.strerror or error}",
                         "give -o a file path in a folder you can write to") from None
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask (reading it means setting it, so it is put straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
