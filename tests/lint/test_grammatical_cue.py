"""grammatical-cue: a/an or a verb's number that fits only the key."""

from __future__ import annotations

import pytest

from tests.lint.conftest import choice, flaws

CHOICES = ["unofficial president", "prime minister", "mayor"]


@pytest.mark.parametrize("prompt", ["Rugova was elected as an", "Rugova was elected as an ___ in 1992.",
                                    "Rugova was elected as an …"])
def test_article_that_fits_only_the_key_is_flagged(prompt: str) -> None:
    [problem] = flaws("grammatical-cue", choice(prompt, CHOICES, "unofficial president"))
    assert "'an' fits the right answer" in problem.message


def test_article_that_fits_every_choice_passes() -> None:
    assert flaws("grammatical-cue", choice("Rugova was elected as a", CHOICES, "prime minister")
                 .replace("unofficial president", "president")) == []


def test_sounds_not_letters_decide() -> None:
    choices = ["university rector", "minister", "judge"]
    assert flaws("grammatical-cue", choice("He became a", choices, "university rector")) == []
    assert flaws("grammatical-cue", choice("He waited an", ["hour", "day", "week"], "hour")) != []


def test_acronyms_and_choices_with_their_own_article_are_left_alone() -> None:
    assert flaws("grammatical-cue", choice("It was an", ["NGO", "UN body", "EU agency"], "NGO")) == []
    assert flaws("grammatical-cue", choice("It was", ["an agency", "a court", "a party"], "an agency")) == []


def test_verb_after_a_blank_that_agrees_only_with_the_key_is_flagged() -> None:
    problems = flaws("grammatical-cue", choice("___ were sent to the north in 2023.",
                                               ["British soldiers", "Police unit", "One judge"], "British soldiers"))
    assert ["'were' after the blank" in p.message for p in problems] == [True]


def test_question_prompts_pass() -> None:
    assert flaws("grammatical-cue", choice("Who led the LDK?", ["Rugova", "Thaçi", "Kurti"], "Rugova")) == []
