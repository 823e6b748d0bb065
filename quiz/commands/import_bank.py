"""``quiz import FILE [--from KIND]``: turn a teacher's existing questions into a bank."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz import exit_codes
from quiz.arguments import output_path
from quiz.bank.controls import shown
from quiz.collector import collection_paused
from quiz.error_output import print_error
from quiz.errors import UsageError

NAME = "import"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from quiz.formats.imports.import_file import KINDS

    names = ", ".join(KINDS.values())
    parser = subparsers.add_parser(
        NAME,
        help=f"import {names} questions into a new bank",
        description=f"Read questions from a {names} file and write a commented bank that passes "
                    "`quiz validate`. What did not map is reported on stderr; a malformed question is "
                    "reported with its line and the others are imported, with exit code 1.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    parser.add_argument("--from", dest="kind", choices=tuple(KINDS),
                        help="the file's format (default: guessed from the file, and said)")
    parser.add_argument("-o", "--output", type=output_path, metavar="BANK.yaml",
                        help="where to write the bank (default, or -: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing -o file")
    parser.add_argument("--id", dest="bank_id", default="", metavar="ID",
                        help="the new bank's id (default: from the file name)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with collection_paused():  # quiz.collector: an import makes objects that live until it ends
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from quiz import __version__
    from quiz.bank.problems import DEFAULT_MAX_PROBLEMS
    from quiz.bank.schema_file import SCHEMA_FILE, schema_beside
    from quiz.formats.imports.import_file import KINDS, import_file
    from quiz.output_file import output_target, write_atomically

    if not args.file.is_file():
        raise UsageError(f"{args.file} is not a file", "give the path of the file to import")
    target = None if args.output is None else output_target(args.output, force=args.force, inputs=[args.file])
    kind = args.kind
    if kind is None:
        from quiz.formats.imports.guess import guess_kind  # zipfile and all, only when asked to guess

        kind = guess_kind(args.file)
        guessed = f"quiz import: reading {args.file} as {KINDS[kind]} (say --from to choose)"
        print(shown(guessed, one_line=True), file=sys.stderr)
    schema = SCHEMA_FILE if args.output is not None else ""  # on standard output no schema file comes along
    result = import_file(args.file, kind, bank_id=args.bank_id, output=args.output, schema=schema)
    if result.bank is not None:
        if args.output is None:
            sys.stdout.write(result.text)
        elif target is not None:
            write_atomically(target, result.text.encode("utf-8"))
            schema_beside(target, __version__)  # the file the bank's $schema line names
        where = args.output or "standard output"
        summary = f"quiz import: {len(result.bank.questions)} question(s) from {args.file} -> {where}"
        print(shown(summary, one_line=True), file=sys.stderr)
    for note in sorted(result.notes, key=lambda n: (n.part, n.line)):
        print(f"  {shown(note.where, one_line=True)}: {shown(note.message, one_line=True)}", file=sys.stderr)
    if result.notes_left_out:
        print(f"  and {result.notes_left_out} more notes", file=sys.stderr)
    if result.placeholders:
        print(f"  TO DO: write the explanation of {len(result.placeholders)} question(s) "
              f"({', '.join(result.placeholders[:5])}{', ...' if len(result.placeholders) > 5 else ''}); "
              "their text says TO DO", file=sys.stderr)
    for error in sorted(result.errors, key=lambda e: e.line)[:DEFAULT_MAX_PROBLEMS]:
        print_error(error)
    if result.error_count > len(result.errors):
        print(f"quiz: and {result.error_count - len(result.errors)} more errors", file=sys.stderr)
    not_imported = result.error_count - result.file_errors
    if not_imported:
        imported = len(result.bank.questions) if result.bank else 0
        print(f"quiz import: {not_imported} question(s) not imported, {imported} imported: fix the "
              "lines above and import again", file=sys.stderr)
    elif result.error_count:
        print("quiz import: nothing written", file=sys.stderr)
    return exit_codes.INVALID if result.error_count else exit_codes.OK
