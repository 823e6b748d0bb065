"""Every mode and every question type, driven through the keyboard at 80x24; screen and database checked."""

from __future__ import annotations

from quiz.store import Store
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.review import ReviewScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.support.clocks import FakeClock
from tests.support.driving import answer_right, answer_wrong, current_question, screen_text, skip_to
from tests.tui.conftest import AppFactory

SIZE = (80, 24)
TYPES = {"choice", "multi", "truefalse", "short", "order", "match", "number"}


async def test_practice_round_of_every_type_answered_right(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = set()
        for number in range(1, 8):
            assert f"Question {number} of 7" in screen_text(app)
            question = await answer_right(pilot, app)
            seen.add(question.TYPE)
            assert isinstance(app.screen, FeedbackScreen)
            text = screen_text(app)
            assert "✓ Right" in text and f"Score {number} of {number}" in text
            assert "Morning report — Example News, 2023-09-24, paragraph 6" in text
            await pilot.press("enter")
            await pilot.pause()
        assert seen == TYPES
        assert isinstance(app.screen, SummaryScreen)
        assert "Score 7 of 7 (100%)" in screen_text(app)
    learner = store.learner("Ana")
    assert learner is not None
    [round_] = store.rounds(learner.id)
    assert (round_.mode, round_.bank_id, round_.planned, round_.answered, round_.score) == ("practice", "demo", 7, 7, 7)
    assert round_.finished_at is not None
    assert {answer.score for answer in store.round_answers(round_.id)} == {1.0}


async def test_wrong_and_partial_answers_are_said_in_words_with_the_right_answer(
    app_for: AppFactory, store: Store
) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "multi")
        widget = app.screen.query_one("#answer")
        await pilot.press(str(widget.texts.index("2") + 1), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "◐ Partly right 0.5" in text
        assert "Right answer" in text and "Because of reasons about multi." in text
        await pilot.press("enter")
        await pilot.pause()
        await skip_to(pilot, app, "choice")
        widget = app.screen.query_one("#answer")
        await pilot.press(str(widget.texts.index("Zvečan") + 1), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Wrong" in text
        assert "Your answer" in text and "Zvečan" in text
        assert "Leposavić" in text and "Close, but not named." in text
    learner = store.learner("Ana")
    assert learner is not None
    scores = {a.question_id: a.score for a in store.round_answers(store.rounds(learner.id)[0].id)}
    assert scores["demo.multi"] == 0.5 and scores["demo.choice"] == 0.0


async def test_exam_gives_no_feedback_until_the_end_then_a_full_review(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Score shown at the end" in screen_text(app)
        for number in range(1, 8):
            assert isinstance(app.screen, QuestionScreen)
            assert f"Question {number} of 7" in screen_text(app)
            if number == 1:
                await answer_wrong(pilot, app)
            else:
                await answer_right(pilot, app)
            if number < 7:
                assert isinstance(app.screen, QuestionScreen)
                assert "✓ Right" not in screen_text(app) and "✗ Wrong" not in screen_text(app)
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Exam" in text and "Missed (1)" in text
        assert any(f"Score {score} of 7" in text for score in ("6", "6.33", "6.5", "6.67", "6.83"))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Question 1 of 7" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert "Question 2 of 7" in screen_text(app)
    learner = store.learner("Ana")
    assert learner is not None
    [round_] = store.rounds(learner.id)
    assert (round_.mode, round_.answered) == ("exam", 7) and 6 <= round_.score < 7


async def test_exam_time_limit_ends_the_round_and_counts_the_rest_as_zero(
    app_for: AppFactory, store: Store, clock: FakeClock
) -> None:
    app = app_for(learner="Ana", bank_id="demo")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        # setup: mode exam, 3 questions, 1 minute
        setup = app.screen
        setup.query_one("#mode").value = "exam"
        setup.query_one("#count").value = "3"
        setup.query_one("#time-limit").value = "1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Time left 1:00" in screen_text(app)
        await answer_right(pilot, app)
        clock.advance(61)
        await pilot.pause(0.7)
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Score 1 of 3" in text and "Time ran out: 2 unanswered" in text
    learner = store.learner("Ana")
    assert learner is not None
    [round_] = store.rounds(learner.id)
    assert (round_.mode, round_.planned, round_.answered) == ("exam", 3, 1)
    assert round_.finished_at is not None


async def test_review_mode_asks_only_what_was_last_answered_wrong(app_for: AppFactory, store: Store) -> None:
    from quiz.store import AnswerRecord

    ana = store.add_learner("Ana")
    round_id = store.start_round(ana.id, "demo", "practice", ["demo.tf", "demo.number"], {})
    store.record_answer(round_id, AnswerRecord("demo.tf", "demo", "h", False, 0.0, 1.0))
    store.record_answer(round_id, AnswerRecord("demo.number", "demo", "h", 8, 1.0, 1.0))
    store.finish_round(round_id, 2.0)
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert "Review mistakes" in screen_text(app) and "Question 1 of 1" in screen_text(app)
        assert current_question(app).id == "demo.tf"
        await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)  # nothing left to review: said, not started
    assert store.open_mistakes(ana.id) == []
    assert store.rounds(ana.id)[0].mode == "review"


async def test_quick_round_mixes_ten_questions_from_every_bank(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert "Quick round" in screen_text(app) and "Question 1 of 10" in screen_text(app)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert {item.bank.id for item in screen.round.planned} == {"demo", "other"}
    learner = store.learner("Ana")
    assert learner is not None
    assert store.resumable_round(learner.id).mode == "quick"  # type: ignore[union-attr]


async def test_retry_mistakes_starts_a_round_of_the_missed_questions(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice", count=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        missed = await answer_wrong(pilot, app)
        assert "✓ Right" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert current_question(app).id == missed.id and "Question 1 of 1" in screen_text(app)
    learner = store.learner("Ana")
    assert learner is not None
    newest = store.rounds(learner.id)[0]
    assert (newest.mode, newest.planned) == ("review", 1)


async def test_mode_from_the_command_line_asks_ten_unless_told(app_for: AppFactory) -> None:
    from tests.support.banks import every_type, make_bank

    big = make_bank("big", "Big bank", every_type("big") + every_type("big2"))
    app = app_for([big], learner="Ana", bank_id="big", mode="exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Question 1 of 10" in screen_text(app)
    app = app_for([big], learner="Ana", bank_id="big", mode="exam", count=12)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Question 1 of 12" in screen_text(app)
