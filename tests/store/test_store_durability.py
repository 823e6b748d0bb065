"""Answers survive a killed process, and two processes writing at once lose nothing."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.store import Store

_RECORDER = """
import os, signal, sys, time
from pathlib import Path
from quiz.store import AnswerRecord, Store

path, name, ending = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
count, start_at, pause = int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
store = Store.open(path)
learner = store.learner(name) or store.add_learner(name)
round_id = store.start_round(learner.id, "bank-a", "practice", [f"q{i}" for i in range(count + 1)], {})
time.sleep(max(0.0, start_at - time.time()))
for index in range(count):
    store.record_answer(round_id, AnswerRecord(f"q{index}", "bank-a", "h", [name, index], index % 2, 0.1))
    time.sleep(pause)
if ending == "exit":
    os._exit(0)
if ending == "kill":
    os.kill(os.getpid(), signal.SIGKILL)
store.close()
"""


def _recorder(
    path: Path, name: str, ending: str, count: int, start_at: float = 0.0, pause: float = 0.0
) -> subprocess.Popen[str]:
    """A separate Python process that records ``count`` answers for ``name``, then ends as told."""
    return subprocess.Popen(
        [sys.executable, "-c", _RECORDER, str(path), name, ending, str(count), str(start_at), str(pause)],
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize(("ending", "returncode"), [("exit", 0), ("kill", -signal.SIGKILL)])
def test_a_process_that_dies_mid_round_keeps_every_answer(db_path: Path, ending: str, returncode: int) -> None:
    process = _recorder(db_path, "Ana", ending, 25)
    _, errors = process.communicate(timeout=60)
    assert process.returncode == returncode, errors

    with Store.open(db_path) as store:
        ana = store.learner("Ana")
        assert ana is not None
        resumable = store.resumable_round(ana.id)
        assert resumable is not None
        assert resumable.answered_ids == tuple(f"q{i}" for i in range(25))
        assert resumable.remaining_ids == ("q25",)
        assert resumable.score == 12
        assert store.round_answers(resumable.id)[-1].response == ("Ana", 24)


def test_two_processes_writing_at_once_lose_nothing(db_path: Path) -> None:
    start_at = time.time() + 1.5
    processes = [_recorder(db_path, name, "close", 500, start_at, pause=0.001) for name in ("Ana", "Ben")]
    for process in processes:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors

    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    counts = connection.execute(
        "SELECT l.name, count(*) FROM answers AS a JOIN learners AS l ON l.id = a.learner_id GROUP BY l.name"
    ).fetchall()
    assert sorted(counts) == [("Ana", 500), ("Ben", 500)]
    times = connection.execute("SELECT min(answered_at), max(answered_at) FROM answers GROUP BY learner_id").fetchall()
    (first_start, first_end), (second_start, second_end) = times
    assert first_start < second_end
    assert second_start < first_end, "the two writers did not overlap"
