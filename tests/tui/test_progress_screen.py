"""The progress screen at 80x24: the numbers it shows match what was studied, day by day."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.store import AnswerRecord, Store
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.progress import ProgressScreen
from tests.support.clocks import FakeClock
from tests.support.driving import screen_text
from tests.support.timezone import local_zone
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def belgrade(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with local_zone(monkeypatch):
        yield


@pytest.fixture
def timed(db_path: Path, clock: FakeClock) -> Iterator[Store]:
    """A store that stamps answers with the test's fake clock, as the app reads it too."""
    with Store.open(db_path, clock=clock) as opened:
        yield opened


def answers_on_days(store: Store, clock: FakeClock, per_day: list[int]) -> None:
    """Ana answers ``per_day[n]`` questions on day n, then the clock stands on the day after the last."""
    ana = store.learner("Ana") or store.add_learner("Ana")
    for count in per_day:
        round_id = store.start_round(ana.id, "demo", "practice", ["demo.choice"], {})
        for attempt in range(1, count + 1):
            store.record_answer(round_id, AnswerRecord("demo.choice", "demo", "h", "x", 1.0, 1.0, attempt=attempt))
        clock.advance(days=1)


async def test_p_opens_progress_with_the_streak_and_answers_per_day(
    app_for: AppFactory, timed: Store, clock: FakeClock
) -> None:
    answers_on_days(timed, clock, [3, 0, 2, 4, 1])
    app = app_for(learner="Ana", store=timed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "p Progress" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        text = screen_text(app)
        assert "Streak: 3 days (study today to keep it) · studied 4 of the last 30 days" in text
        assert "Answers per day, last 30 days: 10 in all" in text
        assert " 5 ┤" in text  # the scale's top, labelled: 4 answers on the busiest day
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
