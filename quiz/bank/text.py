"""Small text rules every layer shares: how a number is written, how a name becomes an id or a tag."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

PLACEHOLDER_MARK = "TO DO"
"""How text that `quiz import` left for a teacher to fill in starts; `quiz validate` warns about it."""

PLACEHOLDER = f"{PLACEHOLDER_MARK}: explain why this answer is right (the imported file had no general feedback)."
"""The explanation an import writes where the file had none."""


def number_text(value: float) -> str:
    """A number without a useless ``.0``: 1999, 0.5, -3.25."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 answer``, ``2 answers``: counts that read right."""
    return f"{count} {one}" if count == 1 else f"{count} {many or one + 's'}"


def slug(text: str, limit: int = 40, keep: str = "") -> str:
    """Lowercase ASCII letters, digits and dashes (and the ``keep`` characters), for ids and tags."""
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(f"[^a-z0-9{re.escape(keep)}]+", "-", bare.lower())
    return cleaned.strip("-" + keep)[:limit].strip("-" + keep)


def is_tag_char(char: str) -> bool:
    """A letter or digit of any script, a combining mark (the vowel signs of हिन्दी) or ``. _ -``."""
    return char.isalnum() or char in "._-" or unicodedata.category(char)[0] == "M"


def is_tag(text: str) -> bool:
    """Whether ``text`` is a tag as the validator wants it: lower case, NFC, tag characters, not starting
    with ``. _ -``."""
    return (bool(text) and text[0] not in "._-" and all(map(is_tag_char, text))
            and text == unicodedata.normalize("NFC", text).lower())


@lru_cache(maxsize=4096)
def tag_text(name: str) -> str:
    """A name as a tag: lower case, NFC, every run of other characters a single dash. Cached: an
    import turns the same few category and tag names into tags thousands of times."""
    normal = unicodedata.normalize("NFC", name).lower()
    kept = "".join(char if is_tag_char(char) and char not in "-_" else " " for char in normal)
    cleaned = "-".join(kept.split())
    return cleaned.strip("-.")[:60].strip("-.")
