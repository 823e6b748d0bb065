"""Small banks built in Python: one question of every type, and one full of hostile text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.bank.model import (
    Bank,
    Choice,
    ChoiceQuestion,
    GlossaryEntry,
    LintAllowance,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Pair,
    ShortQuestion,
    Source,
    SourceRef,
    StudyNotes,
    TimelineEvent,
    TrueFalseQuestion,
)

HOSTILE = "Is {x} = ~y # z: a\\b [citation needed] -> <b>&amp;</b> * _ | `c`?"
REF = (SourceRef(source="report", paragraph=2),)


def common(qid: str, **extra: object) -> dict[str, object]:
    return {"id": qid, "prompt": f"Prompt of {qid}?", "explanation": f"Because of {qid}.",
            "source": REF, "tags": ("topic",), **extra}


def make_bank(*questions: object, bank_id: str = "demo") -> Bank:
    return Bank(
        format=1, id=bank_id, title="Demo bank", description="A bank for format tests.",
        sources={"report": Source(title="A report", publisher="A paper", date="2023-09-24",
                                  url="https://example.org/r")},
        notes=StudyNotes(primer="Some background.",
                         timeline=(TimelineEvent(date="2023-09-24", event="Something happened.", source=REF),),
                         glossary=(GlossaryEntry(term="KFOR", definition="Kosovo Force.", also=("NATO",)),)),
        questions=tuple(questions),  # type: ignore[arg-type]
    )


def every_type() -> tuple[object, ...]:
    return (
        ChoiceQuestion(**common("demo.choice", difficulty=2, hint="Think north."),
                       choices=(Choice(text="Leposavić"), Choice(text="Zvečan", feedback="Close, but no."),
                                Choice(text="Gračanica")), answer="Leposavić"),
        MultiQuestion(**common("demo.multi"), choices=(Choice(text="A"), Choice(text="B"), Choice(text="C"),
                                                       Choice(text="D")), answers=("A", "C")),
        MultiQuestion(**common("demo.thirds"), choices=tuple(Choice(text=t) for t in "PQRST"),
                      answers=("P", "Q", "R")),
        TrueFalseQuestion(**common("demo.tf"), answer=False),
        ShortQuestion(**common("demo.short"), answers=("Leposavić", "Leposaviq")),
        OrderQuestion(**common("demo.order"), items=("first", "second", "third")),
        MatchQuestion(**common("demo.match"), pairs=(Pair(left="Kurti", right="Prime Minister"),
                                                      Pair(left="Vučić", right="President of Serbia"),
                                                      Pair(left="Osmani", right="President of Kosovo"))),
        NumberQuestion(**common("demo.number"), answer=1999, tolerance=1, unit="year"),
        NumberQuestion(**common("demo.fraction"), answer=2.5, tolerance=0.25),
    )


def hostile_question() -> ChoiceQuestion:
    return ChoiceQuestion(
        id="demo.hostile", prompt=HOSTILE, explanation=f"Explained: {HOSTILE}\nSecond line.", source=REF,
        tags=("hostile",), hint=HOSTILE, lint=LintAllowance(allow=("longest-key", "vague-terms"), because=HOSTILE),
        choices=(Choice(text=HOSTILE, feedback=HOSTILE), Choice(text="plain"), Choice(text="[citation needed]")),
        answer=HOSTILE,
    )


@pytest.fixture
def bank() -> Bank:
    return make_bank(*every_type(), hostile_question())


@pytest.fixture
def bank_file(tmp_path: Path, bank: Bank) -> Path:
    """The same bank as a YAML file, written by quiz's own bank writer and loaded back by the loader."""
    from quiz.bank.write import write_bank

    path = tmp_path / "demo.yaml"
    path.write_text(write_bank(bank, "test bank", "none", {}).text, encoding="utf-8")
    return path


FIXTURES = Path(__file__).parent / "fixtures"

MOODLE = Path(os.environ.get("QUIZ_MOODLE_FIXTURES")
              or Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "moodle")
"""Moodle's own import fixtures (GPL, so kept outside the project); tests skip when they are absent."""
