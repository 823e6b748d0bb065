"""The prompt's grammar fits only the right answer (a/an before a blank, singular or plural verb).

A prompt that ends "... was an" rules out every choice starting with a consonant sound; "___ were
sent" rules out the singular choices. Detects, in choice questions, an article a/an that ends the
prompt or stands before a blank (``___``) when the right choice agrees with it and some wrong choice
does not; and a blank followed by is/was/has or are/were/have when only the right choice agrees in
number (a choice counts as plural when its last word ends in -s, so this part is rough). Choices
that bring their own article, acronyms and numbers are left out (their sound is not in the letters).
Misses agreement cues anywhere else in the sentence, and gender or case cues.

Bad:
    - id: ex.bad
      type: choice
      prompt: Ibrahim Rugova led the LDK and was elected as an
      choices: [unofficial president, prime minister, mayor of Pristina]
      answer: unofficial president
      explanation: He was elected in the parallel vote of 1992.
      source: report

Good:
    - id: ex.good
      type: choice
      prompt: Ibrahim Rugova led the LDK and was elected as what?
      choices: [unofficial president, prime minister, mayor of Pristina]
      answer: unofficial president
      explanation: He was elected in the parallel vote of 1992.
      source: report
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from quiz.bank.model import AnyQuestion, ChoiceQuestion
from quiz.lint.options import Option, split
from quiz.lint.rule import Flaw

ID = "grammatical-cue"
SCOPE = "question"
HINT = "move the article or verb into the choices (a/an ..., or 'a(n)'), or rephrase the prompt as a question"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (avoid clues: grammatical inconsistency); "
          "Case & Swanson 2002 (grammatical cues); Tarrant et al. 2006 and Moore et al. 2023, 'grammatical clues'")

_ARTICLE = re.compile(r"\b(a|an)\s*(?:_{2,}|…|\.\.\.)?\s*[:.?]?\s*$|\b(a|an)\s+(?:_{2,}|…)", re.IGNORECASE)
_BLANK_VERB = re.compile(r"(?:_{2,}|…)\s+(is|was|has|are|were|have)\b", re.IGNORECASE)
_AN_WORDS = ("hour", "honest", "honour", "honor", "heir")
_A_WORDS = ("uni", "use", "usu", "uti", "eu", "one", "once", "ubiq")
_OWN_ARTICLE = ("a", "an", "the")


def _takes_an(text: str) -> bool | None:
    """Whether the text is read with 'an' before it; None when its letters do not tell."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    letters = first.strip("\"'“‘(")
    if not letters or not letters[0].isalpha() or (len(letters) > 1 and letters.isupper()):
        return None
    lower = letters.lower()
    if lower.startswith(_AN_WORDS):
        return True
    if lower.startswith(_A_WORDS):
        return False
    return lower[0] in "aeiou"


def _is_plural(text: str) -> bool | None:
    last = text.rsplit(maxsplit=1)[-1].strip(".,;:!?\"')”’").lower() if text.split() else ""
    if not last.isalpha() or last.endswith(("ss", "us", "is")):
        return None
    return last.endswith("s")


def _only_key_fits(keys: list[Option], distractors: list[Option], fits: bool,
                   reading: Callable[[str], bool | None]) -> bool:
    read = [reading(o.text) for o in (*keys, *distractors)]
    if None in read:
        return False
    key_fits = all(value == fits for value in read[: len(keys)])
    return key_fits and any(value != fits for value in read[len(keys):])


def check(question: AnyQuestion) -> Iterator[Flaw]:
    if not isinstance(question, ChoiceQuestion):
        return
    keys, distractors = split(question)
    if any(o.text.split()[0].lower() in _OWN_ARTICLE for o in (*keys, *distractors) if o.text.split()):
        return
    article = _ARTICLE.search(question.prompt)
    if article:
        word = (article.group(1) or article.group(2)).lower()
        if _only_key_fits(keys, distractors, word == "an", _takes_an):
            yield Flaw("prompt", f"the prompt's {word!r} fits the right answer but not every wrong choice")
    verb = _BLANK_VERB.search(question.prompt)
    if verb:
        plural = verb.group(1).lower() in ("are", "were", "have")
        if _only_key_fits(keys, distractors, plural, _is_plural):
            yield Flaw("prompt", f"the verb {verb.group(1)!r} after the blank agrees only with the right answer")
