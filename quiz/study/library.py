"""The banks loaded for a session, with question lookup across all of them.

A Library holds a summary of each bank (id, title, description, question ids) and a way to get the
banks themselves, which it takes at the first question asked of them. The library screen, its Today
counts and the learner picker read only summaries and content hashes, so from the bank cache quiz
shows its first screen without importing the bank model (quiz.study.bank_cache).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from quiz.bank.model import AnyQuestion, Bank, Source
    from quiz.store import QuestionsImage, Store


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


class BankSummary(NamedTuple):
    """What the first screen shows of a bank, in plain values the bank cache keeps beside the banks."""

    id: str
    title: str
    description: str
    question_ids: tuple[str, ...]

    @classmethod
    def of(cls, bank: Bank) -> BankSummary:
        return cls(bank.id, bank.title, bank.description, tuple(question.id for question in bank.questions))


class Library:
    """Every loaded bank; question ids are unique across banks, so a question id finds its bank."""

    def __init__(
        self,
        summaries: Iterable[BankSummary],
        load: Callable[[], Sequence[Bank]],
        hashes: Mapping[str, str] | None = None,
        questions_image: QuestionsImage | None = None,
    ) -> None:
        """``load`` gives the banks the ``summaries`` describe, in the same order, when first needed;
        ``hashes`` are their questions' content hashes by id and ``questions_image`` the store's
        table of them (``hashed_questions``), as the bank cache keeps both."""
        self.summaries = tuple(summaries)
        self._load = load
        self._hashes = dict(hashes or {})
        self.questions_image = questions_image

    @classmethod
    def of(cls, banks: Iterable[Bank], hashes: Mapping[str, str] | None = None) -> Library:
        """The library of these banks, already loaded."""
        loaded = tuple(banks)
        return cls((BankSummary.of(bank) for bank in loaded), lambda: loaded, hashes)

    @cached_property
    def banks(self) -> tuple[Bank, ...]:
        return tuple(self._load())

    @cached_property
    def _index(self) -> dict[str, Located]:
        return {q.id: Located(bank, q) for bank in self.banks for q in bank.questions}

    def content_hash(self, question: AnyQuestion) -> str:
        """The question's content hash, computed once per session."""
        digest = self._hashes.get(question.id)
        if digest is None:
            from quiz.bank.fingerprint import content_hash  # hashlib is not needed to show the library

            digest = self._hashes[question.id] = content_hash(question)
        return digest

    def hash_of(self, question_id: str) -> str:
        """The content hash of a loaded question, by its id: the bank cache's when it has it."""
        digest = self._hashes.get(question_id)
        if digest is None:
            located = self.locate(question_id)
            if located is None:
                raise KeyError(question_id)
            digest = self.content_hash(located.question)
        return digest

    def hashed_questions(self) -> list[tuple[str, str, str]]:
        """(bank id, question id, content hash) of every question, in the banks' order."""
        return [(bank.id, question_id, self.hash_of(question_id))
                for bank in self.summaries for question_id in bank.question_ids]

    def load_into(self, store: Store) -> None:
        """Make these the store's loaded questions, for its counts and picks: from the bank cache's
        image when there is one, else row by row; nothing when they already are."""
        store.load_questions(self, self.hashed_questions, self.questions_image)

    def __iter__(self) -> Iterator[Bank]:
        return iter(self.banks)

    def __len__(self) -> int:
        return len(self.summaries)

    def bank(self, bank_id: str) -> Bank | None:
        return next((bank for bank in self.banks if bank.id == bank_id), None)

    def bank_title(self, bank_id: str) -> str:
        """The title to show for a stored bank id, even one no longer loaded."""
        summary = next((summary for summary in self.summaries if summary.id == bank_id), None)
        if summary is not None:
            return summary.title
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
