"""A database from the first release (schema 1) upgrades with nothing lost and its due reviews waiting."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.bank.fingerprint import content_hash, legacy_content_hash
from quiz.bank.write import write_bank
from quiz.cli import main
from quiz.store import Store
from quiz.store.migrations import MIGRATIONS
from quiz.study.library import Library
from quiz.study.session import Session
from quiz.study.upgrade import upgrade_store
from tests.support.banks import make_bank
from tests.support.clocks import FakeClock

LIBRARY = Library.of([make_bank("demo", "Demo bank")])
ANSWERS = "SELECT id, round_id, question_id, score, answered_at FROM answers ORDER BY id"


def version_1_database(path: Path) -> list[tuple[object, ...]]:
    """Schema 1 as the first release left it: Ana answered three questions over two days; returns the rows."""
    connection = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.execute("INSERT INTO learners (id, name, name_key, created_at) VALUES (1, 'Ana', 'ana', '2026-01-01')")
    answers = [
        ("demo.choice", 1.0, "2026-01-01T10:00:00.000+00:00"),
        ("demo.tf", 0.0, "2026-01-01T10:01:00.000+00:00"),
        ("demo.choice", 1.0, "2026-01-02T10:00:00.000+00:00"),
        ("demo.multi", 0.5, "2026-01-02T10:01:00.000+00:00"),
    ]
    for round_id, (question_id, score, at) in enumerate(answers, 1):
        located = LIBRARY.locate(question_id)
        assert located is not None
        connection.execute(
            "INSERT INTO rounds (id, learner_id, bank_id, mode, question_ids, planned, settings, started_at,"
            " finished_at) VALUES (?, 1, 'demo', 'practice', ?, 1, '{}', ?, ?)",
            (round_id, f'["{question_id}"]', at, at),
        )
        connection.execute(
            "INSERT INTO answers (round_id, learner_id, bank_id, question_id, content_hash, response, score,"
            " seconds, answered_at) VALUES (?, 1, 'demo', ?, ?, '\"x\"', ?, 4.0, ?)",
            (round_id, question_id, legacy_content_hash(located.question), score, at),
        )
    connection.commit()
    rows = connection.execute(ANSWERS).fetchall()
    connection.close()
    return rows


def test_a_version_1_database_upgrades_with_nothing_lost_and_due_reviews_shown(tmp_path: Path) -> None:
    path = tmp_path / "scores.sqlite3"
    before = version_1_database(path)
    clock = FakeClock(datetime(2026, 1, 20, 9, 0, tzinfo=UTC))
    said: list[str] = []
    with Store.open(path, clock=clock) as store:
        upgrade_store(store, LIBRARY, clock, said.append)
        session = Session(store, LIBRARY, clock)
        ana = store.learner("Ana")
        assert ana is not None
        today = session.today(ana)
        assert today.due == 3
        assert today.new == 4  # the four questions never answered
        assert store.rounds(ana.id)[0].finished_at is not None
        cards = {card.question_id: card for card in store.cards(ana.id)}
        assert cards["demo.choice"].memory.reviews == 2
        assert {card.memory.content_hash for card in cards.values()} == {
            content_hash(q) for q in LIBRARY.banks[0].questions if q.id in cards
        }
        said_before = list(said)
        upgrade_store(store, LIBRARY, clock, said.append)
        assert said == said_before  # once only
    copies = list(tmp_path.glob("scores.sqlite3.before-schedule-*"))
    assert len(copies) == 1
    assert str(copies[0]) in said[0] and "4 stored answers" in said[0]
    old = sqlite3.connect(copies[0])
    assert old.execute("SELECT count(*) FROM cards").fetchone()[0] == 0
    old.close()
    connection = sqlite3.connect(path)
    after = connection.execute(ANSWERS).fetchall()
    assert after == before
    stats = connection.execute("SELECT DISTINCT content_hash FROM answers WHERE question_id = 'demo.choice'")
    located = LIBRARY.locate("demo.choice")
    assert located is not None
    assert stats.fetchall() == [(content_hash(located.question),)]


def test_a_new_database_needs_no_upgrade(tmp_path: Path) -> None:
    clock = FakeClock()
    said: list[str] = []
    with Store.open(tmp_path / "scores.sqlite3", clock=clock) as store:
        upgrade_store(store, LIBRARY, clock, said.append)
        assert store.meta("schedule_built") == "1"
        assert store.meta("content_hash_version") == "2"
    assert said == []
    assert list(tmp_path.glob("*.before-schedule-*")) == []


def test_quiz_due_upgrades_an_old_database_and_names_the_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "cache"))
    bank_file = tmp_path / "demo.yaml"
    bank_file.write_text(write_bank(LIBRARY.banks[0], "test", "none", {}).text, encoding="utf-8")
    path = tmp_path / "scores.sqlite3"
    version_1_database(path)
    assert main(["due", str(bank_file), "--db", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    [copy] = tmp_path.glob("scores.sqlite3.before-schedule-*")
    assert f"first copied to {copy}" in err
    assert "The review schedule is ready: 4 answers replayed." in err
    assert json.loads(out)["due"] == 3
    assert main(["due", str(bank_file), "--db", str(path)]) == 0
    assert "copied" not in capsys.readouterr().err
