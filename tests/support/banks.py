"""Small banks for the tests: one question of every type, a hostile one, and a one-question YAML file."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.bank.answers import Response
from quiz.bank.model import (
    AnyQuestion,
    Bank,
    Blank,
    Choice,
    ChoiceQuestion,
    ClozeQuestion,
    GlossaryEntry,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Pair,
    Question,
    ShortQuestion,
    Source,
    SourceRef,
    StudyNotes,
    TimelineEvent,
    TrueFalseQuestion,
)

SOURCES = {
    "report": Source(title="Morning report", publisher="Example News", date="2023-09-24"),
    "later": Source(title="Later review", publisher="Example Institute", date="2024-01-10"),
}
REF = (SourceRef(source="report", paragraph=6),)


def _common(bank_id: str, name: str, prompt: str, tags: tuple[str, ...], difficulty: int) -> dict[str, object]:
    return {
        "id": f"{bank_id}.{name}",
        "prompt": prompt,
        "explanation": f"Because of reasons about {name}.",
        "source": REF,
        "tags": tags,
        "difficulty": difficulty,
    }


def every_type(bank_id: str = "demo") -> tuple[Question, ...]:
    """Seven questions, one per type, in the order choice, multi, truefalse, short, order, match, number."""
    return (
        ChoiceQuestion(
            **_common(bank_id, "choice", "Which town did the report name?", ("geography",), 1),
            choices=(Choice(text="Leposavić"), Choice(text="Zvečan", feedback="Close, but not named."),
                     Choice(text="Gračanica")),
            answer="Leposavić",
            hint="It starts with L.",
        ),
        MultiQuestion(
            **_common(bank_id, "multi", "Which of these are even?", ("numbers",), 2),
            choices=(Choice(text="2"), Choice(text="3"), Choice(text="4"), Choice(text="5")),
            answers=("2", "4"),
        ),
        TrueFalseQuestion(**_common(bank_id, "tf", "The report was written that morning.", ("geography",), 1),
                          answer=True),
        ShortQuestion(**_common(bank_id, "short", "Name the capital of Kosovo.", ("geography",), 2),
                      answers=("Prishtina", "Priština", "Pristina")),
        OrderQuestion(**_common(bank_id, "order", "Put these in order.", ("time",), 3),
                      items=("first", "second", "third", "fourth")),
        MatchQuestion(
            **_common(bank_id, "match", "Match each person to a role.", ("people",), 2),
            pairs=(Pair(left="Ana", right="Pilot"), Pair(left="Ben", right="Baker"),
                   Pair(left="Cleo", right="Cook")),
        ),
        NumberQuestion(**_common(bank_id, "number", "How many legs has a spider?", ("numbers",), 1), answer=8),
    )


@dataclass(frozen=True)
class Example:
    """One question of a type with a response that scores 0 and, where the type gives partial credit, one
    that scores between 0 and 1."""

    question: AnyQuestion
    wrong: Response
    partly: Response | None = None


def cloze_example(bank_id: str = "demo") -> ClozeQuestion:
    """Two blanks, one typed and one a dropdown; not in every_type(), whose seven the app tests count."""
    return ClozeQuestion(
        **_common(bank_id, "cloze", "Fill in the blanks.", ("geography",), 2),
        passage="The attack was near {1}, a village in the municipality of {2}.",
        blanks=(Blank(answers=("Banjska", "Banjskë")), Blank(answers=("Zvečan",), choices=("Leposavić", "Zvečan"))),
    )


def _examples() -> dict[type[AnyQuestion], Example]:
    choice, multi, truefalse, short, order, match, number = every_type("demo")
    return {
        ClozeQuestion: Example(cloze_example(), ("nowhere", "Leposavić"), ("Banjskë", "Leposavić")),
        ChoiceQuestion: Example(choice, "Zvečan"),
        MultiQuestion: Example(multi, ("3", "5"), ("2",)),
        TrueFalseQuestion: Example(truefalse, False),
        ShortQuestion: Example(short, "nowhere"),
        OrderQuestion: Example(order, ("fourth", "third", "second", "first"), ("second", "first", "third", "fourth")),
        MatchQuestion: Example(match, {"Ana": "Baker", "Ben": "Cook", "Cleo": "Pilot"},
                               {"Ana": "Pilot", "Ben": "Cook", "Cleo": "Baker"}),
        NumberQuestion: Example(number, 108),
    }


EXAMPLES = _examples()
"""An example of every question type, by class: tests/test_question_types.py runs each through every place."""


def make_bank(bank_id: str = "demo", title: str = "Demo bank", questions: tuple[Question, ...] | None = None) -> Bank:
    return Bank(
        format=1,
        id=bank_id,
        title=title,
        description=f"A small bank called {title}.",
        sources=SOURCES,
        notes=StudyNotes(
            primer="A short primer to read first.",
            timeline=(TimelineEvent(date="2023-09-24", event="Something happened.", source=REF),),
            glossary=(GlossaryEntry(term="KFOR", definition="The NATO-led Kosovo Force.", also=("Kosovo Force",)),),
        ),
        questions=every_type(bank_id) if questions is None else questions,
    )


HOSTILE_WORD = "Ab" * 30
HOSTILE_TEXTS = ("[citation needed]", "[/]", "[bold]x[/bold]", "back\\slash \\[not\\]", "Đakovica, Ðorđe")


def hostile_bank() -> Bank:
    """Every string a markup parser would eat or choke on, in titles, prompts, choices and notes."""
    prompt = f"Is this [citation needed] claim sourced? [/] [bold]x[/bold] C:\\path\\ {HOSTILE_WORD}"
    return Bank(
        format=1,
        id="hostile",
        title="Hostile [citation needed] bank [/]",
        description="[bold]x[/bold] with back\\slashes and Đakovica",
        sources={"report": Source(title="Source [1]", publisher="[Publisher]", date="2023")},
        notes=StudyNotes(
            primer="Primer [citation needed] [/] text",
            timeline=(TimelineEvent(date="2023-09-24", event="Event [red]x[/red] at [link=x]Banjskë[/link]"),),
            glossary=(GlossaryEntry(term="[term]", definition="[bold]x[/bold]", also=("[also]",)),),
        ),
        questions=(
            ChoiceQuestion(
                id="hostile.choice",
                prompt=prompt,
                explanation="Explained [citation needed] with [/] and \\ and [bold]x[/bold].",
                source=(SourceRef(source="report", paragraph=2),),
                choices=tuple(
                    Choice(text=text, feedback=f"Feedback on {text} [/]" if text == "[/]" else "")
                    for text in HOSTILE_TEXTS
                ),
                answer="[citation needed]",
                hint="[hint] [/]",
            ),
        ),
    )


GOOD = """\
format: 1
id: good
title: A good bank
description: Loads fine.
sources:
  report: {title: Report, publisher: Someone, date: "2023"}
questions:
  - id: good.tf
    type: truefalse
    prompt: Is this bank fine?
    answer: true
    explanation: It loads.
    source: report
"""
"""A valid one-question bank file, as a teacher would write it."""
