"""blank-in-stem: a blank inside the prompt's sentence."""

from __future__ import annotations

import pytest

from tests.lint.conftest import choice, flaws

CHOICES = ["Kumanovo", "Rambouillet", "Brussels"]


@pytest.mark.parametrize("prompt", ["The ___ agreement ended the campaign.", "The _____ agreement was signed in 1999",
                                    "The agreement signed at ... ended the campaign."])
def test_inner_blank_is_flagged_at_the_prompt(prompt: str) -> None:
    [problem] = flaws("blank-in-stem", choice(prompt, CHOICES, "Kumanovo"))
    assert problem.line == 13 and problem.code == "blank-in-stem"


@pytest.mark.parametrize("prompt", ["The campaign was ended by the agreement signed at ___.",
                                    "The campaign was ended by the agreement signed at ...",
                                    "Which agreement ended the campaign?", "It ended... but which agreement?"])
def test_questions_and_final_blanks_pass(prompt: str) -> None:
    assert flaws("blank-in-stem", choice(prompt, CHOICES, "Kumanovo")) == []
