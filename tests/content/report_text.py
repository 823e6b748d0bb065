"""The report's ten-word runs, kept as hashes so the test needs no copy of the report's text."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from quiz.bank.answers import fold

RUN = 10
SHINGLES = Path(__file__).with_name("report_shingles.txt")
REPORT = Path(__file__).resolve().parents[3] / "shared" / "source" / "article-2023-09-24.md"
_PARAGRAPH = re.compile(r"^p(\d+)\.\s+(.*)$")


def words(text: str) -> list[str]:
    """Words compared case-, accent- and punctuation-blind."""
    return fold(text).split()


def runs(text: str, length: int = RUN) -> Iterator[tuple[str, ...]]:
    tokens = words(text)
    for start in range(len(tokens) - length + 1):
        yield tuple(tokens[start : start + length])


def digest(run: Iterable[str]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:20]


def report_paragraphs(report: Path = REPORT) -> dict[int, str]:
    """p1..p14 of the report, by number."""
    found = {}
    for line in report.read_text(encoding="utf-8").splitlines():
        match = _PARAGRAPH.match(line)
        if match:
            found[int(match.group(1))] = match.group(2)
    return found


def report_digests(report: Path = REPORT) -> set[str]:
    return {digest(run) for paragraph in report_paragraphs(report).values() for run in runs(paragraph)}


if __name__ == "__main__":  # regenerate the hash file from the report
    SHINGLES.write_text("\n".join(sorted(report_digests())) + "\n", encoding="utf-8")
    print(f"wrote {SHINGLES}")
