"""The progress screen at 80x24 pinned as SVG snapshots: a fortnight of study, dark and light theme.

Update after an intended change with ``pytest tests/tui/test_progress_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quiz.store import Store
from quiz.tui.app import QuizApp, make_app
from tests.support.banks import make_bank
from tests.support.clocks import FakeClock
from tests.support.timezone import local_zone
from tests.tui.test_progress_screen import play

Snap = Callable[..., bool]
SIZE = (80, 24)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with local_zone(monkeypatch, "UTC"):
        yield


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def studied(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    """Ana studies on 11 of 14 days: every question of the demo bank, some missed."""
    with Store.open(tmp_path / "scores.sqlite3", clock=clock) as store:
        store.add_learner("Ana")
        for day in range(14):
            if day % 5 != 4:
                play(store, clock, choice=True, tf=day % 3 != 0, short=True, number=day % 2 == 0)
                clock.advance(15 * 60)
                play(store, clock, choice=True, tf=True, multi=day % 4 == 0)
            clock.advance(days=1)
        yield store


def app(store: Store, clock: FakeClock, theme: str = "dark") -> QuizApp:
    banks = [make_bank("demo", "Demo bank"), make_bank("other", "Other bank")]
    return make_app(banks, store, seed=7, learner="Ana", clock=clock, theme=theme)


async def open_progress(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("p")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # true retention is counted in a thread
    await pilot.pause()


async def open_knowledge(pilot: Pilot[None]) -> None:
    await open_progress(pilot)
    await pilot.press("right")
    await pilot.pause()


def test_progress(snap_compare: Snap, studied: Store, clock: FakeClock) -> None:
    assert snap_compare(app(studied, clock), terminal_size=SIZE, run_before=open_progress)


def test_progress_in_the_light_theme(snap_compare: Snap, studied: Store, clock: FakeClock) -> None:
    assert snap_compare(app(studied, clock, "light"), terminal_size=SIZE, run_before=open_progress)


def test_progress_knowledge(snap_compare: Snap, studied: Store, clock: FakeClock) -> None:
    assert snap_compare(app(studied, clock), terminal_size=SIZE, run_before=open_knowledge)
