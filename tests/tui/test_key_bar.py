"""The key line at the bottom of every screen: what it lists, that it follows the screen, and clicks."""

from __future__ import annotations

from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.history import HistoryScreen
from quiz.tui.screens.library import LibraryScreen
from tests.support.driving import screen_text
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


def key_line(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1].strip()


async def test_library_key_line_lists_its_keys_and_help_at_80_columns(app_for: AppFactory) -> None:
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert key_line(screen_text(app)) == (
            "d Due  n Notes  k Quick  m Mistakes  h History  p Progress  ^q Quit  f1 Help"
        )


async def test_key_line_follows_the_screen_and_comes_back_on_resume(app_for: AppFactory) -> None:
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert key_line(screen_text(app)) == "esc Back  ^q Quit  f1 Help  ^t Theme"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert key_line(screen_text(app)).startswith("d Due  n Notes  k Quick")


async def test_keys_that_do_not_fit_are_left_out_whole(app_for: AppFactory) -> None:
    app = app_for(learner="Ana")
    async with app.run_test(size=(30, 24)) as pilot:
        await pilot.pause()
        assert key_line(screen_text(app)) == "d Due  n Notes  k Quick"


async def test_clicking_a_key_presses_it(app_for: AppFactory) -> None:
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        column = key_line(screen_text(app)).index("f1 Help")
        await pilot.click("#key-bar", offset=(1 + column, 0))  # 1: the line's left padding
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
