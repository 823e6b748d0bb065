"""Fixtures for the classroom tests: a one-question bank file and a scores database in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.banks import GOOD


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "class.sqlite3"
