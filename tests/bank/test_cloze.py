"""The cloze type as a teacher writes it: blanks numbered in the passage, checked with positions, scored per blank."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quiz.bank.answers import check, correct_response
from quiz.bank.model import Blank, ClozeQuestion, SourceRef
from tests.bank.conftest import HEADER
from tests.bank.test_validate_errors import Problems, where

CLOZE = """\
  - id: demo.cloze
    type: cloze
    prompt: Fill in the blanks.
    passage: The attack was near {1}, in the municipality of {2}. Braces like {this} are text.
    blanks:
      - [Banjska, Banjskë]
      - answers: Zvečan
        choices: [Leposavić, Zvečan]
    explanation: The report names both.
    source: report#p6
    tags: [attack]
"""


def test_a_cloze_written_by_hand_is_valid(write_bank: Callable[..., Path], problems_of: Problems) -> None:
    assert problems_of(write_bank(HEADER + CLOZE)) == []


def test_a_blank_the_passage_lacks_or_numbers_twice_is_an_error_at_its_place(
    write_bank: Callable[..., Path], problems_of: Problems
) -> None:
    text = HEADER + CLOZE.replace("near {1}, in the municipality of {2}.", "near {1}, in {1} or {3}.")
    problems = problems_of(write_bank(text))
    assert where(problems, "duplicate-blank") == [(14, 14)]
    assert where(problems, "unknown-blank") == [(14, 14)]
    assert where(problems, "missing-blank") == [(17, 9)]
    assert "write {2} where the blank goes" in next(p["hint"] for p in problems if p["code"] == "missing-blank")


def test_a_dropdown_answer_must_be_one_of_its_choices(write_bank: Callable[..., Path], problems_of: Problems) -> None:
    text = HEADER + CLOZE.replace("answers: Zvečan", "answers: Zvecan")
    problems = problems_of(write_bank(text))
    assert where(problems, "answer-not-in-choices") == [(17, 9)]
    assert "did you mean 'Zvečan'?" in next(p["hint"] for p in problems if p["code"] == "answer-not-in-choices")


def question(*blanks: Blank) -> ClozeQuestion:
    return ClozeQuestion(id="demo.cloze", prompt="Fill in.", explanation="Because.", source=(SourceRef(source="r"),),
                         passage=" ".join(f"{{{n}}}" for n in range(1, len(blanks) + 1)), blanks=blanks)


def test_scored_per_blank_typed_like_short_answers_and_dropdowns_exactly() -> None:
    cloze = question(Blank(answers=("Banjska", "Banjskë")), Blank(answers=("Zvečan",), choices=("Leposavić", "Zvečan")),
                     Blank(answers=("KFOR",)))
    assert check(cloze, correct_response(cloze)).score == 1.0
    assert check(cloze, ("banjske", "Zvečan", "k.f.o.r.")).score == 1.0
    assert check(cloze, ("Banjska", "Leposavić", "KFOR")).score == round(2 / 3, 6)
    assert check(cloze, ("Banjska", "zvecan", "")).score == round(1 / 3, 6)
    assert check(cloze, ("Banjska", "Zvečan")).score == 0.0


def test_parts_split_the_passage_at_its_blanks_only() -> None:
    cloze = ClozeQuestion(id="demo.c", prompt="p", explanation="e", source=(SourceRef(source="r"),),
                          passage="{2} then {1}; {x} and {9} stay text", blanks=(Blank(answers=("a",)),
                                                                               Blank(answers=("b",))))
    assert cloze.parts() == [1, " then ", 0, "; {x} and {9} stay text"]
