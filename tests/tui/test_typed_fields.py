"""Typed fields never crash and say how they read what was typed: the number field (B8, hostile B12)
and round setup's question count (code review: typing "-" and starting crashed the app)."""

from __future__ import annotations

import pytest

from quiz.store import Store
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.setup import RoundSetupScreen
from tests.support.driving import screen_text, skip_to
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


@pytest.mark.parametrize("typed", ["1e999", "inf", "nan", "about 8", "-"])
async def test_a_number_field_refuses_what_is_not_a_number_on_screen(
    app_for: AppFactory, store: Store, typed: str
) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "number")
        await pilot.press(*typed, "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        text = screen_text(app)
        assert typed in text  # nothing typed is silently eaten
        assert "has letters" in text or "is not a number" in text
    ana = store.learner("Ana")
    assert ana is not None
    assert "demo.number" not in {a.question_id for a in store.round_answers(store.rounds(ana.id)[0].id)}


async def test_a_number_field_says_how_it_reads_a_grouped_number_before_submitting(
    app_for: AppFactory, store: Store
) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "number")
        await pilot.press(*"1,974")
        await pilot.pause()
        assert "read as 1974" in screen_text(app)
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await pilot.pause()
        assert "read as 1" in screen_text(app)
        await pilot.press(*",5")
        await pilot.pause()
        assert "read as 1.5" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
    ana = store.learner("Ana")
    assert ana is not None
    stored = {a.question_id: a.response for a in store.round_answers(store.rounds(ana.id)[0].id)}
    assert stored["demo.number"] == 1.5




@pytest.mark.parametrize(("typed", "said"), [("-", "type a whole number from 1 to 7"), ("0", "from 1 to 7"),
                                             ("50", "This bank has 7 questions: type 1 to 7")])
async def test_a_bad_question_count_in_setup_is_said_on_the_field(
    app_for: AppFactory, store: Store, typed: str, said: str
) -> None:
    app = app_for(learner="Ana", bank_id="demo")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RoundSetupScreen)
        app.screen.query_one("#count").value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RoundSetupScreen)
        assert said in screen_text(app)
        assert app.screen.query_one("#count").has_focus
    ana = store.learner("Ana")
    assert ana is not None
    assert store.rounds(ana.id) == []
