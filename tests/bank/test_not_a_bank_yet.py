"""Files that are not banks yet get one message saying what they look like, and syntax errors say where they start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.bank.conftest import CHOICE, HEADER

Problems = Callable[[Path], list[dict[str, object]]]


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [
        ("- question: What?\n  answer: A\n- question: Who?\n  answer: B\n- question: Why?\n  answer: C\n",
         "a list of 3 questions"),
        ("question: What is the capital?\nanswer: Prishtina\nchoices: [Prishtina, Belgrade]\n", "a single question"),
        ("name: my-tool\nversion: 2\nsettings: {a: 1}\n", "a mapping with the keys 'name', 'version', 'settings'"),
    ],
)
def test_another_tools_yaml_gets_one_message_saying_what_it_looks_like(
    write_bank: Callable[..., Path], problems_of: Problems, text: str, looks_like: str
) -> None:
    (problem,) = problems_of(write_bank(text))
    assert problem["code"] == "not-a-bank"
    assert looks_like in str(problem["message"])
    assert "questions:" in str(problem["hint"])
    assert "did you mean" not in str(problem["hint"])


def test_a_missing_colon_is_reported_on_its_own_line(write_bank: Callable[..., Path], problems_of: Problems) -> None:
    (problem,) = problems_of(write_bank(HEADER.replace("title: Demo bank", "title Demo bank") + CHOICE))
    assert (problem["code"], problem["line"], problem["column"]) == ("yaml-syntax", 3, 1)
    assert "the parser stopped at line 4" in str(problem["message"])


def test_a_missing_colon_before_a_list_line_is_reported_on_its_own_line(
    write_bank: Callable[..., Path], problems_of: Problems
) -> None:
    text = HEADER + CHOICE.replace("prompt: Which town?", "prompt Which town?")
    (problem,) = problems_of(write_bank(text))
    line = text.split("\n").index("    prompt Which town?") + 1
    assert (problem["code"], problem["line"], problem["column"]) == ("yaml-syntax", line, 5)
    assert "has no ':' after its key" in str(problem["message"]) and "quotes" not in str(problem["hint"])


@pytest.mark.parametrize("value", ["[citation needed] is it", "{a} b", "*bold* text", "`code` here", "@me", "%50 off"])
def test_a_value_starting_with_a_yaml_indicator_is_told_to_use_quotes(
    write_bank: Callable[..., Path], problems_of: Problems, value: str
) -> None:
    (problem,) = problems_of(write_bank(HEADER + CHOICE.replace("Which town?", value)))
    assert (problem["code"], problem["line"], problem["column"]) == ("yaml-syntax", 13, 13)
    assert "put it in quotes" in str(problem["hint"]) and f'"{value}"' in str(problem["hint"])


def test_valid_yaml_gets_no_quoting_hint(write_bank: Callable[..., Path], problems_of: Problems) -> None:
    text = HEADER + CHOICE.replace("Which town?", '"[citation needed] is it"').replace(
        "    tags: [attack]", "    tags: [attack]\n    hint: {oops: 1}")
    problems = problems_of(write_bank(text))
    assert problems and all("put it in quotes" not in str(p["hint"]) for p in problems)


def test_the_quoting_hint_stays_short_and_nesting_bombs_get_none(
    write_bank: Callable[..., Path], validate: Callable[..., tuple[int, str]]
) -> None:
    _, out = validate(write_bank(HEADER + CHOICE.replace("Which town?", "[x] " + "y" * 100_000)))
    assert "put it in quotes" in out and len(out) < 2000
    _, out = validate(write_bank("[" * 200_000))
    assert "put it in quotes" not in out and len(out) < 2000
