"""The export targets by name, so the command and the docs agree on what exists."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quiz.bank.model import Bank
from quiz.formats.exports.losses import Exported


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
        exporter: Callable[[Sequence[Bank]], Exported] = getattr(
            importlib.import_module(f"quiz.formats.{self.module}"), self.function)
        return exporter


TARGETS = {target.name: target for target in (
    Target("gift", "GIFT", "exports.gift", "export_gift", ".gift"),
    Target("moodle-xml", "Moodle XML", "exports.moodle_xml", "export_moodle_xml", ".xml"),
    Target("qti", "QTI 1.2 (Canvas)", "exports.qti", "export_qti", ".zip", binary=True),
    Target("anki", "Anki", "exports.anki", "export_anki", ".apkg", binary=True),
    Target("markdown", "Markdown", "exports.markdown", "export_markdown", ".md"),
    Target("csv", "CSV", "exports.csv", "export_csv", ".csv"),
)}
