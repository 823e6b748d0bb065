"""The number field reads what people type, and refuses with a message what it cannot read (B8, B12)."""

from __future__ import annotations

import pytest

from quiz.study.typed_number import NotANumber, read_number


@pytest.mark.parametrize(
    ("typed", "unit", "value"),
    [
        ("1974", "", 1974),
        ("1,974", "", 1974),
        ("1 974", "", 1974),
        ("1,974,000", "", 1974000),
        ("1,974.5", "", 1974.5),
        ("3,14", "", 3.14),
        ("1,9745", "", 1.9745),
        ("-2.5", "", -2.5),
        ("−3", "", -3),
        (".5", "", 0.5),
        ("70 days", "days", 70),
        ("70 Days", "days", 70),
        ("1 day", "days", 1),
        ("8", "legs", 8),
    ],
)
def test_numbers_as_people_write_them(typed: str, unit: str, value: float) -> None:
    read = read_number(typed, unit).value
    assert read == value and type(read) is type(value)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1e999", "has letters"),
        ("inf", "has letters"),
        ("nan", "has letters"),
        ("7e1", "has letters"),
        ("about 700", "has letters"),
        ("between 70 and 78", "has letters"),
        ("70 weeks", "has letters"),
        ("-", "is not a number"),
        ("12 34", "is not a number"),
        ("²", "is not a number"),
        ("9" * 400, "too large"),
        ("", "Type a number first"),
    ],
)
def test_what_is_not_a_number_is_refused_with_a_message(typed: str, message: str) -> None:
    with pytest.raises(NotANumber, match=message):
        read_number(typed, "days")
