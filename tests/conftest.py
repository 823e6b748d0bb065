"""For every test: the feedback screen goes on at the first key, since a test presses keys faster than
any learner; ``learners_pause`` gives a test the pause learners get (FeedbackScreen.SETTLE) from then on."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.tui.screens.feedback import FeedbackScreen

LEARNERS_PAUSE = FeedbackScreen.SETTLE


@pytest.fixture(autouse=True)
def _feedback_goes_on_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FeedbackScreen, "SETTLE", 0.0)


@pytest.fixture
def learners_pause(monkeypatch: pytest.MonkeyPatch) -> Callable[[], float]:
    """Call it to give the feedback screen its real pause; it returns the pause in seconds."""

    def restore() -> float:
        monkeypatch.setattr(FeedbackScreen, "SETTLE", LEARNERS_PAUSE)
        return LEARNERS_PAUSE

    return restore
