"""`quiz play`: loading banks (broken ones reported and skipped), choosing the database, bad options."""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.collector import pause_collection, resume_collection
from quiz.commands.play import build_app
from tests.support.banks import GOOD
from tests.support.driving import screen_text

BROKEN = """\
format: 1
id: broken
title: A broken bank
description: Has an unknown field.
colour: blue
sources:
  report: {title: Report, publisher: Someone, date: "2023"}
questions: []
"""


@pytest.fixture(autouse=True)
def cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "cache"))


def args(tmp_path: Path, *paths: Path, **options: object) -> argparse.Namespace:
    values = {"paths": list(paths), "learner": None, "bank": None, "mode": None, "count": None,
              "db": tmp_path / "scores.sqlite3", "seed": 1, "theme": "dark", **options}
    return argparse.Namespace(**values)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "banks" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_broken_bank_is_reported_with_its_position_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "good.yaml", GOOD)
    broken = write(tmp_path, "broken.yaml", BROKEN)
    app, store = build_app(args(tmp_path, tmp_path / "banks"))
    with store:
        assert [bank.id for bank in app.library] == ["good"]
    err = capsys.readouterr().err
    assert f"{broken}:5:1:" in err and "skipped" in err


def test_a_broken_bank_is_reported_again_on_the_next_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "good.yaml", GOOD)
    write(tmp_path, "broken.yaml", BROKEN)
    for _ in range(2):
        _, store = build_app(args(tmp_path, tmp_path / "banks"))
        store.close()
        assert "broken.yaml:5:1:" in capsys.readouterr().err


def test_no_loadable_bank_is_an_error_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write(tmp_path, "broken.yaml", BROKEN)
    assert main(["play", "--db", str(tmp_path / "s.sqlite3"), str(broken)]) == 1
    err = capsys.readouterr().err
    assert "quiz: error: no bank could be loaded" in err and "Traceback" not in err


def test_unknown_bank_id_is_a_usage_error_listing_the_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "good.yaml", GOOD)
    assert main(["--bank", "nope", "--db", str(tmp_path / "s.sqlite3"), str(good)]) == 2
    err = capsys.readouterr().err
    assert "no bank with the id 'nope'" in err and "loaded banks: good" in err


def test_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", str(tmp_path / "missing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_database_comes_from_db_then_quiz_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = write(tmp_path, "good.yaml", GOOD)
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "env.sqlite3"))
    _, store = build_app(args(tmp_path, good, db=None))
    with store:
        assert store.path == tmp_path / "env.sqlite3"
    _, store = build_app(args(tmp_path, good, db=tmp_path / "flag.sqlite3"))
    with store:
        assert store.path == tmp_path / "flag.sqlite3"


def test_bundled_banks_load_by_default(tmp_path: Path) -> None:
    app, store = build_app(args(tmp_path))
    with store:
        assert len(app.library) >= 1


def test_count_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["play", "--count", "0"])
    assert raised.value.code == 2


async def test_collection_paused_for_start_up_resumes_once_the_first_screen_is_shown(tmp_path: Path) -> None:
    write(tmp_path, "good.yaml", GOOD)
    pause_collection()  # as `quiz play` does before building the app
    try:
        app, store = build_app(args(tmp_path, tmp_path / "banks", learner="ana"))
        assert not gc.isenabled()
        with store:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert gc.isenabled()
                assert "Library · ana" in screen_text(app)
    finally:
        resume_collection()
        gc.unfreeze()


def test_resuming_when_nothing_was_paused_freezes_nothing() -> None:
    frozen = gc.get_freeze_count()
    resume_collection()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


FIRST_SCREEN = """
import sys
from quiz.cli import build_parser
from quiz.commands.play import build_app

async def ready(pilot):
    await pilot.pause()
    print("Library · ana" in str(pilot.app.screen.query_one("#library-title").render()))
    print("quiz.bank.model" in sys.modules)
    pilot.app.exit()

parser, _ = build_parser("play")
app, store = build_app(parser.parse_args(["play", sys.argv[1], "--learner", "ana", "--db", sys.argv[2]]))
with store:
    app.run(headless=True, auto_pilot=ready, size=(80, 24))
"""


def test_from_the_bank_cache_the_first_screen_is_shown_without_the_bank_model(tmp_path: Path) -> None:
    banks = write(tmp_path, "good.yaml", GOOD).parent
    command = [sys.executable, "-c", FIRST_SCREEN, str(banks), str(tmp_path / "scores.sqlite3")]
    environment = {**os.environ, "QUIZ_CACHE_DIR": str(tmp_path / "cache")}

    read_from_yaml = subprocess.run(command, env=environment, capture_output=True, text=True, check=True)
    from_cache = subprocess.run(command, env=environment, capture_output=True, text=True, check=True)

    assert read_from_yaml.stdout.split() == ["True", "True"]
    assert from_cache.stdout.split() == ["True", "False"]  # shown, and the bank model never imported


async def test_a_round_starts_from_the_library_the_bank_cache_gave(tmp_path: Path) -> None:
    write(tmp_path, "good.yaml", GOOD)
    build_app(args(tmp_path, tmp_path / "banks"))[1].close()  # fills the cache
    app, store = build_app(args(tmp_path, tmp_path / "banks", learner="ana"))
    with store:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("d")  # a Due round: the banks are read from the cache now
            await pilot.pause()
            assert "Is this bank fine?" in screen_text(app)
