"""`quiz scores` and `quiz learners` on a database someone else wrote: its text cannot act on the terminal."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.store import Store
from tests.support.clocks import TickingClock

TITLE = "Ana\x1b]0;TITLE\x07"
CLIPBOARD = "bank\x1b]52;c;U0NPUkVT\x1b\\\x1b[2J"


@pytest.fixture
def tampered(db_path: Path) -> Path:
    """A learner renamed with sqlite3 to hold a title escape; bank ids with an OSC 52 write and a newline."""
    with Store.open(db_path, clock=TickingClock()) as store:
        learner = store.add_learner("Ana")
        first = store.start_round(learner.id, CLIPBOARD, "practice", ["q"], {})
        store.finish_round(first, 3)
        store.start_round(learner.id, "nl\n  fake line", "practice", ["q"], {})
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE learners SET name = ?", (TITLE,))
    connection.commit()
    connection.close()
    return db_path


@pytest.mark.parametrize("command", [["scores"], ["learners"], ["due"]])
def test_database_text_is_shown_escaped_on_one_line(
    tampered: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    assert main([*command, "--db", str(tampered)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Ana\\u001b]0;TITLE\\u0007" in out
    assert not any(line.startswith("  fake line") for line in out.splitlines())


def test_scores_json_keeps_the_text_but_escapes_it(tampered: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scores", "--json", "--db", str(tampered)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    [learner] = json.loads(out)["learners"]
    assert learner["name"] == TITLE
    assert CLIPBOARD in {item["bank_id"] for item in learner["rounds"]}
