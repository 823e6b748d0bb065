"""Answers are never lost: leaving or quitting keeps them, rounds resume, two apps share one database,
and a corrupt database is moved aside with a message."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from pathlib import Path

from quiz.bank.model import Bank
from quiz.store import Store
from quiz.tui.app import make_app
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.support.clocks import FakeClock
from tests.support.driving import answer_right, current_question, screen_text
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


async def test_leaving_mid_round_asks_once_keeps_answers_and_resumes_in_a_new_app(
    app_for: AppFactory, stores: Callable[[], Store], banks: list[Bank], clock: FakeClock
) -> None:
    first = app_for(learner="Ana", bank_id="demo", mode="exam")
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        planned = [item.question.id for item in first.screen.round.planned]  # type: ignore[attr-defined]
        await answer_right(pilot, first)
        await answer_right(pilot, first)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(first.screen, ConfirmScreen)
        assert "Leave this round?" in screen_text(first) and "Leave (y)" in screen_text(first)
        assert "2 answers are saved" in screen_text(first)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(first.screen, LibraryScreen)
        assert "Unfinished: Demo bank · Exam · 2 of 7 answered" in screen_text(first)
    store = stores()
    ana = store.learner("Ana")
    assert ana is not None
    resumable = store.resumable_round(ana.id)
    assert resumable is not None and resumable.answered_ids == tuple(planned[:2])

    second = make_app(banks, store, seed=99, learner="Ana", clock=clock)
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "Question 3 of 7" in screen_text(second)
        assert current_question(second).id == planned[2]
        for _ in range(5):
            await answer_right(pilot, second)
        assert isinstance(second.screen, SummaryScreen)
        assert "Score 7 of 7" in screen_text(second)
    [round_] = store.rounds(ana.id)
    assert (round_.answered, round_.finished_at is not None) == (7, True)
    assert store.resumable_round(ana.id) is None


async def test_ctrl_q_mid_round_asks_then_quits_with_the_answers_kept(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer_right(pilot, app)
        await pilot.press("enter", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert "Quit the app?" in text and "1 answer is saved." in text and "Quit (y)" in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running
    ana = store.learner("Ana")
    assert ana is not None
    assert len(store.resumable_round(ana.id).answered_ids) == 1  # type: ignore[union-attr]


async def test_discarding_the_unfinished_round_keeps_its_answers(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer_right(pilot, app)
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert "Unfinished" not in screen_text(app)
    ana = store.learner("Ana")
    assert ana is not None
    assert store.resumable_round(ana.id) is None
    assert store.rounds(ana.id)[0].answered == 1


async def test_two_apps_on_one_database_write_at_the_same_time(
    stores: Callable[[], Store], banks: list[Bank], clock: FakeClock
) -> None:
    one, two = stores(), stores()
    apps = [make_app(banks, store, seed=seed, learner=name, bank_id="demo", mode="exam", clock=clock)
            for store, seed, name in ((one, 1, "Ana"), (two, 2, "Ben"))]

    async def play(app):  # type: ignore[no-untyped-def]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for _ in range(7):
                await answer_right(pilot, app)
            assert isinstance(app.screen, SummaryScreen)

    await asyncio.gather(*(play(app) for app in apps))
    check = stores()
    for name in ("Ana", "Ben"):
        learner = check.learner(name)
        assert learner is not None
        [round_] = check.rounds(learner.id)
        assert (round_.answered, round_.score) == (7, 7)


async def test_a_corrupt_database_is_moved_aside_and_the_app_says_so(
    tmp_path: Path, banks: list[Bank], clock: FakeClock
) -> None:
    path = tmp_path / "scores.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    with Store.open(path) as store:
        app = make_app(banks, store, seed=1, clock=clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            messages = [notification.message for notification in app._notifications]
            assert any("corrupt" in message or "moved" in message for message in messages), messages
            assert "Who is studying?" in screen_text(app)
            await pilot.press(*"Ana", "enter")
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
        assert store.learner("Ana") is not None
    kept = list(tmp_path.glob("scores.sqlite3.corrupt-*"))
    assert len(kept) == 1 and b"shopping list" in kept[0].read_bytes()


async def test_an_answer_the_database_refuses_stays_on_screen_to_send_again(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        store._connection.execute("PRAGMA query_only = ON")  # SQLite refuses writes, as on a lost permission
        app._keep_lease()  # the timer's renewal fails quietly: the answer will say it
        await answer_right(pilot, app)
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and "Question 1 of" in screen_text(app)
        [message] = [notification.message for notification in app._notifications]
        assert "Cannot write to the scores database" in message and "not saved" in message
        store._connection.execute("PRAGMA query_only = OFF")
        await pilot.press("enter")  # the answer is still in its field
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
    ana = store.learner("Ana")
    assert ana is not None and [r.answered for r in store.rounds(ana.id)] == [1]


async def test_trouble_with_the_database_while_the_app_runs_ends_it_with_the_message_not_a_traceback(
    app_for: AppFactory, store: Store, db_path: Path
) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer_right(pilot, app)
        await pilot.press("escape", "y")
        await pilot.pause()
    with sqlite3.connect(db_path) as connection:  # another program; the guard lets a NUL and junk through
        connection.execute("UPDATE answers SET response = response || char(0) || 'junk'")
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.simulate_key("r")  # not pilot.press: it would wait for the screen that raised, which takes no more messages
        for _ in range(200):
            await asyncio.sleep(0.01)
            if app.return_code is not None:
                break
    assert app.return_code == 1
    assert app.stopped_by is not None and "changed by another program" in app.stopped_by.message
