"""Run every rule on loaded banks: position each flaw, honour the allowances, report the stale ones."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quiz.bank.model import AnyQuestion, Bank, Pos
from quiz.bank.problems import Problem
from quiz.lint.rule import BankFlaw, Rule
from quiz.lint.rules import RULES

STALE_ALLOW = "stale-allow"
"""Not a rule: an allowance in a question that no flaw of that question matches any more."""


def _position(bank: Bank, question: AnyQuestion | None, key: str) -> Pos:
    spans = question.spans if question is not None else bank.spans
    return spans.get(key) or spans.get("", (1, 1))


def _problem(rule: Rule, found: BankFlaw) -> Problem:
    line, col = _position(found.bank, found.question, found.flaw.key)
    question_id = found.question.id if found.question is not None else ""
    prefix = f"question {question_id!r}: " if question_id else ""
    return Problem(found.bank.path, line, col, rule.id, prefix + found.flaw.message, rule.hint, "warning",
                   question=question_id)


def _findings(banks: Sequence[Bank], rules: Sequence[Rule]) -> Iterator[tuple[Rule, BankFlaw]]:
    for rule in rules:
        if rule.check_banks is not None:
            yield from ((rule, found) for found in rule.check_banks(banks))
        elif rule.check_question is not None:
            check = rule.check_question
            for bank in banks:
                for question in bank.questions:
                    yield from ((rule, BankFlaw(bank, question, flaw)) for flaw in check(question))


def _stale(bank: Bank, question: AnyQuestion, flawed: set[str]) -> Iterator[Problem]:
    if question.lint is None:
        return
    line, col = _position(bank, question, "lint.allow")
    for code in question.lint.allow:
        if code not in flawed:
            yield Problem(bank.path, line, col, STALE_ALLOW,
                          f"question {question.id!r}: allows {code!r}, but has no such flaw",
                          f"remove {code!r} from lint.allow (and the lint field if nothing is left)", "warning",
                          question=question.id)


def lint_banks(banks: Sequence[Bank], rules: Sequence[Rule] | None = None) -> list[Problem]:
    """Every flaw the rules find that its question does not allow, and every allowance that matches nothing."""
    chosen = list(RULES.values()) if rules is None else list(rules)
    problems: list[Problem] = []
    flawed: dict[int, set[str]] = {}
    for rule, found in _findings(banks, chosen):
        question = found.question
        if question is not None:
            flawed.setdefault(id(question), set()).add(rule.id)
            if question.lint is not None and rule.id in question.lint.allow:
                continue
        problems.append(_problem(rule, found))
    if rules is None:
        for bank in banks:
            for question in bank.questions:
                problems.extend(_stale(bank, question, flawed.get(id(question), set())))
    return sorted(problems, key=Problem.sort_key)

