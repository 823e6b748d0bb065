"""HTML and Markdown, as LMS files carry them, to the plain text a bank holds.

What a learner would read is kept: line breaks, a link's words and its URL. What cannot be kept
(images, media) is named, so the importer can say so. Every step is linear in the text, so a hostile
file costs no more than its size.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/tr|/blockquote|/pre)\b[^<>]*>", re.IGNORECASE)
_ITEM = re.compile(r"<\s*li\b[^<>]*>", re.IGNORECASE)
_LINK = re.compile(r"<\s*a\b[^<>]*?\bhref\s*=\s*(\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+)[^<>]*>([^<]*)<\s*/\s*a\s*>",
                   re.IGNORECASE)
_MEDIA = re.compile(r"<\s*(?:img|audio|video|source|object|embed|iframe)\b"
                    r"(?:[^<>]*?\b(?:src|data)\s*=\s*(\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+))?[^<>]*>", re.IGNORECASE)
_DROPPED = re.compile(r"<\s*(script|style)\b[^<>]*>[^<]*<\s*/\s*\1\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\(([^()\s]+)\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`|~~)(?=\S)([^*`~\n]+?)(?<=\S)\1")
_MD_UNDERSCORE = re.compile(r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
_MD_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+|^[ ]{0,3}>[ \t]?", re.MULTILINE)
_MD_BREAK = re.compile(r"(?:  +|\\)\n")


_EMBEDDED = "@@PLUGINFILE@@"
"""How Moodle points at a file stored inside its export: no address a learner could open."""


@dataclass(frozen=True)
class Plain:
    """Plain text and the media it referred to, which a bank cannot hold."""

    text: str
    media: tuple[str, ...] = ()


def _without_comments(text: str) -> str:
    """HTML comments vanish entirely; an unclosed one runs to the end, as browsers read it."""
    parts, start = [], 0
    while (opening := text.find("<!--", start)) >= 0:
        parts.append(text[start:opening])
        closing = text.find("-->", opening + 4)
        if closing < 0:
            return "".join(parts)
        start = closing + 3
    parts.append(text[start:])
    return "".join(parts)


def _unquote(value: str) -> str:
    return value[1:-1] if value[:1] in "\"'" else value


def _tidy(text: str) -> str:
    if "\n" not in text and "  " not in text and "\t" not in text and "\r" not in text:
        return text.strip()
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(text: str, *, newlines: bool = False) -> Plain:
    """What a browser shows of ``text``; ``newlines`` keeps raw line breaks (Moodle's auto-format)."""
    if "<" not in text and "&" not in text:
        return Plain(_tidy(text if newlines else text.replace("\n", " ")))
    media: list[str] = []

    def medium(match: re.Match[str]) -> str:
        media.append(html.unescape(_unquote(match.group(1) or "")) or "an embedded object")
        return ""

    def link(match: re.Match[str]) -> str:
        url, words = html.unescape(_unquote(match.group(1))), html.unescape(match.group(2)).strip()
        if url.startswith(_EMBEDDED):
            media.append(url)
            return words
        return url if not words or words == url else f"{words} ({url})"

    body = _without_comments(text)
    body = body if newlines else re.sub(r"\s*\n\s*", " ", body)
    body = _DROPPED.sub("", body)
    body = _MEDIA.sub(medium, body)
    body = _LINK.sub(link, body)
    body = _ITEM.sub("\n- ", _BREAK.sub("\n", body))
    return Plain(_tidy(html.unescape(_TAG.sub("", body)).replace("\xa0", " ")), tuple(media))


def markdown_to_text(text: str) -> Plain:
    """Markdown as the plain text a learner reads: emphasis marks gone, links as words (URL)."""
    media = tuple(m.group(2) for m in _MD_LINK.finditer(text) if m.group(0).startswith("!"))
    body = _MD_BREAK.sub("\n", text)
    body = _MD_LINK.sub(lambda m: "" if m.group(0).startswith("!") else
                        (m.group(2) if m.group(1) in ("", m.group(2)) else f"{m.group(1)} ({m.group(2)})"), body)
    body = _MD_UNDERSCORE.sub(r"\1", _MD_EMPHASIS.sub(r"\2", body))
    return Plain(_tidy(_MD_HEADING.sub("", body)), media)


def to_text(text: str, text_format: str) -> Plain:
    """Text in a Moodle format (html, moodle, markdown, plain) as plain bank text."""
    if text_format == "html":
        return html_to_text(text)
    if text_format == "moodle":
        return html_to_text(text, newlines=True)
    if text_format == "markdown":
        return markdown_to_text(text)
    return Plain(text.strip())
