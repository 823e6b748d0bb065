"""The bank cache gives what the loader gives, and notices every change to the bank files."""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.bank.fingerprint import content_hash
from quiz.bank.load import LoadResult, load_paths
from quiz.store import Store
from quiz.study.bank_cache import load_cached
from quiz.study.library import BankSummary, Library
from quiz.study.session import Session
from tests.support.banks import GOOD

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def write_bank(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def counting_loads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record every call the cache makes to the real loader."""
    calls: list[object] = []

    def counted(paths: Sequence[Path]) -> LoadResult:
        calls.append(paths)
        return load_paths(paths)

    monkeypatch.setattr("quiz.bank.load.load_paths", counted)
    return calls


def test_cached_load_equals_the_loader_and_is_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    banks = tmp_path / "banks"
    write_bank(banks, "good.yaml", GOOD)
    loads = counting_loads(monkeypatch)
    first = load_cached([banks], tmp_path / "cache")
    assert first.banks == tuple(load_paths([banks]).banks)
    assert (tmp_path / "cache" / "banks.pickle").exists()
    again = load_cached([banks], tmp_path / "cache")
    assert (again.summaries, again.problems, again.hashes, again.banks) == (
        first.summaries, first.problems, first.hashes, first.banks
    )
    assert again.summaries == tuple(BankSummary.of(bank) for bank in first.banks)
    assert len(loads) == 1, "the second load should come from the cache, not the loader"


def test_the_cache_keeps_every_questions_content_hash_and_the_library_uses_them(tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    write_bank(banks, "good.yaml", GOOD)
    for loaded in (load_cached([banks], tmp_path / "cache"), load_cached([banks], tmp_path / "cache")):
        questions = [question for bank in loaded.banks for question in bank.questions]
        assert loaded.hashes == {question.id: content_hash(question) for question in questions}
    question = loaded.banks[0].questions[0]
    library = Library.of(loaded.banks, {question.id: "from the cache"})
    assert library.content_hash(question) == "from the cache", "a hash given is not computed again"
    assert Library.of(loaded.banks).content_hash(question) == content_hash(question)


def test_the_cache_keeps_the_stores_table_of_the_questions_which_the_first_counts_take_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    banks = tmp_path / "banks"
    write_bank(banks, "good.yaml", GOOD)
    write_bank(banks, "second.yaml", GOOD.replace("id: good", "id: second").replace("good.tf", "second.tf"))
    load_cached([banks], tmp_path / "cache")
    library = load_cached([banks], tmp_path / "cache").library()  # as quiz starts, from the cache

    def hashed_anew(self: Library) -> list[tuple[str, str, str]]:
        raise AssertionError("the rows were built again; the cached table should have been used")

    monkeypatch.setattr(Library, "hashed_questions", hashed_anew)
    with Store.open(tmp_path / "scores.sqlite3") as store:
        learner = store.add_learner("Ana")
        today = Session(store, library, lambda: NOW).today(learner)
        assert [(bank.bank_id, bank.unseen) for bank in today.banks.values()] == [("good", 1), ("second", 1)]
        assert store.unseen(learner.id, None) == [("good", "good.tf"), ("second", "second.tf")]


def test_an_edited_added_or_removed_file_is_read_again(tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    path = write_bank(banks, "good.yaml", GOOD)
    cache = tmp_path / "cache"
    load_cached([banks], cache)
    path.write_text(GOOD.replace("Is this bank fine?", "Is this bank still fine?"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    [bank] = load_cached([banks], cache).banks
    assert bank.questions[0].prompt == "Is this bank still fine?"
    write_bank(banks, "second.yaml", GOOD.replace("id: good", "id: second").replace("good.tf", "second.tf"))
    assert [b.id for b in load_cached([banks], cache).banks] == ["good", "second"]
    path.unlink()
    assert [b.id for b in load_cached([banks], cache).banks] == ["second"]


def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    banks = tmp_path / "banks"
    write_bank(banks, "good.yaml", GOOD)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "banks.pickle").write_bytes(b"not a pickle")
    loads = counting_loads(monkeypatch)
    assert [b.id for b in load_cached([banks], cache).banks] == ["good"]
    assert load_cached([banks], cache).banks[0].id == "good"
    assert len(loads) == 1, "the damaged cache should have been rewritten by the first load"


def test_banks_whose_own_pickle_is_damaged_are_read_from_their_files(tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    write_bank(banks, "good.yaml", GOOD)
    cache = tmp_path / "cache"
    load_cached([banks], cache)
    key, summaries, problems, hashes, image, _ = pickle.loads((cache / "banks.pickle").read_bytes())
    (cache / "banks.pickle").write_bytes(pickle.dumps((key, summaries, problems, hashes, image, b"\x80\x05damaged")))

    loaded = load_cached([banks], cache)  # the summaries are fine: the first screen needs no more

    assert [summary.title for summary in loaded.summaries] == ["A good bank"]
    assert [bank.id for bank in loaded.banks] == ["good"]  # read from good.yaml instead
    assert not (cache / "banks.pickle").exists(), "the damaged cache is removed, to be written anew"
