"""A timed exam keeps wall-clock time: leaving does not stop it, a resumed exam past its time ends at once,
the notes stay shut while it runs, and review all shows the questions the time ran out on (B3, B9)."""

from __future__ import annotations

from quiz.store import Store
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.review import ReviewScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.support.clocks import FakeClock
from tests.support.driving import answer_right, screen_text
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


async def test_leaving_a_timed_exam_does_not_stop_its_clock_and_it_ends_when_resumed_late(
    app_for: AppFactory, store: Store, clock: FakeClock
) -> None:
    app = app_for(learner="Ana", bank_id="demo")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        setup = app.screen
        setup.query_one("#mode").value = "exam"
        setup.query_one("#count").value = "3"
        setup.query_one("#time-limit").value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await answer_right(pilot, app)
        clock.advance(30)
        await pilot.press("escape")
        await pilot.pause()
        assert "time keeps running while you are away" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        clock.advance(60)
        await pilot.press("n")
        await pilot.pause()
        assert "open once your unfinished exam is over" in screen_text(app)
        assert "A short primer" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause(0.7)
        assert isinstance(app.screen, QuestionScreen)
        assert "Time left 0:30" in screen_text(app)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        clock.advance(31)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Score 1 of 3" in text and "Time ran out: 2 unanswered" in text
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and "Question 1 of 3" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        text = screen_text(app)
        assert "Not answered: the time ran out" in text and "Right answer" in text and "Your answer" not in text
    ana = store.learner("Ana")
    assert ana is not None
    [round_] = store.rounds(ana.id)
    assert (round_.answered, round_.score, round_.finished_at is not None) == (1, 1.0, True)
    assert store.resumable_round(ana.id) is None
