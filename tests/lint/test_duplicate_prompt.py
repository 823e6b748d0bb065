"""duplicate-prompt: the same or nearly the same prompt twice, within or across banks."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.lint.rules import RULES
from quiz.lint.rules.duplicate_prompt import _similar, _tokens
from quiz.lint.run import lint_banks
from tests.lint.conftest import bank, choice, flaws

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


WORDS = ["kosovo", "serbia", "nato", "bridge", "village", "police", "mayor", "court", "troops", "vote"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=2, max_size=25))
def test_every_similar_pair_is_reported_and_every_report_is_true(prompts: list[list[str]]) -> None:
    questions = "".join(choice(" ".join(words) + "?", ["Yes", "No"], "Yes", qid=f"q{n}")
                        for n, words in enumerate(prompts))
    loaded = bank(questions)
    tokens = {question.id: _tokens(question) for question in loaded.questions}
    reported = {p.question: p.message.split("question ")[-1].split("'")[1]
                for p in lint_banks([loaded], [RULES["duplicate-prompt"]])}
    for question, named in reported.items():
        assert _similar(tokens[question], tokens[named]), (question, named)
    for first, second in combinations(tokens, 2):
        if _similar(tokens[first], tokens[second]):
            assert first in reported or second in reported, (first, second)
