"""No bank text makes a rule fail: every rule runs on arbitrary prompts, choices, hints and explanations."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.model import Choice, ChoiceQuestion, OrderQuestion
from quiz.lint.run import lint_banks
from tests.support.banks import HOSTILE_TEXTS, every_type, hostile_bank, make_bank

TEXT = st.one_of(st.sampled_from([*HOSTILE_TEXTS, "___", "an ___ .", "1,000-", "- 5", "’s", "...", "all of"]),
                 st.text(min_size=1, max_size=40))


def test_the_hostile_bank_lints() -> None:
    assert all(problem.severity == "warning" for problem in lint_banks([hostile_bank()]))


@settings(max_examples=200, deadline=None)
@given(prompt=TEXT, texts=st.lists(TEXT, min_size=2, max_size=5, unique=True), hint=TEXT, explanation=TEXT)
def test_any_text_lints_without_error(prompt: str, texts: list[str], hint: str, explanation: str) -> None:
    questions = every_type()
    choice = next(q for q in questions if isinstance(q, ChoiceQuestion))
    order = next(q for q in questions if isinstance(q, OrderQuestion))
    changed = (replace(choice, prompt=prompt, hint=hint, explanation=explanation,
                       choices=tuple(Choice(text=text) for text in texts), answer=texts[0]),
               replace(order, prompt=prompt, items=(*texts, "x", "y")))
    for problem in lint_banks([make_bank(questions=(*questions, *changed))]):
        assert problem.message and problem.line >= 1
