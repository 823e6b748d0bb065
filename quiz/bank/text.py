"""Small text rules every layer shares: how a number is written, how a name becomes an id."""

from __future__ import annotations

import re
import unicodedata

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
