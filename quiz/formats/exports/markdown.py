"""Banks to a printable Markdown worksheet: questions first, then the answer key with explanations,
the sources and the study notes, so a teacher can hand out the first part and keep the rest."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import assert_never

from quiz.bank.model import (
    AnyQuestion,
    Bank,
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from quiz.bank.text import number_text
from quiz.formats.exports.losses import Exported, all_questions
from quiz.formats.html import fixed_shuffle, source_words

_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~]|&(?=#?[A-Za-z0-9]+;)")
"""Markdown markup characters, and an ``&`` that would start an entity (bank text ``&amp;`` stays as written)."""
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+\.)")


def md(text: str) -> str:
    """Bank text is plain text: escape what Markdown would read as markup, inline or at a line start."""
    return "  \n".join(_LINE_START.sub(r"\1\\\2", _SPECIAL.sub(r"\\\g<0>", line)) for line in text.split("\n"))


def _letters(count: int) -> list[str]:
    return [chr(ord("A") + n) for n in range(count)]


def _lettered(question: ChoiceQuestion | MultiQuestion) -> list[tuple[str, str]]:
    """(letter, choice text) in the order the worksheet prints them: shuffled once per question, so the
    right answer is not where the author happened to write it (often first), in the questions and the key."""
    shown = fixed_shuffle(question, [choice.text for choice in question.choices])
    return list(zip(_letters(len(shown)), shown, strict=True))


def _gap(number: int, blank: Blank) -> str:
    """A numbered line to write on, with a dropdown's choices to pick from."""
    choices = f" [{' / '.join(md(text) for text in blank.choices)}]" if blank.choices else ""
    return f"({number}) ________{choices}"


def _question(number: int, question: AnyQuestion) -> list[str]:
    lines = [f"**{number}.** {md(question.prompt)}", ""]
    match question:
        case ChoiceQuestion() | MultiQuestion():
            if isinstance(question, MultiQuestion):
                lines += ["*Choose every right answer.*", ""]
            lines += [f"- [ ] {letter}. {md(text)}" for letter, text in _lettered(question)]
        case TrueFalseQuestion():
            lines += ["- [ ] True", "- [ ] False"]
        case ShortQuestion():
            lines += ["Answer: ______________________"]
        case NumberQuestion():
            lines += [f"Answer: ______________ {md(question.unit)}".rstrip()]
        case OrderQuestion():
            lines += ["*Number these in the right order.*", ""]
            lines += [f"- ___ {md(item)}" for item in fixed_shuffle(question, question.items)]
        case MatchQuestion():
            rights = fixed_shuffle(question, [p.right for p in question.pairs])
            lines += ["*Write the letter of the matching item.*", "", "| | | | |", "|---|---|---|---|"]
            lines += [f"| {n}. {md(p.left)} | ___ | {letter}. | {md(right)} |"
                      for n, (p, letter, right) in enumerate(
                          zip(question.pairs, _letters(len(rights)), rights, strict=True), 1)]
        case ClozeQuestion():
            lines += ["".join(md(part) if isinstance(part, str) else _gap(part + 1, question.blanks[part])
                              for part in question.parts())]
        case _:
            assert_never(question)
    return [*lines, ""]


def _answer(question: AnyQuestion) -> str:
    match question:
        case ChoiceQuestion():
            return next(f"{letter}. {md(text)}" for letter, text in _lettered(question) if text == question.answer)
        case MultiQuestion():
            return ", ".join(f"{letter}. {md(text)}" for letter, text in _lettered(question)
                             if text in question.answers)
        case TrueFalseQuestion():
            return "True" if question.answer else "False"
        case ShortQuestion():
            return " / ".join(md(a) for a in question.answers)
        case NumberQuestion():
            within = f" (± {number_text(question.tolerance)})" if question.tolerance else ""
            return f"{number_text(question.answer)} {md(question.unit)}".rstrip() + within
        case OrderQuestion():
            return " → ".join(md(item) for item in question.items)
        case MatchQuestion():
            return "; ".join(f"{md(p.left)} → {md(p.right)}" for p in question.pairs)
        case ClozeQuestion():
            return "; ".join(f"({n}) " + " / ".join(md(a) for a in blank.answers)
                             for n, blank in enumerate(question.blanks, 1))
        case _:
            assert_never(question)


def _key(number: int, bank: Bank, question: AnyQuestion) -> list[str]:
    lines = [f"**{number}.** {_answer(question)}", "", md(question.explanation), ""]
    feedback = [(c.text, c.feedback) for c in getattr(question, "choices", ()) if c.feedback]
    lines += [f"- *{md(text)}*: {md(note)}" for text, note in feedback]
    if question.hint:
        lines.append(f"- Hint: {md(question.hint)}")
    lines.append(f"- Source: {md('; '.join(source_words(bank, ref) for ref in question.source))}")
    details = [f"id {question.id}"]
    if question.tags:
        details.append("tags " + ", ".join(question.tags))
    if question.difficulty is not None:
        details.append(f"difficulty {question.difficulty}")
    lines += [f"- {md(' · '.join(details))}", ""]
    return lines


def _notes(bank: Bank) -> list[str]:
    lines: list[str] = []
    if bank.notes.primer:
        lines += ["### Background", "", md(bank.notes.primer), ""]
    if bank.notes.timeline:
        lines += ["### Timeline", ""]
        lines += [f"- **{md(e.date)}** {md(e.event)}" for e in bank.notes.timeline]
        lines.append("")
    if bank.notes.glossary:
        lines += ["### Glossary", ""]
        lines += [f"- **{md(g.term)}**" + (f" ({md(', '.join(g.also))})" if g.also else "")
                  + f": {md(g.definition)}" for g in bank.notes.glossary]
        lines.append("")
    return lines


def _bank(bank: Bank) -> list[str]:
    lines = [f"# {md(bank.title)}", "", md(bank.description), "", "Name: ______________________", ""]
    for number, question in enumerate(bank.questions, 1):
        lines += _question(number, question)
    lines += ["---", "", f"## Answer key: {md(bank.title)}", ""]
    for number, question in enumerate(bank.questions, 1):
        lines += _key(number, bank, question)
    lines += ["## Sources", ""]
    for source_id, source in bank.sources.items():
        entry = f"- **{md(source_id)}**: {md(source.title)}, {md(source.publisher)}, {md(source.date)}"
        lines.append(entry + (f", <{source.url}>" if source.url else "")
                     + (f". {md(source.notes)}" if source.notes else ""))
    lines.append("")
    return lines + _notes(bank)


def export_markdown(banks: Sequence[Bank]) -> Exported:
    lines: list[str] = []
    for bank in banks:
        lines += _bank(bank)
    return Exported("\n".join(lines).encode(), (), len(all_questions(banks)))
