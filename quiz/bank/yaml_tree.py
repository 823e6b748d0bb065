"""YAML text -> a tree of nodes that remember their positions, refusing what a bank never needs.

Built from PyYAML's event stream (the C parser when present), not from ``yaml.load``: nothing is
constructed, so no tag can run code; duplicate keys are reported instead of silently overwritten;
anchors and aliases are refused, which also defuses alias-expansion bombs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import yaml
import yaml.reader
from yaml import events

from quiz.bank.controls import REFUSED as _REFUSED_CLASS
from quiz.bank.controls import character_name, is_refused

try:
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # PyYAML built without libyaml: the pure-Python parser, same events, slower
    from yaml.loader import SafeLoader as _Parser  # type: ignore[assignment]

STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)
NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))


class YScalar:
    """A scalar as written: its text, whether it was plain (unquoted), and its explicit tag."""

    __slots__ = ("col", "line", "plain", "tag", "value")

    def __init__(self, value: str, plain: bool, tag: str | None, line: int, col: int) -> None:
        self.value = value
        self.plain = plain
        self.tag = tag
        self.line = line
        self.col = col

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in NULL_WORDS


class YMapping:
    """A mapping: its key/value pairs in file order (keys are scalars, duplicates already reported)."""

    __slots__ = ("col", "items", "line")

    def __init__(self, line: int, col: int) -> None:
        self.items: dict[str, tuple[YScalar, YNode]] = {}
        self.line = line
        self.col = col


class YSequence:
    """A sequence of nodes."""

    __slots__ = ("col", "items", "line")

    def __init__(self, line: int, col: int) -> None:
        self.items: list[YNode] = []
        self.line = line
        self.col = col


class YReadItems(YSequence):
    """A sequence whose items were read as soon as each was complete, so their nodes were never all kept.

    The bank's ``questions`` list arrives like this: a file of millions of broken items then costs the
    memory of one item and the values kept, not of every node in the file.
    """

    __slots__ = ("count", "invalid", "values")

    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.values: list[Any] = []
        self.count = 0
        self.invalid = 0


YNode = YScalar | YMapping | YSequence

ItemReader = Callable[[YNode, int], Any]
"""Reads item N of a streamed list; returns its value, or ``INVALID`` (any object ``is_invalid`` knows)."""

Report = Callable[[int, int, str, str, str], None]
"""Called with (line, col, code, message, hint) for each problem found."""


class Checking:
    """Asked, each time a problem is found, whether finding more is still worth it (``enough``).

    Once it is not, the rest of the file is only parsed, for YAML syntax, without a node or an event
    object made in Python; ``parsed_only_after`` is then the (line, column) where checking stopped.
    """

    def __init__(self, enough: Callable[[], bool]) -> None:
        self.enough = enough
        self.parsed_only_after: tuple[int, int] | None = None


class _Enough(Exception):
    """Raised inside the builder when ``Checking.enough`` says so, with the position it had reached."""

    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.position = (line, col)


def describe(node: YNode) -> str:
    """How a node is called in messages: 'a mapping', 'a list', 'the text "..."'."""
    if isinstance(node, YMapping):
        return "a mapping"
    if isinstance(node, YSequence):
        return "a list"
    if node.is_null:
        return "nothing"
    shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return f"{'the value' if node.plain else 'the text'} {shown!r}"


_RAW_REFUSED = re.compile(f"[{_REFUSED_CLASS}]")
_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_ESCAPED = {"0": "\x00", "a": "\x07", "b": "\x08", "v": "\x0b", "f": "\x0c", "r": "\r", "e": "\x1b", "N": "\x85"}
_REFUSED_HINT = ("delete it: it would act on the learner's terminal instead of being shown "
                 "(newline and tab are the only control characters a bank may hold)")


def normalise_line_ends(text: str) -> str:
    """CRLF and lone CR become LF, as YAML reads them anyway; a CR then never survives into the text."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def build_tree(
    text: str, report: Report, stream: tuple[str, ItemReader, object] | None = None,
    checking: Checking | None = None,
) -> YNode | None:
    """Parse one YAML document into a positioned tree; None when there is no usable document.

    Characters that would act on a terminal (quiz.bank.controls) are refused, written raw or as escapes.
    With ``stream`` = (key, read, invalid), the list under that key of the top mapping is read item by item
    as it is parsed (a ``YReadItems``); ``invalid`` is the value ``read`` returns for an unreadable item.
    With ``checking``, the tree returned after it has had enough is incomplete: only syntax errors after
    ``checking.parsed_only_after`` are still reported.
    """
    text = normalise_line_ends(text)
    if _refused_raw(text, report):
        return None
    parser = None
    try:
        parser = _Parser(text)
        if checking is None:
            return _build(parser, report, text, stream)
        try:
            return _build(parser, _asking(report, checking), text, stream, checking)
        except _Enough as enough:
            checking.parsed_only_after = enough.position
            _parse_rest(parser)
            return None
    except yaml.reader.ReaderError as error:
        line, col = _reader_position(text, error, counts_bytes=not issubclass(_Parser, yaml.reader.Reader))
        report(line, col, "bad-character", f"the character U+{error.character:04X} is not allowed in YAML",
               "delete it (control characters often come from copying out of PDFs or word processors)")
        return None
    except yaml.MarkedYAMLError as error:
        _report_syntax(text, error, report)
        return None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


