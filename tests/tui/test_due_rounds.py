"""The library's Today line and Due/New/Known columns, and Due rounds started from it, at 80x24."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.store import AnswerRecord, Store
from quiz.study.library import Library
from quiz.study.schedule import CARDS
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.question import QuestionScreen
from tests.support.clocks import FakeClock
from tests.support.driving import answer_right, screen_text
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


@pytest.fixture
def timed_store(db_path: Path, clock: FakeClock) -> Iterator[Store]:
    """The store on the app's own fake clock, so due times and the app's now agree."""
    with Store.open(db_path, clock=clock) as opened:
        yield opened


def answered(store: Store, library: Library, learner_id: int, scores: dict[str, float]) -> None:
    round_id = store.start_round(learner_id, "demo", "practice", list(scores), {})
    for question_id, score in scores.items():
        located = library.locate(question_id)
        assert located is not None
        answer = AnswerRecord(question_id, "demo", library.content_hash(located.question), "x", score, 3.0)
        store.record_answer(round_id, answer, CARDS)
    store.finish_round(round_id, 9.0)


async def test_due_reviews_show_in_the_library_and_d_starts_them_first(
    app_for: AppFactory, timed_store: Store, clock: FakeClock, banks: list
) -> None:
    ana = timed_store.add_learner("Ana")
    answered(timed_store, Library.of(banks), ana.id, {"demo.tf": 0.0, "demo.choice": 0.0, "demo.short": 1.0})
    clock.advance(5 * 60)  # the misses come back after a minute, the right one after ten
    app = app_for(learner="Ana", store=timed_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        lines = text.splitlines()
        assert "Today: 2 due · 11 new · d: study them" in text
        demo = next(line for line in lines if "Demo bank" in line)
        assert demo.split()[2:5] == ["2", "4", "0/7"]
        assert all(len(line.rstrip()) <= 80 for line in lines) and "…" not in text
        assert "d Due" in lines[-1]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "Due reviews · All banks" in screen_text(app)
        first = await answer_right(pilot, app)
        assert first.id in {"demo.tf", "demo.choice"}
    [due_round, _] = timed_store.rounds(ana.id)
    assert (due_round.mode, due_round.answered) == ("due", 1)
    card = timed_store.card(ana.id, "demo", first.id)
    assert card is not None and card.memory.reviews == 2


async def test_with_nothing_due_d_says_when_and_offers_to_study_ahead(
    app_for: AppFactory, timed_store: Store, clock: FakeClock, banks: list
) -> None:
    ana = timed_store.add_learner("Ana")
    timed_store.set_new_per_day(ana.id, 0)
    answered(timed_store, Library.of(banks), ana.id, {"demo.tf": 1.0})
    clock.advance(20 * 60)
    answered(timed_store, Library.of(banks), ana.id, {"demo.tf": 1.0})  # out of the learning steps: days away
    app = app_for(learner="Ana", store=timed_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Today: 0 due · 0 new · next review 2026-03-0" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert "Nothing is due now." in text and "Study ahead (y)" in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("d", "y")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.round.planned[0].question.id == "demo.tf"
    assert timed_store.rounds(ana.id)[0].mode == "due"


async def test_the_library_says_when_answered_questions_changed(
    app_for: AppFactory, timed_store: Store, banks: list
) -> None:
    ana = timed_store.add_learner("Ana")
    round_id = timed_store.start_round(ana.id, "demo", "practice", ["demo.tf"], {})
    timed_store.record_answer(round_id, AnswerRecord("demo.tf", "demo", "before-the-edit", True, 1.0, 2.0), CARDS)
    app = app_for(learner="Ana", store=timed_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Today: 0 due · 14 new (1 changed: new again) · d: study them" in screen_text(app)


async def test_an_answer_after_the_hint_is_stored_with_it(app_for: AppFactory, timed_store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice", store=timed_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while app.screen.round.current.question.id != "demo.choice":  # type: ignore[attr-defined]
            await answer_right(pilot, app)
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert "Hint: It starts with L." in screen_text(app)
        await answer_right(pilot, app)
    rows = dict(sqlite3.connect(timed_store.path).execute("SELECT question_id, hint_shown FROM answers"))
    assert rows.pop("demo.choice") == 1
    assert set(rows.values()) == {0}


def test_the_library_and_its_counts_do_not_load_fsrs() -> None:
    code = (
        "import sys, quiz.tui.screens.library, quiz.study.session, quiz.study.today, quiz.study.upgrade;"
        " print('fsrs' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


async def test_a_due_round_on_one_bank_from_the_setup(app_for: AppFactory, timed_store: Store, banks: list) -> None:
    from quiz.tui.screens.setup import RoundSetupScreen

    ana = timed_store.add_learner("Ana")
    answered(timed_store, Library.of(banks), ana.id, {"demo.tf": 0.0})
    app = app_for(learner="Ana", store=timed_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RoundSetupScreen)
        app.screen.query_one("#mode").value = "due"
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "Due reviews · Demo bank" in screen_text(app)
        assert {item.bank.id for item in app.screen.round.planned} == {"demo"}
