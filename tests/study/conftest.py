"""Fixtures for the study tests: a real Store on tmp_path with a ticking clock, and small banks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.store import Learner, Store
from quiz.study.library import Library
from tests.store.store_support import TickingClock
from tests.study.banks import make_bank


class FakeClock:
    """Seconds that only move when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "scores.sqlite3", clock=TickingClock()) as opened:
        yield opened


@pytest.fixture
def learner(store: Store) -> Learner:
    return store.add_learner("Ana")


@pytest.fixture
def library() -> Library:
    return Library.of([make_bank("demo", "Demo bank"), make_bank("other", "Other bank")])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
