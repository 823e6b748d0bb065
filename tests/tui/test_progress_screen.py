"""The progress screen at 80x24: the numbers it shows match what was studied, and its actions are stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from quiz.bank.answers import correct_response
from quiz.store import AnswerRecord, Store
from quiz.study.library import Library
from quiz.study.modes import Mode
from quiz.study.round import Round
from quiz.study.settings import RoundSettings
from quiz.tui.app import QuizApp
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.progress import ProgressScreen
from quiz.tui.screens.questions import QuestionsScreen
from tests.support.banks import make_bank
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
        opened.add_learner("Ana")
        yield opened


def answers_on_days(store: Store, clock: FakeClock, per_day: list[int]) -> None:
    """Ana answers ``per_day[n]`` questions on day n, then the clock stands on the day after the last."""
    ana = store.learner("Ana")
    assert ana is not None
    for count in per_day:
        round_id = store.start_round(ana.id, "demo", "practice", ["demo.choice"], {})
        for attempt in range(1, count + 1):
            store.record_answer(round_id, AnswerRecord("demo.choice", "demo", "h", "x", 1.0, 1.0, attempt=attempt))
        clock.advance(days=1)


def play(store: Store, clock: FakeClock, **right: bool) -> None:
    """Ana answers the named demo questions in one round, right or wrong; cards follow as in the app."""
    ana = store.learner("Ana")
    assert ana is not None
    library = Library.of([make_bank("demo", "Demo bank"), make_bank("other", "Other bank")])
    ids = tuple(f"demo.{name}" for name in right)
    settings = RoundSettings(mode=Mode.PRACTICE, seed=1, bank_id="demo", question_ids=ids)
    round_ = Round.start(store, ana.id, library, settings, clock)
    for good in right.values():
        assert round_.current is not None
        round_.answer(correct_response(round_.current.question) if good else "nowhere")
        clock.advance(30)
    round_.finish()


async def open_progress(pilot: Pilot[None], app: QuizApp) -> str:
    await pilot.pause()
    await pilot.press("p")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # true retention is counted in a thread
    await pilot.pause()
    assert isinstance(app.screen, ProgressScreen)
    return screen_text(app)


async def to_knowledge_tab(pilot: Pilot[None]) -> None:
    await pilot.press("right")  # the tabs have focus when the screen opens
    await pilot.pause()
    await pilot.press("tab")  # into the table
    await pilot.pause()


async def test_p_opens_progress_with_the_streak_and_answers_per_day(
    app_for: AppFactory, timed: Store, clock: FakeClock
) -> None:
    answers_on_days(timed, clock, [3, 0, 2, 4, 1])
    app = app_for(learner="Ana", store=timed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "p Progress" in screen_text(app)
        text = await open_progress(pilot, app)
        assert "Streak: 3 days (study today to keep it) · studied 4 of the last 30 days" in text
        assert "Answers per day, last 30 days: 10 in all, 4 on the busiest" in text
        assert " 5 ┤" in text  # the scale's top, labelled
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_retention_and_reviews_ahead_are_those_of_the_schedule(
    app_for: AppFactory, timed: Store, clock: FakeClock
) -> None:
    play(timed, clock, choice=True, tf=True, short=True)
    clock.advance(15 * 60)
    play(timed, clock, choice=True, tf=True, short=True)  # out of the learning steps: reviews from now on
    clock.advance(days=4)
    play(timed, clock, choice=True, tf=False)  # two reviews, one forgotten
    ana = timed.learner("Ana")
    assert ana is not None
    today = datetime.astimezone(clock()).date()
    dues = [datetime.fromisoformat(card.memory.due).astimezone().date() for card in timed.cards(ana.id)]
    due_today = sum(1 for day in dues if day <= today)
    two_weeks = sum(1 for day in dues if (day - today).days < 14)
    app = app_for(learner="Ana", store=timed)
    async with app.run_test(size=SIZE) as pilot:
        text = await open_progress(pilot, app)
        assert "True retention, last 30 days: 50% (1 of 2 reviews not forgotten)" in text
        assert f"Reviews due, next 14 days: {due_today} today, " in text and f", {two_weeks} in all" in text
        assert "Desired retention 90% · 20 new questions a day" in text


async def test_the_knowledge_tab_counts_levels_and_a_bank_reset_is_asked_once_and_stored(
    app_for: AppFactory, timed: Store, clock: FakeClock
) -> None:
    play(timed, clock, choice=True, tf=False)
    app = app_for(learner="Ana", store=timed)
    async with app.run_test(size=SIZE) as pilot:
        await open_progress(pilot, app)
        await to_knowledge_tab(pilot)
        text = screen_text(app)
        assert "Bank or tag" in text and "Mastered" in text
        demo_row = next(line for line in text.splitlines() if "Demo bank" in line)
        assert demo_row.split()[-5:] == ["5", "2", "0", "0", "0"]  # 5 new, 2 learning
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Reset your progress in Demo bank?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        demo_row = next(line for line in screen_text(app).splitlines() if "Demo bank" in line)
        assert demo_row.split()[-5:] == ["7", "0", "0", "0", "0"]
    ana = timed.learner("Ana")
    assert ana is not None
    assert {card.memory.reviews for card in timed.cards(ana.id)} == {0}
    assert len(timed.rounds(ana.id)) == 1 and timed.rounds(ana.id)[0].answered == 2  # the answers stay


async def test_a_question_suspended_from_the_bank_list_is_stored_and_shown(
    app_for: AppFactory, timed: Store, clock: FakeClock
) -> None:
    play(timed, clock, choice=True)
    app = app_for(learner="Ana", store=timed)
    async with app.run_test(size=SIZE) as pilot:
        await open_progress(pilot, app)
        await to_knowledge_tab(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        assert "Questions · Demo bank" in screen_text(app)
        first = next(line for line in screen_text(app).splitlines() if "Which town did the report name?" in line)
        assert first.split()[0] == "learning"
        await pilot.press("s")
        await pilot.pause()
        assert "Suspend this question?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = next(line for line in screen_text(app).splitlines() if "Which town did the report name?" in line)
        assert first.split()[:2] == ["suspended", "never"]
        await pilot.press("escape")
        await pilot.pause()
        demo_row = next(line for line in screen_text(app).splitlines() if "Demo bank" in line)
        assert demo_row.split()[-1] == "1"
    ana = timed.learner("Ana")
    assert ana is not None
    assert [card.question_id for card in timed.cards(ana.id) if card.suspended] == ["demo.choice"]


async def test_study_settings_are_checked_and_stored_on_the_learner(app_for: AppFactory, timed: Store) -> None:
    app = app_for(learner="Ana", store=timed)
    async with app.run_test(size=SIZE) as pilot:
        await open_progress(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        assert "Study settings" in screen_text(app)
        retention = app.screen.query_one("#retention", Input)
        retention.value = "99"
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert "Desired retention is a whole percentage from 70 to 97." in messages
        assert "Study settings" in screen_text(app)  # still open, to correct it
        retention.value = "85"
        app.screen.query_one("#new-per-day", Input).value = "15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert "Desired retention 85% · 15 new questions a day" in screen_text(app)
    ana = timed.learner("Ana")
    assert ana is not None
    settings = timed.study_settings(ana.id)
    assert (settings.desired_retention, settings.new_per_day) == (0.85, 15)
