"""Learn mode through the app at 80x24: a missed question comes back until it is right, progress is shown."""

from __future__ import annotations

from textual.widgets import Select

from quiz.store import Store
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.support.driving import answer_right, answer_wrong, current_question, screen_text
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


async def test_a_missed_question_comes_back_until_it_is_answered_right(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="learn")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Learn · Demo bank" in screen_text(app)
        assert "Right this session: 0 of 7" in screen_text(app)
        missed = await answer_wrong(pilot, app)
        assert "✗ Wrong" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        for right in range(1, 4):
            assert current_question(app).id != missed.id
            await answer_right(pilot, app)
            assert f"Right this session: {right} of 7" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
        assert current_question(app).id == missed.id
        await answer_wrong(pilot, app)  # missed again: it comes back once more
        await pilot.press("enter")
        await pilot.pause()
        while isinstance(app.screen, QuestionScreen):
            await answer_right(pilot, app)
            assert isinstance(app.screen, FeedbackScreen)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Score 6 of 7" in text and "All 7 right in the end, after 2 retries" in text
    learner = store.learner("Ana")
    assert learner is not None
    [round_] = store.rounds(learner.id)
    assert (round_.mode, round_.answered, round_.score) == ("learn", 7, 6.0)
    attempts = [(a.attempt, a.score) for a in store.round_answers(round_.id) if a.question_id == missed.id]
    assert attempts == [(1, 0.0), (2, 0.0), (3, 1.0)]


async def test_round_setup_offers_learn_and_the_library_offers_to_resume_it(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="demo")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#mode", Select).value = "learn"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Right this session: 0 of 7" in screen_text(app)
        await answer_wrong(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        await answer_right(pilot, app)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert "Learn · 1 of 7 right" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert "Right this session: 1 of 7" in screen_text(app)
