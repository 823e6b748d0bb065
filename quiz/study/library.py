"""The banks loaded for a session, with question lookup across all of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from quiz.bank.model import AnyQuestion, Bank, Source


class Located(NamedTuple):
    """A question with the bank it belongs to."""

    bank: Bank
    question: AnyQuestion


class SourceLine(NamedTuple):
    """One cited source of a question, ready to show: title, publisher, date and paragraph."""

    title: str
    publisher: str
    date: str
    paragraph: int | None
    url: str

    def describe(self) -> str:
        where = f", paragraph {self.paragraph}" if self.paragraph else ""
        return f"{self.title} — {self.publisher}, {self.date}{where}"


@dataclass(frozen=True)
class Library:
    """Every loaded bank; question ids are unique across banks, so a question id finds its bank."""

    banks: tuple[Bank, ...]
    _index: dict[str, Located] = field(init=False, repr=False, compare=False)
    _hashes: dict[str, str] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        index = {q.id: Located(bank, q) for bank in self.banks for q in bank.questions}
        object.__setattr__(self, "_index", index)

    def content_hash(self, question: AnyQuestion) -> str:
        """The question's content hash, computed once per session."""
        digest = self._hashes.get(question.id)
        if digest is None:
            from quiz.bank.fingerprint import content_hash  # hashlib is not needed to show the library

            digest = self._hashes[question.id] = content_hash(question)
        return digest

    @classmethod
    def of(cls, banks: Iterable[Bank], hashes: Mapping[str, str] | None = None) -> Library:
        """The library of these banks; ``hashes``, when given, are their questions' content hashes by id,
        as the bank cache keeps them, so they are not computed again."""
        library = cls(tuple(banks))
        library._hashes.update(hashes or {})
        return library

    def __iter__(self) -> Iterator[Bank]:
        return iter(self.banks)

    def __len__(self) -> int:
        return len(self.banks)

    def bank(self, bank_id: str) -> Bank | None:
        return next((bank for bank in self.banks if bank.id == bank_id), None)

    def bank_title(self, bank_id: str) -> str:
        """The title to show for a stored bank id, even one no longer loaded."""
        bank = self.bank(bank_id)
        if bank is not None:
            return bank.title
        return "All banks" if bank_id == "*" else bank_id

    def locate(self, question_id: str) -> Located | None:
        return self._index.get(question_id)

    def all_questions(self) -> list[Located]:
        return list(self._index.values())

    def tags(self, bank_id: str | None = None) -> list[str]:
        """Every tag used, in the banks named (or all), sorted."""
        chosen: Sequence[Bank] = [b for b in self.banks if bank_id in (None, b.id)]
        return sorted({tag for bank in chosen for q in bank.questions for tag in q.tags})


def sources_of(bank: Bank, question: AnyQuestion) -> list[SourceLine]:
    """The sources a question cites, resolved against its bank's declared sources."""
    lines = []
    for ref in question.source:
        source: Source | None = bank.sources.get(ref.source)
        if source is None:
            lines.append(SourceLine(ref.source, "", "", ref.paragraph, ""))
        else:
            lines.append(SourceLine(source.title, source.publisher, source.date, ref.paragraph, source.url))
    return lines
