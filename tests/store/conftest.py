"""Fixtures for the store tests: a fresh database in tmp_path, read with a ticking clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.store import Store
from tests.support.clocks import TickingClock


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "scores.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, clock=TickingClock()) as opened:
        yield opened
