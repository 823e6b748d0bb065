"""Paths given to `quiz validate`: a FIFO fails at once, a file named twice is one file, a closed pipe keeps exit 1."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.bank.conftest import CHOICE, HEADER

Validate = Callable[..., tuple[int, str]]


def test_a_fifo_is_an_error_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)
    run = subprocess.run([sys.executable, "-m", "quiz", "validate", str(fifo)], capture_output=True, text=True,
                         timeout=20, check=False)
    assert run.returncode == 2
    assert "not a regular file" in run.stdout


def test_a_bank_named_twice_is_not_a_duplicate_of_itself(write_bank: Callable[..., Path], validate: Validate) -> None:
    path = write_bank(HEADER + CHOICE)
    (path.parent / "link.yaml").symlink_to(path)
    code, out = validate(path, path, path.parent, path.parent / ".." / path.parent.name)
    assert (code, out.strip()) == (0, "1 file checked: all valid")


def test_a_closed_pipe_does_not_turn_invalid_into_success(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(HEADER.replace("questions:\n", "questions: [") + "a," * 20_000 + "a]\n", encoding="utf-8")
    command = f"{sys.executable} -m quiz validate --max-problems 100000 {path} | head -1 >/dev/null; " \
              "echo ${PIPESTATUS[0]}"
    run = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60, check=False,
                         cwd=Path(__file__).parents[2])
    assert run.stdout.strip() == "1"
    assert "Traceback" not in run.stderr
