"""Text from a database or a bank never reaches the terminal as control, on any screen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.store import Store
from tests.support.driving import screen_text
from tests.tui.conftest import AppFactory

SIZE = (80, 24)


async def test_a_tampered_learner_name_is_drawn_without_its_escapes(
    app_for: AppFactory, store: Store, db_path: Path
) -> None:
    store.add_learner("Ana")
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE learners SET name = ?", ("An\x1b]52;c;UFdORUQ=\x1b\\a\u202e",))
    connection.commit()
    connection.close()
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "An]52;c;UFdORUQ=\\a" in text
        assert "\x1b" not in text and "\u202e" not in text
