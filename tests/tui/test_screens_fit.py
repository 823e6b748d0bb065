"""Screens that fit and say true things: history in full at 80x24 and opening what it lists, a trend on a
fixed scale, tags weakest first, notes that scroll at once with dates as people write them, the hint
on every type, and a reading width at 160x50 (B4, B5, B6, friction 6, 9, 14)."""

from __future__ import annotations

import pytest

from quiz.store import AnswerRecord, Store
from quiz.tui.screens.notes import NotesScreen
from quiz.tui.screens.review import ReviewScreen
from tests.support.banks import make_bank
from tests.support.driving import screen_text, skip_to
from tests.tui.conftest import AppFactory

SIZE = (80, 24)
LONG_TITLE = "The Banjska attack, 24 September 2023, and what came of it"


def played(store: Store, rounds: list[tuple[str, list[tuple[str, float]]]], planned: int | None = None) -> None:
    ana = store.learner("Ana") or store.add_learner("Ana")
    for mode, answers in rounds:
        ids = [question for question, _ in answers]
        round_id = store.start_round(ana.id, "demo", mode, ids * (planned or 1) if planned else ids, {})
        for question, score in answers:
            store.record_answer(round_id, AnswerRecord(question, "demo", "h", "Zvečan", score, 3.0))
        store.finish_round(round_id, 9.0)


async def test_history_rounds_show_every_column_in_full_at_80x24(app_for: AppFactory, store: Store) -> None:
    ids = ["demo.choice", "demo.multi", "demo.tf", "demo.short", "demo.order"]
    played(store, [("practice", [(q, 1.0 if n % 2 else 0.5) for n, q in enumerate(ids)])], planned=3)
    app = app_for([make_bank("demo", LONG_TITLE)], learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        text = screen_text(app)
        assert "3.5/15 23%" in text and "Practice" in text and "finished" in text and "Status" in text
        assert "The Banjska attack" in text and "…" in text  # only the bank title is cut


async def test_history_opens_a_rounds_answers_and_a_missed_question_with_its_explanation(
    app_for: AppFactory, store: Store
) -> None:
    played(store, [("practice", [("demo.choice", 0.0), ("demo.tf", 1.0)])])
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "Answer 1 of 2" in text and "Which town did the report name?" in text and "Zvečan" in text
        await pilot.press("escape", "right", "right", "right")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "Missed 1 of 1 time" in text and "Because of reasons about choice." in text
        assert "Right answer  Leposavić" in text


async def test_the_trend_is_drawn_on_a_fixed_scale_and_tags_are_weakest_first(
    app_for: AppFactory, store: Store
) -> None:
    played(store, [("practice", [("demo.multi", 1.0), ("demo.choice", 0.0)]),
                   ("practice", [("demo.multi", 1.0), ("demo.choice", 0.0)])])
    app = app_for(learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h", "right")
        await pilot.pause()
        assert "▄▄▄▄" in screen_text(app)  # 50% twice: two equal, half-height bars
        await pilot.press("right")
        await pilot.pause()
        text = screen_text(app)
        assert text.index("geography") < text.index("numbers")  # 0% before 100%


async def test_notes_scroll_at_once_and_timeline_dates_read_as_people_write_them(app_for: AppFactory) -> None:
    from quiz.bank.model import StudyNotes, TimelineEvent

    bank = make_bank()
    long_primer = "\n\n".join(f"Paragraph {n} of the primer." for n in range(1, 40))
    timeline = (
        TimelineEvent(date="2004-03-17/2004-03-18", event="Riots."),
        TimelineEvent(date="1998-03", event="War."),
    )
    bank = type(bank)(**{**bank.__dict__, "notes": StudyNotes(primer=long_primer, timeline=timeline)})
    app = app_for([bank], learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("pagedown", "down")
        await pilot.pause()
        assert "Paragraph 1 of" not in screen_text(app)
        await pilot.press("right")  # ←→ still switch tabs
        await pilot.pause()
        text = screen_text(app)
        assert "17-18 March 2004" in text and "March 1998" in text and "2004-03-17" not in text


@pytest.mark.parametrize("question_type", ["choice", "multi", "truefalse", "short", "order", "match", "number"])
async def test_the_hint_is_on_screen_for_every_type(app_for: AppFactory, question_type: str) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, question_type)
        await pilot.press("f3" if question_type in ("short", "number") else "h")
        await pilot.pause()
        assert "Hint: " in screen_text(app)


async def test_text_keeps_a_reading_width_on_a_wide_terminal(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "choice")
        assert app.screen.query_one("#question-body").size.width <= 100


async def test_the_status_bar_never_gives_away_the_answer_in_its_title(app_for: AppFactory) -> None:
    from quiz.bank.model import Choice, ChoiceQuestion, SourceRef

    when = ChoiceQuestion(
        id="attack.when", prompt="On what date did the attack take place?", explanation="As reported.",
        source=(SourceRef(source="report"),), answer="24 September 2023",
        choices=(Choice(text="24 September 2023"), Choice(text="1 May 2023")),
    )
    bank = make_bank("attack", "The Banjska attack, 24 September 2023", (when,))
    app = app_for([bank], learner="Ana", bank_id="attack", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert "Practice" in top and "24 September" not in top


async def test_the_library_refits_its_table_when_the_terminal_is_resized(app_for: AppFactory) -> None:
    """At 80 columns a long bank title wraps; at 120 it fits on one line; back at 80 every column shows."""
    app = app_for([make_bank("demo", LONG_TITLE)], learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def title_row() -> str:
            return next(line for line in screen_text(app).splitlines() if "The Banjska attack" in line)

        assert "and what came of it" not in title_row()  # wrapped onto a second line
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert "and what came of it" in title_row() and "Best" in screen_text(app)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert "and what came of it" not in title_row() and "Best" in screen_text(app)


async def test_the_history_refits_its_rounds_when_the_terminal_is_resized(app_for: AppFactory, store: Store) -> None:
    """The bank title is cut to fit at 80 columns and shown whole at 120: every other column stays whole."""
    played(store, [("practice", [("demo.choice", 1.0)])])
    app = app_for([make_bank("demo", LONG_TITLE)], learner="Ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()

        def round_row() -> str:
            return next(line for line in screen_text(app).splitlines() if "Practice" in line)

        assert "…" in round_row() and "finished" in round_row()
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert LONG_TITLE in round_row() and "finished" in round_row()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert "…" in round_row() and "finished" in round_row()
