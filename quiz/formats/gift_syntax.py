"""GIFT's escapes and text-format prefixes, shared by the GIFT reader and writer."""

from __future__ import annotations

import html
import re

SPECIAL = "~=#{}:"
FORMATS = ("moodle", "html", "plain", "markdown")


def escape(text: str) -> str:
    """Text as GIFT must carry it: backslash first, then ``~ = # { } :``, then newlines as ``\\n``."""
    escaped = text.replace("\\", "\\\\")
    for char in SPECIAL:
        escaped = escaped.replace(char, "\\" + char)
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def unescape(text: str) -> str:
    """Undo :func:`escape`; a backslash before any other character is kept, as Moodle does."""

    def replace(match: re.Match[str]) -> str:
        char = match.group(1)
        if char == "n":
            return "\n"
        return char if char in SPECIAL or char == "\\" else match.group(0)

    return _ESCAPE.sub(replace, text)


def _escaped(text: str, index: int) -> bool:
    """Whether the character at ``index`` follows an odd run of backslashes."""
    run = index
    while run > 0 and text[run - 1] == "\\":
        run -= 1
    return (index - run) % 2 == 1


def find(text: str, token: str, start: int = 0) -> int:
    """The index of the first ``token`` at or after ``start`` that is not escaped, or -1.

    Linear: ``str.find`` jumps between candidates and only the backslashes just before one are counted.
    """
    index = text.find(token, start)
    while index >= 0 and _escaped(text, index):
        index = text.find(token, index + 1)
    return index


def positions(text: str, chars: str) -> list[int]:
    """The indexes of every unescaped character of ``chars`` in ``text``."""
    pattern = re.compile(r"\\.|[" + re.escape(chars) + "]", re.DOTALL)
    return [m.start() for m in pattern.finditer(text) if m.group()[0] != "\\"]


def split(text: str, token: str) -> list[str]:
    """``text`` cut at every unescaped ``token``."""
    parts: list[str] = []
    start = 0
    while (index := find(text, token, start)) >= 0:
        parts.append(text[start:index])
        start = index + len(token)
    parts.append(text[start:])
    return parts


_PREFIX = re.compile(r"^\s*\[(moodle|html|plain|markdown)\]", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?\s*>", re.IGNORECASE)
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(.+?)\1")


def strip_format(raw: str) -> tuple[str, str]:
    """Remove a leading ``[format]`` prefix: (text still escaped, format name or "")."""
    match = _PREFIX.match(raw)
    if match is None:
        return raw, ""
    return raw[match.end():], match.group(1).lower()


def to_plain(text: str, text_format: str) -> str:
    """Turn HTML or Markdown into the plain text a bank holds; moodle and plain text pass through."""
    if text_format == "html":
        return html.unescape(_TAG.sub("", _BREAK.sub("\n", text))).strip()
    if text_format == "markdown":
        return _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1 (\2)", text)).strip()
    return text
