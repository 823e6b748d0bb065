"""parse_xml: element names without namespaces and the line of every record, on both of its paths."""

from __future__ import annotations

import pytest

from quiz.formats.imports.context import FormatError
from quiz.formats.imports.safe_xml import parse_xml

CANVAS = (b'<?xml version="1.0"?>\n<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2"\n'
          b'  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="x">\n<assessment>\n\n'
          b'<item ident="a"><mattext><p xmlns="http://www.w3.org/1999/xhtml">x</p></mattext></item>\n'
          b'<item\nident="b"/></assessment></questestinterop>\n')


def lines_by_ident(data: bytes) -> list[tuple[str | None, int]]:
    root, lines = parse_xml(data, "t.xml", record="item")
    assert root.tag == "questestinterop"
    return [(item.get("ident"), lines[item]) for item in root.iter("item")]


def test_default_namespaces_anywhere_leave_local_names_and_each_record_has_its_line() -> None:
    root, _ = parse_xml(CANVAS, "t.xml", record="item")
    assert [element.tag for element in root.iter()] == ["questestinterop", "assessment", "item", "mattext", "p", "item"]
    assert lines_by_ident(CANVAS) == [("a", 6), ("b", 7)]


@pytest.mark.parametrize("mention", [b"<!-- <item ident='z'> -->", b"<mattext><![CDATA[<item>]]></mattext>"])
def test_a_record_tag_written_inside_a_comment_or_cdata_does_not_shift_the_lines(mention: bytes) -> None:
    data = CANVAS.replace(b"<assessment>\n", b"<assessment>" + mention + b"\n")
    assert lines_by_ident(data) == [("a", 6), ("b", 7)]


def test_prefixed_element_names_lose_their_prefix() -> None:
    data = (b'<q:questestinterop xmlns:q="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">\n<q:assessment>\n'
            b'<q:item ident="a"/>\n</q:assessment></q:questestinterop>')
    assert lines_by_ident(data) == [("a", 3)]


def test_a_utf16_document_reads_the_same() -> None:
    assert lines_by_ident(CANVAS.replace(b'version="1.0"', b'version="1.0" encoding="UTF-16"').decode()
                          .encode("utf-16")) == [("a", 6), ("b", 7)]


@pytest.mark.parametrize("inside", [b"", b'<x:a xmlns:x="urn:x"/>'])
def test_an_entity_is_refused_on_either_path(inside: bytes) -> None:
    with pytest.raises(FormatError, match="declares XML entities") as caught:
        parse_xml(b'<?xml version="1.0"?>\n<!DOCTYPE quiz [\n<!ENTITY a "x">]>\n<quiz>' + inside + b"&a;</quiz>",
                  "t.xml")
    assert caught.value.line == 3


def test_prefixed_names_in_utf16_lose_their_prefix_even_with_no_record_to_count() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?>\n<c:manifest xmlns:c="urn:c"><c:resource/></c:manifest>'
    root, lines = parse_xml(data.encode("utf-16"), "imsmanifest.xml")
    assert [element.tag for element in root.iter()] == ["manifest", "resource"] and lines == {}
