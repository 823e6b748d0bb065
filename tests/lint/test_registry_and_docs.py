"""Every rule has the shared shape, its docstring's examples behave as documented, and docs/lint.md is current."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest

import quiz.lint.rules
from quiz.bank.model import LINT_CODES
from quiz.lint.docs import markdown, rule_doc
from quiz.lint.rules import RULES
from quiz.lint.run import lint_banks
from tests.lint.conftest import bank

DOCS = Path(__file__).parents[2] / "docs" / "lint.md"


def test_every_rule_module_is_registered() -> None:
    modules = {name.replace("_", "-") for _, name, _ in pkgutil.iter_modules(quiz.lint.rules.__path__)}
    assert modules == set(RULES)


def test_the_codes_a_question_may_allow_are_the_rules_of_one_question() -> None:
    assert set(LINT_CODES) == set(RULES) - {"truefalse-share"}
    assert not RULES["truefalse-share"].allowable


@pytest.mark.parametrize("rule_id", list(RULES))
def test_bad_example_is_flagged_and_good_one_is_not(rule_id: str) -> None:
    parts = rule_doc(RULES[rule_id])
    assert parts.summary and parts.body and parts.bad and parts.good
    assert "Misses" in parts.body, "each rule says what it misses"
    flagged = lint_banks([bank(parts.bad)], [RULES[rule_id]])
    assert {problem.code for problem in flagged} == {rule_id}
    assert lint_banks([bank(parts.good)], [RULES[rule_id]]) == []


@pytest.mark.parametrize("rule_id", list(RULES))
def test_good_examples_pass_every_rule(rule_id: str) -> None:
    assert lint_banks([bank(rule_doc(RULES[rule_id]).good)]) == []


def test_shipped_docs_are_the_generated_ones() -> None:
    assert DOCS.read_text(encoding="utf-8") == markdown(), "run: python -m quiz.lint.docs > docs/lint.md"
