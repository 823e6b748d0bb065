"""No answer is recorded that the learner did not give: Enter alone on a fresh question answers nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.store import Store
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.question import QuestionScreen
from tests.support.driving import answer_right, current_question, keys_for_right_answer, screen_text, skip_to
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


def answers_stored(store: Store) -> int:
    learner = store.learner("Ana")
    assert learner is not None
    return sum(len(store.round_answers(r.id)) for r in store.rounds(learner.id))


@pytest.mark.parametrize("question_type", ["choice", "truefalse"])
async def test_enter_on_an_untouched_choice_asks_for_a_pick(
    app_for: AppFactory, store: Store, question_type: str
) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, question_type)
        before = answers_stored(store)
        await pilot.press("enter", "enter", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, QuestionScreen) and question_type == current_question(app).TYPE
        assert "Pick an option first" in screen_text(app)
        assert "(•)" not in screen_text(app)
    assert answers_stored(store) == before


async def test_the_highlighted_choice_is_the_one_enter_submits(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "choice")
        widget = app.screen.query_one("#answer")
        await pilot.press("1", "down")
        await pilot.pause()
        assert widget.highlighted == widget.picked == 1
        assert f"2. (•) {widget.texts[1]}" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert widget.texts[1] in screen_text(app).split("Your answer")[1].split("Right answer")[0]


async def test_an_untouched_order_asks_before_submitting_and_enter_never_says_yes(
    app_for: AppFactory, store: Store
) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "order")
        before = answers_stored(store)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Submit this order as shown?" in screen_text(app)
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert answers_stored(store) == before
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
    assert answers_stored(store) == before + 1


@pytest.mark.parametrize("question_type", ["choice", "multi", "truefalse", "short", "order", "match", "number"])
async def test_a_double_enter_on_feedback_never_answers_the_next_question(
    app_for: AppFactory, store: Store, question_type: str
) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, question_type)
        await answer_right(pilot, app)
        assert isinstance(app.screen, FeedbackScreen)
        answered = answers_stored(store)
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FeedbackScreen)
        assert answers_stored(store) == answered


@pytest.mark.parametrize("question_type", ["choice", "short"])
async def test_a_double_tap_on_submit_shows_the_feedback_until_a_key_after_the_pause(
    app_for: AppFactory, store: Store, question_type: str, learners_pause: Callable[[], float]
) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, question_type)
        pause = learners_pause()
        await pilot.press(*keys_for_right_answer(app), "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)  # the second Enter did not skip it unread
        assert "✓ Right" in screen_text(app)
        await pilot.pause(pause)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
