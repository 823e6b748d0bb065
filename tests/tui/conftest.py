"""Fixtures for the app tests: the real app from make_app on a real Store in tmp_path, fixed seed and clocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from quiz.bank.model import Bank
from quiz.store import Store
from quiz.tui.app import QuizApp, make_app
from tests.support.banks import make_bank
from tests.support.clocks import FakeClock, TickingClock

AppFactory = Callable[..., QuizApp]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "scores.sqlite3"


@pytest.fixture
def banks() -> list[Bank]:
    return [make_bank("demo", "Demo bank"), make_bank("other", "Other bank")]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def stores(db_path: Path) -> Iterator[Callable[[], Store]]:
    """Opens Stores on the test database (each its own connection) and closes them all afterwards."""
    opened: list[Store] = []

    def open_store() -> Store:
        store = Store.open(db_path, clock=TickingClock())
        opened.append(store)
        return store

    yield open_store
    for store in opened:
        store.close()


@pytest.fixture
def store(stores: Callable[[], Store]) -> Store:
    return stores()


@pytest.fixture
def app_for(store: Store, banks: list[Bank], clock: FakeClock) -> AppFactory:
    """make_app with this test's store, banks, seed 7 and fake clock; keywords override."""

    def build(bank_list: Sequence[Bank] | None = None, **options: object) -> QuizApp:
        chosen_store = options.pop("store", store)
        settings = {"seed": 7, "clock": clock, **options}
        return make_app(banks if bank_list is None else bank_list, chosen_store, **settings)  # type: ignore[arg-type]

    return build
