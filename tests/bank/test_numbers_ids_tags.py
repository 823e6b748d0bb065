"""Numbers, ids and tags are what they say: no infinity, no 5,000-digit crash, no hidden newline, tags respected."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.bank.conftest import CHOICE, HEADER

Problems = Callable[[Path], list[dict[str, object]]]

NUMBER = """\
  - id: demo.n1
    type: number
    prompt: How many?
    answer: {answer}
    tolerance: {tolerance}
    explanation: The report says so.
    source: {source}
    tags: [attack]
"""


def number_bank(answer: str = "5", tolerance: str = "0", source: str = "report") -> str:
    return HEADER + NUMBER.format(answer=answer, tolerance=tolerance, source=source)


def codes(problems: list[dict[str, object]]) -> list[tuple[object, object, object]]:
    return [(p["code"], p["line"], p["column"]) for p in problems]


def test_a_number_beyond_a_float_is_refused(write_bank: Callable[..., Path], problems_of: Problems) -> None:
    problems = problems_of(write_bank(number_bank("1e400", "-1e999")))
    assert codes(problems) == [("out-of-range", 14, 13), ("out-of-range", 15, 16)]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (number_bank("9" * 5000), ("out-of-range", 14, 13)),
        (number_bank(source="report#p" + "1" * 5000), ("bad-source-ref", 17, 13)),
        (HEADER.replace("format: 1", "format: " + "1" * 5000) + CHOICE, ("out-of-range", 1, 9)),
        (HEADER + CHOICE + "    difficulty: " + "2" * 5000 + "\n", ("out-of-range", 19, 17)),
    ],
)
def test_a_5000_digit_integer_is_a_positioned_error(
    write_bank: Callable[..., Path], validate: Callable[..., tuple[int, str]], text: str, where: tuple[str, int, int]
) -> None:
    path = write_bank(text)
    code, out = validate("--format", "json", path)
    assert code == 1 and "internal error" not in out
    assert codes(json.loads(out)["problems"]) == [where]


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("id: demo\n", 'id: "demo\\n"\n', (2, 5)),
        ("  - id: demo.q1", '  - id: "demo.q1\\n"', (11, 9)),
        ("tags: [attack]", 'tags: ["attack\\n"]', (18, 12)),
        ("  report:\n", '  "report\\n":\n', (6, 3)),
    ],
)
def test_ids_tags_and_source_keys_with_a_trailing_newline_are_refused(
    write_bank: Callable[..., Path], problems_of: Problems, old: str, new: str, where: tuple[int, int]
) -> None:
    problems = problems_of(write_bank((HEADER + CHOICE).replace(old, new)))
    assert ("bad-id", *where) in codes(problems)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (number_bank(answer="!!str 5"), (14, 13)),
        ((HEADER + CHOICE).replace("prompt: Which town?", "prompt: !!int hello"), (13, 13)),
        ((HEADER + CHOICE).replace("prompt: Which town?", "prompt: !!null hello"), (13, 13)),
        ((HEADER + CHOICE).replace("    tags: [attack]", "    tags: [attack]\n    difficulty: !!float 2"), (19, 17)),
    ],
)
def test_an_explicit_tag_that_contradicts_the_field_is_refused(
    write_bank: Callable[..., Path], problems_of: Problems, text: str, where: tuple[int, int]
) -> None:
    (problem,) = problems_of(write_bank(text))
    assert (problem["code"], problem["line"], problem["column"]) == ("wrong-type", *where)
    assert "tagged !!" in str(problem["message"])


def test_an_explicit_tag_that_agrees_is_respected(write_bank: Callable[..., Path], problems_of: Problems) -> None:
    text = number_bank(answer="!!int 5", tolerance="!!float 0.5").replace("prompt: How many?", "prompt: !!str 1999")
    assert problems_of(write_bank(text)) == []


@pytest.mark.parametrize("answer", ["!!int 5.5", "!!int 1e3"])
def test_an_int_tag_on_a_number_that_is_not_whole_is_refused(write_bank: Callable[..., Path], problems_of: Problems,
                                                             answer: str) -> None:
    (problem,) = problems_of(write_bank(number_bank(answer=answer)))
    assert (problem["code"], problem["line"], problem["column"]) == ("wrong-type", 14, 13)
    assert "should be a number" in str(problem["message"])
