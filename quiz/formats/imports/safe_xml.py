"""XML from a file someone else wrote: parsed without expanding entities, with the line of each item.

An entity declaration is refused (an XML bomb is an error, never expanded) and so is anything
external, as defusedxml refuses them: by expat handlers that raise. The tree is built by
ElementTree's C TreeBuilder called straight from expat. Namespaces are dropped from element names,
since LMS exports use them inconsistently.

Most exports (Canvas, Moodle) name no element with a prefix: those are parsed without namespace
processing, so every name is already local, and expat calls the builder with no line of Python per
element; each record's line comes from where its tag starts in the text. That reads a 44 MB QTI
export in about 80% of the time the Python handler needs (tests/benchmarks/bench_import.py). Any
other document, or one whose text holds a record's tag inside a comment, goes through that handler.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import NoReturn
from xml.parsers import expat

from quiz.formats.imports.context import FormatError

_PREFIXED_ELEMENT = re.compile(rb"<[A-Za-z_][\w.-]*:")


def parse_xml(data: bytes, path: str, record: str = "question") -> tuple[ET.Element, dict[ET.Element, int]]:
    """The document's root (namespaces dropped) and the line of every ``record`` element;
    FormatError for XML that is not well-formed or declares entities."""
    if b"\x00" not in data[:4] and not _PREFIXED_ELEMENT.search(data):  # UTF-8 or Latin-1, no prefixes
        root, _ = _parse(data, path, None)
        lines = _record_lines(data, root, record)
        if lines is not None:
            return root, lines
    return _parse(data, path, record)


def _parse(data: bytes, path: str, record: str | None) -> tuple[ET.Element, dict[ET.Element, int]]:
    """The tree, built by ElementTree's C builder, and the line of each ``record`` element. Without
    ``record`` (for a document with no prefixed element name) the document is parsed without namespace
    processing, so every name is already local, and expat calls the builder directly, with no line of
    Python per element and no line recorded; with it, a Python handler drops namespaces and records
    the line of each record."""
    builder = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}
    if record is None:
        parser = expat.ParserCreate()
        parser.StartElementHandler = builder.start
    else:
        parser = expat.ParserCreate(namespace_separator="}")

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = tag.rpartition("}")[2]
            element = builder.start(local, attrs)
            if local == record:
                lines[element] = parser.CurrentLineNumber

        parser.StartElementHandler = start

    def refuse(*_: object) -> NoReturn:
        raise FormatError(path, parser.CurrentLineNumber,
                          "the file declares XML entities, which quiz refuses (they can expand without bound)",
                          "export the questions again from the LMS, or remove the <!DOCTYPE ...> block")

    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = parser.UnparsedEntityDeclHandler = parser.ExternalEntityRefHandler = refuse
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise FormatError(path, error.lineno, f"not well-formed XML: {error}",
                          "is this the file the LMS exported? Open it in a browser to see where it breaks") from None
    finally:  # the handlers refer to the parser: dropped, it goes (and the builder) without the cyclic collector
        parser.StartElementHandler = parser.EntityDeclHandler = None
        parser.UnparsedEntityDeclHandler = parser.ExternalEntityRefHandler = None
    return builder.close(), lines


def _record_lines(data: bytes, root: ET.Element, record: str) -> dict[ET.Element, int] | None:
    """The line of every ``record`` element, from where ``<record`` starts a tag in the text; None when
    the text has more of those than the tree has elements (one inside a comment or CDATA section)."""
    starts = [found.start() for found in re.finditer(b"<" + re.escape(record.encode()) + rb"[\s/>]", data)]
    elements = list(root.iter(record))
    if len(starts) != len(elements):
        return None
    lines: dict[ET.Element, int] = {}
    line, done = 1, 0
    for element, start in zip(elements, starts, strict=True):
        line += data.count(b"\n", done, start)
        done = start
        lines[element] = line
    return lines
