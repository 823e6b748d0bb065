"""The side screens and the keys that work everywhere: learner picker, library, notes, setup, history,
help, theme, NO_COLOR, hints and mouse clicks."""

from __future__ import annotations

import pytest
from textual.filter import Monochrome

from quiz.store import AnswerRecord, Store
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.history import HistoryScreen
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.screens.notes import NotesScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.setup import RoundSetupScreen
from tests.support.driving import screen_text, skip_to
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


async def test_learner_picker_offers_the_last_learner_first(app_for: AppFactory, store: Store) -> None:
    ana, ben = store.add_learner("Ana"), store.add_learner("Ben")
    store.touch_learner(ben.id)
    store.touch_learner(ana.id)
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Who is studying?" in text and text.index("Ana") < text.index("Ben")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and "Library · Ana" in screen_text(app)


async def test_a_new_learner_is_added_and_remembered(app_for: AppFactory, store: Store) -> None:
    store.add_learner("Ana")
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", *"Zoë [x]", "enter")
        await pilot.pause()
        assert "Library · Zoë [x]" in screen_text(app)
    assert store.last_learner().name == "Zoë [x]"  # type: ignore[union-attr]


async def test_library_shows_question_counts_and_last_best_scores(app_for: AppFactory, store: Store) -> None:
    ana = store.add_learner("Ana")
    for score in (1.0, 0.0):
        round_id = store.start_round(ana.id, "demo", "practice", ["demo.tf"], {})
        store.record_answer(round_id, AnswerRecord("demo.tf", "demo", "h", True, score, 1.0))
        store.finish_round(round_id, 1.0)
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert lines[2].split() == ["Bank", "Due", "New", "Known", "Last", "Best"]
        demo = next(line for line in lines if "Demo bank" in line)
        assert demo.split()[2:] == ["0", "7", "0/7", "0/1", "1/1"]
        other = next(line for line in lines if "Other bank" in line)
        assert other.split()[2:] == ["0", "7", "0/7", "—", "—"]


async def test_study_notes_show_primer_timeline_and_glossary(app_for: AppFactory) -> None:
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert "A short primer to read first." in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert "Something happened." in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert "KFOR (also: Kosovo Force)" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_setup_filters_by_tag_difficulty_and_count(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RoundSetupScreen)
        app.screen.query_one("#tag").value = "geography"
        app.screen.query_one("#difficulty").value = 1
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and "Question 1 of 2" in screen_text(app)
        assert {item.question.id for item in app.screen.round.planned} == {"demo.choice", "demo.tf"}
    ana = store.learner("Ana")
    assert ana is not None
    assert store.rounds(ana.id)[0].planned == 2


async def test_setup_cancel_returns_to_the_library(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="other")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RoundSetupScreen) and "Other bank" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_history_shows_rounds_trend_tags_and_most_missed(app_for: AppFactory, store: Store) -> None:
    ana = store.add_learner("Ana")
    round_id = store.start_round(ana.id, "demo", "practice", ["demo.tf", "demo.retired"], {})
    store.record_answer(round_id, AnswerRecord("demo.tf", "demo", "stale-hash", False, 0.0, 1.0))
    store.record_answer(round_id, AnswerRecord("demo.retired", "demo", "h", "x", 0.0, 1.0))
    store.finish_round(round_id, 2.0)
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(app)
        assert "History · Ana · 1 round" in text and "1 rounds" not in text and "Demo bank" in text and "0/2 0%" in text
        await pilot.press("right")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        caption = next(n for n, line in enumerate(lines) if "last 0% · best 0% · 1 round " in line)
        assert lines[caption + 1].strip() == "▁▁"  # a 0% round is drawn low, on a fixed scale
        await pilot.press("right")
        await pilot.pause()
        assert "geography" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        text = screen_text(app)
        assert "changed" in text and "retired" in text and "The report was written that morning." in text


async def test_help_opens_with_question_mark_and_f1_and_lists_keys(app_for: AppFactory) -> None:
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert "Keys" in screen_text(app) and "Ctrl+T" in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)


async def test_ctrl_t_switches_between_dark_and_light(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", theme="light")
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"


async def test_no_color_turns_the_app_monochrome(app_for: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.no_color
        assert any(isinstance(line_filter, Monochrome) for line_filter in app.get_line_filters())


async def test_hint_key_shows_the_hint(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "choice")
        await pilot.press("h")
        await pilot.pause()
        assert "Hint: It starts with L." in screen_text(app)


async def test_clicking_an_option_picks_it(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice", count=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "choice")
        widget = app.screen.query_one("#answer")
        row = widget.texts.index("Leposavić")
        await pilot.click("#answer", offset=(6, 1 + row))
        await pilot.pause()
        assert f"{row + 1}. (•) Leposavić" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ Right" in screen_text(app)


async def test_number_accepts_a_decimal_comma_and_rejects_nonsense(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "number")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)  # nothing typed: asked to type, nothing stored
        await pilot.press(*"7,5", "enter")
        await pilot.pause()
        assert "✗ Wrong" in screen_text(app) and "7.5" in screen_text(app)
    ana = store.learner("Ana")
    assert ana is not None
    stored = {a.question_id: a.response for a in store.round_answers(store.rounds(ana.id)[0].id)}
    assert stored["demo.number"] == 7.5


async def test_order_items_move_with_shift_arrows_and_k_j(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "order")
        widget = app.screen.query_one("#answer")
        before = list(widget.items)
        await pilot.press("shift+down")
        assert widget.items == [before[1], before[0], *before[2:]] and widget.highlighted == 1
        await pilot.press("K")
        assert widget.items == before and widget.highlighted == 0
        await pilot.press("down", "J")
        assert widget.items == [before[0], before[2], before[1], *before[3:]]


async def test_match_by_mouse_click_left_then_partner(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "match")
        lefts = app.screen.query_one("#match-lefts")
        partner = lefts.rights.index("Baker")
        await pilot.click("#match-lefts", offset=(6, 2))  # row B: Ben (inside the border)
        await pilot.click("#match-rights", offset=(6, 1 + partner))
        await pilot.pause()
        assert f"B. Ben  →  {partner + 1}. Baker" in screen_text(app)
        assert lefts.chosen == {1: partner}


async def test_l_in_the_library_goes_back_to_choosing_a_learner(app_for: AppFactory) -> None:
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert "Who is studying?" in screen_text(app) and app.learner is None


async def test_learners_can_be_changed_back_and_forth_from_the_first_screen(app_for: AppFactory, store: Store) -> None:
    store.add_learner("Ana")
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = (("enter",), ("tab", *"Ben", "enter"), ("down", "enter"))  # the last learner is listed first
        for name, pressed in zip(("Ana", "Ben", "Ana"), keys, strict=True):
            await pilot.press(*pressed)
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen) and f"Library · {name}" in screen_text(app)
            await pilot.press("l")
            await pilot.pause()
            assert "Who is studying?" in screen_text(app)
        assert len(app.screen_stack) == 1
