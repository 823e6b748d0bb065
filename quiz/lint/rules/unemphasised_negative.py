"""The prompt asks a negative question (not, except, never) without stressing the negative word.

A learner reading fast misses a lowercase "not" and answers the opposite question. Detects, in the
main clause of a choice or multi question's prompt, the words not, except, never, "the least" and
n't-contractions written in lower case (or capitalised only as a sentence's first word); NOT, EXCEPT
and NEVER in capitals count as emphasised. The main clause is each sentence up to a subordinate
"that", "whether", "because", "if" or "although", without quoted text: "did the court find that it
did not violate" asks a positive question. Misses negatives such as "no longer" or "fails to", and
does not judge whether the negative was needed at all.

Bad:
    - id: ex.bad
      type: choice
      prompt: Which of these towns is not in northern Kosovo?
      choices: [Prizren, Zvečan, Leposavić]
      answer: Prizren
      explanation: Prizren lies in the south, far from the Ibar; the other two are Serb-majority municipalities.
      source: report

Good:
    - id: ex.good
      type: choice
      prompt: Which of these towns is NOT in northern Kosovo?
      choices: [Prizren, Zvečan, Leposavić]
      answer: Prizren
      explanation: Prizren lies in the south, far from the Ibar; the other two are Serb-majority municipalities.
      source: report
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.bank.model import AnyQuestion, ChoiceQuestion, MultiQuestion
from quiz.lint.rule import Flaw

ID = "unemphasised-negative"
SCOPE = "question"
HINT = "ask it positively, or write the negative in capitals (NOT, EXCEPT) so it is not missed"
SOURCE = ("Haladyna, Downing & Rodriguez 2002 (word the stem positively; if a negative is "
          "needed, emphasise it); Tarrant et al. 2006 and Moore et al. 2023, 'negatively worded stem'")

_NEGATIVE = re.compile(r"\b(?:[Nn]ot|[Ee]xcept|[Nn]ever|[Tt]he least)\b|\b\w+n['’]t\b")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’")
_SENTENCE_END = re.compile(r"[.?!:;]\s+")
_SUBORDINATE = re.compile(r"\b(?:that|whether|because|if|although)\b")


def _main_clauses(prompt: str) -> list[str]:
    """Each sentence of the prompt up to its first subordinate clause, without quotations."""
    sentences = _SENTENCE_END.split(_QUOTED.sub(" ", prompt))
    return [_SUBORDINATE.split(sentence, maxsplit=1)[0] for sentence in sentences]


def check(question: AnyQuestion) -> Iterator[Flaw]:
    if not isinstance(question, (ChoiceQuestion, MultiQuestion)):
        return
    match = next(filter(None, map(_NEGATIVE.search, _main_clauses(question.prompt))), None)
    if match:
        yield Flaw("prompt", f"the prompt asks a negative question ({match.group()!r}) without stressing it")
