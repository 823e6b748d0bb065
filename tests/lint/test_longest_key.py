"""longest-key: the key much longer than every distractor."""

from __future__ import annotations

from tests.lint.conftest import choice, flaws

LONG = "An international civil and security presence under UN authority"


def test_much_longer_key_is_flagged_at_the_key() -> None:
    [problem] = flaws("longest-key", choice("What did it set up?", ["A NATO base", "A province", LONG], LONG))
    assert (problem.line, problem.code, problem.question) == (17, "longest-key", "q1")
    assert "63 characters long, the longest wrong choice 11" in problem.message


def test_key_as_long_as_a_distractor_passes() -> None:
    assert flaws("longest-key", choice("What did it set up?",
                                       ["A NATO-run protectorate without any role for the UN", "A province", LONG],
                                       LONG)) == []


def test_short_choices_a_few_letters_apart_pass() -> None:
    assert flaws("longest-key", choice("Who?", ["KFOR", "UNMIK", "EULEX mission"], "EULEX mission")) == []


def test_multi_is_flagged_only_when_every_key_is_long() -> None:
    multi = """\
    - id: m1
      type: multi
      prompt: Which did it create?
      choices: [{long}, A second long answer that is very long indeed, NATO, EU]
      answers: [{long}, {second}]
      explanation: Both bodies were created by it in June 1999.
      source: report
    """
    both = multi.format(long=LONG, second="A second long answer that is very long indeed")
    one = multi.format(long=LONG, second="NATO")
    assert [p.code for p in flaws("longest-key", both)] == ["longest-key"]
    assert flaws("longest-key", one) == []
