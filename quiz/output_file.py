"""Write a file a command produced (an export, an imported bank) safely and with ordinary permissions.

Never replace what is not ours: an existing file needs --force (as for `quiz new`), a device, a named
pipe or a socket is refused, and a file the same command reads is never written over.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from quiz.errors import UsageError


def output_target(path: Path, *, force: bool, inputs: Sequence[Path] = ()) -> Path:
    """The file to write for ``-o path``: the path itself, or with --force the file a symlink points to.

    Raises UsageError for an existing file without --force, anything but a regular file, and an input.
    """
    if not path.exists() and not path.is_symlink():
        return path
    target = path.resolve() if path.is_symlink() else path
    if target.exists():
        mode = target.stat().st_mode
        if stat.S_ISDIR(mode):
            raise UsageError(f"cannot write {path}: it is a folder", "give the path of a file to write")
        if not stat.S_ISREG(mode):
            raise UsageError(f"{path} is not a regular file (a device, a named pipe or a socket); "
                             "quiz never writes over it", "give the path of an ordinary file to write")
        for source in inputs:
            with contextlib.suppress(OSError):
                if source.exists() and target.samefile(source):
                    raise UsageError(f"{path} is also an input of this command; writing it would destroy it",
                                     "choose another output file")
    if not force:
        what = "is a symbolic link" if path.is_symlink() else "already exists"
        raise UsageError(f"{path} {what}", "choose another name, or pass --force to overwrite it")
    return target


def write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target, fsync, and rename, so neither a failure nor a power cut leaves half a file.

    The file keeps the permissions of the one it replaces, or gets those any new file gets (not the
    private ones of a temporary file). A path that cannot be written is the user's to fix, so it is
    reported as such rather than as a bug.
    """
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else 0o666 & ~_umask()
        handle, temporary = _temporary(path)
        _write(handle, data, mode)
        temporary.replace(path)
        temporary = None
        _sync_folder(path.parent)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}",
                         "give the path of a file in a folder you can write to") from None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _write(handle: int, data: bytes, mode: int) -> None:
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fchmod(stream.fileno(), mode)
        os.fsync(stream.fileno())


def _temporary(path: Path) -> tuple[int, Path]:
    """A new temporary file beside the target, named with this process's id; first, remove the ones a
    killed export left (their process is gone), so a kill never leaves one behind for long."""
    prefix = f".{path.name}."
    for stale in path.parent.glob(f"{glob.escape(prefix)}*.tmp"):
        pid = stale.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            stale.unlink(missing_ok=True)
    handle, name = tempfile.mkstemp(prefix=f"{prefix}{os.getpid()}.", suffix=".tmp", dir=path.parent)
    return handle, Path(name)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, but someone else's
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _umask() -> int:
    """The process's umask (reading it means setting it, so it is put straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
