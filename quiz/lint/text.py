"""Words, numbers and dates in bank text, as the rules compare them."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
"""The combining marks that NFKD splits from letters (accents, cedillas, carons)."""
_POSSESSIVE = ("'s", "’s")
_UNDECOMPOSABLE = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ı": "i"})

_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
once only or other our out over own same she should so some such than that the their them then there these
they this those through to too under until up very was we were what when where which while who whom why
will with would you your one two three four five six seven eight nine ten first second third last
many much made make said says say according report reported question answer true false
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
"""Words that carry no content of their own: a cue needs a word that means something."""

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec"),
), start=1) for name in names}

_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_DATE = re.compile(
    rf"\b(?:(?P<iso>{_YEAR})-(?P<isomonth>[01][0-9])(?:-(?P<isoday>[0-3][0-9]))?"
    rf"|(?:(?P<day>[0-3]?[0-9])\s+)?(?P<month>{_MONTH})(?:\s+(?P<mday>[0-3]?[0-9]),?)?(?:\s+(?P<year>{_YEAR}))?"
    rf"|(?P<bare>{_YEAR}))\b",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Lower case without diacritics, so Leposavić and Leposavic are one word."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE).casefold())
    return _MARKS.sub("", decomposed)


@lru_cache(maxsize=4096)  # several rules read the same prompt and choices
def words(text: str) -> tuple[str, ...]:
    """The words of a text, folded, without a possessive 's (NATO's is NATO)."""
    return tuple(word[:-2] if word.endswith(_POSSESSIVE) else word for word in _WORD.findall(fold(text)))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem (plural and common endings off), enough to match 'troops' with 'troop'."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def content_stems(text: str) -> frozenset[str]:
    """The stems of the words that carry meaning: no stopwords, no numbers, at least four letters."""
    return frozenset(stem(word) for word in words(text)
                     if len(word) >= 4 and word not in STOPWORDS and not word.isdigit())


def dates(text: str) -> list[tuple[int, int, int]]:
    """Every date or year written in the text, as (year, month, day) with 0 for what is left out.

    A month without a year (``23 March``) counts too, with year 0: it still says when.
    """
    found = []
    for match in _DATE.finditer(text):
        if match["iso"]:
            found.append((int(match["iso"]), int(match["isomonth"]), int(match["isoday"] or 0)))
        elif match["bare"]:
            found.append((int(match["bare"]), 0, 0))
        elif match["year"] or match["day"] or match["mday"]:
            day = match["day"] or match["mday"] or 0
            found.append((int(match["year"] or 0), MONTHS[match["month"].lower()], int(day)))
    return found


_NUMBER = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?"
_QUANTITY = re.compile(
    r"^(?:about|around|some|nearly|almost|roughly|approximately|c\.|ca\.|~)?\s*"
    rf"(?P<low>{_NUMBER})(?:\s*(?:-|–|—|to)\s*(?P<high>{_NUMBER}))?"
    r"\s*(?P<scale>thousand|million|billion)?\s*(?P<unit>%|[^\W\d_]+(?:\s+[^\W\d_]+)?)?$",
    re.IGNORECASE,
)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def quantity(text: str) -> tuple[float, float] | None:
    """The number or range a choice consists of, as (low, high); None when it is more than a quantity.

    ``1999``, ``about 13,000``, ``10,000-12,000 people`` and ``1.5 million`` are quantities; a sentence
    with a number in it is not.
    """
    match = _QUANTITY.match(text.strip())
    if match is None:
        return None
    scale = _SCALES.get((match["scale"] or "").lower(), 1.0)
    low = float(match["low"].replace(",", "")) * scale
    high = float(match["high"].replace(",", "")) * scale if match["high"] else low
    return (low, high) if low <= high else None


def date_value(text: str) -> tuple[int, int, int] | None:
    """The date a choice consists of (``23 March 1999``, ``1999-03-23``, ``June 1999``), if it is one."""
    stripped = text.strip().rstrip(".")
    match = _DATE.fullmatch(stripped)
    if match is None or not (match["iso"] or match["year"] or match["bare"]):
        return None
    found = dates(stripped)
    return found[0] if found else None
