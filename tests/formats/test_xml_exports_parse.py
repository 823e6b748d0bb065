"""Moodle XML and QTI exports parse for any valid bank: generated text of every kind, control
characters included, goes through an XML parser (and, where XML can hold it, back exactly)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.controls import first_refused
from quiz.bank.model import (
    Choice,
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Pair,
    ShortQuestion,
    SourceRef,
    TrueFalseQuestion,
)
from quiz.formats.exports.moodle_xml import cannot_hold, export_moodle_xml
from quiz.formats.exports.qti import export_qti
from quiz.formats.imports.context import ImportContext
from quiz.formats.imports.moodle_xml import read_moodle_xml
from quiz.formats.imports.qti import read_qti
from tests.formats.conftest import make_bank

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30).filter(
    lambda t: t.strip() == t and t and first_refused(t) is None)
"""Text a valid bank can hold: `quiz validate` refuses control characters, and surrounding spacing is layout."""


@st.composite
def questions(draw: st.DrawFn) -> tuple[object, ...]:
    common = {"prompt": draw(TEXT), "explanation": draw(TEXT), "source": (SourceRef(source="report"),),
              "tags": ("t",), "hint": draw(st.sampled_from(["", "a\rb"]))}
    words = draw(st.lists(TEXT, min_size=3, max_size=3, unique_by=lambda t: t.strip().casefold()))
    return (
        ChoiceQuestion(id="g.c", choices=tuple(Choice(text=w, feedback=draw(TEXT)) for w in words), answer=words[0],
                       **common),
        MultiQuestion(id="g.m", choices=tuple(Choice(text=w) for w in words), answers=tuple(words[:2]), **common),
        TrueFalseQuestion(id="g.t", answer=draw(st.booleans()), **common),
        ShortQuestion(id="g.s", answers=(words[0],), **common),
        OrderQuestion(id="g.o", items=tuple(words), **common),
        MatchQuestion(id="g.p", pairs=tuple(Pair(left=w, right=w + "!") for w in words), **common),
        NumberQuestion(id="g.n", answer=draw(st.integers(-10**6, 10**6)), tolerance=draw(st.sampled_from([0, 0.5])),
                       **common),
    )


def _clean(bank_questions: tuple[object, ...]) -> bool:
    return not any(cannot_hold(q) for q in bank_questions)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(questions())
def test_moodle_xml_export_parses_and_reads_back(generated: tuple[object, ...]) -> None:
    bank = make_bank(*generated, bank_id="g")
    data = export_moodle_xml([bank]).data
    ET.fromstring(data)
    back = read_moodle_xml(data, ImportContext("g.xml", "g", "g"))
    if _clean(generated):
        assert list(back.questions) == list(bank.questions)


@settings(max_examples=60, deadline=None)
@given(questions())
def test_qti_export_parses_and_reads_back(generated: tuple[object, ...]) -> None:
    bank = make_bank(*generated, bank_id="g")
    data = export_qti([bank]).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                ET.fromstring(archive.read(name))
    back = read_qti(data, ImportContext("g.zip", "g", "g"))
    if _clean(generated):
        assert list(back.questions) == list(bank.questions)


def test_a_carriage_return_and_a_control_character_survive_or_are_named() -> None:
    question = TrueFalseQuestion(id="g.t", prompt="multi\nline\r\ntext\rcr", explanation="tab\vhere esc\x1b[2J nul\0",
                                 source=(SourceRef(source="report"),), tags=("t",), answer=True)
    exported = export_moodle_xml([make_bank(question, bank_id="g")])
    ET.fromstring(exported.data)
    (back,) = read_moodle_xml(exported.data, ImportContext("g.xml", "g", "g")).questions
    assert back.prompt == "multi\nline\r\ntext\rcr"
    assert back.explanation == "tab\ufffdhere esc\ufffd[2J nul\ufffd"
    assert ("g.t", "text") in {(loss.where, loss.field) for loss in exported.losses}
