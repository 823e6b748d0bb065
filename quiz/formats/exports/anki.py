"""Banks to an Anki ``.apkg`` (genanki): one deck per bank, one note per question.

Identity is stable: the model and deck ids are derived from the bank id and each note's GUID is
``guid_for(bank_id, question_id)``, so re-importing a re-export updates cards and keeps their review
history even after the wording changed. Anki cards are graded by the learner, so quiz's scoring rules
do not travel; the right answer, feedback, explanation and source are on the back.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import assert_never

import genanki  # type: ignore[import-untyped]

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
from quiz.formats.exports.losses import Exported, all_questions, bank_losses
from quiz.formats.html import fixed_shuffle, sources_html, to_html

FIELDS = ("Id", "Question", "Answer", "Explanation", "Source", "Hint")

_FRONT = "{{Question}}{{#Hint}}<div class=hint>{{hint:Hint}}</div>{{/Hint}}"
_BACK = ('{{FrontSide}}<hr id="answer">{{Answer}}<div class=explanation>{{Explanation}}</div>'
         "<div class=source>Source: {{Source}}</div>")
_CLOZE_FRONT = "{{cloze:Question}}{{#Hint}}<div class=hint>{{hint:Hint}}</div>{{/Hint}}"
_CLOZE_BACK = ('{{cloze:Question}}<hr id="answer"><div class=explanation>{{Explanation}}</div>'
               "<div class=source>Source: {{Source}}</div>")
_CSS = (".card { font-family: sans-serif; font-size: 18px; text-align: left; }\n"
        ".explanation { margin-top: 1em; }\n.source { margin-top: 1em; font-size: 14px; color: #666; }")


def stable_id(*parts: str) -> int:
    """An id in genanki's recommended range [2**30, 2**31), the same for the same parts every time."""
    digest = int(hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12], 16)
    return (1 << 30) + digest % (1 << 30)


def note_guid(bank_id: str, question_id: str) -> str:
    return str(genanki.guid_for(bank_id, question_id))


def anki_tag(tag: str) -> str:
    """Anki separates tags with spaces, so a tag cannot contain one."""
    return "_".join(tag.split())


def _list(items: Sequence[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{to_html(item)}</li>" for item in items) + f"</{tag}>"


def _cloze_deletion(number: int, blank: Blank) -> str:
    """``{{c1::Banjska}}``, with the dropdown's choices as the hint Anki shows in the gap."""
    answer = blank.answers[0].replace("}}", "} }").replace("::", ": :")
    hint = " / ".join(blank.choices).replace("}}", "} }").replace("::", ": :")
    shown = f"::{to_html(hint)}" if hint else ""
    return f"{{{{c{number}::{to_html(answer)}{shown}}}}}"


def cloze_text(question: ClozeQuestion) -> str:
    """The passage in Anki's cloze syntax: one card per blank, as Anki's own Cloze note type makes."""
    return "".join(to_html(part) if isinstance(part, str) else _cloze_deletion(part + 1, question.blanks[part])
                   for part in question.parts())


def _front_back(question: AnyQuestion) -> tuple[str, str]:
    prompt = f"<div class=prompt>{to_html(question.prompt)}</div>"
    match question:
        case ChoiceQuestion() | MultiQuestion():
            right = {question.answer} if isinstance(question, ChoiceQuestion) else set(question.answers)
            # Shuffled once per question: the right answer is not where the author wrote it (often first).
            feedback = {c.text: c.feedback for c in question.choices}
            shown = fixed_shuffle(question, list(feedback))
            lines = [f"<li>{'✔' if text in right else '✘'} {to_html(text)}"
                     + (f" <i>{to_html(feedback[text])}</i>" if feedback[text] else "") + "</li>"
                     for text in shown]
            return prompt + _list(shown), "<ul>" + "".join(lines) + "</ul>"
        case TrueFalseQuestion():
            return prompt + "<div>True or false?</div>", "True" if question.answer else "False"
        case ShortQuestion():
            also = question.answers[1:]
            return prompt, to_html(question.answers[0]) + (
                f"<div>Also accepted: {to_html(', '.join(also))}</div>" if also else "")
        case OrderQuestion():
            return prompt + _list(fixed_shuffle(question, question.items)), _list(question.items, ordered=True)
        case MatchQuestion():
            front = (prompt + _list([p.left for p in question.pairs])
                     + _list(fixed_shuffle(question, [p.right for p in question.pairs])))
            return front, "<ul>" + "".join(f"<li>{to_html(p.left)} → {to_html(p.right)}</li>"
                                           for p in question.pairs) + "</ul>"
        case NumberQuestion():
            unit = f" {to_html(question.unit)}" if question.unit else ""
            within = f" (± {number_text(question.tolerance)})" if question.tolerance else ""
            return prompt, f"{number_text(question.answer)}{unit}{within}"
        case ClozeQuestion():
            return prompt + f"<div class=passage>{cloze_text(question)}</div>", ""
        case _:
            assert_never(question)


def _model(bank: Bank) -> genanki.Model:
    return genanki.Model(
        stable_id("quiz-model", bank.id), f"quiz: {bank.title}",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Card 1", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS, sort_field_index=1,
    )


def _cloze_model(bank: Bank) -> genanki.Model:
    """Anki's Cloze note type (one card per ``{{cN::…}}``) with quiz's fields."""
    return genanki.Model(
        stable_id("quiz-cloze-model", bank.id), f"quiz cloze: {bank.title}",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Cloze", "qfmt": _CLOZE_FRONT, "afmt": _CLOZE_BACK}],
        css=_CSS, sort_field_index=1, model_type=genanki.Model.CLOZE,
    )


def _deck(bank: Bank) -> genanki.Deck:
    deck = genanki.Deck(stable_id("quiz-deck", bank.id), bank.title, description=to_html(bank.description))
    model, cloze_model = _model(bank), _cloze_model(bank)
    for question in bank.questions:
        front, back = _front_back(question)
        tags = [anki_tag(t) for t in question.tags]
        if question.difficulty is not None:
            tags.append(f"difficulty-{question.difficulty}")
        deck.add_note(genanki.Note(
            model=cloze_model if isinstance(question, ClozeQuestion) else model,
            fields=[question.id, front, back, to_html(question.explanation), sources_html(bank, question),
                    to_html(question.hint)],
            tags=tags, guid=note_guid(bank.id, question.id),
        ))
    return deck


def export_anki(banks: Sequence[Bank]) -> Exported:
    package = genanki.Package([_deck(bank) for bank in banks])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.apkg"
        package.write_to_file(str(path))
        data = path.read_bytes()
    losses = bank_losses(banks, "Anki", carried=("description", "sources"))
    return Exported(data, tuple(losses), len(all_questions(banks)))
