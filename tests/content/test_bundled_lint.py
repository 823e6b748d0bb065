"""The bundled banks have no item-writing flaw that is not allowed with a reason (CI runs quiz lint --strict too)."""

from __future__ import annotations

from quiz.bank.load import load_paths
from quiz.lint.run import lint_banks
from quiz.locations import bundled_banks_dir


def test_bundled_banks_pass_lint_strict() -> None:
    result = load_paths([bundled_banks_dir()])
    assert result.ok
    assert [f"{p.path}:{p.line}: {p.code}: {p.message}" for p in lint_banks(result.banks)] == []


def test_every_allowance_in_the_bundled_banks_gives_a_reason_of_a_sentence() -> None:
    result = load_paths([bundled_banks_dir()])
    reasons = [q.lint.because for bank in result.banks for q in bank.questions if q.lint is not None]
    assert reasons and all(len(reason.split()) >= 8 for reason in reasons)
