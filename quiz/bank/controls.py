"""The one rule for characters that would act on a terminal instead of being shown, and how to show them.

A bank, a database or a file name is written by someone else. Its text must never reach the
learner's terminal as an escape sequence (OSC 52 writes the clipboard, others retitle the window or
clear the screen), nor reorder what is shown (bidirectional overrides, the "Trojan Source" trick).
So: C0 controls other than newline and tab (a carriage return included: line ends are normalised
on reading), DEL, C1 controls (U+0080 to U+009F) and the bidirectional embedding, override and
isolate characters are refused in banks by ``quiz validate``, and everything printed that came from
outside goes through ``shown`` (``json_safe`` for JSON, ``removed`` for the app's screen).
"""

from __future__ import annotations

import re

REFUSED = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
"""The refused characters, as the inside of a regular-expression character class."""

_REFUSED = re.compile(f"[{REFUSED}]")
_REFUSED_OR_BREAK = re.compile(f"[{REFUSED}\n\t\u2028\u2029]")

_NAMES = {
    "\x00": "NUL", "\x07": "bell", "\x08": "backspace", "\x0b": "vertical tab", "\x0c": "form feed",
    "\r": "carriage return", "\x1b": "escape", "\x7f": "delete", "\x85": "next line",
    "\u202a": "left-to-right embedding", "\u202b": "right-to-left embedding", "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override", "\u202e": "right-to-left override", "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate", "\u2068": "first strong isolate", "\u2069": "pop directional isolate",
}


def first_refused(text: str) -> int | None:
    """The index of the first refused character in ``text``, or None when there is none."""
    found = _REFUSED.search(text)
    return None if found is None else found.start()


def is_refused(character: str) -> bool:
    """Whether this one character is refused in bank text."""
    return _REFUSED.fullmatch(character) is not None


def character_name(character: str) -> str:
    """How a refused character is named in a message: ``U+001B (escape)``."""
    name = _NAMES.get(character) or ("control character" if ord(character) < 0xA0 else "formatting character")
    return f"U+{ord(character):04X} ({name})"


def _escaped(match: re.Match[str]) -> str:
    character = match.group()
    return {"\n": "\\n", "\t": "\\t"}.get(character) or f"\\u{ord(character):04x}"


def shown(text: str, *, one_line: bool = False) -> str:
    """Text from outside made safe to print: each refused character written as ``\\u001b``.

    With ``one_line`` newlines and tabs are escaped too, so a file name or a database value can never
    start a line of its own (and forge a message) in line-based output.
    """
    pattern = _REFUSED_OR_BREAK if one_line else _REFUSED
    return pattern.sub(_escaped, text) if pattern.search(text) else text


def removed(text: str) -> str:
    """Text with every refused character left out, for a screen whose layout has already measured it.

    Terminals and Textual give these characters no width, so leaving them out changes no layout.
    """
    return _REFUSED.sub("", text) if _REFUSED.search(text) else text


def json_safe(document: str) -> str:
    """A JSON text with every refused character written as a ``\\uXXXX`` escape: the same data, safe to print.

    Refused characters can only occur inside JSON strings, where the escape means the same character.
    """
    return _REFUSED.sub(lambda match: f"\\u{ord(match.group()):04x}", document)
