"""Bank text is content, never markup: brackets, backslashes, diacritics and long words show as written."""

from __future__ import annotations

from quiz.store import Store
from quiz.tui.screens.feedback import FeedbackScreen
from tests.support.banks import HOSTILE_TEXTS, HOSTILE_WORD, hostile_bank
from tests.support.driving import screen_text
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


def unwrapped(text: str) -> str:
    """Screen text with borders, padding and line breaks removed, so wrapped strings can be found."""
    return "".join(line.strip(" │╭╮╰╯─▊▎") for line in text.splitlines())


async def test_hostile_strings_show_verbatim_in_library_question_feedback_and_notes(
    app_for: AppFactory, store: Store
) -> None:
    app = app_for([hostile_bank()], learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        library = screen_text(app)
        assert "Hostile [citation needed] bank [/]" in library
        assert "[bold]x[/bold] with back\\slashes and Đakovica" in library

        await pilot.press("n")
        await pilot.pause()
        assert "Primer [citation needed] [/] text" in screen_text(app)
        await pilot.press("escape", "enter", "ctrl+s")
        await pilot.pause()

        question = unwrapped(screen_text(app))
        assert "Is this [citation needed] claim sourced? [/] [bold]x[/bold] C:\\path\\" in question
        assert HOSTILE_WORD in question
        for text in HOSTILE_TEXTS:
            assert text in question, text
        await pilot.press("h")
        await pilot.pause()
        assert "Hint: [hint] [/]" in screen_text(app)

        widget = app.screen.query_one("#answer")
        await pilot.press(str(widget.texts.index("[citation needed]") + 1), "enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        feedback = screen_text(app)
        assert "✓ Right" in feedback
        assert "Explained [citation needed] with [/] and \\ and [bold]x[/bold]." in feedback
        assert "Source [1] — [Publisher], 2023, paragraph 2" in feedback
    ana = store.learner("Ana")
    assert ana is not None
    [answer] = store.round_answers(store.rounds(ana.id)[0].id)
    assert answer.response == "[citation needed]" and answer.score == 1.0


async def test_hostile_strings_show_verbatim_in_notes_tabs_wrong_feedback_summary_and_history(
    app_for: AppFactory, store: Store
) -> None:
    app = app_for([hostile_bank()], learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert "Event [red]x[/red] at [link=x]Banjskë[/link]" in unwrapped(screen_text(app))
        await pilot.press("right")
        await pilot.pause()
        glossary = unwrapped(screen_text(app))
        assert "[term]" in glossary and "[bold]x[/bold]" in glossary and "[also]" in glossary

        await pilot.press("escape", "enter", "ctrl+s")
        await pilot.pause()
        widget = app.screen.query_one("#answer")
        await pilot.press(str(widget.texts.index("[/]") + 1), "enter")
        await pilot.pause()
        feedback = unwrapped(screen_text(app))
        assert "✗ Wrong" in feedback
        assert "Feedback on [/] [/]" in feedback

        await pilot.press("enter")
        await pilot.pause()
        summary = unwrapped(screen_text(app))
        assert "Is this [citation needed] claim sourced? [/]" in summary

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert "Hostile [citation needed] bank [/]" in screen_text(app)
        await pilot.press("right", "right", "right")
        await pilot.pause()
        assert "Is this [citation needed] claim sourced? [/…" in unwrapped(screen_text(app))  # cut to its column
