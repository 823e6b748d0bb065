"""Keys that arrive in one burst (fast typing, a paste, a slow terminal) are handled in order."""

from __future__ import annotations

from textual import events

from quiz.store import Store
from quiz.tui.screens.feedback import FeedbackScreen
from tests.support.driving import current_question, screen_text, skip_to
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


async def test_a_burst_of_ticks_then_enter_submits_the_ticks(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "multi")
        widget = app.screen.query_one("#answer")
        keys = [str(widget.texts.index(text) + 1) for text in current_question(app).answers] + ["enter"]
        for key in keys:  # all queued before the app handles any: what a terminal delivers in one read
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "✓ Right" in screen_text(app)


async def test_a_typed_answer_arriving_with_its_enter_is_read_whole(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "short")
        for character in "pristina":
            app.post_message(events.Key(character, character))
        app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "✓ Right" in screen_text(app)