def _asking(report: Report, checking: Checking) -> Report:
    def asking(line: int, col: int, code: str, message: str, hint: str) -> None:
        report(line, col, code, message, hint)
        if checking.enough():
            raise _Enough(line, col)

    return asking


def _parse_rest(parser: _Parser) -> None:
    """Parse to the end of the stream for its syntax errors alone: in C when the parser is libyaml's."""
    raw_parse = getattr(parser, "raw_parse", None)  # the C parser's loop without Python event objects
    if raw_parse is not None:
        raw_parse()
        return
    while not isinstance(parser.get_event(), events.StreamEndEvent):
        pass


def _refused_raw(text: str, report: Report) -> bool:
    """Report every refused character written as itself in the file; True when there was one."""
    found = False
    for match in _RAW_REFUSED.finditer(text):
        line, col = _position(text, match.start())
        report(line, col, "bad-character", f"the character {character_name(match.group())} is not allowed in a bank",
               _REFUSED_HINT)
        found = True
    return found


def _position(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _refused_escape(text: str, event: Any, report: Report) -> None:
    """Report a refused character that a double-quoted scalar writes as an escape, at the escape."""
    start, end = event.start_mark.index, event.end_mark.index
    for match in _ESCAPE.finditer(text, start, end):
        code = match.group()[1:]
        character = _ESCAPED.get(code, "") if len(code) == 1 else chr(int(code[1:], 16))
        if len(character) == 1 and is_refused(character):
            line, col = _position(text, match.start())
            report(line, col, "bad-character", f"the escape {match.group()} writes the character "
                   f"{character_name(character)}, which is not allowed in a bank", _REFUSED_HINT)
            return
    line, col = event.start_mark.line + 1, event.start_mark.column + 1
    report(line, col, "bad-character", "this text holds a control character, which is not allowed in a bank",
           _REFUSED_HINT)


def _build(  # noqa: PLR0915
    parser: _Parser, report: Report, text: str, stream: tuple[str, ItemReader, object] | None,
    checking: Checking | None = None,
) -> YNode | None:
    root: YNode | None = None
    streamed_key, read_item, invalid = stream if stream is not None else ("", None, None)
    documents = 0
    # Each open collection, with the key waiting for its value when it is a mapping.
    stack: list[tuple[YMapping | YSequence, YScalar | None]] = []
    skipping = 0  # depth inside a complex key or refused node whose content we ignore
    get_event = parser.get_event
    scalar_event, mapping_start, mapping_end = events.ScalarEvent, events.MappingStartEvent, events.MappingEndEvent
    sequence_start, sequence_end = events.SequenceStartEvent, events.SequenceEndEvent

    def attach(node: YNode, line: int, col: int) -> bool:
        """Place a node in its parent; False when it is refused (a list or mapping used as a key)."""
        nonlocal root
        if not stack:
            root = node
            return True
        parent, pending_key = stack[-1]
        if type(parent) is YReadItems:
            if isinstance(node, YScalar):
                finish_item(parent, node)
        elif isinstance(parent, YSequence):
            parent.items.append(node)
        elif pending_key is None:
            if not isinstance(node, YScalar):
                report(line, col, "complex-key", "a mapping key must be plain text", "write the key as text")
                return False
            stack[-1] = (parent, node)
        else:
            first = parent.items.get(pending_key.value)
            if first is not None:
                report(
                    pending_key.line,
                    pending_key.col,
                    "duplicate-key",
                    f"duplicate key {pending_key.value!r} (first at line {first[0].line}); "
                    "YAML would silently keep only the last one",
                    "remove or rename one of the two",
                )
            else:
                parent.items[pending_key.value] = (pending_key, node)
            stack[-1] = (parent, None)
        return True

    def finish_item(parent: YReadItems, node: YNode) -> None:
        assert read_item is not None
        value = read_item(node, parent.count)
        parent.count += 1
        if value is invalid:
            parent.invalid += 1
            if checking is not None and checking.enough():
                raise _Enough(node.line, node.col)
        else:
            parent.values.append(value)

    def new_collection(starts_mapping: bool, line: int, col: int) -> YMapping | YSequence:
        if starts_mapping:
            return YMapping(line, col)
        if read_item is not None and len(stack) == 1 and stack[0][1] is not None and root is stack[0][0] \
                and stack[0][1].value == streamed_key:
            return YReadItems(line, col)
        return YSequence(line, col)

    def check_anchor_and_tag(event: events.NodeEvent, line: int, col: int) -> bool:
        if event.anchor is not None:
            report(line, col, "anchor", f"anchor &{event.anchor} is not allowed in a bank",
                   "write the value out in full where it is used (text that starts with & goes in quotes)")
            return False
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!" and tag not in STANDARD_TAGS:
            report(line, col, "unsafe-tag", f"the tag {tag!r} is not allowed; banks hold plain data only",
                   "remove the tag: quiz never constructs objects from YAML tags")
            return False
        return True

    while True:
        event: Any = get_event()  # dispatched on its exact class below, faster than isinstance chains
        kind = type(event)
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        if kind is scalar_event:
            if skipping:
                continue
            if not check_anchor_and_tag(event, line, col):
                attach(YScalar("", True, None, line, col), line, col)
                continue
            plain = not event.style  # the C parser gives "" for plain scalars, the pure one None
            if event.style == '"' and _RAW_REFUSED.search(event.value):
                _refused_escape(text, event, report)
            tag = None if event.tag in (None, "!") else event.tag
            attach(YScalar(event.value, plain, tag, line, col), line, col)
        elif kind is mapping_start or kind is sequence_start:
            if skipping or not check_anchor_and_tag(event, line, col):
                skipping += 1
                continue
            node = new_collection(kind is mapping_start, line, col)
            if attach(node, line, col):
                stack.append((node, None))
            else:
                skipping += 1
        elif kind is mapping_end or kind is sequence_end:
            if skipping:
                skipping -= 1
            else:
                finished = stack.pop()[0]
                if stack and type(stack[-1][0]) is YReadItems:
                    finish_item(stack[-1][0], finished)
        elif kind is events.AliasEvent:
            if skipping:
                continue
            report(line, col, "alias", f"alias *{event.anchor} is not allowed in a bank",
                   "write the value out in full where it is used (text that starts with * goes in quotes)")
            attach(YScalar("", True, None, line, col), line, col)
        elif kind is events.DocumentStartEvent:
            documents += 1
            if documents > 1:
                report(line, col, "multiple-documents", "a bank file holds exactly one YAML document",
                       "remove the '---' line and put each bank in its own file")
                return root
        elif kind is events.StreamEndEvent:
            return root


def _reader_position(text: str, error: yaml.reader.ReaderError, counts_bytes: bool) -> tuple[int, int]:
    """Line and column of a bad character; the C parser counts UTF-8 bytes, the Python one characters."""
    offset = error.position
    if counts_bytes:
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


_SPECIAL_VALUE = re.compile(r"^(\s*(?:-\s+)*(?:[^\s#'\"][^#]*?:\s+)?)([\[{*&!%@`])")
"""A block value that starts with a character YAML reads as syntax: flow list or mapping, alias, anchor, tag,
directive, or a reserved indicator."""


def _report_syntax(text: str, error: yaml.MarkedYAMLError, report: Report) -> None:
    """Where the parser stopped, and, when it is another line, where the problem starts (a missing colon
    is found only on a line after it, so it comes first even when that line holds a ``[`` list); a value
    starting with a YAML indicator gets the hint to quote it."""
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = _syntax_message(error)
    hint = _syntax_hint(error.problem or "not valid YAML")
    lines = text.split("\n", line)[:line]
    context = error.context_mark
    nesting = "nesting depth" in (error.problem or "")
    if context is not None and "simple key" in (error.context or "") and context.line + 1 < line:
        report(context.line + 1, context.column + 1, "yaml-syntax",
               f"{message}: this line has no ':' after its key (the parser stopped at line {line})", hint)
        return
    for number in range(line, max(0, line - 3), -1):
        special = _SPECIAL_VALUE.match(lines[number - 1]) if number <= len(lines) and not nesting else None
        if special:
            value = lines[number - 1][special.end(1):].rstrip()
            value = value if len(value) <= 60 else value[:57] + "..."
            stopped = f" (the parser stopped at line {line})" if number != line else ""
            report(number, special.end(1) + 1, "yaml-syntax", message + stopped,
                   f"a value starting with {special.group(2)} is YAML syntax, not text: put it in quotes: "
                   f"{json.dumps(value, ensure_ascii=False)}")
            return
    report(line, col, "yaml-syntax", message, hint)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    parts = [part for part in (error.context, error.problem) if part]
    return "YAML syntax: " + ", ".join(parts) if parts else "not valid YAML"


_SYNTAX_HINTS = (
    ("mapping values are not allowed", "a ': ' inside unquoted text starts a new key: put the whole text in quotes"),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("could not find expected ':'", "check the indentation and that every key ends with ':'"),
    ("found unexpected end of stream", "a quote or bracket was opened and never closed"),
    ("found undefined alias", "anchors and aliases are not allowed in a bank"),
    ("did not find expected key", "check the indentation of this line against the ones above"),
    ("expected <block end>", "check the indentation of this line against the ones above"),
    ("found character that cannot start any token", "quote text that starts with @, ` or another special character"),
)


def _syntax_hint(problem: str) -> str:
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem:
            return hint
    return "fix the YAML syntax at this position (an editor with YAML support shows it)"
