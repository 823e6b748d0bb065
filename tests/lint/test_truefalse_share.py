"""truefalse-share: over half of a bank true/false."""

from __future__ import annotations

from tests.lint.conftest import choice, flaws


def truefalse(qid: str) -> str:
    return (f"- id: {qid}\n  type: truefalse\n  prompt: Statement {qid} is right.\n  answer: true\n"
            "  explanation: The report confirms it in its sixth paragraph.\n  source: report\n")


def test_more_than_half_is_flagged_at_the_banks_questions() -> None:
    [problem] = flaws("truefalse-share", truefalse("t1") + truefalse("t2") + choice("Who?", ["A", "B"], "A"))
    assert (problem.line, problem.question, problem.path) == (11, "", "bank0.yaml")
    assert "2 of the bank's 3 questions" in problem.message


def test_exactly_half_passes_and_each_bank_counts_alone() -> None:
    half = truefalse("t1") + choice("Who?", ["A", "B"], "A")
    assert flaws("truefalse-share", half) == []
    assert [p.path for p in flaws("truefalse-share", half, truefalse("t2"))] == ["bank1.yaml"]
