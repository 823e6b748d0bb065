"""Loaded banks kept (pickled) until a bank file changes, so `quiz` starts without re-reading YAML.

The key covers every bank file found (path, size, modification time), the quiz version and the source
files of quiz.bank; an edited, added or removed file, or another version of quiz, reloads everything
through quiz.bank.load. The cache is only ever a copy: any problem reading or writing it is ignored.

It keeps each question's content hash too: the library's first due counts need every one, and with
10,000 questions hashing them took longer than the counts themselves (tests/benchmarks/bench_schedule.py).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from quiz import __version__
from quiz.bank.files import find_bank_files
from quiz.bank.model import Bank
from quiz.bank.problems import Problem

CACHE_ENV = "QUIZ_CACHE_DIR"
"""Environment variable naming the folder for the cache (default: the user cache folder)."""
_FORMAT = 2


class Loaded(NamedTuple):
    """The usable banks and every problem found, as quiz.bank.load.load_paths reported them, and the
    content hash of every question of those banks by its id (quiz.bank.fingerprint)."""

    banks: tuple[Bank, ...]
    problems: tuple[Problem, ...]
    hashes: Mapping[str, str]


def default_cache_dir() -> Path:
    if configured := os.environ.get(CACHE_ENV):
        return Path(configured).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("quiz", appauthor=False)


def _stamp(path: Path) -> tuple[str, int, int]:
    status = path.stat()
    return (str(path.resolve()), status.st_size, status.st_mtime_ns)


def _key(paths: Sequence[Path]) -> tuple[Any, ...]:
    loader_sources = sorted((Path(__file__).parent.parent / "bank").glob("*.py"))
    return (
        _FORMAT,
        __version__,
        tuple(_stamp(path) for path in loader_sources),
        tuple(str(path) for path in paths),
        tuple(_stamp(path) for path in find_bank_files(paths)),
    )


def load_cached(paths: Sequence[Path], cache_dir: Path) -> Loaded:
    """What ``quiz.bank.load.load_paths(paths)`` finds, from the cache when nothing changed."""
    key = _key(paths)
    cache_file = cache_dir / "banks.pickle"
    try:
        with cache_file.open("rb") as stream:
            stored_key, result = pickle.load(stream)
        if stored_key == key and isinstance(result, Loaded):
            return result
    except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.PickleError):
        pass
    from quiz.bank.fingerprint import content_hash
    from quiz.bank.load import load_paths

    loaded = load_paths(paths)
    hashes = {question.id: content_hash(question) for bank in loaded.banks for question in bank.questions}
    result = Loaded(tuple(loaded.banks), tuple(loaded.problems), hashes)
    _store(cache_file, key, result)
    return result


def _store(cache_file: Path, key: tuple[Any, ...], result: Loaded) -> None:
    partial = cache_file.with_suffix(f".{os.getpid()}.tmp")
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            pickle.dump((key, result), stream, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cache_file)
    except (OSError, pickle.PickleError, TypeError, AttributeError):
        partial.unlink(missing_ok=True)
