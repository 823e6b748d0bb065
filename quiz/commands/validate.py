"""`quiz validate PATH...`: check bank files and report every problem with its position."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from quiz import exit_codes
from quiz.arguments import positive
from quiz.errors import UsageError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check bank files (for editors, pre-commit and CI)",
        description="Check bank files and folders (searched recursively for *.yaml and *.yml). "
        "Exit 0 when valid, 1 when a bank is invalid, 2 for bad usage or an unreadable path.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="bank files or folders")
    parser.add_argument("--format", choices=("text", "github", "json"), default="text",
                        help="text for people (default), github for Actions annotations, json for tools")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--max-size", type=positive, default=None, metavar="BYTES",
                        help="refuse files larger than this (default 16 MiB)")
    parser.add_argument("--max-problems", type=positive, default=None, metavar="N",
                        help="report at most N problems per file, then how many more (default 200)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quiz.bank.files import MAX_BYTES
    from quiz.bank.load import load_paths
    from quiz.bank.problems import DEFAULT_MAX_PROBLEMS
    from quiz.bank.report import RENDERERS

    try:
        result = load_paths(args.paths, args.max_size or MAX_BYTES, args.max_problems or DEFAULT_MAX_PROBLEMS)
    except FileNotFoundError as missing:
        raise UsageError(f"no such file or folder: {missing.args[0]}", "check the path") from None
    if result.files == 0:
        raise UsageError("no bank files (*.yaml, *.yml) found under " + ", ".join(map(str, args.paths)))
    failing = [p for p in result.problems if p.is_error or args.strict]
    code = exit_codes.INVALID if failing else exit_codes.OK
    if any(problem.code == "unreadable" for problem in result.problems):
        code = exit_codes.USAGE
    try:
        print(RENDERERS[args.format](result.problems, result.files), file=sys.stdout, flush=True)
    except BrokenPipeError:
        discard_stdout()  # the reader stopped (`| head`): the verdict still stands
    return code


def discard_stdout() -> None:
    """Point standard output at the null device, so Python's final flush on exit finds no closed pipe."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
