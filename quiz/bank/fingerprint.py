"""A stable hash of what a question asks and how it is scored, so progress survives harmless edits.

The hash covers the type, the prompt and the scored parts of each type: choice and multi options
and answers, true/false's answer, short's accepted answers, order's items, match's pairs, number's
answer with its tolerance and unit, cloze's passage and each blank's answers and choices. It leaves
out explanations, sources, hints, tags, difficulty and
per-option feedback, so fixing an explanation never resets anyone's schedule; a field left at its
default is left out too, so a new optional field does not change old hashes. Whitespace runs count as
one space and text is NFC-normalised. Options, answer sets and pairs are sorted: they are shuffled when
shown, so writing them in another order asks the same question. Order items keep their order.

``CONTENT_HASH_VERSION`` names this definition. Change the definition only together with the version;
the store then recomputes its stored hashes when it next opens with the banks loaded
(quiz.study.upgrade). ``legacy_content_hash`` is version 1, kept for that upgrade only.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any, assert_never

if TYPE_CHECKING:
    from quiz.bank.model import AnyQuestion

CONTENT_HASH_VERSION = 2
"""Version 2: what is asked and scored. Version 1 (quiz 0.1) hashed every field of a question."""


def _text(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def _texts(values: tuple[str, ...]) -> list[str]:
    return sorted(_text(value) for value in values)


def _number(value: float) -> str:
    return repr(float(value))


def asked_and_scored(question: AnyQuestion) -> dict[str, Any]:
    """The canonical form the hash is taken of; fields at their defaults are absent."""
    from quiz.bank import model  # here, not above: the first screen checks CONTENT_HASH_VERSION without it

    canonical: dict[str, Any] = {"type": question.TYPE, "prompt": _text(question.prompt)}
    match question:
        case model.ChoiceQuestion():
            canonical["choices"] = _texts(tuple(choice.text for choice in question.choices))
            canonical["answer"] = _text(question.answer)
        case model.MultiQuestion():
            canonical["choices"] = _texts(tuple(choice.text for choice in question.choices))
            canonical["answers"] = _texts(question.answers)
        case model.TrueFalseQuestion():
            canonical["answer"] = bool(question.answer)
        case model.ShortQuestion():
            canonical["answers"] = _texts(question.answers)
        case model.OrderQuestion():
            canonical["items"] = [_text(item) for item in question.items]
        case model.MatchQuestion():
            canonical["pairs"] = sorted([_text(pair.left), _text(pair.right)] for pair in question.pairs)
        case model.NumberQuestion():
            canonical["answer"] = _number(question.answer)
            if question.tolerance:
                canonical["tolerance"] = _number(question.tolerance)
            if question.unit.strip():
                canonical["unit"] = _text(question.unit)
        case model.ClozeQuestion():
            canonical["passage"] = _text(question.passage)
            canonical["blanks"] = [{"answers": _texts(blank.answers), **(
                {"choices": _texts(blank.choices)} if blank.choices else {})} for blank in question.blanks]
        case _:
            assert_never(question)
    return canonical


def _digest(value: Any) -> str:
    import hashlib  # not needed to show the library to a learner with nothing stored yet

    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def content_hash(question: AnyQuestion) -> str:
    """16 hex digits that change exactly when what the question asks or how it is scored changes."""
    return _digest(asked_and_scored(question))


def _plain(value: Any) -> Any:
    from quiz.bank.model import Question

    if is_dataclass(value) and not isinstance(value, type):
        data = {f.name: _plain(getattr(value, f.name)) for f in fields(value)
                if not f.metadata.get("internal") and not f.metadata.get("not_content")}
        return {"type": getattr(value, "TYPE", ""), **data} if isinstance(value, Question) else data
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def legacy_content_hash(question: AnyQuestion) -> str:
    """Version 1, every field of the question: only to recognise hashes stored by quiz 0.1."""
    return _digest(_plain(question))
