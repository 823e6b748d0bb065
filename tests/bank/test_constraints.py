"""meets_constraints: the model's declared constraints checked on objects built in Python. Wherever
the loader would refuse the written bank, it says no (so quiz import reads the text back instead)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest

from quiz.bank.constraints import meets_constraints
from quiz.bank.load import read_bank_text
from quiz.bank.model import Bank, Choice, MatchQuestion, NumberQuestion, Pair, Source, SourceRef
from quiz.bank.problems import has_errors
from quiz.bank.write import write_bank
from tests.formats.conftest import every_type, hostile_question, make_bank


def _bank() -> Bank:
    return make_bank(*every_type(), hostile_question())


def _with_question(index: int, **changes: object) -> Bank:
    bank = _bank()
    questions = list(bank.questions)
    questions[index] = replace(questions[index], **changes)  # type: ignore[arg-type]
    return replace(bank, questions=tuple(questions))


def _choice(**changes: object) -> Bank:
    return _with_question(0, **changes)


MATCH = next(i for i, q in enumerate(_bank().questions) if isinstance(q, MatchQuestion))
NUMBER = next(i for i, q in enumerate(_bank().questions) if isinstance(q, NumberQuestion))
BROKEN = {
    "a blank prompt": _choice(prompt="  "),
    "an id with a space": _choice(id="demo q"),
    "an upper-case tag": _choice(tags=("Topic",)),
    "difficulty 4": _choice(difficulty=4),
    "an escape character": _choice(hint="\x1b]52;c;x\x07"),
    "a carriage return": _choice(explanation="one\rtwo"),
    "one choice": _choice(choices=(Choice(text="Leposavić"),)),
    "nine choices": _choice(choices=tuple(Choice(text=str(n)) for n in range(9))),
    "a credit over 1": _choice(choices=(Choice(text="Leposavić"), Choice(text="Zvečan", credit=1.5))),
    "no source": _choice(source=()),
    "a source id with a space": _choice(source=(SourceRef(source="a report"),)),
    "two pairs": _with_question(MATCH, pairs=(Pair(left="a", right="b"), Pair(left="c", right="d"))),
    "a negative tolerance": _with_question(NUMBER, tolerance=-1),
    "an infinite answer": _with_question(NUMBER, answer=float("inf")),
    "a 200-digit answer": _with_question(NUMBER, answer=10**200),
    "an empty title": replace(_bank(), title=""),
    "a bank id in capitals": replace(_bank(), id="Demo"),
    "a source key with a space": replace(_bank(), sources={"a report": Source(title="T", publisher="P", date="2023")}),
    "a source without a date": replace(_bank(), sources={"report": Source(title="T", publisher="P", date="")}),
}


def test_a_valid_bank_meets_its_constraints() -> None:
    bank = _bank()
    assert meets_constraints(bank)
    assert not has_errors(read_bank_text(write_bank(bank, "test", "none", {}).text, "demo.yaml")[1])


@pytest.mark.parametrize("name", BROKEN)
def test_what_the_loader_refuses_does_not_meet_the_constraints(name: str) -> None:
    bank = BROKEN[name]
    assert not meets_constraints(bank)
    _, problems = read_bank_text(write_bank(bank, "test", "none", {}).text, "demo.yaml")
    assert has_errors(problems), f"the loader accepts {name}: the check is stricter than it needs to be"



@dataclass(frozen=True)
class _Future:
    """A record with a constraint this check does not know yet."""

    code: str = field(default="ab", metadata={"doc": "A code.", "max_length": 1})


def test_a_constraint_it_does_not_know_is_not_met() -> None:
    assert not meets_constraints(_Future())
