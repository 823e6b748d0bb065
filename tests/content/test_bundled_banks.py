"""The bundled banks: enough questions of every kind, every report paragraph cited, nothing copied."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from typing import Any

import pytest

from quiz.bank.load import load_paths
from quiz.bank.model import QUESTION_TYPES, Bank, ClozeQuestion
from quiz.locations import bundled_banks_dir
from tests.content.report_text import REPORT, SHINGLES, digest, report_digests, runs


@pytest.fixture(scope="module")
def banks() -> list[Bank]:
    result = load_paths([bundled_banks_dir()])
    assert result.ok, [str(problem) for problem in result.problems]
    return result.banks


def test_at_least_181_questions_in_three_banks_of_56(banks: list[Bank]) -> None:
    sizes = sorted(len(bank.questions) for bank in banks)
    assert sum(sizes) >= 181
    assert len([size for size in sizes if size >= 56]) >= 3


def test_every_type_used_and_four_in_each_bank(banks: list[Bank]) -> None:
    used = {question.TYPE for bank in banks for question in bank.questions}
    assert used == set(QUESTION_TYPES)
    for bank in banks:
        assert len({question.TYPE for question in bank.questions}) >= 4, bank.id


def test_at_least_15_cloze_questions_drawn_from_the_primers(banks: list[Bank]) -> None:
    cloze = [q for bank in banks for q in bank.questions if isinstance(q, ClozeQuestion)]
    assert len(cloze) >= 15
    assert all(any(isinstance(q, ClozeQuestion) for q in bank.questions) for bank in banks)


def test_cloze_blanks_mix_typed_and_dropdowns(banks: list[Bank]) -> None:
    blanks = [blank for bank in banks for q in bank.questions if isinstance(q, ClozeQuestion) for blank in q.blanks]
    assert any(blank.choices for blank in blanks)
    assert any(not blank.choices for blank in blanks)


def test_difficulty_spread_over_one_to_three(banks: list[Bank]) -> None:
    for bank in banks:
        levels = Counter(question.difficulty for question in bank.questions)
        assert {1, 2, 3} <= set(levels), (bank.id, levels)


def test_every_bank_has_study_notes(banks: list[Bank]) -> None:
    for bank in banks:
        assert bank.notes.primer.strip(), bank.id
        assert len(bank.notes.timeline) >= 3, bank.id
        assert len(bank.notes.glossary) >= 3, bank.id


def test_every_source_is_described(banks: list[Bank]) -> None:
    for bank in banks:
        for source_id, source in bank.sources.items():
            assert source.title and source.publisher and source.date, (bank.id, source_id)
            assert source.url.startswith(("https://", "http://")) or source_id == "report", (bank.id, source_id)


def test_every_report_paragraph_is_cited(banks: list[Bank]) -> None:
    cited = {ref.paragraph for bank in banks for q in bank.questions for ref in q.source if ref.source == "report"}
    assert set(range(1, 15)) <= cited, sorted(set(range(1, 15)) - cited)


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif is_dataclass(value):
        for f in fields(value):
            if not f.metadata.get("internal"):
                yield from _texts(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


def test_no_bank_repeats_ten_words_of_the_report(banks: list[Bank]) -> None:
    report = set(SHINGLES.read_text(encoding="utf-8").split())
    copied = [
        (bank.id, " ".join(run))
        for bank in banks
        for text in _texts(bank)
        for run in runs(text)
        if digest(run) in report
    ]
    assert copied == []


@pytest.mark.skipif(not REPORT.exists(), reason="the shared report is not beside this checkout")
def test_report_hashes_are_current() -> None:
    assert set(SHINGLES.read_text(encoding="utf-8").split()) == report_digests()


def test_the_check_catches_a_copied_run() -> None:
    report = set(SHINGLES.read_text(encoding="utf-8").split())
    copied = "the officers noticed that a bridge leading up to a local village was blocked"
    assert any(digest(run) in report for run in runs(copied))
