"""docs/lint.md, generated from the rules' docstrings, so the documentation cannot drift from the code.

Regenerate with ``python -m quiz.lint.docs > docs/lint.md``; a test checks the shipped file is current.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from quiz.lint.rule import Rule
from quiz.lint.rules import RULES
from quiz.lint.run import STALE_ALLOW


@dataclass(frozen=True)
class RuleDoc:
    """A rule's docstring in parts: a one-line summary, what it detects and misses, and two examples."""

    summary: str
    body: str
    bad: str
    good: str


def rule_doc(rule: Rule) -> RuleDoc:
    """Split a docstring at its 'Bad:' and 'Good:' lines; the examples are YAML lists of questions."""
    text, _, examples = textwrap.dedent(rule.doc).partition("\nBad:\n")
    bad, _, good = examples.partition("\nGood:\n")
    summary, _, body = text.strip().partition("\n\n")
    return RuleDoc(summary.strip(), " ".join(body.split()), textwrap.dedent(bad).strip(),
                   textwrap.dedent(good).strip())


_INTRO = """\
# `quiz lint`: item-writing flaws

`quiz lint PATH...` looks for the flaws that let a question be answered without the knowledge it
asks for, or that confuse a learner who has it: item-writing flaws (IWF) in the assessment
literature. The rules follow the guidelines reviewed by Haladyna, Downing and Rodriguez (2002) and
the flaw lists of Case and Swanson (2002) and Tarrant et al. (2006), as automated by Moore et al.
(2023), whose rule-based checker found 91% of the flaws human reviewers found in 200 questions.

```sh
quiz lint questions/                      # every flaw, with file:line:col and a hint
quiz lint --strict --format github banks/ # fail CI on a flaw that is not allowed
```

It takes the same paths, `--format text|github|json` and exit codes as `quiz validate`: 0 when
nothing fails, 1 when a bank is invalid (its errors are shown; an invalid bank is not linted) or
with `--strict` when a flaw is not allowed, 2 for bad usage or an unreadable path. Flaws are
warnings, never errors; in JSON each problem also names its `question`. Validation warnings
(`no-tags`, ...) are left to `quiz validate`. A pre-commit hook, `quiz-lint`, runs
`quiz lint --strict`.

Every rule is a heuristic over the text. Each says below what it detects and what it misses; they
are tuned to flag few questions that are fine, at the cost of missing some that are not. A rule
cannot tell whether a distractor is plausible or a fact is right: that is still a reviewer's job.

## Allowing a flaw in one question

Some flaws are deliberate: a media-literacy question may need its long, careful right answer. Say
so in the question, with the reason:

```yaml
  - id: war-1999.kla-labels
    type: choice
    ...
    lint:
      allow: [longest-key]
      because: The right answer has to attribute each label to whoever used it.
```

`allow` takes one code or a list; `because` must not be empty. An unknown code is a `quiz validate`
error (with a did-you-mean). An allowance that no longer matches a flaw of its question is reported
as `{stale}`, so allowances do not outlive the flaw they excuse. `lint:` is not part of what a
learner sees: adding or changing it keeps their progress on the question.

## Rules

| code | flaw |
|---|---|
"""

_SOURCES = """\
## Sources

- Case, S. M., & Swanson, D. B. (2002). *Constructing written test questions for the basic and
  clinical sciences* (3rd ed.). National Board of Medical Examiners.
- Frisbie, D. A., & Becker, D. F. (1991). An analysis of textbook advice about true-false tests.
  *Applied Measurement in Education*, 4(1), 67-83.
- Haladyna, T. M., Downing, S. M., & Rodriguez, M. C. (2002). A review of multiple-choice
  item-writing guidelines for classroom assessment. *Applied Measurement in Education*, 15(3), 309-333.
- Moore, S., Nguyen, H. A., Chen, T., & Stamper, J. (2023). Assessing the quality of multiple-choice
  questions using GPT-4 and rule-based methods. *EC-TEL 2023*, LNCS 14200, Springer.
- Shute, V. J. (2008). Focus on formative feedback. *Review of Educational Research*, 78(1), 153-189.
- Tarrant, M., Knierim, A., Hayes, S. K., & Ware, J. (2006). The frequency of item writing flaws in
  multiple-choice questions used in high stakes nursing assessments. *Nurse Education in Practice*,
  6(6), 354-363.
"""


def _section(rule: Rule) -> str:
    parts = rule_doc(rule)
    allow = "" if rule.allowable else " It cannot be allowed in a question."
    return (f"### `{rule.id}`\n\n{parts.summary}\n\n{parts.body}{allow}\n\n"
            f"**Source:** {rule.source}.\n\n**Hint shown:** {rule.hint}.\n\n"
            f"Flagged:\n\n```yaml\n{parts.bad}\n```\n\nPasses:\n\n```yaml\n{parts.good}\n```\n")


def markdown() -> str:
    """The whole of docs/lint.md."""
    table = "".join(f"| [`{rule.id}`](#{rule.id}) | {rule_doc(rule).summary} |\n" for rule in RULES.values())
    sections = "\n".join(_section(rule) for rule in RULES.values())
    return f"{_INTRO.format(stale=STALE_ALLOW)}{table}\n{sections}\n{_SOURCES}"


if __name__ == "__main__":
    print(markdown(), end="")
