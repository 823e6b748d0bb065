"""Weeks of study played through the app at 80x24 on a fake clock: screens and database agree day by day."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quiz.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.support.clocks import FakeClock
from tests.support.driving import answer_right, answer_wrong, current_question, screen_text
from tests.support.timezone import local_zone
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def belgrade(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with local_zone(monkeypatch):
        yield


@pytest.fixture
def timed(db_path: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(db_path, clock=clock) as opened:
        yield opened


async def learn_round(pilot: Pilot[None], app: QuizApp, clock: FakeClock, miss_first: bool) -> list[str]:
    """A learn round on three demo questions from the library; returns the question ids in the order asked."""
    await pilot.press("enter")  # the round setup on the highlighted bank
    await pilot.pause()
    app.screen.query_one("#mode").value = "learn"  # type: ignore[attr-defined]
    app.screen.query_one("#count").value = "3"  # type: ignore[attr-defined]
    await pilot.press("ctrl+s")
    await pilot.pause()
    asked = []
    first = True
    while isinstance(app.screen, QuestionScreen):
        asked.append(current_question(app).id)
        clock.advance(20)
        if first and miss_first:
            await answer_wrong(pilot, app)
        else:
            await answer_right(pilot, app)
        first = False
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)
    await pilot.press("escape")
    await pilot.pause()
    return asked


async def progress_text(pilot: Pilot[None], app: QuizApp) -> str:
    await pilot.press("p")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # true retention is counted in a thread
    await pilot.pause()
    text = screen_text(app)
    await pilot.press("escape")
    await pilot.pause()
    return text


async def test_a_week_of_learn_rounds_builds_a_streak_that_a_day_off_breaks(
    app_for: AppFactory, timed: Store, clock: FakeClock
) -> None:
    app = app_for(learner="Ana", store=timed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        asked = await learn_round(pilot, app, clock, miss_first=True)
        assert len(asked) == 4 and asked[0] == asked[3]  # the missed one came back after the two others
        assert "Streak: 1 day (studied today)" in await progress_text(pilot, app)
        for day in range(2, 5):
            clock.advance(days=1)
            await learn_round(pilot, app, clock, miss_first=False)
            assert f"Streak: {day} days (studied today)" in await progress_text(pilot, app)
        clock.advance(days=1)
        assert "Streak: 4 days (study today to keep it)" in await progress_text(pilot, app)
        clock.advance(days=1)  # a whole day without study
        assert "Streak: none yet" in await progress_text(pilot, app)
        await learn_round(pilot, app, clock, miss_first=False)
        text = await progress_text(pilot, app)
        assert "Streak: 1 day (studied today) · studied 5 of the last 30 days" in text
        assert "Answers per day, last 30 days: 16 in all" in text
        assert isinstance(app.screen, LibraryScreen)
    ana = timed.learner("Ana")
    assert ana is not None
    rounds = timed.rounds(ana.id)
    assert [r.mode for r in rounds] == ["learn"] * 5 and all(r.finished_at for r in rounds)
    first_round = timed.round_answers(rounds[-1].id)
    missed = [(a.attempt, a.score >= 1.0) for a in first_round if a.question_id == asked[0]]
    assert missed == [(1, False), (2, True)]
