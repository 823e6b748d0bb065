"""`quiz lint PATH...`: item-writing flaws, positioned and reported like `quiz validate`'s problems."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz import exit_codes
from quiz.arguments import positive
from quiz.errors import UsageError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="find item-writing flaws that give answers away (docs/lint.md)",
        description="Check bank files and folders for item-writing flaws: a key longer than the other choices, "
        "'all of the above', cues in grammar or wording, and more (docs/lint.md lists every rule). Flaws are "
        "warnings; a question may allow one with `lint: {allow: [code], because: ...}`. Exit 0 unless a bank is "
        "invalid (1) or --strict finds a flaw (1); 2 for bad usage or an unreadable path.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="bank files or folders")
    parser.add_argument("--format", choices=("text", "github", "json"), default="text",
                        help="text for people (default), github for Actions annotations, json for tools")
    parser.add_argument("--strict", action="store_true", help="fail when a flaw is not allowed")
    parser.add_argument("--max-size", type=positive, default=None, metavar="BYTES",
                        help="refuse files larger than this (default 16 MiB)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quiz.bank.files import MAX_BYTES
    from quiz.bank.load import load_paths
    from quiz.bank.problems import Problem
    from quiz.bank.report import RENDERERS
    from quiz.lint.run import lint_banks

    try:
        result = load_paths(args.paths, args.max_size or MAX_BYTES)
    except FileNotFoundError as missing:
        raise UsageError(f"no such file or folder: {missing.args[0]}", "check the path") from None
    if result.files == 0:
        raise UsageError("no bank files (*.yaml, *.yml) found under " + ", ".join(map(str, args.paths)))
    errors = [problem for problem in result.problems if problem.is_error]
    problems = sorted(errors + lint_banks(result.banks), key=Problem.sort_key)
    print(RENDERERS[args.format](problems, result.files), file=sys.stdout)
    if any(problem.code == "unreadable" for problem in errors):
        return exit_codes.USAGE
    failing = [p for p in problems if p.is_error or args.strict]
    return exit_codes.INVALID if failing else exit_codes.OK
