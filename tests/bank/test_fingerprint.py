"""The content hash covers what is asked and scored, nothing else, and stays the same across versions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quiz.bank.fingerprint import content_hash
from quiz.bank.model import AnyQuestion, Choice, ChoiceQuestion, Pair, SourceRef
from tests.support.banks import every_type

QUESTIONS = {question.TYPE: question for question in every_type()}


def _question(kind: str) -> AnyQuestion:
    return QUESTIONS[kind]  # type: ignore[return-value]


@pytest.mark.parametrize("kind", sorted(QUESTIONS))
@pytest.mark.parametrize(
    "change",
    [
        {"explanation": "A clearer explanation."},
        {"source": (SourceRef(source="later"),)},
        {"hint": "A new hint."},
        {"tags": ("another",)},
        {"difficulty": 3},
        {"prompt": "  Which town did\n the report   name?"},
    ],
)
def test_edits_that_do_not_change_what_is_asked_keep_the_hash(kind: str, change: dict[str, object]) -> None:
    question = _question(kind)
    if "prompt" in change:
        change = {"prompt": "  " + "\n  ".join(question.prompt.split(" ")) + " "}
    assert content_hash(replace(question, **change)) == content_hash(question)  # type: ignore[arg-type]


def test_choice_feedback_and_choice_order_do_not_count() -> None:
    question = _question("choice")
    reordered = replace(question, choices=tuple(reversed(question.choices)))  # type: ignore[arg-type]
    feedback = replace(question, choices=tuple(Choice(text=c.text, feedback="Look again.") for c in question.choices))  # type: ignore[arg-type]
    assert content_hash(reordered) == content_hash(feedback) == content_hash(question)


@pytest.mark.parametrize(
    ("kind", "change"),
    [
        ("choice", {"prompt": "Which village did the report name?"}),
        ("choice", {"answer": "Zvečan"}),
        ("choice", {"choices": (Choice(text="Leposavić"), Choice(text="Zvečan"), Choice(text="Peja"))}),
        ("multi", {"answers": ("2",)}),
        ("truefalse", {"answer": False}),
        ("short", {"answers": ("Prishtina",)}),
        ("order", {"items": ("second", "first", "third", "fourth")}),
        ("match", {"pairs": (Pair(left="Ana", right="Baker"), Pair(left="Ben", right="Pilot"),
                             Pair(left="Cleo", right="Cook"))}),
        ("number", {"answer": 6}),
        ("number", {"tolerance": 1}),
        ("number", {"unit": "legs"}),
    ],
)
def test_what_is_asked_or_scored_changes_the_hash(kind: str, change: dict[str, object]) -> None:
    question = _question(kind)
    assert content_hash(replace(question, **change)) != content_hash(question)  # type: ignore[arg-type]


def test_the_hash_is_the_same_in_every_version_of_quiz() -> None:
    """Pinned: if this fails, the definition changed, and CONTENT_HASH_VERSION must change with it."""
    question = ChoiceQuestion(
        id="pinned.q",
        prompt="Which town did the report name?",
        explanation="Explained.",
        source=(SourceRef(source="report"),),
        choices=(Choice(text="Leposavić"), Choice(text="Zvečan")),
        answer="Leposavić",
    )
    assert content_hash(question) == "c9f5728364e5eed4"
