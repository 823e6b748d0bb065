"""Randomly damaged banks (a fixed seed, so any failure reproduces) give problems, never exceptions."""

from __future__ import annotations

import random

import pytest

from quiz.bank.load import read_bank_text
from quiz.bank.starter import starter_bank
from quiz.bank.validate import check_bank

DAMAGE = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!python/object:os.system ", "'", '"', "\t", "\n", "  ",
          "#", "|", ">", "? ", ",", "~", "null", "1e9", "true", "\x00", "\ufeff", "---\n", "%YAML 1.1\n",
          "!!binary ", "<<: *a", "#p3", "\\", "é"]


def damaged(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 6)):
        position = rng.randrange(len(chars))
        roll = rng.random()
        if roll < 0.4:
            chars.insert(position, rng.choice(DAMAGE))
        elif roll < 0.7:
            del chars[position : position + rng.randint(1, 20)]
        else:
            other = rng.randrange(len(chars))
            chars[position], chars[other] = chars[other], chars[position]
    return "".join(chars)


@pytest.mark.parametrize("seed", range(4))
def test_damaged_banks_are_reported_with_positions_not_raised(seed: int) -> None:
    rng = random.Random(seed)
    text = starter_bank("fuzz", "fuzz.yaml", "bank.schema.json")
    lines = text.count("\n") + 2
    for _ in range(150):
        bank, problems = read_bank_text(damaged(text, rng), "fuzz.yaml")
        if bank is not None:
            problems += check_bank(bank)
        assert all(1 <= problem.line <= lines + 1 and problem.col >= 1 for problem in problems)
        assert bank is not None or any(problem.is_error for problem in problems)
