"""The main screens at 80x24, pinned as SVG snapshots (fixed seed, clocks and time zone; no cursor blink).

Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look
at the changed SVGs before committing them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from quiz.store import AnswerRecord, Store
from quiz.tui.app import QuizApp, make_app
from tests.support.banks import make_bank
from tests.support.clocks import FakeClock, TickingClock
from tests.support.driving import answer_right, answer_wrong, skip_to

Snap = Callable[..., bool]
SIZE = (80, 24)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "scores.sqlite3", clock=TickingClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))) as opened:
        ana = opened.add_learner("Ana")
        opened.add_learner("Ben")
        opened.touch_learner(ana.id)
        yield opened


def app(store: Store, **options: object) -> QuizApp:
    banks = [make_bank("demo", "Demo bank"), make_bank("other", "Other bank")]
    return make_app(banks, store, seed=7, clock=FakeClock(), **options)  # type: ignore[arg-type]


def with_history(store: Store) -> None:
    ana = store.learner("Ana")
    assert ana is not None
    for scores in ((1.0, 0.0, 0.5), (1.0, 1.0, 0.0), (1.0, 1.0, 1.0)):
        ids = ["demo.choice", "demo.tf", "demo.multi"]
        round_id = store.start_round(ana.id, "demo", "practice", ids, {})
        for question_id, score in zip(ids, scores, strict=True):
            store.record_answer(round_id, AnswerRecord(question_id, "demo", "old-hash", "x", score, 4.0))
        store.finish_round(round_id, 12.0)


async def no_blink(pilot: Pilot[None]) -> None:
    for widget in pilot.app.query(Input):
        widget.cursor_blink = False


def test_learner_picker(snap_compare: Snap, store: Store) -> None:
    assert snap_compare(app(store), terminal_size=SIZE, run_before=no_blink)


def test_library(snap_compare: Snap, store: Store) -> None:
    with_history(store)
    assert snap_compare(app(store, learner="Ana"), terminal_size=SIZE)


async def to_choice_question(pilot: Pilot[None]) -> None:
    """Answer right until the choice question is on screen (the seed fixes where it comes)."""
    quiz = pilot.app
    await pilot.pause()
    await skip_to(pilot, quiz, "choice")  # type: ignore[arg-type]


def test_question(snap_compare: Snap, store: Store) -> None:
    assert snap_compare(
        app(store, learner="Ana", bank_id="demo", mode="practice"), terminal_size=SIZE, run_before=to_choice_question
    )


def test_feedback(snap_compare: Snap, store: Store) -> None:
    async def wrong_answer(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await answer_wrong(pilot, pilot.app)  # type: ignore[arg-type]

    assert snap_compare(
        app(store, learner="Ana", bank_id="demo", mode="practice"), terminal_size=SIZE, run_before=wrong_answer
    )


def test_summary(snap_compare: Snap, store: Store) -> None:
    async def play_exam(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await answer_wrong(pilot, pilot.app)  # type: ignore[arg-type]
        for _ in range(6):
            await answer_right(pilot, pilot.app)  # type: ignore[arg-type]

    assert snap_compare(
        app(store, learner="Ana", bank_id="demo", mode="exam"), terminal_size=SIZE, run_before=play_exam
    )


def test_history(snap_compare: Snap, store: Store) -> None:
    with_history(store)
    assert snap_compare(app(store, learner="Ana"), terminal_size=SIZE, press=["h"])


def test_history_trend(snap_compare: Snap, store: Store) -> None:
    with_history(store)
    assert snap_compare(app(store, learner="Ana"), terminal_size=SIZE, press=["h", "right"])


def test_help(snap_compare: Snap, store: Store) -> None:
    assert snap_compare(app(store, learner="Ana"), terminal_size=SIZE, press=["f1"])


def test_feedback_in_the_light_theme(snap_compare: Snap, store: Store) -> None:
    async def wrong_answer(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await answer_wrong(pilot, pilot.app)  # type: ignore[arg-type]

    quiz = app(store, learner="Ana", bank_id="demo", mode="practice", theme="light")
    assert snap_compare(quiz, terminal_size=SIZE, run_before=wrong_answer)
