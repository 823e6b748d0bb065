"""The export targets by name, so the command and the docs agree on what exists."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quiz.bank.model import Bank
from quiz.formats.losses import Exported


@dataclass(frozen=True)
class Target:
    """One export format: its name on the command line, its module and function, its file."""

    name: str
    label: str
    module: str
    function: str
    suffix: str
    binary: bool = False

    def exporter(self) -> Callable[[Sequence[Bank]], Exported]:
        """Imported on use, so ``quiz export --to csv`` never loads genanki."""
        return getattr(importlib.import_module(f"quiz.formats.{self.module}"), self.function)


TARGETS = {target.name: target for target in (
    Target("gift", "GIFT", "gift_export", "export_gift", ".gift"),
    Target("moodle-xml", "Moodle XML", "moodle_xml", "export_moodle_xml", ".xml"),
    Target("qti", "QTI 1.2 (Canvas)", "qti", "export_qti", ".zip", binary=True),
    Target("anki", "Anki", "anki", "export_anki", ".apkg", binary=True),
    Target("markdown", "Markdown", "markdown", "export_markdown", ".md"),
    Target("csv", "CSV", "csv_format", "export_csv", ".csv"),
)}
