"""Answering a cloze at 80x24: one field per blank, Tab or Enter to move on, feedback marked per blank."""

from __future__ import annotations

from textual import events

from quiz.store import Store
from quiz.tui.screens.feedback import FeedbackScreen
from tests.support.banks import cloze_example, make_bank
from tests.support.driving import screen_text
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


async def test_cloze_is_filled_blank_by_blank_and_marked_per_blank(app_for: AppFactory, store: Store) -> None:
    app = app_for([make_bank("demo", "Demo bank", (cloze_example(),))], learner="Ana", bank_id="demo",
                  mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "The attack was near (1)____, a village in the municipality of (2)____." in text
        assert "Tab moves on" in text
        await pilot.press("enter")
        await pilot.pause()
        assert "Fill every blank first: blanks 1, 2 are still empty." in screen_text(app)
        await pilot.press(*"banjske", "enter")  # Enter in a blank moves on to the next empty one
        await pilot.pause()
        assert not isinstance(app.screen, FeedbackScreen)
        await pilot.press("right", "enter")  # the dropdown's first choice, Leposavić: wrong
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        text = screen_text(app)
        assert "◐ Partly right 0.5" in text
        assert "✓ (1) banjske" in text and "✗ (2) Leposavić  (right: Zvečan)" in text
        assert "1 of 2 blanks right" in text
        assert "The attack was near [Banjska], a village in the municipality of [Zvečan]." in text
    [answer] = store.round_answers(store.rounds(store.learners()[0].id)[0].id)
    assert (answer.response, answer.score) == (("banjske", "Leposavić"), 0.5)


async def test_a_burst_of_text_tab_text_enter_fills_each_blank(app_for: AppFactory, store: Store) -> None:
    """What a fast typist or a terminal delivers in one read: Tab still moves on between the words."""
    app = app_for([make_bank("demo", "Demo bank", (cloze_example(),))], learner="Ana", bank_id="demo",
                  mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = [*"banjska", "tab", "2", "enter"]
        for key in keys:
            app.post_message(events.Key(key, {"tab": "\t", "enter": "\r"}.get(key, key)))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "✓ Right" in screen_text(app)
    [answer] = store.round_answers(store.rounds(store.learners()[0].id)[0].id)
    assert answer.response == ("banjska", "Zvečan")
