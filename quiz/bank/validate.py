"""Rules a bank must follow beyond its shape: answers among the choices, sources that resolve,
ids unique across files. Each rule turns a loaded bank into Problems positioned at the offending node.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import assert_never

from quiz.bank.answers import normalise
from quiz.bank.model import (
    BLANK_MARK,
    AnyQuestion,
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Pos,
    ShortQuestion,
    SourceRef,
    TrueFalseQuestion,
)
from quiz.bank.problems import Problem, Severity, did_you_mean
from quiz.bank.text import PLACEHOLDER_MARK as PLACEHOLDER
from quiz.bank.text import is_tag_char

Finding = tuple[Pos, str, str, str, Severity]
"""(position, code, message, hint, severity) before the file path is attached."""


def _error(pos: Pos, code: str, message: str, hint: str) -> Finding:
    return (pos, code, message, hint, "error")


def _warning(pos: Pos, code: str, message: str, hint: str) -> Finding:
    return (pos, code, message, hint, "warning")


def _at(question: AnyQuestion, key: str) -> Pos:
    return question.spans.get(key) or question.spans.get("", (1, 1))


def _duplicates(texts: Sequence[str], key: Callable[[str], str] = str) -> Iterator[tuple[int, str, int]]:
    """(index, text, index of the first occurrence) for every repeated text."""
    first: dict[str, int] = {}
    for index, text in enumerate(texts):
        folded = key(text)
        if folded in first:
            yield index, text, first[folded]
        else:
            first[folded] = index


def _suggest(value: str, options: Sequence[str]) -> str:
    return did_you_mean(value, options) or "copy the text of one of the choices exactly"


def _same_choice(text: str) -> str:
    """Choices are the same only when they differ in nothing but case and surrounding spaces
    (C++, C and C# are three choices)."""
    return text.strip().casefold()


def _check_choices(question: ChoiceQuestion | MultiQuestion) -> Iterator[Finding]:
    texts = [choice.text for choice in question.choices]
    for index, text, first in _duplicates(texts, _same_choice):
        yield _error(_at(question, f"choices[{index}]"), "duplicate-choice",
                     f"choice {text!r} repeats choice {first + 1}", "make every choice different")
    answers = (question.answer,) if isinstance(question, ChoiceQuestion) else question.answers
    key = "answer" if isinstance(question, ChoiceQuestion) else "answers"
    for index, answer in enumerate(answers):
        if answer not in texts:
            where = _at(question, key if key == "answer" else f"answers[{index}]")
            yield _error(where, "answer-not-in-choices", f"answer {answer!r} is not one of the choices",
                         _suggest(answer, texts))
    if isinstance(question, MultiQuestion):
        for index, choice in enumerate(question.choices):
            if choice.credit:
                yield _error(_at(question, f"choices[{index}]"), "credit-in-multi",
                             f"choice {choice.text!r} has a credit, which only a choice question uses",
                             "remove the credit: a multi question scores each right choice equally")
        for index, text, _ in _duplicates(question.answers):
            yield _error(_at(question, f"answers[{index}]"), "duplicate-answer",
                         f"answer {text!r} is listed twice", "list each right choice once")


def _check_short(question: ShortQuestion) -> Iterator[Finding]:
    for index, answer in enumerate(question.answers):
        if not normalise(answer):
            yield _error(_at(question, f"answers[{index}]"), "empty-answer",
                         f"accepted answer {answer!r} has no letters or digits", "write a word a learner could type")
    for index, text, first in _duplicates(question.answers, normalise):
        yield _warning(_at(question, f"answers[{index}]"), "duplicate-answer",
                       f"{text!r} matches the same typed answers as {question.answers[first]!r}",
                       "remove it: case, diacritics and punctuation are ignored when matching")


def _check_order(question: OrderQuestion) -> Iterator[Finding]:
    for index, text, _ in _duplicates(question.items, normalise):
        yield _error(_at(question, f"items[{index}]"), "duplicate-item",
                     f"item {text!r} appears twice, so the order is ambiguous", "make every item different")


def _check_match(question: MatchQuestion) -> Iterator[Finding]:
    for side in ("left", "right"):
        texts = [getattr(pair, side) for pair in question.pairs]
        for index, text, _ in _duplicates(texts, normalise):
            yield _error(_at(question, f"pairs[{index}]"), "duplicate-item",
                         f"{side} item {text!r} appears twice, so the pairs are ambiguous",
                         f"make every {side} item different")


def _check_cloze(question: ClozeQuestion) -> Iterator[Finding]:
    where = _at(question, "passage")
    numbers = [int(found.group(1)) for found in BLANK_MARK.finditer(question.passage)]
    count = len(question.blanks)
    for number in sorted(set(numbers)):
        if not 1 <= number <= count:
            yield _error(where, "unknown-blank", f"the passage has {{{number}}} but only {count} blank(s) are listed",
                         f"add an entry to blanks for {{{number}}}, or number the blanks 1 to {count}")
        elif numbers.count(number) > 1:
            yield _error(where, "duplicate-blank", f"blank {{{number}}} appears {numbers.count(number)} times in "
                         "the passage", "give each blank its own number")
    for index, blank in enumerate(question.blanks):
        at = _at(question, f"blanks[{index}]")
        if index + 1 not in numbers:
            yield _error(at, "missing-blank", f"blank {index + 1} is listed but the passage has no {{{index + 1}}}",
                         f"write {{{index + 1}}} where the blank goes, or remove this entry")
        if blank.choices:
            if len(blank.choices) < 2:
                yield _error(at, "too-few-items", f"blank {index + 1} offers one choice", "offer 2 to 8 choices")
            for _, text, _ in _duplicates(list(blank.choices), _same_choice):
                yield _error(at, "duplicate-choice", f"blank {index + 1} offers {text!r} twice",
                             "make every choice different")
            for answer in blank.answers:
                if answer not in blank.choices:
                    yield _error(at, "answer-not-in-choices", f"blank {index + 1}: answer {answer!r} is not one "
                                 "of its choices", _suggest(answer, blank.choices))
        else:
            for answer in blank.answers:
                if not normalise(answer):
                    yield _error(at, "empty-answer", f"blank {index + 1}: accepted answer {answer!r} has no letters "
                                 "or digits", "write a word a learner could type")

def _type_rules(question: AnyQuestion) -> Iterator[Finding]:
    match question:
        case ChoiceQuestion() | MultiQuestion():
            yield from _check_choices(question)
        case ShortQuestion():
            yield from _check_short(question)
        case OrderQuestion():
            yield from _check_order(question)
        case MatchQuestion():
            yield from _check_match(question)
        case ClozeQuestion():
            yield from _check_cloze(question)
        case TrueFalseQuestion() | NumberQuestion():
            pass
        case _:
            assert_never(question)


def _check_refs(refs: Sequence[SourceRef], spans_at: Callable[[int], Pos], bank: Bank) -> Iterator[Finding]:
    declared = list(bank.sources)
    for index, ref in enumerate(refs):
        if ref.source not in bank.sources:
            hint = did_you_mean(ref.source, declared) or (
                f"declare {ref.source!r} under 'sources:' or cite one of: {', '.join(declared)}"
            )
            yield _error(spans_at(index), "unknown-source", f"source {str(ref)!r} is not declared in this bank", hint)


def _span_finder(spans: Mapping[str, Pos], key: str) -> Callable[[int], Pos]:
    """Where item N of a list field was written, falling back to its owner's position."""
    default = spans.get("", (1, 1))
    return lambda index: spans.get(f"{key}[{index}]", default)


def _check_tags(question: AnyQuestion) -> Iterator[Finding]:
    for index, tag in enumerate(question.tags):
        normal = unicodedata.normalize("NFC", tag).lower()
        if tag != normal or not all(map(is_tag_char, tag)):
            yield _error(_at(question, f"tags[{index}]"), "bad-tag",
                         f"tag {tag!r} must be lower case letters (any script), digits, '.', '_' or '-'",
                         f"write it as {normal!r}" if tag != normal else "remove the other characters")


def _check_question(question: AnyQuestion, bank: Bank) -> Iterator[Finding]:
    yield from _type_rules(question)
    yield from _check_tags(question)
    yield from _check_refs(question.source, _span_finder(question.spans, "source"), bank)
    for key in ("prompt", "explanation", "hint"):
        if getattr(question, key).lstrip().upper().startswith(PLACEHOLDER):
            yield _warning(_at(question, key), "placeholder", f"question {question.id!r}: {key} is still a placeholder",
                           f"replace the {PLACEHOLDER} text with the real {key}")
    if not question.tags:
        yield _warning(_at(question, ""), "no-tags", f"question {question.id!r} has no tags",
                       "add 'tags: [...]' so learners can filter and see results per topic")


def _bank_findings(bank: Bank, complete: bool) -> Iterator[Finding]:
    cited: set[str] = set()
    seen: dict[str, AnyQuestion] = {}
    for question in bank.questions:
        yield from _check_question(question, bank)
        cited.update(ref.source for ref in question.source)
        first = seen.setdefault(question.id, question)
        if first is not question:
            yield _error(_at(question, "id"), "duplicate-id",
                         f"question id {question.id!r} is already used at line {_at(first, 'id')[0]}",
                         "give every question its own id")
    for event in bank.notes.timeline:
        yield from _check_refs(event.source, _span_finder(event.spans, "source"), bank)
        cited.update(ref.source for ref in event.source)
    for source_id, source in bank.sources.items():
        for key in ("title", "publisher"):
            if getattr(source, key).lstrip().upper().startswith(PLACEHOLDER):
                yield _warning(bank.spans.get(f"sources.{source_id}", (1, 1)), "placeholder",
                               f"source {source_id!r}: {key} is still a placeholder",
                               f"replace the {PLACEHOLDER} text with the source's real {key}")
    for source_id in bank.sources if complete else ():
        if source_id not in cited:
            yield _warning(bank.spans.get(f"sources.{source_id}", (1, 1)), "unused-source",
                           f"source {source_id!r} is declared but never cited", "cite it or remove it")


def check_bank(bank: Bank, complete: bool = True) -> list[Problem]:
    """Every rule on one bank; the problems carry the bank's path.

    ``complete`` is False when some questions could not be read: unused sources are then not reported,
    since the unreadable questions may cite them.
    """
    return [Problem(bank.path, pos[0], pos[1], code, message, hint, severity)
            for pos, code, message, hint, severity in _bank_findings(bank, complete)]


def check_across(banks: Sequence[Bank]) -> list[Problem]:
    """Rules across banks loaded together: bank ids and question ids are unique among them all."""
    problems: list[Problem] = []
    bank_ids: dict[str, Bank] = {}
    question_ids: dict[str, tuple[Bank, AnyQuestion]] = {}
    for bank in banks:
        first_bank = bank_ids.setdefault(bank.id, bank)
        if first_bank is not bank:
            line, col = bank.spans.get("id", (1, 1))
            problems.append(Problem(bank.path, line, col, "duplicate-bank-id",
                                    f"bank id {bank.id!r} is already used by {first_bank.path}",
                                    "give every bank its own id"))
        for question in bank.questions:
            owner = question_ids.setdefault(question.id, (bank, question))
            if owner[0] is not bank:
                line, col = _at(question, "id")
                first_line = _at(owner[1], "id")[0]
                problems.append(Problem(bank.path, line, col, "duplicate-id",
                                        f"question id {question.id!r} is already used in {owner[0].path}:{first_line}",
                                        "prefix question ids with their bank id to keep them unique"))
    return problems
