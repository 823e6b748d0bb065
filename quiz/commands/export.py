"""``quiz export BANK... --to FORMAT``: write banks for Moodle, Canvas, Anki, print or a spreadsheet,
and say what the target could not carry."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import exit_codes
from quiz.arguments import output_path
from quiz.bank.controls import shown
from quiz.errors import QuizError, UsageError
from quiz.formats.exports.targets import TARGETS

if TYPE_CHECKING:
    from quiz.bank.model import Bank

NAME = "export"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="export banks to GIFT, Moodle XML, QTI (Canvas), Anki, Markdown or CSV",
        description="Export banks and report on stderr what the target cannot carry. With --check nothing "
                    "is written and the exit code is 1 when the export would drop question content.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="BANK", help="bank files or folders")
    parser.add_argument("--to", dest="target", required=True, choices=sorted(TARGETS), help="the format to write")
    parser.add_argument("-o", "--output", type=output_path, metavar="PATH",
                        help="the file to write (default, or -: standard output for text formats)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing -o file")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the export would drop question content")
    parser.set_defaults(func=run)


def _banks(paths: list[Path]) -> list[Bank]:
    from quiz.bank.load import load_paths

    try:
        result = load_paths(paths)
    except FileNotFoundError as error:
        raise UsageError(f"{error.args[0]} does not exist", "give bank files or folders") from None
    if not result.ok:
        errors = [p for p in result.problems if p.is_error]
        first = errors[0]
        raise QuizError(f"{len(errors)} error(s) in the banks, first {first.path}:{first.line}: {first.message}",
                        "run `quiz validate` on them and fix the errors before exporting")
    if not result.banks:
        raise UsageError("no bank files found", "give .yaml bank files or folders that hold them")
    return result.banks


def run(args: argparse.Namespace) -> int:
    from quiz.bank.files import find_bank_files
    from quiz.formats.exports.losses import describe
    from quiz.output_file import output_target, write_atomically

    target = TARGETS[args.target]
    if target.binary and args.output is None and not args.check and sys.stdout.isatty():
        raise UsageError(f"{target.label} is a binary file: not written to a terminal",  # as gzip does
                         f"add -o quiz{target.suffix}, or redirect standard output: > quiz{target.suffix}")
    output = None
    if args.output is not None and not args.check:
        try:
            inputs = find_bank_files(args.paths)
        except FileNotFoundError as error:
            raise UsageError(f"{error.args[0]} does not exist", "give bank files or folders") from None
        output = output_target(args.output, force=args.force, inputs=inputs)
    banks = _banks(args.paths)
    exported = target.exporter()(banks)
    failing = [loss for loss in exported.losses if loss.fails_check]
    if args.check:
        verdict = "would drop question content" if failing else "keeps every question's content"
        print(f"quiz export --check: {target.label} {verdict} "
              f"({exported.questions} questions from {len(banks)} bank(s))", file=sys.stderr)
    elif args.output is None:
        sys.stdout.buffer.write(exported.data)
        sys.stdout.flush()
    elif output is not None:
        write_atomically(output, exported.data)
    if not args.check:
        where = args.output or "standard output"
        summary = f"quiz export: {exported.questions} questions from {len(banks)} bank(s) -> {where} ({target.label})"
        print(shown(summary, one_line=True), file=sys.stderr)
    for line in describe(exported.losses, target.label):
        print(line, file=sys.stderr)
    return exit_codes.INVALID if args.check and failing else exit_codes.OK
