"""A bank's own information (sources, notes) as plain JSON-ready data, and back.

GIFT keeps it in a ``// quiz-bank:`` comment so that importing quiz's own export restores it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from quiz.bank.model import LINT_CODES, Bank, GlossaryEntry, LintAllowance, Source, SourceRef, StudyNotes, TimelineEvent
from quiz.bank.write import plain


@dataclass(frozen=True)
class BankInfo:
    """Everything about a bank except its questions."""

    id: str
    title: str
    description: str
    language: str
    sources: dict[str, Source]
    notes: StudyNotes


def bank_info(bank: Bank) -> dict[str, Any]:
    return {
        "id": bank.id,
        "title": bank.title,
        "description": bank.description,
        "language": bank.language,
        "sources": plain(bank.sources),
        "notes": plain(bank.notes),
    }


def _refs(value: Any) -> tuple[SourceRef, ...]:
    texts = value if isinstance(value, list) else [value] if value else []
    return tuple(ref for text in texts if (ref := SourceRef.parse(str(text))) is not None)


def read_bank_info(data: dict[str, Any]) -> BankInfo:
    """Rebuild :class:`BankInfo` from :func:`bank_info`'s output; raises KeyError/TypeError if malformed."""
    notes = data.get("notes") or {}
    return BankInfo(
        id=str(data["id"]),
        title=str(data["title"]),
        description=str(data.get("description", "")),
        language=str(data.get("language", "en")),
        sources={str(key): Source(**value) for key, value in (data.get("sources") or {}).items()},
        notes=StudyNotes(
            primer=str(notes.get("primer", "")),
            timeline=tuple(
                TimelineEvent(date=e["date"], event=e["event"], source=_refs(e.get("source")))
                for e in notes.get("timeline", [])
            ),
            glossary=tuple(
                GlossaryEntry(term=g["term"], definition=g["definition"], also=tuple(g.get("also", ())))
                for g in notes.get("glossary", [])
            ),
        ),
    )


def question_meta(meta: Mapping[str, Any], info: BankInfo | None) -> dict[str, Any]:
    """The fields quiz's own exports keep about a question beside the LMS's own (a GIFT ``// quiz:``
    comment, a Moodle XML ``quizmeta`` element, a QTI metadata field): its hint, difficulty and lint
    allowance, and its source references when their sources came along with the bank's information.
    Anything of the wrong kind is left out, as another tool may have edited the file."""
    difficulty = meta.get("difficulty")
    found: dict[str, Any] = {
        "hint": str(meta.get("hint") or ""),
        "difficulty": difficulty if type(difficulty) is int and difficulty in (1, 2, 3) else None,
        "lint": _read_lint(meta.get("lint")),
    }
    refs = _refs(meta.get("source"))
    if info is not None and refs and all(ref.source in info.sources for ref in refs):
        found["source"] = refs
    return found


def _read_lint(value: Any) -> LintAllowance | None:
    """A question's ``lint:`` allowance as quiz's own export wrote it, or None when it is not one."""
    if not isinstance(value, dict):
        return None
    allow, because = value.get("allow"), value.get("because")
    if not isinstance(allow, list) or not allow or not all(code in LINT_CODES for code in allow):
        return None
    return LintAllowance(allow=tuple(allow), because=because) if isinstance(because, str) and because else None


def merge_info(banks: Sequence[BankInfo]) -> BankInfo:
    """Several banks' information as one: the first bank's name, everyone's sources and notes."""
    first = banks[0]
    sources: dict[str, Source] = {}
    for info in banks:
        sources.update({key: value for key, value in info.sources.items() if key not in sources})
    notes = StudyNotes(
        primer="\n\n".join(info.notes.primer.strip() for info in banks if info.notes.primer.strip()),
        timeline=tuple(event for info in banks for event in info.notes.timeline),
        glossary=tuple(entry for info in banks for entry in info.notes.glossary),
    )
    return replace(first, sources=sources, notes=notes if len(banks) > 1 else first.notes)
