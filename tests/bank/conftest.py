"""Small banks built in tmp_path, and a helper to run the validator as the CLI does."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.cli import main

HEADER = """\
format: 1
id: demo
title: Demo bank
description: A bank for tests.
sources:
  report:
    title: A report
    publisher: A publisher
    date: "2023-09-24"
questions:
"""

CHOICE = """\
  - id: demo.q1
    type: choice
    prompt: Which town?
    choices: [Leposavić, Zvečan, Zubin Potok]
    answer: Leposavić
    explanation: The report says so.
    source: report#p6
    tags: [attack]
"""


@pytest.fixture
def write_bank(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML text (dedented) to a file and return its path."""

    def write(text: str, name: str = "bank.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def validate(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    """Run `quiz validate ARGS...` and return (exit code, stdout + stderr)."""

    def run(*args: str | Path) -> tuple[int, str]:
        code = main(["validate", *map(str, args)])
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    return run


@pytest.fixture
def problems_of(validate: Callable[..., tuple[int, str]]) -> Callable[[Path], list[dict[str, object]]]:
    """The problems `quiz validate --format json` reports for a file."""

    def run(path: Path) -> list[dict[str, object]]:
        _, output = validate("--format", "json", path)
        return json.loads(output)["problems"]

    return run
