"""hint-gives-answer: the answer written in the hint."""

from __future__ import annotations

from tests.lint.conftest import choice, flaws

SHORT = """\
- id: s1
  type: short
  prompt: Which village's monastery was entered?
  answers: [Banjska, Banjskë]
  hint: {hint}
  explanation: The gunmen barricaded themselves there after the shooting near the bridge.
  source: report
"""


def test_short_answer_in_the_hint_is_flagged_at_the_hint() -> None:
    [problem] = flaws("hint-gives-answer", SHORT.format(hint="Think of banjskë, near Zvečan."))
    assert problem.line == 15 and "'Banjskë'" in problem.message


def test_hint_without_the_answer_passes() -> None:
    assert flaws("hint-gives-answer", SHORT.format(hint="It is in Zvečan municipality.")) == []


def test_key_in_the_hint_alongside_a_distractor_passes() -> None:
    question = choice("Who?", ["KFOR", "UNMIK", "EULEX"], "KFOR", hint="Not UNMIK, and not the EU mission.")
    assert flaws("hint-gives-answer", question) == []
    flagged = choice("Who?", ["KFOR", "UNMIK", "EULEX"], "KFOR", hint="The letters K and FOR.")
    assert flaws("hint-gives-answer", flagged) == []
    assert flaws("hint-gives-answer", choice("Who?", ["KFOR", "UNMIK"], "KFOR", hint="It is KFOR.")) != []


def test_number_in_the_hint_is_flagged_but_a_longer_number_is_not() -> None:
    number = ("- id: n1\n  type: number\n  prompt: In which year?\n  answer: 1999\n  hint: {hint}\n"
              "  explanation: The agreement was signed near Kumanovo in June.\n  source: report\n")
    assert flaws("hint-gives-answer", number.format(hint="Think of 1999.")) != []
    assert flaws("hint-gives-answer", number.format(hint="Resolution 19990 is unrelated.")) == []
