"""Signing in to a served class in the app itself (Pilot, 80x24): name, PIN set on first use, no list shown."""

from __future__ import annotations

from pathlib import Path

from quiz.store import Store
from quiz.study.pins import hash_pin, is_valid_pin, verify_pin
from quiz.tui.app import make_app
from quiz.tui.screens.learner import ClassLearnerScreen
from quiz.tui.screens.library import LibraryScreen
from tests.support.banks import make_bank
from tests.support.driving import screen_text

SIZE = (80, 24)


async def sign_in(pilot: object, name: str, pin: str) -> None:
    await pilot.press(*name, "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press(*pin, "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_a_new_learner_sets_a_pin_and_the_class_list_is_never_shown(db: Path) -> None:
    with Store.open(db) as store:
        store.add_learner("Classmate Ben")
        app = make_app([make_bank()], store, seed=7, class_name="9b")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ClassLearnerScreen)
            assert "Ben" not in screen_text(app)
            await pilot.press(*"Ana", "enter")
            await pilot.pause()
            assert "New here: choose a 4-digit PIN" in screen_text(app)
            await pilot.press(*"2468", "enter")
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            assert "Ben" not in screen_text(app)
        ana = store.learner("Ana")
        assert ana is not None
        stored = store.pin_hash(ana.id)
        assert stored is not None and verify_pin("2468", stored) and "2468" not in stored


async def test_the_wrong_pin_keeps_you_out_and_five_wrong_ones_stop_the_session(db: Path) -> None:
    with Store.open(db) as store:
        ana = store.add_learner("Ana")
        store.set_pin_hash(ana.id, hash_pin("2468"))
        app = make_app([make_bank()], store, seed=7, class_name="9b")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await sign_in(pilot, "ana", "1111")
            assert isinstance(app.screen, ClassLearnerScreen)
            assert "That is not the PIN for this name." in screen_text(app)
            for _ in range(4):
                await pilot.press(*"1111", "enter")
            await pilot.press(*"2468", "enter")  # right, but too late for this session
            await pilot.pause()
            assert isinstance(app.screen, ClassLearnerScreen)
            assert "Too many wrong PINs." in screen_text(app)


async def test_a_learner_from_the_terminal_sets_a_pin_on_first_class_use_and_rounds_carry_the_class(db: Path) -> None:
    with Store.open(db) as store:
        store.add_learner("Ana")
        app = make_app([make_bank()], store, seed=7, class_name="9b", mode="practice", count=2)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await sign_in(pilot, "Ana", "0007")
            await pilot.pause()
            assert "Who is studying?" not in screen_text(app)
        ana = store.learner("Ana")
        assert ana is not None and store.pin_hash(ana.id) is not None
        [round_] = store.rounds(ana.id)
    with Store.open(db) as store:
        labels = store._connection.execute("SELECT class_name FROM rounds").fetchall()
    assert labels == [("9b",)] and round_.mode == "practice"


def test_a_pin_is_four_ascii_digits() -> None:
    assert is_valid_pin("0123")
    assert not any(is_valid_pin(pin) for pin in ("123", "12345", "12a4", "١٢٣٤", ""))
    assert not verify_pin("0123", "plain$0123")
