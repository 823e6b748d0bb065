"""XML from a file someone else wrote: parsed without expanding entities, with the line of each item.

An entity declaration is refused (an XML bomb is an error, never expanded) and so is anything
external; namespaces are dropped, since LMS exports use them inconsistently.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml  # type: ignore[import-untyped]
from defusedxml.ElementTree import DefusedXMLParser  # type: ignore[import-untyped]

from quiz.formats.imports.context import FormatError


class _Builder(ET.TreeBuilder):
    """A tree builder that drops namespaces and notes the line each element of ``record`` starts on."""

    def __init__(self, record: str) -> None:
        super().__init__()
        self.record = record
        self.parser: DefusedXMLParser | None = None
        self.lines: dict[ET.Element, int] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        local = tag.rsplit("}", 1)[-1]
        element = super().start(local, attrs)
        if local == self.record and self.parser is not None:
            self.lines[element] = self.parser.parser.CurrentLineNumber
        return element

    def end(self, tag: str) -> ET.Element:
        return super().end(tag.rsplit("}", 1)[-1])


def parse_xml(data: bytes, path: str, record: str = "question") -> tuple[ET.Element, dict[ET.Element, int]]:
    """The document's root (namespaces dropped) and the line of every ``record`` element;
    FormatError for XML that is not well-formed or declares entities."""
    builder = _Builder(record)
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except defusedxml.DefusedXmlException:
        raise FormatError(path, builder.parser.parser.CurrentLineNumber,
                          "the file declares XML entities, which quiz refuses (they can expand without bound)",
                          "export the questions again from the LMS, or remove the <!DOCTYPE ...> block") from None
    except ET.ParseError as error:
        raise FormatError(path, error.position[0], f"not well-formed XML: {error}",
                          "is this the file the LMS exported? Open it in a browser to see where it breaks") from None
    return root, builder.lines
