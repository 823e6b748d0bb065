"""Choices overlap or combine others ("A and B", "both X and Y", ranges that share numbers).

A choice made of two others is right whenever both are, so it rewards spotting pairs; ranges that
overlap have two right answers. Detects a choice that is two other choices joined by and/or/&
(optionally after "both" or "either"), one that names other choices by letter ("A and B"), and
numeric ranges among the choices that share a value (or hold another choice's number). Misses
overlap in meaning ("over 10,000" and "about 12,000", "Serbia" and "the Serbian government").

Bad:
    - id: ex.bad
      type: choice
      prompt: How many people were displaced in 1999, in UNHCR's estimate?
      choices: ["100,000-500,000", "400,000-900,000", "850,000-1,000,000"]
      answer: "850,000-1,000,000"
      explanation: UNHCR counted about 850,000 refugees outside Kosovo.
      source: report

Good:
    - id: ex.good
      type: choice
      prompt: How many people were displaced in 1999, in UNHCR's estimate?
      choices: ["100,000-300,000", "400,000-600,000", "850,000-1,000,000"]
      answer: "850,000-1,000,000"
      explanation: UNHCR counted about 850,000 refugees outside Kosovo.
      source: report
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.bank.model import AnyQuestion
from quiz.lint.options import options
from quiz.lint.rule import Flaw
from quiz.lint.text import fold, quantity

ID = "overlapping-choices"
SCOPE = "question"
HINT = "make the choices exclude one another; ask a multi question when several can be right"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (keep choices independent; choices should not "
          "overlap); Tarrant et al. 2006 and Moore et al. 2023, 'complex or K-type' (choices that combine others)")

_JOINED = re.compile(r"^(?:both|either)?\s*(.+?)\s*(?:\band\b|\bor\b|&)\s*(.+?)$")
_LETTERS = re.compile(r"^(?:both|either)?\s*\(?[a-h]\)?\s*(?:,\s*\(?[a-h]\)?\s*)*(?:and|or|&)\s*\(?[a-h]\)?$")


def _plain(text: str) -> str:
    return re.sub(r"[^\w\s]+", " ", fold(text)).strip()


def check(question: AnyQuestion) -> Iterator[Flaw]:
    found = options(question)
    plain = [" ".join(_plain(o.text).split()) for o in found]
    for option, text in zip(found, plain, strict=True):
        others = set(plain) - {text}
        joined = _JOINED.match(text)
        if joined and joined.group(1) in others and joined.group(2) in others:
            yield Flaw(option.key, f"choice {option.text!r} combines two other choices")
        elif _LETTERS.match(fold(option.text).strip()):
            yield Flaw(option.key, f"choice {option.text!r} names other choices by letter, but they are shuffled")
    ranges = [(o, quantity(o.text)) for o in found]
    for index, (first, first_range) in enumerate(ranges):
        for second, second_range in ranges[index + 1:]:
            if not first_range or not second_range or (first_range[0] == first_range[1]
                                                       and second_range[0] == second_range[1]):
                continue  # two single numbers never overlap; equal ones are a validate error
            if first_range[0] <= second_range[1] and second_range[0] <= first_range[1]:
                yield Flaw(second.key, f"the choices {first.text!r} and {second.text!r} overlap")
