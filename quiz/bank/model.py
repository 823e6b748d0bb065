"""The bank format, version 1, as typed classes.

This module is the single source of truth: the loader reads YAML into these classes field by field,
the validator checks the constraints declared here, and the JSON Schema is generated from them.
Each field's ``metadata`` holds its documentation and the constraints a schema can express.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

FORMAT_VERSION = 1
"""The newest bank format this version of quiz reads and writes."""

Pos = tuple[int, int]
"""A 1-based (line, column) position in a bank file."""

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
TAG_PATTERN = r"^[^\x00-/:-@A-Z\[-`{-\x7f\s][^\x00-,/:-@A-Z\[-^`{-\x7f\s]*$"
"""A tag: like an id, but any script's letters (ГЛОССАРИЙ becomes глоссарий); the validator also
wants them lower case and NFC. Written without \\p{..} so that JSON Schema and Python read it alike."""
MAX_PARAGRAPH_DIGITS = 9
"""The longest paragraph number a source reference may give (``report#p123456789``)."""
SOURCE_REF_PATTERN = r"^([a-z0-9][a-z0-9._-]*)(?:#p([1-9][0-9]*))?$"
_SOURCE_REF = re.compile(SOURCE_REF_PATTERN)
BLANK_MARK = re.compile(r"\{([0-9]+)\}")
"""A blank in a cloze passage: ``{1}``; braces around anything else are text."""

LINT_CODES = (
    "longest-key",
    "all-or-none-of-the-above",
    "unemphasised-negative",
    "absolute-in-distractor",
    "grammatical-cue",
    "key-repeats-stem",
    "blank-in-stem",
    "unordered-numbers",
    "overlapping-choices",
    "vague-terms",
    "order-gives-itself-away",
    "hint-gives-answer",
    "duplicate-prompt",
    "explanation-restates-answer",
)
"""The flaws of one question that `quiz lint` checks (a module each in quiz/lint/rules/); a question may allow them."""


def _metadata(text: str, **constraints: Any) -> dict[str, Any]:
    return {"doc": text, **constraints}


def doc(text: str, **constraints: Any) -> Any:
    """Declare a required field with its documentation and the constraints it must meet.

    Constraints: min_length, min_items, max_items, minimum, maximum, pattern, one_of (the values allowed),
    one_or_many (a single value may stand for a list of one) and keep_valid (a list whose bad items are
    reported and left out, so the rest is still checked). not_content marks a field that is no part of
    what a learner sees and that quiz 0.1 did not have, so the legacy content hash leaves it out.
    """
    return field(metadata=_metadata(text, **constraints))


def opt(text: str, default: Any, **constraints: Any) -> Any:
    """Declare an optional field: one a bank may leave out, with the value it then takes."""
    metadata = _metadata(text, **constraints)
    if isinstance(default, (tuple, dict)):
        return field(default_factory=type(default), metadata=metadata)
    if isinstance(default, type):
        return field(default_factory=default, metadata=metadata)
    return field(default=default, metadata=metadata)


def _spans() -> Any:
    """Positions of the fields as they were read, for error messages; not part of the content."""
    return field(default_factory=dict, compare=False, repr=False, metadata={"internal": True})


@dataclass(frozen=True, kw_only=True)
class SourceRef:
    """A reference to a declared source, optionally to one of its paragraphs: ``report#p6``."""

    source: str
    paragraph: int | None = None

    @classmethod
    def parse(cls, text: str) -> SourceRef | None:
        """Read ``source`` or ``source#pN``; None when the text is not a reference."""
        match = _SOURCE_REF.match(text.strip())
        if match is None:
            return None
        paragraph = match.group(2)
        if paragraph and len(paragraph) > MAX_PARAGRAPH_DIGITS:
            return None  # no document has that many paragraphs, and int() refuses 4,300 digits
        return cls(source=match.group(1), paragraph=int(paragraph) if paragraph else None)

    def __str__(self) -> str:
        return self.source if self.paragraph is None else f"{self.source}#p{self.paragraph}"


@dataclass(frozen=True, kw_only=True)
class Source:
    """A work the questions rest on: an article, a document, a reference page."""

    title: str = doc("The work's title.", min_length=1)
    publisher: str = doc("Who published it: outlet, organisation or author.", min_length=1)
    date: str = doc("When it was published, as YYYY, YYYY-MM or YYYY-MM-DD.", min_length=4)
    url: str = opt("Where to read it.", "")
    notes: str = opt("Anything a reader should know about it.", "")
    spans: Mapping[str, Pos] = _spans()


@dataclass(frozen=True, kw_only=True)
class Choice:
    """One option of a choice or multi question; written as plain text or as text with feedback."""

    SHORTHAND: ClassVar[str] = "text"

    text: str = doc("The option as the learner sees it.", min_length=1)
    feedback: str = opt("Shown when the learner picks it.", "")
    credit: float = opt(
        "Partial credit, 0 to 1, for picking this option in a choice question that is not its answer "
        "(Moodle's grades, e.g. 0.5).", 0, minimum=0, maximum=1
    )


@dataclass(frozen=True, kw_only=True)
class Pair:
    """One row of a match question: an item on the left and the one it goes with on the right."""

    left: str = doc("The item shown on the left, e.g. a person.", min_length=1)
    right: str = doc("What it matches, e.g. their role.", min_length=1)


@dataclass(frozen=True, kw_only=True)
class TimelineEvent:
    """A dated event in a bank's study notes."""

    date: str = doc("When: YYYY, YYYY-MM or YYYY-MM-DD (a range as 'YYYY-MM-DD/YYYY-MM-DD').", min_length=4)
    event: str = doc("What happened, in a sentence.", min_length=1)
    source: tuple[SourceRef, ...] = opt(
        "Where it is documented: a reference or a list of them.", (), one_or_many=True
    )
    spans: Mapping[str, Pos] = _spans()


@dataclass(frozen=True, kw_only=True)
class GlossaryEntry:
    """A term a learner will meet, with its other names."""

    term: str = doc("The term as the questions use it.", min_length=1)
    definition: str = doc("What it means, in a sentence or two.", min_length=1)
    also: tuple[str, ...] = opt("Other names and spellings (e.g. UÇK for KLA).", ())


@dataclass(frozen=True, kw_only=True)
class StudyNotes:
    """What a learner can read before or after a round."""

    primer: str = opt("A few short paragraphs of background.", "")
    timeline: tuple[TimelineEvent, ...] = opt("The dated events the questions rest on, oldest first.", ())
    glossary: tuple[GlossaryEntry, ...] = opt("Terms, organisations and names.", ())


@dataclass(frozen=True, kw_only=True)
class LintAllowance:
    """Flaws `quiz lint` accepts in one question, and why: a flaw is never allowed silently."""

    allow: tuple[str, ...] = doc(
        "The lint codes accepted here (docs/lint.md lists them).", min_items=1, one_or_many=True, one_of=LINT_CODES
    )
    because: str = doc("Why the flaw is a deliberate choice in this question.", min_length=1)


@dataclass(frozen=True, kw_only=True)
class Question:
    """The fields every question has; each subclass adds what its type needs."""

    TYPE: ClassVar[str] = ""

    id: str = doc("Unique across all banks loaded together.", pattern=ID_PATTERN)
    prompt: str = doc("The question as the learner reads it.", min_length=1)
    explanation: str = doc("Why the answer is right, shown after answering.", min_length=1)
    source: tuple[SourceRef, ...] = doc(
        "Where the answer can be checked: 'source-id' or 'source-id#pN', or a list of them.",
        min_items=1,
        one_or_many=True,
    )
    tags: tuple[str, ...] = opt("Topics, used to filter and to report.", (), pattern=TAG_PATTERN)
    difficulty: int | None = opt("1 (easy) to 3 (hard).", None, minimum=1, maximum=3)
    hint: str = opt("Shown when the learner asks for a hint.", "")
    lint: LintAllowance | None = opt(
        "Flaws `quiz lint` should accept in this question, with the reason.", None, not_content=True
    )
    spans: Mapping[str, Pos] = _spans()


@dataclass(frozen=True, kw_only=True)
class ChoiceQuestion(Question):
    """One right answer among 2-8 choices."""

    TYPE: ClassVar[str] = "choice"

    choices: tuple[Choice, ...] = doc("The options, 2 to 8, all different.", min_items=2, max_items=8)
    answer: str = doc("The right option, written exactly as in choices.", min_length=1)


@dataclass(frozen=True, kw_only=True)
class MultiQuestion(Question):
    """Several right answers among 2-8 choices."""

    TYPE: ClassVar[str] = "multi"

    choices: tuple[Choice, ...] = doc("The options, 2 to 8, all different.", min_items=2, max_items=8)
    answers: tuple[str, ...] = doc("Every right option, written exactly as in choices.", min_items=1)


@dataclass(frozen=True, kw_only=True)
class TrueFalseQuestion(Question):
    """A statement that is true or false."""

    TYPE: ClassVar[str] = "truefalse"

    answer: bool = doc("true or false.")


@dataclass(frozen=True, kw_only=True)
class ShortQuestion(Question):
    """A typed answer, matched ignoring case, diacritics, punctuation and spacing."""

    TYPE: ClassVar[str] = "short"

    answers: tuple[str, ...] = doc(
        "Every accepted answer (list both spellings: Leposavić and Leposaviq).", min_items=1
    )
    typos: bool = opt("Accept one typo in a word of five letters or more (false: exact spelling only).", True)


@dataclass(frozen=True, kw_only=True)
class OrderQuestion(Question):
    """Put 3-8 items in order, e.g. events in time; shuffled when shown."""

    TYPE: ClassVar[str] = "order"

    items: tuple[str, ...] = doc("The items in the right order, 3 to 8.", min_items=3, max_items=8)


@dataclass(frozen=True, kw_only=True)
class MatchQuestion(Question):
    """Pair each left item with its right item; the right column is shuffled when shown."""

    TYPE: ClassVar[str] = "match"

    pairs: tuple[Pair, ...] = doc("The right pairs, 3 to 8.", min_items=3, max_items=8)


@dataclass(frozen=True, kw_only=True)
class NumberQuestion(Question):
    """A year or a figure, with an optional tolerance and unit."""

    TYPE: ClassVar[str] = "number"

    answer: float = doc("The right number.")
    tolerance: float = opt("How far off an answer may be and still count.", 0, minimum=0)
    unit: str = opt("Shown after the number, e.g. 'days'.", "")


@dataclass(frozen=True, kw_only=True)
class Blank:
    """One blank of a cloze passage: the answers it accepts, and the choices of a dropdown if it is one.

    Written as what it accepts (``- Banjska`` or ``- [Banjska, Banjskë]``), or as a mapping with
    ``answers`` and ``choices``.
    """

    SHORTHAND: ClassVar[str] = "answers"

    answers: tuple[str, ...] = doc(
        "Every accepted answer, matched like a short answer; for a dropdown, the right choice.",
        min_items=1,
        one_or_many=True,
    )
    choices: tuple[str, ...] = opt("Offer these in a dropdown instead of a typed blank (2 to 8).", (), max_items=8)


@dataclass(frozen=True, kw_only=True)
class ClozeQuestion(Question):
    """A passage with numbered blanks, each typed or picked from a dropdown; scored per blank."""

    TYPE: ClassVar[str] = "cloze"

    passage: str = doc("The text with its blanks written {1}, {2}, ... (each once, in any order).", min_length=1)
    blanks: tuple[Blank, ...] = doc("What each blank accepts: the first entry is {1}.", min_items=1, max_items=10)

    def parts(self) -> list[str | int]:
        """The passage as text pieces and blank indexes (0-based), in reading order."""
        pieces: list[str | int] = []
        position = 0
        for found in BLANK_MARK.finditer(self.passage):
            number = int(found.group(1))
            if not 1 <= number <= len(self.blanks):
                continue
            if found.start() > position:
                pieces.append(self.passage[position:found.start()])
            pieces.append(number - 1)
            position = found.end()
        if position < len(self.passage):
            pieces.append(self.passage[position:])
        return pieces


AnyQuestion = (
    ChoiceQuestion
    | MultiQuestion
    | TrueFalseQuestion
    | ShortQuestion
    | OrderQuestion
    | MatchQuestion
    | NumberQuestion
    | ClozeQuestion
)
"""The closed set of question types. Every per-type decision is a ``match`` over it ending in
``assert_never``, so a new type that some place does not handle is a type-check error (``mypy
--strict quiz``). To add a type, follow docs/adding-a-question-type.md: it lists every such place,
and tests/test_question_types.py fails naming each one still missing."""

QUESTION_TYPES: dict[str, type[AnyQuestion]] = {cls.TYPE: cls for cls in typing.get_args(AnyQuestion)}
"""The types by the name a bank writes in ``type:``, in the order of ``AnyQuestion``."""


@dataclass(frozen=True, kw_only=True)
class Bank:
    """One bank file: its metadata, its sources, its study notes and its questions."""

    format: int = doc(f"The format version this file is written in; currently {FORMAT_VERSION}.")
    id: str = doc("Unique among banks; used in scores and exports.", pattern=ID_PATTERN)
    title: str = doc("Shown in the library.", min_length=1)
    description: str = doc("One or two sentences on what the bank covers.", min_length=1)
    language: str = opt("The language of the text, as a BCP 47 tag.", "en")
    sources: dict[str, Source] = doc("The works questions cite, by source id.", min_items=1)
    notes: StudyNotes = opt("Study notes: a primer, a timeline and a glossary.", StudyNotes)
    questions: tuple[AnyQuestion, ...] = doc(
        "The questions, in the order they were written.", min_items=1, keep_valid=True
    )
    spans: Mapping[str, Pos] = _spans()
    path: str = field(default="", compare=False, metadata={"internal": True})

    def question(self, question_id: str) -> AnyQuestion | None:
        """The question with this id, if the bank has it."""
        return next((q for q in self.questions if q.id == question_id), None)
