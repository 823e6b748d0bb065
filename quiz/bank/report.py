"""Problems as text for people, annotations for GitHub, or JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from quiz.bank.controls import json_safe, shown
from quiz.bank.problems import Problem
from quiz.bank.text import plural

FORMATS = ("text", "github", "json")


def as_text(problems: Sequence[Problem], files: int) -> str:
    """`file:line:col: error[code]: message`, then one indented line of what to do, then a total.

    Every part is one line of harmless text: a file name cannot start a line of its own or carry escapes.
    """
    lines = []
    for problem in problems:
        lines.append(f"{shown(problem.path, one_line=True)}:{problem.line}:{problem.col}: "
                     f"{problem.severity}[{problem.code}]: {shown(problem.message, one_line=True)}")
        if problem.hint:
            lines.append(f"    hint: {shown(problem.hint, one_line=True)}")
    lines.append(_summary(problems, files))
    return "\n".join(lines)


def _counts(problems: Sequence[Problem]) -> tuple[int, int, int]:
    """(errors shown, warnings shown, problems found but not kept)."""
    shown_problems = [problem for problem in problems if not problem.hidden]
    errors = sum(problem.is_error for problem in shown_problems)
    return errors, len(shown_problems) - errors, sum(problem.hidden for problem in problems)


def _summary(problems: Sequence[Problem], files: int) -> str:
    errors, warnings, hidden = _counts(problems)
    checked = f"{plural(files, 'file')} checked"
    if not problems:
        return f"{checked}: all valid"
    at_least = "" if all(problem.all_counted for problem in problems) else "at least "
    more = f", and {at_least}{hidden} more not shown" if hidden else ""
    return f"{checked}: {plural(errors, 'error')}, {plural(warnings, 'warning')}{more}"


def _escape_data(text: str) -> str:
    return shown(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem], files: int) -> str:
    """GitHub Actions workflow commands, one per problem, so each shows on its line in a pull request."""
    lines = []
    for problem in problems:
        title = _escape_property(f"quiz {problem.code}")
        message = problem.message + (f"\n{problem.hint}" if problem.hint else "")
        lines.append(f"::{problem.severity} file={_escape_property(problem.path)},line={problem.line},"
                     f"col={problem.col},title={title}::{_escape_data(message)}")
    lines.append(_summary(problems, files))
    return "\n".join(lines)


def as_json(problems: Sequence[Problem], files: int) -> str:
    """One JSON document: counts and every problem with its position."""
    errors, warnings, hidden = _counts(problems)
    document = {
        "files": files,
        "errors": errors,
        "warnings": warnings,
        "not_shown": hidden,
        "all_counted": all(p.all_counted for p in problems),
        "problems": [
            {"path": p.path, "line": p.line, "column": p.col, "severity": p.severity, "code": p.code,
             "message": p.message, "hint": p.hint, "question": p.question or None}
            for p in problems
        ],
    }
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False))


RENDERERS = {"text": as_text, "github": as_github, "json": as_json}
