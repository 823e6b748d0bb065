"""Loaded banks kept (pickled) until a bank file changes, so `quiz` starts without re-reading YAML.

The key covers every bank file found (path, size, modification time), the quiz version and the source
files of quiz.bank and of this module and the library's; an edited, added or removed file, or another
version of quiz, reloads everything through quiz.bank.load. The cache is only ever a copy: any problem
reading or writing it is ignored, the banks' own pickle included, which is read later (then the cache
file is removed and the banks are read from their files).

It keeps each question's content hash too: the library's first due counts need every one, and with
10,000 questions hashing them took longer than the counts themselves (tests/benchmarks/bench_schedule.py).
With them it keeps the store's table of the loaded questions and their hashes, as a SQLite image
(quiz.store.loaded_questions), which the first counts then take whole rather than row by row.
And it keeps a summary of each bank (quiz.study.library.BankSummary) in plain values beside the banks,
which are pickled apart and unpickled only when first asked for: the first screen needs the summaries
alone, so quiz shows it without creating the bank model's classes (tests/benchmarks/bench_startup.py).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from quiz import __version__
from quiz.bank.files import find_bank_files
from quiz.bank.problems import Problem
from quiz.store import QuestionsImage, image_of
from quiz.study.library import BankSummary, Library

if TYPE_CHECKING:
    from quiz.bank.load import LoadResult
    from quiz.bank.model import Bank

CACHE_ENV = "QUIZ_CACHE_DIR"
"""Environment variable naming the folder for the cache (default: the user cache folder)."""
_FORMAT = 4


class Loaded(NamedTuple):
    """The usable banks (given by ``load_banks`` when first needed) and their summaries, every problem
    found, as quiz.bank.load.load_paths reported them, the content hash of every question of those
    banks by its id (quiz.bank.fingerprint), and the store's table of them (None where this SQLite
    cannot make one)."""

    summaries: tuple[BankSummary, ...]
    problems: tuple[Problem, ...]
    hashes: Mapping[str, str]
    load_banks: Callable[[], tuple[Bank, ...]]
    questions_image: QuestionsImage | None = None

    @property
    def banks(self) -> tuple[Bank, ...]:
        return self.load_banks()

    def library(self) -> Library:
        """The library of these banks, which are loaded at the first question asked of them."""
        return Library(self.summaries, self.load_banks, self.hashes, self.questions_image)


_UNREADABLE = (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.PickleError)
"""What reading a cache file written by another version of quiz, or damaged, can raise."""


class _Unpickled:
    """The banks pickled apart in the cache file, unpickled once, at the first call; if that fails, the
    cache file is removed and ``reread`` reads the banks from their files."""

    def __init__(self, pickled: bytes, cache_file: Path, reread: Callable[[], tuple[Bank, ...]]) -> None:
        self._pickled: bytes | None = pickled
        self._cache_file = cache_file
        self._reread = reread
        self._banks: tuple[Bank, ...] = ()

    def __call__(self) -> tuple[Bank, ...]:
        if self._pickled is not None:
            try:
                self._banks = pickle.loads(self._pickled)
            except _UNREADABLE:
                self._cache_file.unlink(missing_ok=True)
                self._banks = self._reread()
            self._pickled = None
        return self._banks


def default_cache_dir() -> Path:
    if configured := os.environ.get(CACHE_ENV):
        return Path(configured).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("quiz", appauthor=False)


def _stamp(path: Path) -> tuple[str, int, int]:
    status = path.stat()
    return (str(path.resolve()), status.st_size, status.st_mtime_ns)


def _key(paths: Sequence[Path]) -> tuple[Any, ...]:
    study = Path(__file__).parent
    loader_sources = [*sorted((study.parent / "bank").glob("*.py")), study / "library.py", Path(__file__)]
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
            stored_key, summaries, problems, hashes, image, pickled = pickle.load(stream)
        if stored_key == key and isinstance(pickled, bytes):
            unpickled = _Unpickled(pickled, cache_file, lambda: _read(paths)[0])
            return Loaded(summaries, problems, hashes, unpickled, image if isinstance(image, QuestionsImage) else None)
    except _UNREADABLE:
        pass
    banks, loaded = _read(paths)
    hashes = _hashes(banks)
    summaries = tuple(BankSummary.of(bank) for bank in banks)
    image = image_of(Library(summaries, lambda: banks, hashes).hashed_questions())
    result = Loaded(summaries, tuple(loaded.problems), hashes, lambda: banks, image)
    _store(cache_file, key, result, banks)
    return result


def _read(paths: Sequence[Path]) -> tuple[tuple[Bank, ...], LoadResult]:
    """The usable banks, and everything quiz.bank.load found, read from the bank files."""
    from quiz.bank.load import load_paths

    loaded = load_paths(paths)
    return tuple(loaded.banks), loaded


def _hashes(banks: Sequence[Bank]) -> dict[str, str]:
    from quiz.bank.fingerprint import content_hash

    return {question.id: content_hash(question) for bank in banks for question in bank.questions}


def _store(cache_file: Path, key: tuple[Any, ...], result: Loaded, banks: tuple[Bank, ...]) -> None:
    partial = cache_file.with_suffix(f".{os.getpid()}.tmp")
    try:
        pickled = pickle.dumps(banks, protocol=pickle.HIGHEST_PROTOCOL)
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            content = (key, result.summaries, result.problems, result.hashes, result.questions_image, pickled)
            pickle.dump(content, stream, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cache_file)
    except (OSError, pickle.PickleError, TypeError, AttributeError):
        partial.unlink(missing_ok=True)
