"""Plain bank text as HTML, and a question's source references in words, for LMS and Anki exports."""

from __future__ import annotations

import html
import random
from collections.abc import Sequence

from quiz.bank.model import AnyQuestion, Bank, SourceRef


def fixed_shuffle(question: AnyQuestion, items: Sequence[str]) -> list[str]:
    """A shuffle fixed per question, so a printout or card does not give the order away and re-exports match."""
    shuffled = list(items)
    random.Random(question.id).shuffle(shuffled)
    return shuffled


def to_html(text: str) -> str:
    """Bank text is plain text: escape it and keep its line breaks."""
    return html.escape(text).replace("\n", "<br>")


def from_html(text: str) -> str:
    """Undo :func:`to_html` exactly, for reading quiz's own exports back."""
    return html.unescape(text.replace("<br>", "\n"))


def cloze_html(prompt: str, passage_html: str) -> str:
    """How quiz's LMS exports write a cloze: the prompt, then the passage with the format's blanks."""
    return f"<p>{to_html(prompt)}</p><p>{passage_html}</p>"


def cloze_passage_html(text: str, prompt: str) -> str:
    """Undo :func:`cloze_html` when ``text`` starts with ``prompt`` as quiz writes it; else ``text`` as it is."""
    own_prefix = f"<p>{to_html(prompt)}</p>"
    if not prompt or not text.startswith(own_prefix):
        return text
    return text[len(own_prefix) :].removeprefix("<p>").removesuffix("</p>")


def explanation_from_feedback(text: str) -> str:
    """The explanation in :func:`feedback_html`'s output, exactly as the bank had it."""
    cut = text.rfind("<p>Source: ")
    body = text[:cut] if cut >= 0 else text
    return from_html(body.removeprefix("<p>").removesuffix("</p>"))


def source_words(bank: Bank, ref: SourceRef) -> str:
    """``Title (Publisher, 2023-09-24), paragraph 6``; the bare id if the source is not declared."""
    source = bank.sources.get(ref.source)
    if source is None:
        return str(ref)
    words = f"{source.title} ({source.publisher}, {source.date})"
    return words if ref.paragraph is None else f"{words}, paragraph {ref.paragraph}"


def sources_html(bank: Bank, question: AnyQuestion) -> str:
    """The question's sources as HTML, linked where the source has a URL."""
    parts = []
    for ref in question.source:
        words = to_html(source_words(bank, ref))
        source = bank.sources.get(ref.source)
        parts.append(f'<a href="{html.escape(source.url)}">{words}</a>' if source and source.url else words)
    return "; ".join(parts)


def feedback_html(bank: Bank, question: AnyQuestion) -> str:
    """The explanation followed by where to check it: quiz shows both after an answer."""
    return f"<p>{to_html(question.explanation)}</p><p>Source: {sources_html(bank, question)}</p>"
