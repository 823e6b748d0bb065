"""Moodle's embedded answers (the "Cloze" question type, ``multianswer``): ``{1:SHORTANSWER:=a~=b}``.

Shared by the Moodle XML writer and reader. A blank is ``{weight:TYPE:answers}``: answers separated
by ``~``, each ``=text`` or ``%percent%text`` (right, or partly right), optionally ``#feedback``; inside,
``} # ~ / " \\`` take a backslash (question/type/multianswer/questiontype.php).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from quiz.bank.model import Blank
from quiz.formats import moodle

_SPECIAL = re.compile(r'([}#~/"\\])')
_UNESCAPE = re.compile(r'\\([}#~/"\\])')
r"""The escapes Moodle undoes; any other backslash stays, so a typed blank's ``\*`` is an asterisk."""

EMBEDDED = re.compile(r"\{(\d*):([A-Za-z_]+):((?:\\.|[^\\}])*)\}", re.DOTALL)
"""One embedded blank in a question's text; group 2 is its type, group 3 its answers."""

SHORT = frozenset({"SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"})
NUMERICAL = frozenset({"NUMERICAL", "NM"})
TYPED = SHORT | NUMERICAL
PICKED = frozenset({"MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH",
                    "MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS"})


def escape(text: str) -> str:
    """Answer text inside an embedded blank.

    Quotes stay unescaped for HTML: ``&#x27;`` would bring a ``#``, which starts feedback there.
    """
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def embedded(blank: Blank) -> str:
    """``{1:SHORTANSWER:=a~=b}`` for a typed blank, ``{1:MULTICHOICE:=right~wrong}`` for a dropdown."""
    if blank.choices:
        options = [("=" if text in blank.answers else "") + escape(text) for text in blank.choices]
        return "{1:MULTICHOICE:" + "~".join(options) + "}"
    typed = (escape(moodle.short_answer_text(answer)) for answer in blank.answers)
    return "{1:SHORTANSWER:" + "~".join(f"={answer}" for answer in typed) + "}"


@dataclass(frozen=True)
class Read:
    """One embedded blank as quiz can hold it, and what it had that quiz cannot."""

    blank: Blank | None
    dropped: tuple[str, ...]


def _split(answers: str) -> list[str]:
    """The answers of a blank, split at the ``~`` that are not escaped."""
    parts, current, index = [], [], 0
    while index < len(answers):
        char = answers[index]
        if char == "\\" and index + 1 < len(answers):
            current.append(answers[index : index + 2])
            index += 2
            continue
        if char == "~":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return [part for part in parts if part.strip()]


def _answer(raw: str) -> tuple[float, str, str]:
    """(fraction, text, feedback) of one answer; text and feedback unescaped, as plain text."""
    fraction = 0.0
    if raw.startswith("="):
        fraction, raw = 1.0, raw[1:]
    elif match := re.match(r"%(-?\d+(?:\.\d+)?)%", raw):
        fraction, raw = float(match.group(1)) / 100, raw[match.end() :]
    pieces = re.split(r"(?<!\\)#", raw, maxsplit=1)
    text, feedback = pieces[0], pieces[1] if len(pieces) > 1 else ""
    clean = [html.unescape(_UNESCAPE.sub(r"\1", piece)).strip() for piece in (text, feedback)]
    return fraction, clean[0], clean[1]


def read(kind: str, answers: str) -> Read:
    """A blank of type ``kind``; ``blank`` is None for a type quiz cannot hold (several ticks)."""
    kind = kind.upper()
    if kind not in TYPED | PICKED:
        return Read(None, (f"an embedded {kind} answer",))
    parsed = [_answer(raw) for raw in _split(answers)]
    dropped = []
    if any(feedback for _, _, feedback in parsed):
        dropped.append("per-answer feedback")
    if any(0 < fraction < 1 for fraction, _, _ in parsed):
        dropped.append("partial credit for an answer")
    if kind in ("SHORTANSWER_C", "SAC", "MWC"):
        dropped.append("case-sensitive matching")
    right = [text for fraction, text, _ in parsed if fraction >= 1 and text and text != "*"]
    if kind in SHORT:
        literal = [moodle.short_answer_read(text) for text in right]
        dropped += [f"the answer {text!r} ({moodle.WILDCARD_LOSS})"
                    for text, kept in zip(right, literal, strict=True) if kept is None]
        right = [text for text in literal if text is not None]
    if kind in NUMERICAL:
        if any(":" in text for text in right):
            dropped.append("a numerical tolerance (the blank accepts the number as written)")
        right = [text.split(":")[0] for text in right]
        if not all(re.fullmatch(r"-?\d+(?:[.,]\d+)?", text) for text in right):
            return Read(None, ("a numerical blank whose answer is not a number",))
    if not right:
        return Read(None, ("a blank without a fully right answer",))
    if kind in PICKED:
        if len({text for _, text, _ in parsed}) < 2:
            return Read(None, ("a multiple-choice blank with fewer than two choices",))
        return Read(Blank(answers=tuple(dict.fromkeys(right)), choices=tuple(dict.fromkeys(t for _, t, _ in parsed))),
                    tuple(dropped))
    return Read(Blank(answers=tuple(dict.fromkeys(right))), tuple(dropped))
