"""Small banks for the lint rules: questions as YAML under a fixed header, linted by one rule or all."""

from __future__ import annotations

import textwrap

from quiz.bank.load import read_bank_text
from quiz.bank.model import Bank
from quiz.bank.problems import Problem
from quiz.lint.rules import RULES
from quiz.lint.run import lint_banks

HEADER = """\
format: 1
id: {bank_id}
title: A bank for lint tests
description: Questions written to have, or not to have, one flaw.
sources:
  report:
    title: A report
    publisher: A publisher
    date: "2023-09-24"
questions:
"""


def bank(questions: str, bank_id: str = "demo") -> Bank:
    """A bank holding the questions (YAML list items, any indentation), which must read without errors."""
    text = HEADER.format(bank_id=bank_id) + textwrap.indent(textwrap.dedent(questions), "  ")
    loaded, problems = read_bank_text(text, f"{bank_id}.yaml")
    assert loaded is not None, problems
    return loaded


def flaws(rule_id: str, *question_lists: str) -> list[Problem]:
    """What one rule reports on banks made of the question lists (one bank each)."""
    banks = [bank(questions, f"bank{index}") for index, questions in enumerate(question_lists)]
    return lint_banks(banks, [RULES[rule_id]])


def choice(prompt: str, choices: list[str], answer: str, qid: str = "q1", **extra: str) -> str:
    """A choice question as YAML, with plain-text fields quoted safely."""
    lines = [f"- id: {qid}", "  type: choice", f"  prompt: {_quote(prompt)}", "  choices:"]
    lines += [f"    - {_quote(text)}" for text in choices]
    lines += [f"  answer: {_quote(answer)}",
              f"  explanation: {_quote(extra.pop('explanation', 'The report describes it in detail, with dates.'))}",
              "  source: report"]
    lines += [f"  {key}: {_quote(value)}" for key, value in extra.items()]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
