"""Which format a file is in, when ``quiz import`` is not told: from its first bytes, then its name."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from quiz.errors import UsageError

_SNIFF = 65536
_AIKEN_ANSWER = re.compile(rb"^ANSWER:\s*[A-Z]\s*$", re.MULTILINE)
_GIFT = re.compile(rb"\{\s*(?:[=~#}]|(?:T|F|TRUE|FALSE)\s*[#}])|^\s*::|^\$CATEGORY:", re.MULTILINE)
"""GIFT's answers (``{=``, ``{~``, ``{#``, ``{T}``, ``{TRUE#feedback}``, ``{}``), a ``::title::`` or a
category: not a YAML ``{a: 1}``."""
_YAML_SUFFIXES = (".yaml", ".yml")


def guess_kind(path: Path) -> str:
    """A ``KINDS`` name for the file; UsageError asking for ``--from`` when nothing fits."""
    if path.suffix.lower() in _YAML_SUFFIXES:
        raise UsageError(f"{path} is YAML, which quiz import does not read: it reads GIFT, Aiken, CSV, "
                         "Moodle XML and QTI", "a quiz bank needs no import: check it with quiz validate; for "
                         "another format say it with --from")
    if zipfile.is_zipfile(path):
        return "qti"
    with path.open("rb") as stream:
        head = stream.read(_SNIFF).removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        if b"<quiz" in head:
            return "moodle-xml"
        if b"questestinterop" in head:
            return "qti"
    first = head.split(b"\n", 1)[0].lower()
    if b"," in first and b"type" in first and b"prompt" in first:
        return "csv"
    if _AIKEN_ANSWER.search(head):
        return "aiken"
    if _GIFT.search(head):
        return "gift"
    suffix = path.suffix.lower()
    by_suffix = {".gift": "gift", ".csv": "csv", ".xml": "moodle-xml", ".zip": "qti"}
    if suffix in by_suffix:
        return by_suffix[suffix]
    raise UsageError(f"cannot tell the format of {path}",
                     "say it with --from gift, aiken, csv, moodle-xml or qti")
