"""One round, one window: a second copy of the app says the round is open elsewhere before taking it over,
and the copy that lost it saves nothing more (report B2)."""

from __future__ import annotations

from collections.abc import Callable

from quiz.bank.model import Bank
from quiz.store import Store
from quiz.tui.app import make_app
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.question import QuestionScreen
from tests.support.clocks import FakeClock
from tests.support.driving import answer_right, current_question, keys_for_wrong_answer, screen_text

SIZE = (80, 24)


async def test_a_second_window_asks_before_taking_over_and_the_first_then_saves_nothing(
    stores: Callable[[], Store], banks: list[Bank], clock: FakeClock
) -> None:
    one_store, two_store = stores(), stores()
    one = make_app(banks, one_store, seed=1, learner="Ana", bank_id="demo", mode="exam", clock=clock)
    two = make_app(banks, two_store, seed=2, learner="Ana", clock=clock)
    async with one.run_test(size=SIZE) as first, two.run_test(size=SIZE) as second:
        await first.pause()
        await answer_right(first, one)
        await second.pause()
        await second.press("r")
        await second.pause()
        assert isinstance(two.screen, ConfirmScreen)
        assert "Open in another window since" in screen_text(two) and "take it over?" in screen_text(two)
        await second.press("n")
        await second.pause()
        assert isinstance(two.screen, LibraryScreen)
        await second.press("r", "y")
        await second.pause()
        assert isinstance(two.screen, QuestionScreen)
        taken = current_question(two)
        assert current_question(one).id == taken.id
        await answer_right(second, two)
        await first.press(*keys_for_wrong_answer(one), "enter")
        await first.pause()
        assert isinstance(one.screen, LibraryScreen)
        assert "taken over in another window" in " ".join(n.message for n in one._notifications)
    ana = one_store.learner("Ana")
    assert ana is not None
    [round_] = one_store.rounds(ana.id)
    answers = {a.question_id: a.score for a in one_store.round_answers(round_.id)}
    assert len(answers) == 2 and answers[taken.id] == 1.0


async def test_the_round_of_a_killed_window_is_free_again_within_a_minute(
    stores: Callable[[], Store], banks: list[Bank], clock: FakeClock
) -> None:
    from quiz.study.library import Library
    from quiz.study.modes import Mode
    from quiz.study.round import Round
    from quiz.study.settings import RoundSettings

    store = stores()
    ana = store.add_learner("Ana")
    Round.start(store, ana.id, Library.of(banks), RoundSettings(Mode.PRACTICE, seed=3, bank_id="demo"), clock)
    app = make_app(banks, stores(), seed=2, learner="Ana", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        clock.advance(31)  # the killed copy renews no more
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
