"""duplicate-prompt: the same or nearly the same prompt twice, within or across banks."""

from __future__ import annotations

from tests.lint.conftest import choice, flaws

CHOICES = ["1989", "1999", "2008"]


def test_near_duplicate_across_banks_is_flagged_at_the_later_one() -> None:
    first = choice("In which year did NATO's air campaign begin?", CHOICES, "1999", qid="a1")
    second = choice("In what year did the NATO air campaign over Yugoslavia begin?", CHOICES, "1999", qid="b1")
    [problem] = flaws("duplicate-prompt", first, second)
    assert (problem.path, problem.question) == ("bank1.yaml", "b1")
    assert "nearly repeats that of question 'a1' (bank0.yaml:13)" in problem.message


def test_exact_duplicate_in_one_bank_is_flagged() -> None:
    prompt = "In which year did NATO's air campaign begin?"
    problems = flaws("duplicate-prompt", choice(prompt, CHOICES, "1999", qid="a1")
                     + choice(prompt, CHOICES, "1999", qid="a2") + choice(prompt, CHOICES, "1999", qid="a3"))
    assert [(p.question, "repeats that of question 'a1'" in p.message) for p in problems] == [("a2", True),
                                                                                              ("a3", True)]


def test_prompts_differing_in_what_they_ask_pass() -> None:
    assert flaws("duplicate-prompt", choice("In which year did NATO's air campaign begin?", CHOICES, "1999",
                                            qid="a1"),
                 choice("In which year did NATO's air campaign end?", CHOICES, "1999", qid="b1")) == []


def test_short_prompts_must_match_exactly() -> None:
    assert flaws("duplicate-prompt", choice("Who led KFOR?", CHOICES, "1999", qid="a1")
                 + choice("Who led UNMIK?", CHOICES, "1999", qid="a2")) == []
