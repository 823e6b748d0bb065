"""Fixtures for the study tests: a real Store on tmp_path with a ticking clock, and small banks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.store import Learner, Store
from quiz.study.library import Library
from tests.support.banks import make_bank
from tests.support.clocks import FakeClock, TickingClock


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
