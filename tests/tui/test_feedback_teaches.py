"""Feedback that teaches the parts: ✓/✗ per tick, item and pair with the partial score in words, feedback
labelled as about the learner's pick, typed answers with one typo accepted, "I was right", every
accepted form shown, the source on screen at 80x24, and whether the hint was seen stored (friction 2-4, 7)."""

from __future__ import annotations

from quiz.bank.model import Choice, ChoiceQuestion, SourceRef
from quiz.store import Store
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.widgets.outcome_view import OutcomeView
from tests.support.banks import SOURCES, make_bank
from tests.support.driving import answer_right, screen_text, skip_to
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


def stored(store: Store) -> dict[str, object]:
    ana = store.learner("Ana")
    assert ana is not None
    return {a.question_id: a for a in store.round_answers(store.rounds(ana.id)[0].id)}


async def test_multi_feedback_marks_each_tick_and_says_the_score_in_words(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "multi")
        texts = app.screen.query_one("#answer").texts
        await pilot.press(*(str(texts.index(t) + 1) for t in ("2", "3")), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Wrong · 1 right tick, 1 wrong tick, 1 right option not ticked" in text
        assert "✓ 2" in text and "✗ 3" in text
        assert "• 4  (not ticked)" in text


async def test_order_and_match_feedback_mark_each_item_and_pair(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "match")
        rights = app.screen.query_one("#answer").rights
        await pilot.press(*(str(rights.index(r) + 1) for r in ("Pilot", "Cook", "Baker")), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "1 of 3 pairs matched" in text
        assert "✓ Ana → Pilot" in text and "✗ Ben → Cook  (right: Baker)" in text
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "order")
        shown = list(app.screen.query_one("#answer").items)
        await pilot.press("shift+down", "shift+up", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "pairs in the right order" in text
        for place, item in enumerate(shown, 1):
            assert f"{place}. {item}" in text
        assert ("✓ 1. first" in text) == (shown[0] == "first")


async def test_per_option_feedback_is_about_the_pick_not_the_right_answer(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "choice")
        texts = app.screen.query_one("#answer").texts
        await pilot.press(str(texts.index("Zvečan") + 1), "enter")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        right = next(n for n, line in enumerate(lines) if "Right answer  Leposavić" in line)
        pick = next(n for n, line in enumerate(lines) if "About your pick  Zvečan: Close, but not named." in line)
        assert pick > right + 1  # its own labelled part, apart from the right answer


async def test_one_typo_is_accepted_and_the_spelling_shown_with_every_accepted_form(
    app_for: AppFactory, store: Store
) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "short")
        await pilot.press(*"Prishtna", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✓ Right · accepted; spelled Prishtina" in text
        assert "Prishtina  (also accepted: Priština, Pristina)" in text
        assert "I was right" not in text
    answer = stored(store)["demo.short"]
    assert answer.score == 1.0 and answer.response == "Prishtna"  # type: ignore[attr-defined]


async def test_i_was_right_overrides_a_wrong_typed_answer_and_is_stored_as_an_override(
    app_for: AppFactory, store: Store
) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "short")
        before = app.screen.round.score  # type: ignore[attr-defined]
        await pilot.press(*"Prishtina city", "enter")
        await pilot.pause()
        assert "✗ Wrong" in screen_text(app) and "i I was right" in screen_text(app)
        await pilot.press("i")
        await pilot.pause()
        text = screen_text(app)
        assert "✓ You said you were right: your schedule counts it as right" in text
        assert "I was right" not in text.splitlines()[-1]
        assert f"Score {before:g} of" in text  # the round keeps the app's verdict
    answer = stored(store)["demo.short"]
    assert answer.overridden_at is not None and answer.score == 0.0  # type: ignore[attr-defined]


async def test_no_i_was_right_key_for_a_choice(app_for: AppFactory) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "choice")
        texts = app.screen.query_one("#answer").texts
        await pilot.press(str(texts.index("Zvečan") + 1), "enter", "i")
        await pilot.pause()
        assert "I was right" not in screen_text(app) and "✗ Wrong" in screen_text(app)


async def test_whether_the_hint_was_shown_is_stored_with_the_answer(app_for: AppFactory, store: Store) -> None:
    app = app_for(learner="Ana", bank_id="demo", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await skip_to(pilot, app, "choice")
        await pilot.press("h")
        await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        await answer_right(pilot, app)
    answers = stored(store)
    assert answers["demo.choice"].hint_shown is True  # type: ignore[attr-defined]
    assert {a.hint_shown for q, a in answers.items() if q != "demo.choice"} == {False}  # type: ignore[attr-defined]


TYPICAL = ChoiceQuestion(
    id="typical.q",
    prompt="Which body did the morning report say had sent officers to the village after the first "
    "shots were heard?",  # the bundled banks' median prompt is about 90 characters
    explanation="The report named the Kosovo Police as the force that went to the village; KFOR came "
    "later in the day, as the second paragraph of the same report says, and EULEX investigators "
    "arrived in the evening. Keep the order of arrival in mind.",  # the median is about 210
    source=(SourceRef(source="report", paragraph=6), SourceRef(source="later")),
    choices=(Choice(text="Kosovo Police"), Choice(text="KFOR", feedback="KFOR arrived later that day."),
             Choice(text="EULEX"), Choice(text="The army")),
    answer="Kosovo Police",
)


async def test_the_source_is_on_screen_without_scrolling_for_a_typical_question(app_for: AppFactory) -> None:
    bank = make_bank("typical", "Typical bank", (TYPICAL,))
    assert "later" in SOURCES
    app = app_for([bank], learner="Ana", bank_id="typical", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        texts = app.screen.query_one("#answer").texts
        await pilot.press(str(texts.index("KFOR") + 1), "enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.query_one(OutcomeView).max_scroll_y == 0
        text = screen_text(app)
        assert "Source" in text and "Morning report — Example News, 2023-09-24, paragraph 6" in text
        assert "Later review" in text
